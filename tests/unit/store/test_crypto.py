"""Sealing: Wycheproof known answers through our wrapper, associated-data binding, nonces."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from lumen_bot.errors import DecryptionError, KeyringError
from lumen_bot.store.crypto import (
    FORMAT,
    NONCE_BYTES,
    Keyring,
    key_aad,
    open_sealed,
    record_aad,
    seal,
    seal_with_nonce,
)
from lumen_bot.store.sealing import DataKey

VECTORS = Path(__file__).parents[2] / "data" / "wycheproof_aes_gcm_96.json"


def _cases() -> list[tuple[str, dict[str, Any]]]:
    data = json.loads(VECTORS.read_text())
    return [(f"tc{t['tcId']}", t) for group in data["testGroups"] for t in group["tests"]]


CASES = _cases()


def test_vector_file_has_the_96_bit_cases() -> None:
    assert len(CASES) == 197
    assert {t["result"] for _, t in CASES} >= {"valid", "invalid"}


@pytest.mark.parametrize(("name", "case"), CASES, ids=[name for name, _ in CASES])
def test_wycheproof_aes_gcm_through_our_wrapper(name: str, case: dict[str, Any]) -> None:
    key, iv, aad = (bytes.fromhex(case[k]) for k in ("key", "iv", "aad"))
    msg, ct, tag = (bytes.fromhex(case[k]) for k in ("msg", "ct", "tag"))
    blob = bytes([FORMAT]) + iv + ct + tag
    if case["result"] == "valid":
        assert seal_with_nonce(key, iv, msg, aad) == blob
        assert open_sealed(key, blob, aad) == msg
    else:
        with pytest.raises(DecryptionError):
            open_sealed(key, blob, aad)


KEY = bytes(range(32))


def aad(**changes: Any) -> bytes:
    fields: dict[str, Any] = {
        "owner": 1,
        "table": "turns",
        "record": 5,
        "column": "body",
        "key_version": 1,
    }
    fields.update(changes)
    return record_aad(**fields)


@pytest.mark.parametrize(
    "moved",
    [
        {"owner": 2},
        {"table": "notebooks"},
        {"record": 6},
        {"column": "title"},
        {"key_version": 2},
    ],
    ids=["other person", "other table", "other record", "other column", "other key version"],
)
def test_a_ciphertext_moved_anywhere_else_fails_to_open(moved: dict[str, Any]) -> None:
    blob = seal(KEY, b"what I told no one", aad())
    assert open_sealed(KEY, blob, aad()) == b"what I told no one"
    with pytest.raises(DecryptionError):
        open_sealed(KEY, blob, aad(**moved))


def test_any_flipped_byte_fails_to_open() -> None:
    blob = seal(KEY, b"private", aad())
    for index in range(len(blob)):
        tampered = bytearray(blob)
        tampered[index] ^= 0x01
        with pytest.raises(DecryptionError):
            open_sealed(KEY, bytes(tampered), aad())


def test_truncated_blob_fails_cleanly() -> None:
    with pytest.raises(DecryptionError):
        open_sealed(KEY, seal(KEY, b"x", aad())[:10], aad())


def test_nonces_never_repeat_across_many_seals() -> None:
    nonces = {seal(KEY, b"same text", aad())[1 : 1 + NONCE_BYTES] for _ in range(20_000)}
    assert len(nonces) == 20_000


@pytest.mark.parametrize(
    "other",
    [
        {"owner": 2, "version": 1, "kek_version": 1},
        {"owner": 1, "version": 2, "kek_version": 1},
        {"owner": 1, "version": 1, "kek_version": 2},
    ],
    ids=["another person", "another data-key version", "another KEK version"],
)
def test_wrapped_data_key_unwraps_only_for_its_person_and_versions(other: dict[str, int]) -> None:
    data_key = os.urandom(32)
    wrapped = seal(KEY, data_key, key_aad(owner=1, version=1, kek_version=1))
    assert open_sealed(KEY, wrapped, key_aad(owner=1, version=1, kek_version=1)) == data_key
    with pytest.raises(DecryptionError):
        open_sealed(KEY, wrapped, key_aad(**other))


def test_keyring_file_is_created_private_and_reloads(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "keyring.json"
    created = Keyring.load_or_create(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert Keyring.load_or_create(path).keys == created.keys
    assert created.current_version == 1


def test_a_keyring_made_in_a_new_folder_makes_the_folder_private(tmp_path: Path) -> None:
    Keyring.load_or_create(tmp_path / "new" / "keys" / "keyring.json")
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "new" / "keys").stat().st_mode) == 0o700


def test_a_keyring_that_cannot_be_made_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    path = tmp_path / "a-file" / "keyring.json"
    with pytest.raises(KeyringError, match="cannot be created: part of its path is a file"):
        Keyring.load_or_create(path)


def test_keyring_readable_by_others_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "keyring.json"
    Keyring.load_or_create(path)
    path.chmod(0o644)
    with pytest.raises(KeyringError, match="chmod 600"):
        Keyring.load_or_create(path)


def test_malformed_master_key_is_refused() -> None:
    with pytest.raises(KeyringError):
        Keyring.from_master_key("not base64!")
    with pytest.raises(KeyringError, match="32 bytes"):
        Keyring.from_master_key("c2hvcnQ=")


def test_a_data_key_handed_to_a_transaction_never_shows_its_bytes() -> None:
    key = DataKey(person_id=7, version=1, key=b"k" * 32)
    assert "kkkk" not in repr(key)
    assert "kkkk" not in str(key)
