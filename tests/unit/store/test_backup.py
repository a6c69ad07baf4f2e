"""Online backup: one consistent moment of the live database, private, never overwriting."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from lumen_bot.errors import StoreError
from lumen_bot.harness.model import PersonKey, TurnKind
from lumen_bot.harness.store_ports import NewTurn
from lumen_bot.store.backup import backup_database
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.sqlite import SqliteStore
from tests.unit.store.lives import AT, live, read_back

ALICE = PersonKey("telegram", "1001")


def open_store(database: Path, tmp_path: Path) -> SqliteStore:
    keyring = Keyring.load_or_create(tmp_path / "keyring.json")
    return SqliteStore(database, tmp_path / "keys.db", keyring)


async def test_a_backup_taken_while_the_bot_writes_is_one_consistent_readable_moment(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "backup" / "lumen-copy.db"
    copy.parent.mkdir()
    async with open_store(tmp_path / "lumen.db", tmp_path) as bot:
        alice = await live(bot, ALICE, sessions=1)
        session = await bot.open_session(alice, AT)
        written = 0
        stop = asyncio.Event()
        progressed = asyncio.Condition()

        async def writer() -> None:
            nonlocal written
            while not stop.is_set():
                at = AT + timedelta(seconds=written)
                turn = NewTurn("user", TurnKind.MESSAGE, f"message {written}", at)
                await bot.append_turn(alice, session.id, turn)
                async with progressed:
                    written += 1
                    progressed.notify_all()

        async def written_at_least(count: int) -> None:
            async with progressed:
                await progressed.wait_for(lambda: written >= count)

        writing = asyncio.create_task(writer())
        await written_at_least(20)
        await backup_database(tmp_path / "lumen.db", copy)
        at_backup = written
        await written_at_least(at_backup + 20)
        stop.set()
        await writing
        expected_before = await read_back(bot, ALICE)

    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    with sqlite3.connect(copy) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    raw.close()
    # The copy opens with the key store and keyring, which live elsewhere.
    async with open_store(copy, tmp_path) as restored:
        readback = await read_back(restored, ALICE)
        latest = await restored.active_session(alice)
    assert latest is not None
    copied = [t for t in readback.turns if t.startswith("message ")]
    # One moment: a prefix of what was written, no gap, and the session's last activity
    # (written in the same transaction as each turn) matching its newest turn.
    assert 20 <= len(copied) <= at_backup + 1 < written
    assert copied == [f"message {n}" for n in range(len(copied))]
    assert latest.last_activity_at == AT + timedelta(seconds=len(copied) - 1)
    assert readback.notebooks == expected_before.notebooks
    assert readback.turns == expected_before.turns[: len(readback.turns)]


async def test_a_backup_never_overwrites_an_existing_file(tmp_path: Path) -> None:
    async with open_store(tmp_path / "lumen.db", tmp_path) as store:
        await live(store, ALICE, sessions=1)
    existing = tmp_path / "old-backup.db"
    existing.write_bytes(b"yesterday's backup")
    with pytest.raises(FileExistsError):
        await backup_database(tmp_path / "lumen.db", existing)
    assert existing.read_bytes() == b"yesterday's backup"


async def test_backing_up_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="nothing to back up"):
        await backup_database(tmp_path / "absent.db", tmp_path / "copy.db")
    assert not (tmp_path / "copy.db").exists()
    assert not (tmp_path / "absent.db").exists()
