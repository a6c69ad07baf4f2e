"""A passphrase-protected export opens with that passphrase only, and nothing else opens it."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from lumen_bot.errors import (
    ArchiveTooLarge,
    PassphraseRequired,
    WrongPassphrase,
)
from lumen_bot.portability.passphrase import (
    HEADER_BYTES,
    MAGIC,
    PassphraseBox,
    ScryptParams,
    is_locked,
)
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.sqlite import SqliteStore

from .conftest import ALICE, archives
from .test_round_trip import exported_json
from .test_tampering import flip_byte, refused

WORDS = "  quiet river, seven lanterns  "


async def test_a_protected_export_round_trips_with_its_passphrase(
    lived: SqliteStore, fresh: SqliteStore, keyring: Keyring
) -> None:
    export = await archives(lived, keyring).export(ALICE, passphrase=WORDS)
    assert export is not None and export.filename.endswith(".zip.lumen")
    assert is_locked(export.data) and b"PK\x03\x04" not in export.data[: HEADER_BYTES + 64]
    # The same words typed again: outer spaces do not matter.
    await archives(fresh, keyring).restore(ALICE, export.data, passphrase=WORDS.strip())
    assert await exported_json(fresh) == await exported_json(lived)


async def test_a_wrong_passphrase_opens_nothing(
    lived: SqliteStore, fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    export = await archives(lived, keyring).export(ALICE, passphrase=WORDS)
    assert export is not None
    with pytest.raises(WrongPassphrase):
        await archives(fresh, keyring).restore(
            ALICE, export.data, passphrase="quiet river, 7 lanterns"
        )
    await refused(fresh, keyring, tmp_path, export.data, PassphraseRequired)


async def test_a_changed_header_or_ciphertext_does_not_open(
    lived: SqliteStore, fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    export = await archives(lived, keyring).export(ALICE, passphrase=WORDS)
    assert export is not None
    salt_at = len(MAGIC) + 5
    for changed in (flip_byte(export.data, salt_at), flip_byte(export.data, HEADER_BYTES + 10)):
        with pytest.raises(WrongPassphrase):
            await archives(fresh, keyring).restore(ALICE, changed, passphrase=WORDS)
    assert await fresh.find_person(ALICE) is None


async def test_a_header_asking_for_absurd_scrypt_work_is_refused_before_any(
    fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    header = struct.pack(">8sBBBBB16s12s", MAGIC, 1, 1, 30, 8, 1, bytes(16), bytes(12))
    with pytest.raises(ArchiveTooLarge):
        await archives(fresh, keyring).restore(ALICE, header + bytes(64), passphrase=WORDS)


async def test_production_cost_is_scrypt_n_2_17_r_8_and_it_round_trips() -> None:
    box = PassphraseBox()
    locked = await box.lock(b"PK\x03\x04 an export", WORDS)
    assert locked[len(MAGIC) : len(MAGIC) + 5] == bytes([1, 1, 17, 8, 1])
    assert await box.unlock(locked, WORDS) == b"PK\x03\x04 an export"
    assert ScryptParams().memory <= 256 * 2**20
