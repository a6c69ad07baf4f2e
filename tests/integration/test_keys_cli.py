"""`lumen keys` and `lumen backup` as an operator runs them: the real command, real files."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

from lumen_bot.harness.model import PersonKey
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.sqlite import SqliteStore
from tests.integration.test_cli import lumen
from tests.unit.store.lives import Readback, live, read_back

ALICE = PersonKey("telegram", "1001")
BOB = PersonKey("telegram", "1002")


async def two_lives(data: Path, keyring: Keyring | None = None) -> None:
    keyring = keyring or Keyring.load_or_create(data / "keyring.json")
    async with SqliteStore(data / "lumen.db", data / "keys.db", keyring) as store:
        await live(store, ALICE)
        await live(store, BOB)


def run(tmp_path: Path, *args: str, **env: str) -> tuple[int, str, str]:
    result = lumen(tmp_path, *args, LUMEN_DATA_DIR=str(tmp_path / "data"), **env)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout, result.stderr


async def readable(tmp_path: Path, keyring: Keyring | None = None) -> dict[PersonKey, Readback]:
    """Everything sealed of both people, opened with the files as the commands left them."""
    data = tmp_path / "data"
    keyring = keyring or Keyring.load(data / "keyring.json")
    async with SqliteStore(data / "lumen.db", data / "keys.db", keyring) as store:
        return {key: await read_back(store, key) for key in (ALICE, BOB)}


async def test_kek_rotation_and_retirement_through_the_command(tmp_path: Path) -> None:
    data = tmp_path / "data"
    await two_lives(data)
    before = await readable(tmp_path)

    code, out, _ = run(tmp_path, "keys", "status")
    assert code == 0
    assert "v1: wraps 2 data key(s) (newest)" in out

    code, _, err = run(tmp_path, "keys", "retire", "1")
    assert code == 1 and "newest" in err

    # A key added to the file without a rewrap (as if `rotate` was killed mid-way).
    Keyring.load(data / "keyring.json").with_new_key().replace_file()
    code, _, err = run(tmp_path, "keys", "retire", "1")
    assert code == 1
    assert "v1 still wraps 2 data key(s)" in err
    assert sorted(Keyring.load(data / "keyring.json").keys) == [1, 2]

    code, out, _ = run(tmp_path, "keys", "resume")
    assert code == 0 and "rewrapped 2 data key(s) under key-encryption key v2" in out
    code, out, _ = run(tmp_path, "keys", "rotate")
    assert code == 0 and "added key-encryption key v3" in out
    assert "rewrapped 2 data key(s) under key-encryption key v3" in out
    for old in ("1", "2"):
        code, out, _ = run(tmp_path, "keys", "retire", old)
        assert code == 0, out
    assert sorted(Keyring.load(data / "keyring.json").keys) == [3]
    code, out, _ = run(tmp_path, "keys", "status")
    assert "v3: wraps 2 data key(s) (newest)" in out and "v1" not in out
    assert await readable(tmp_path) == before


async def test_data_key_rotation_through_the_command_keeps_the_old_key_then_finishes(
    tmp_path: Path,
) -> None:
    await two_lives(tmp_path / "data")
    before = await readable(tmp_path)

    code, out, _ = run(tmp_path, "keys", "rotate-data", "--user", ALICE.external_id)
    assert code == 0
    assert "1 person(s), 13 record(s) re-encrypted, 0 finished" in out
    assert "keep their old data key until" in out
    code, out, _ = run(tmp_path, "keys", "status")
    assert "data-key rotations under way: 1 person(s), 0 record(s)" in out
    assert await readable(tmp_path) == before

    # With running bots configured to look again at once, nothing needs to wait.
    code, out, _ = run(tmp_path, "keys", "resume", LUMEN_KEY_VERSION_TTL="0")
    assert code == 0 and "1 finished" in out
    code, out, _ = run(tmp_path, "keys", "status")
    assert "data-key rotations under way: none" in out
    assert await readable(tmp_path) == before

    code, out, _ = run(tmp_path, "keys", "rotate-data", "--all", LUMEN_KEY_VERSION_TTL="0")
    assert code == 0 and "2 person(s), 26 record(s) re-encrypted, 2 finished" in out
    assert await readable(tmp_path) == before

    code, _, err = run(tmp_path, "keys", "rotate-data", "--user", "404")
    assert code == 1 and err.strip() == "lumen: no person with Telegram id 404"


async def test_a_master_key_is_not_rotated_in_place_and_moves_to_a_keyring_file(
    tmp_path: Path,
) -> None:
    master = base64.b64encode(os.urandom(32)).decode()
    await two_lives(tmp_path / "data", Keyring.from_master_key(master))
    before = await readable(tmp_path, Keyring.from_master_key(master))

    code, _, err = run(tmp_path, "keys", "rotate", LUMEN_MASTER_KEY=master)
    assert code == 2
    assert "LUMEN_MASTER_KEY holds a single key-encryption key" in err
    assert "`lumen keys to-file PATH`" in err

    keyring_file = tmp_path / "moved-keyring.json"
    code, out, _ = run(tmp_path, "keys", "to-file", str(keyring_file), LUMEN_MASTER_KEY=master)
    assert code == 0 and f"LUMEN_KEYRING_FILE={keyring_file}" in out
    assert stat.S_IMODE(keyring_file.stat().st_mode) == 0o600
    moved = {"LUMEN_KEYRING_FILE": str(keyring_file)}
    code, out, _ = run(tmp_path, "keys", "rotate", **moved)
    assert code == 0 and "rewrapped 2 data key(s) under key-encryption key v2" in out
    assert await readable(tmp_path, Keyring.load(keyring_file)) == before


async def test_backup_writes_a_private_readable_copy_and_says_the_keys_are_not_in_it(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    await two_lives(data)
    code, out, _ = run(tmp_path, "backup", "copy.db", "--keys", "keys-copy.db")
    assert code == 0
    assert "holds no keys" in out and "keyring.json" in out and "keys.db separately" in out
    for name in ("copy.db", "keys-copy.db"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600

    code, _, err = run(tmp_path, "backup", "copy.db")
    assert code == 1 and "never overwrites" in err

    keyring = Keyring.load(data / "keyring.json")
    async with SqliteStore(tmp_path / "copy.db", tmp_path / "keys-copy.db", keyring) as copy:
        restored = await read_back(copy, ALICE)
    async with SqliteStore(data / "lumen.db", data / "keys.db", keyring) as live_store:
        assert restored == await read_back(live_store, ALICE)
