"""`Database.write`: a whole transaction in one trip, atomic and serialised with the rest."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

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
