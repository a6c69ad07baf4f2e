"""Key-encryption-key rotation: the keyring file rewritten whole, data keys rewrapped
while a bot runs, and an old key retired only once nothing uses it."""

from __future__ import annotations

import asyncio
import base64
import errno
import os
import stat
from pathlib import Path

import pytest

from lumen_bot.errors import KeyringError
from lumen_bot.harness.model import PersonKey
from lumen_bot.store.crypto import Keyring, keyring_lock
from lumen_bot.store.keys import KeyStore
from lumen_bot.store.sqlite import SqliteStore
from tests.unit.store.lives import AT, live, read_back

ALICE = PersonKey("telegram", "1001")
BOB = PersonKey("telegram", "1002")
DAN = PersonKey("telegram", "1004")


def open_store(tmp_path: Path) -> SqliteStore:
    return SqliteStore(
        tmp_path / "lumen.db", tmp_path / "keys.db", Keyring.load(tmp_path / "keyring.json")
    )


def operator(tmp_path: Path) -> KeyStore:
    """The key store as `lumen keys` opens it: a second process beside the bot."""
    return KeyStore(tmp_path / "keys.db", Keyring.load(tmp_path / "keyring.json"))


async def rewrap_all(keys: KeyStore) -> None:
    while await keys.rewrap_batch(limit=2):
        pass


def test_a_rewritten_keyring_replaces_the_file_whole_and_private(tmp_path: Path) -> None:
    path = tmp_path / "keyring.json"
    first = Keyring.load_or_create(path)
    before = path.read_bytes()
    with path.open("rb") as reader_of_the_old_file:
        first.with_new_key().replace_file()
        # A new file took the name (rename), the old one was never written in place:
        # a reader mid-way holds the old keyring whole, never half of each.
        assert reader_of_the_old_file.read() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    reloaded = Keyring.load(path)
    assert reloaded.keys[1] == first.keys[1]
    assert sorted(reloaded.keys) == [1, 2]
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == [
        "keyring.json"
    ], "no temporary file is left behind"


def test_a_running_keyring_sees_keys_added_to_its_file(tmp_path: Path) -> None:
    path = tmp_path / "keyring.json"
    running = Keyring.load_or_create(path)
    Keyring.load(path).with_new_key().replace_file()
    assert running.current_version == 1
    assert running.reloaded().current_version == 2
    from_env = Keyring.from_master_key(base64.b64encode(os.urandom(32)).decode())
    assert from_env.reloaded() is from_env


def test_two_keyring_changes_at_once_are_refused_not_interleaved(tmp_path: Path) -> None:
    path = tmp_path / "keyring.json"
    Keyring.load_or_create(path)

    def second_writer() -> None:
        with keyring_lock(path):
            pass

    with keyring_lock(path), pytest.raises(KeyringError, match="another `lumen keys`"):
        second_writer()
    second_writer()  # the lock is released when the first writer ends


async def test_every_record_stays_readable_through_kek_rotation_with_the_bot_running(
    tmp_path: Path,
) -> None:
    Keyring.load_or_create(tmp_path / "keyring.json")
    async with open_store(tmp_path) as before_the_bot:
        await live(before_the_bot, ALICE)
        await live(before_the_bot, BOB)
        expected = {key: await read_back(before_the_bot, key) for key in (ALICE, BOB)}
    async with open_store(tmp_path) as bot:
        assert await bot.export(ALICE) is not None  # Alice's key is in memory, Bob's is not
        async with operator(tmp_path) as keys:
            assert keys.add_kek() == 2
            await rewrap_all(keys)
            assert await keys.kek_usage() == {2: 2}
        # Bob's data key is now wrapped by a KEK the bot never loaded: it reads the file.
        assert await read_back(bot, BOB) == expected[BOB]
        assert await read_back(bot, ALICE) == expected[ALICE]
        # A person new after the rotation gets a key wrapped by the newest KEK...
        await live(bot, DAN, sessions=1)
        expected[DAN] = await read_back(bot, DAN)
        async with operator(tmp_path) as keys:
            assert await keys.kek_usage() == {2: 3}
            # ... so retiring the old KEK strands nothing.
            await keys.retire_kek(1)
    assert sorted(Keyring.load(tmp_path / "keyring.json").keys) == [2]
    async with open_store(tmp_path) as restarted:
        for key, readback in expected.items():
            assert await read_back(restarted, key) == readback


async def test_an_interrupted_rewrap_leaves_every_key_usable_and_finishes_when_run_again(
    tmp_path: Path,
) -> None:
    Keyring.load_or_create(tmp_path / "keyring.json")
    async with open_store(tmp_path) as store:
        for number in range(5):
            await live(store, PersonKey("telegram", str(2000 + number)), sessions=1)
    async with operator(tmp_path) as keys:
        keys.add_kek()
        assert await keys.rewrap_batch(limit=2) == 2  # then the process is killed
    async with operator(tmp_path) as keys:
        assert await keys.kek_usage() == {1: 3, 2: 2}
    async with open_store(tmp_path) as store:
        for number in range(5):
            readback = await read_back(store, PersonKey("telegram", str(2000 + number)))
            assert readback.turns[0] == f"{2000 + number} says 1.0"
    async with operator(tmp_path) as keys:
        await rewrap_all(keys)
        assert await keys.kek_usage() == {2: 5}


async def test_retire_refuses_a_key_that_still_wraps_data_keys(tmp_path: Path) -> None:
    path = tmp_path / "keyring.json"
    Keyring.load_or_create(path)
    async with open_store(tmp_path) as store:
        await live(store, ALICE, sessions=1)
        await live(store, BOB, sessions=1)
    async with operator(tmp_path) as keys:
        with pytest.raises(KeyringError, match="newest"):
            await keys.retire_kek(1)  # the only key
        keys.add_kek()
        await keys.rewrap_batch(limit=1)
        with pytest.raises(KeyringError, match="v1 still wraps 1 data key"):
            await keys.retire_kek(1)
        assert sorted(Keyring.load(path).keys) == [1, 2], "a refused retire changes nothing"
        with pytest.raises(KeyringError, match="newest"):
            await keys.retire_kek(2)
        with pytest.raises(KeyringError, match="not in the keyring"):
            await keys.retire_kek(7)


async def test_a_master_key_from_the_environment_cannot_be_rotated_and_says_how_to_move(
    tmp_path: Path,
) -> None:
    keyring = Keyring.from_master_key(base64.b64encode(os.urandom(32)).decode())
    async with KeyStore(tmp_path / "keys.db", keyring) as keys:
        await keys.ensure(1, AT)
        with pytest.raises(KeyringError, match="lumen keys to-file"):
            keys.add_kek()
        with pytest.raises(KeyringError, match="LUMEN_MASTER_KEY"):
            await keys.retire_kek(1)


async def open_for_writing_once_read(pipe: Path) -> int:
    """A write end of the pipe, as soon as someone has opened it to read (ENXIO till then)."""
    for _ in range(500):
        try:
            return os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:
            if error.errno != errno.ENXIO:
                raise
            await asyncio.sleep(0.01)
    raise AssertionError("nobody opened the keyring file to read it")


async def test_a_key_store_keeps_a_keyring_it_loaded_while_a_new_persons_key_was_written(
    tmp_path: Path,
) -> None:
    """A new person's key is wrapped by the keyring file as read inside the key store's
    transaction. A newer keyring the store takes up meanwhile must not be replaced by that
    older read: blocks carried past /forget are keyed by the store's newest KEK."""
    path = tmp_path / "keyring.json"
    first = Keyring.load_or_create(path)
    text = path.read_text()
    async with KeyStore(tmp_path / "keys.db", first) as keys:
        # The keyring file becomes a pipe, so the key store's read waits for the test.
        os.mkfifo(tmp_path / "pipe", 0o600)
        os.replace(tmp_path / "pipe", path)
        creating = asyncio.create_task(keys.ensure_new(1, AT))
        with os.fdopen(await open_for_writing_once_read(path), "w") as pipe:
            pipe.write(text)  # the store reads the keyring as it was: v1
        # Not yielding from here on: the write finishes, but the store has not taken it in.
        first.with_new_key().replace_file()  # v2, rotated by `lumen keys` elsewhere
        assert keys.add_kek() == 3  # the store takes up the file and adds v3
        await creating
        assert keys.keyring.current_version == 3
        assert (await keys.current(1))[0] == 1  # the new key, wrapped by v1, still opens
