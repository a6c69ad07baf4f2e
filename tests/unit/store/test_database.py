"""`Database`: a whole write transaction in one trip, atomic and serialised with the rest;
writes that wait for the connection's thread together share one COMMIT; reads on a
read-only connection of their own."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from lumen_bot.errors import StoreError
from lumen_bot.store.db import Database

MIGRATIONS = (("CREATE TABLE notes (id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE)",),)


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    async with Database(tmp_path / "notes.db", MIGRATIONS) as opened:
        yield opened


def add(word: str) -> Callable[[sqlite3.Connection], None]:
    def work(raw: sqlite3.Connection) -> None:
        raw.execute("INSERT INTO notes (word) VALUES (?)", (word,))

    return work


async def words(db: Database) -> list[str]:
    return [row["word"] for row in await db.fetchall("SELECT word FROM notes ORDER BY id")]


async def test_every_statement_of_a_write_commits_and_its_result_comes_back(db: Database) -> None:
    def add_two(raw: sqlite3.Connection) -> int | None:
        raw.execute("INSERT INTO notes (word) VALUES ('first')")
        return raw.execute("INSERT INTO notes (word) VALUES ('second')").lastrowid

    assert await db.write(add_two) == 2
    assert await words(db) == ["first", "second"]


async def test_a_write_that_fails_part_way_leaves_nothing_behind(db: Database) -> None:
    await db.write(add("kept"))

    def add_then_clash(raw: sqlite3.Connection) -> None:
        raw.execute("INSERT INTO notes (word) VALUES ('rolled back')")
        raw.execute("INSERT INTO notes (word) VALUES ('kept')")  # UNIQUE fails here

    with pytest.raises(sqlite3.IntegrityError):
        await db.write(add_then_clash)
    assert await words(db) == ["kept"]
    await db.write(add("after"))
    assert await words(db) == ["kept", "after"]  # no transaction was left open


FAMILY = (
    (
        "CREATE TABLE parents (id INTEGER PRIMARY KEY)",
        "CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents(id))",
    ),
)


def orphan(raw: sqlite3.Connection) -> None:
    """A child of no parent, found only at COMMIT: the constraint check is deferred."""
    raw.execute("PRAGMA defer_foreign_keys = ON")
    raw.execute("INSERT INTO children (parent_id) VALUES (99)")


async def test_a_write_whose_commit_fails_is_rolled_back_and_the_next_write_goes_through(
    tmp_path: Path,
) -> None:
    async with Database(tmp_path / "family.db", FAMILY) as db:
        with pytest.raises(sqlite3.IntegrityError):
            await db.write(orphan)
        await db.write(lambda raw: raw.execute("INSERT INTO parents (id) VALUES (1)"))
        assert [tuple(r) for r in await db.fetchall("SELECT id FROM parents")] == [(1,)]
        assert await db.fetchall("SELECT id FROM children") == []


async def test_a_transaction_whose_commit_fails_is_rolled_back_too(tmp_path: Path) -> None:
    async with Database(tmp_path / "family.db", FAMILY) as db:

        async def add_an_orphan() -> None:
            async with db.transaction() as tx:
                await tx.execute("PRAGMA defer_foreign_keys = ON")
                await tx.execute("INSERT INTO children (parent_id) VALUES (99)")

        with pytest.raises(sqlite3.IntegrityError):
            await add_an_orphan()
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO parents (id) VALUES (1)")
        assert await db.fetchall("SELECT id FROM children") == []


async def test_a_write_waits_for_an_open_transaction_and_is_not_swept_into_it(
    db: Database,
) -> None:
    async def abandon_a_transaction() -> asyncio.Task[None]:
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO notes (word) VALUES ('abandoned')")
            pending = asyncio.create_task(db.write(add("own")))
            await asyncio.sleep(0.05)
            assert not pending.done()  # queued behind the open transaction
            raise Abandoned(pending)

    with pytest.raises(Abandoned) as abandoned:
        await abandon_a_transaction()
    await abandoned.value.pending
    assert await words(db) == ["own"]


class Abandoned(Exception):
    def __init__(self, pending: asyncio.Task[None]) -> None:
        super().__init__("transaction abandoned")
        self.pending = pending


async def test_a_change_is_committed_and_gives_back_the_row_it_returns(db: Database) -> None:
    row = await db.change("INSERT INTO notes (word) VALUES (?) RETURNING id, word", ("hello",))
    assert row is not None
    assert (row["id"], row["word"]) == (1, "hello")
    assert await db.change("UPDATE notes SET word = 'bye' WHERE id = 1") is None
    assert await words(db) == ["bye"]


class Held:
    """A write that holds the connection's thread until released, so that the writes
    sent meanwhile wait there together."""

    def __init__(self, db: Database, *, note: bool = True) -> None:
        self._started = threading.Event()
        self._go = threading.Event()

        def work(raw: sqlite3.Connection) -> None:
            self._started.set()
            self._go.wait(timeout=10)
            if note:
                raw.execute("INSERT INTO notes (word) VALUES ('held')")

        self.task = asyncio.create_task(db.write(work))

    async def started(self) -> None:
        assert await asyncio.to_thread(self._started.wait, 10)

    def let_go(self) -> None:
        self._go.set()

    async def release(self) -> None:
        self.let_go()
        await self.task


async def statements(db: Database) -> list[str]:
    seen: list[str] = []
    await db.conn.set_trace_callback(seen.append)
    return seen


async def test_writes_waiting_together_share_one_commit_and_each_gets_its_own_result(
    db: Database,
) -> None:
    seen = await statements(db)
    held = Held(db)
    await held.started()

    def add_and_count(word: str) -> Callable[[sqlite3.Connection], int]:
        def work(raw: sqlite3.Connection) -> int:
            raw.execute("INSERT INTO notes (word) VALUES (?)", (word,))
            count: int = raw.execute("SELECT count(*) FROM notes").fetchone()[0]
            return count

        return work

    waiting = [asyncio.create_task(db.write(add_and_count(w))) for w in ("a", "b", "c")]
    await asyncio.sleep(0.05)
    await held.release()
    assert await asyncio.gather(*waiting) == [2, 3, 4]  # each saw the ones before it
    assert await words(db) == ["held", "a", "b", "c"]
    assert seen.count("COMMIT") == 2, "the held write alone, then the three together"


async def test_a_write_that_fails_in_a_group_is_undone_alone(db: Database) -> None:
    held = Held(db)
    await held.started()

    def add_then_clash(raw: sqlite3.Connection) -> None:
        raw.execute("INSERT INTO notes (word) VALUES ('undone')")
        raw.execute("INSERT INTO notes (word) VALUES ('first')")  # UNIQUE fails here

    first = asyncio.create_task(db.write(add("first")))
    clash = asyncio.create_task(db.write(add_then_clash))
    last = asyncio.create_task(db.write(add("last")))
    await asyncio.sleep(0.05)
    await held.release()
    await first
    with pytest.raises(sqlite3.IntegrityError):
        await clash
    await last
    assert await words(db) == ["held", "first", "last"]


async def test_when_a_groups_commit_fails_each_write_is_committed_on_its_own(
    tmp_path: Path,
) -> None:
    async with Database(tmp_path / "family.db", FAMILY) as db:

        def parent(n: int) -> Callable[[sqlite3.Connection], None]:
            def work(raw: sqlite3.Connection) -> None:
                raw.execute("INSERT INTO parents (id) VALUES (?)", (n,))

            return work

        held = Held(db, note=False)
        await held.started()
        group = [asyncio.create_task(db.write(work)) for work in (parent(1), orphan, parent(2))]
        await asyncio.sleep(0.05)
        await held.release()
        outcomes = await asyncio.gather(*group, return_exceptions=True)
        assert outcomes[0] is None and outcomes[2] is None
        assert isinstance(outcomes[1], sqlite3.IntegrityError)  # found only at COMMIT
        assert [r["id"] for r in await db.fetchall("SELECT id FROM parents")] == [1, 2]
        assert await db.fetchall("SELECT id FROM children") == []


async def test_a_write_reaches_the_thread_without_waiting_for_the_event_loop(
    db: Database,
) -> None:
    """A write need not wait for the one before it to come back to the event loop: under
    load the loop is busy, and writes handed on one loop turn at a time crawl."""
    held = Held(db)
    await held.started()
    second_ran = threading.Event()

    def second(raw: sqlite3.Connection) -> None:
        raw.execute("INSERT INTO notes (word) VALUES ('second')")
        second_ran.set()

    task = asyncio.create_task(db.write(second))
    await asyncio.sleep(0)  # the second write is sent
    held.let_go()
    # The loop is blocked here: the held write's answer cannot reach it meanwhile.
    assert second_ran.wait(timeout=5), "the second write waited for the loop"
    await held.task
    await task
    assert await words(db) == ["held", "second"]


async def test_a_cancelled_write_does_not_hold_up_the_others_of_its_group(db: Database) -> None:
    held = Held(db)
    await held.started()
    cancelled = asyncio.create_task(db.write(add("cancelled")))
    kept = asyncio.create_task(db.write(add("kept")))
    await asyncio.sleep(0.05)
    cancelled.cancel()
    await held.release()
    await kept
    with pytest.raises(asyncio.CancelledError):
        await cancelled
    # Sent before it was cancelled, the work itself still ran, as any trip to the thread does.
    assert await words(db) == ["held", "cancelled", "kept"]


async def test_a_read_does_not_wait_behind_a_write_on_the_writers_thread(db: Database) -> None:
    """Reads have a connection of their own: a write waiting for the disk holds up no read."""
    await db.write(add("committed"))
    held = Held(db)
    await held.started()
    try:
        read = await asyncio.wait_for(words(db), timeout=5)
        many = await asyncio.wait_for(db.fetch_many(("SELECT COUNT(*) FROM notes", ())), 5)
    finally:
        await held.release()
    assert read == ["committed"]  # the held write is not committed: not seen
    assert many[0][0][0] == 1
    assert await words(db) == ["committed", "held"]  # once it is, it is


async def test_a_read_sees_no_half_of_an_open_transaction(db: Database) -> None:
    async with db.transaction() as tx:
        await tx.execute("INSERT INTO notes (word) VALUES ('not yet')")
        assert await words(db) == []
        assert [row["word"] for row in await tx.execute_fetchall("SELECT word FROM notes")] == [
            "not yet"
        ]
    assert await words(db) == ["not yet"]


async def test_reads_cannot_write(db: Database) -> None:
    with pytest.raises(sqlite3.OperationalError):
        await db.fetchall("INSERT INTO notes (word) VALUES ('sneaked') RETURNING id")
    assert await words(db) == []


async def test_a_database_that_fails_to_open_leaves_no_connection_open(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    with sqlite3.connect(path) as raw:  # written by a newer Lumen
        raw.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
        raw.execute("INSERT INTO schema_migrations VALUES (9, 'later')")
    threads = threading.active_count()
    with pytest.raises(StoreError, match="newer than this Lumen knows"):
        async with Database(path, MIGRATIONS):
            pass
    for _ in range(100):  # a closed connection's thread ends a moment after
        if threading.active_count() == threads:
            break
        await asyncio.sleep(0.01)
    assert threading.active_count() == threads


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


async def test_a_new_database_its_wal_and_its_folders_are_private(tmp_path: Path) -> None:
    """0600 files (SQLite gives -wal and -shm the database's mode) in 0700 folders."""
    folder = tmp_path / "new" / "data"
    async with Database(folder / "notes.db", MIGRATIONS) as db:
        await db.write(add("private"))
        files = {path.name: mode(path) for path in folder.iterdir()}
    assert files == {"notes.db": 0o600, "notes.db-wal": 0o600, "notes.db-shm": 0o600}
    assert mode(folder) == 0o700 and mode(tmp_path / "new") == 0o700


async def test_a_folder_that_is_already_there_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    async with Database(shared / "notes.db", MIGRATIONS):
        pass
    assert mode(shared) == 0o755, "the operator's own folder is theirs to set"
    assert mode(shared / "notes.db") == 0o600


async def test_without_create_a_missing_database_is_refused_and_nothing_is_made(
    tmp_path: Path,
) -> None:
    for path in (tmp_path / "missing" / "notes.db", tmp_path / "notes.db"):
        with pytest.raises(StoreError, match="does not exist"):
            async with Database(path, MIGRATIONS, create=False):
                pass
    assert names(tmp_path) == []


async def test_without_create_an_existing_database_opens(tmp_path: Path) -> None:
    async with Database(tmp_path / "notes.db", MIGRATIONS) as db:
        await db.write(add("kept"))
    async with Database(tmp_path / "notes.db", MIGRATIONS, create=False) as db:
        assert await words(db) == ["kept"]
