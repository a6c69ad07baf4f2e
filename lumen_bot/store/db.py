"""SQLite connections: pragmas, versioned migrations, one writer at a time, and a
reader beside it."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar, cast

import aiosqlite

from lumen_bot.errors import StoreError
from lumen_bot.store.files import claim_private_file, private_directory
from lumen_bot.store.group_commit import WriteGroup

Migration = Sequence[str]
T = TypeVar("T")


class Database:
    """Two aiosqlite connections to one file in WAL mode, migrated at open.

    Writes go through `transaction()`, which holds an asyncio lock and a
    `BEGIN IMMEDIATE`, so a group of statements commits whole or not at all; or,
    on the paths every message takes, through `write()`, the same in one trip,
    sharing its COMMIT with the writes waiting beside it (`group_commit.py`).

    Reads (`fetchone`, `fetchall`, `fetch_many`) go to a second, read-only
    connection with its own thread. Each connection runs one thing at a time, so
    on the writer's a read would wait behind every COMMIT queued there, each one
    waiting for the disk (`synchronous=FULL`): under load, a good part of the wait
    before a message's LLM request. WAL lets the reader go on meanwhile. It
    sees what is committed, which is everything a caller has awaited; what an open
    `transaction()` has written is read through that transaction's connection.

    A new file (and its folder) is created private: mode 0600, and the -wal and -shm
    files SQLite makes beside it take the same mode. With `create=False` the file must
    exist already (StoreError otherwise) and nothing is created.
    """

    def __init__(self, path: Path, migrations: Sequence[Migration], *, create: bool = True) -> None:
        self._path = path
        self._migrations = migrations
        self._create = create
        self._conn: aiosqlite.Connection | None = None
        self._reader: aiosqlite.Connection | None = None
        self._write_lock = asyncio.Lock()
        self._writes = WriteGroup()

    async def __aenter__(self) -> Self:
        if self._create:
            private_directory(self._path.parent)
            claim_private_file(self._path)
        conn = await self._connect()
        conn.row_factory = aiosqlite.Row
        self._conn = conn
        try:
            for pragma in (
                "PRAGMA journal_mode=WAL",
                "PRAGMA synchronous=FULL",
                "PRAGMA foreign_keys=ON",
                "PRAGMA secure_delete=ON",
                "PRAGMA busy_timeout=5000",
            ):
                await conn.execute(pragma)
            await self._migrate()
            self._reader = await self._connect()
            self._reader.row_factory = aiosqlite.Row
            for pragma in ("PRAGMA query_only=ON", "PRAGMA busy_timeout=5000"):
                await self._reader.execute(pragma)
        except BaseException:
            await self.__aexit__(None, None, None)  # nothing left open by a failed start
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._reader is not None:
            await self._reader.close()
            self._reader = None
        if self._conn is not None:
            await self._conn.close()
            self._conn = None

    async def _connect(self) -> aiosqlite.Connection:
        if self._create:
            return await aiosqlite.connect(self._path, isolation_level=None)
        # Looked for first: aiosqlite leaves the thread of a failed connect to end on its
        # own, after the loop may be gone. mode=rw: SQLite never creates the file.
        uri = existing_uri(self._path)
        if uri is None:
            raise StoreError(f"{self._path} does not exist")
        return await aiosqlite.connect(uri, uri=True, isolation_level=None)

    @property
    def conn(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise StoreError("database is not open")
        return self._conn

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._write_lock:
            conn = self.conn
            await conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                await conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:  # also after a COMMIT that failed (see below)
                    # A task cancelled while its COMMIT runs on the thread: the COMMIT may
                    # finish before this ROLLBACK runs; the first error is the one to raise.
                    with suppress(sqlite3.OperationalError):
                        await conn.execute("ROLLBACK")
                raise

    async def write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` as one transaction, whole, on the connection's own thread.

        `transaction()` costs a trip to aiosqlite's thread per statement, plus BEGIN
        and COMMIT, and under load every trip waits its turn on the event loop; this
        is one trip, and writes waiting for the thread together share one COMMIT
        (`group_commit.py`). `work` runs off the event loop: it may only use the
        connection and what it was given (no awaiting, no shared state). It runs on
        aiosqlite's thread through a private method (`_on_thread`);
        tests/unit/store/test_database.py fails if that ever changes.
        """
        if self._write_lock.locked():  # a transaction() is open: not into the middle of it
            async with self._write_lock:
                pass
        # Added and sent in one step of the loop: nothing can queue a BEGIN in between.
        done: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._writes.add(work, done)
        try:
            await self._on_thread(self._writes.drain)
        except asyncio.CancelledError:
            raise  # the drain is on the thread's queue and will still run the work
        except BaseException:
            self._writes.withdraw(done)  # the connection closed before the drain was queued
            raise
        return await done

    async def change(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Row | None:
        """One statement as its own transaction, in one trip (see `write`); the first
        row it returns (`RETURNING ...`), if any."""

        def run(raw: sqlite3.Connection) -> sqlite3.Row | None:
            row: sqlite3.Row | None = raw.execute(sql, params).fetchone()
            return row

        return await self.write(run)

    async def _on_thread(
        self, work: Callable[[sqlite3.Connection], T], on: aiosqlite.Connection | None = None
    ) -> T:
        # aiosqlite offers no public way to run a function on its thread: its own
        # `execute` is `_execute(self._conn.execute, ...)`, and so is this
        conn = cast(Any, self.conn if on is None else on)
        return cast(T, await conn._execute(work, conn._conn))

    @property
    def _read(self) -> aiosqlite.Connection:
        """The reader connection; before it opens (during migration), the writer."""
        return self._reader if self._reader is not None else self.conn

    # One trip to aiosqlite's thread per query (execute_fetchall), not three (execute,
    # fetch, close): under load each trip costs the event loop about 0.1 ms.
    async def fetchone(self, sql: str, params: Sequence[object] = ()) -> aiosqlite.Row | None:
        rows = await self._read.execute_fetchall(sql, params)
        return next(iter(rows), None)

    async def fetchall(self, sql: str, params: Sequence[object] = ()) -> list[aiosqlite.Row]:
        return list(await self._read.execute_fetchall(sql, params))

    async def fetch_many(self, *queries: tuple[str, Sequence[object]]) -> list[list[sqlite3.Row]]:
        """Several queries' rows in one trip to the reader's thread (see `write`)."""

        def run(raw: sqlite3.Connection) -> list[list[sqlite3.Row]]:
            return [raw.execute(sql, params).fetchall() for sql, params in queries]

        return await self._on_thread(run, self._read)

    async def checkpoint(self) -> bool:
        """Copy the WAL into the database file and truncate it to nothing, so bytes that
        were deleted (secure_delete zeroes them in the file) linger in no -wal either.

        Holds the write lock: no transaction of ours is open meanwhile. Our reader
        holds the WAL only for the length of one query, which the busy timeout waits
        out; False if a reader elsewhere (another process) kept the checkpoint from
        finishing.
        """
        async with self._write_lock:
            rows = await self.conn.execute_fetchall("PRAGMA wal_checkpoint(TRUNCATE)")
        row = next(iter(rows), None)
        return row is not None and int(row[0]) == 0

    async def _migrate(self) -> None:
        conn = self.conn
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations"
            " (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        row = await self.fetchone("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
        current = int(row[0]) if row else 0
        if current > len(self._migrations):
            raise StoreError(
                f"{self._path.name} is at schema v{current}, newer than this Lumen knows"
            )
        for version, statements in enumerate(self._migrations, start=1):
            if version <= current:
                continue
            async with self.transaction() as tx:
                for statement in statements:
                    await tx.execute(statement)
                await tx.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                    (version, datetime.now(UTC).isoformat()),
                )


def existing_uri(path: Path) -> str | None:
    """The URI that opens `path` without ever creating it, or None if it is not there.
    Two metadata calls, run inline, before any await."""
    return f"{path.absolute().as_uri()}?mode=rw" if path.is_file() else None


def to_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def from_text(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def require_time(value: str) -> datetime:
    return datetime.fromisoformat(value)
