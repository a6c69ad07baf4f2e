"""Per-person data-key rotation: every record readable through an interruption, the job
resumes from the data alone, and the old key goes only when nothing can still use it."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

from lumen_bot.harness.model import PersonKey, TurnKind
from lumen_bot.harness.store_ports import NewTurn
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.db import Database
from lumen_bot.store.keys import KeyStore
from lumen_bot.store.rotation import SEALED, DataKeyRotation
from lumen_bot.store.schema import CONTENT_MIGRATIONS
from lumen_bot.store.sqlite import SqliteStore
from tests.fakes import FakeClock
from tests.unit.store.lives import AT, live, read_back

ALICE = PersonKey("telegram", "1001")
BOB = PersonKey("telegram", "1002")
GRACE = timedelta(seconds=120)


def open_store(tmp_path: Path, *, version_ttl_s: float = 60.0) -> SqliteStore:
    keyring = Keyring.load_or_create(tmp_path / "keyring.json")
    return SqliteStore(
        tmp_path / "lumen.db", tmp_path / "keys.db", keyring, version_ttl_s=version_ttl_s
    )


@asynccontextmanager
async def rotation_job(
    tmp_path: Path, clock: FakeClock, *, batch: int = 200
) -> AsyncIterator[DataKeyRotation]:
    """The job as `lumen keys rotate-data` runs it: its own process, its own connections."""
    async with (
        Database(tmp_path / "lumen.db", CONTENT_MIGRATIONS) as content,
        KeyStore(tmp_path / "keys.db", Keyring.load(tmp_path / "keyring.json")) as keys,
    ):
        yield DataKeyRotation(content, keys, clock, grace=GRACE, batch=batch)


def record_versions(tmp_path: Path, person_id: int) -> dict[int, int]:
    """Data-key version -> how many of the person's sealed records use it, read raw."""
    counts: dict[int, int] = {}
    with sqlite3.connect(tmp_path / "lumen.db") as db:
        for table in SEALED:
            for version, count in db.execute(
                f"SELECT key_version, COUNT(*) FROM {table.name}"  # noqa: S608
                " WHERE person_id = ? AND body IS NOT NULL GROUP BY key_version",
                (person_id,),
            ):
                counts[version] = counts.get(version, 0) + count
    db.close()
    return counts


def data_key_versions(tmp_path: Path, person_id: int) -> list[int]:
    with sqlite3.connect(tmp_path / "keys.db") as db:
        rows = db.execute(
            "SELECT version FROM data_keys WHERE person_id = ? ORDER BY version", (person_id,)
        ).fetchall()
    db.close()
    return [row[0] for row in rows]


async def test_every_sealed_table_of_the_content_database_is_rotated(tmp_path: Path) -> None:
    async with Database(tmp_path / "lumen.db", CONTENT_MIGRATIONS) as db:
        tables = [row[0] for row in await db.fetchall("SELECT name FROM sqlite_master")]
        sealed = set()
        for table in tables:
            columns = await db.fetchall(f"PRAGMA table_info({table})")
            if "key_version" in {column["name"] for column in columns}:
                sealed.add(table)
    assert sealed == {table.name for table in SEALED}


async def test_every_record_stays_readable_through_an_interrupted_rotation_that_resumes(
    tmp_path: Path,
) -> None:
    clock = FakeClock(AT)
    async with open_store(tmp_path) as bot:
        alice = await live(bot, ALICE)
        bob = await live(bot, BOB)
        expected = {key: await read_back(bot, key) for key in (ALICE, BOB)}
        records = sum(record_versions(tmp_path, alice).values())
        assert records == 6 + 2 + 2 + 1 + 1 + 1  # turns, notebooks, arcs, flag, profile, thread

        async with rotation_job(tmp_path, clock, batch=4) as job:
            progress = await job.rotate(alice, max_batches=2)  # then the process is killed
        assert (progress.moved, progress.remaining, progress.finished) == (8, records - 8, False)
        assert record_versions(tmp_path, alice) == {1: records - 8, 2: 8}
        assert await read_back(bot, ALICE) == expected[ALICE]  # the running bot reads all
        async with open_store(tmp_path) as restarted:
            assert await read_back(restarted, ALICE) == expected[ALICE]

        async with rotation_job(tmp_path, clock) as job:  # run again: it picks up
            [progress] = await job.resume_all()
        assert (progress.person_id, progress.remaining, progress.finished) == (alice, 0, False)
        assert record_versions(tmp_path, alice) == {2: records}
        # A bot may still seal under version 1 for a while: the old key is kept.
        assert data_key_versions(tmp_path, alice) == [1, 2]
        assert progress.keep_until == AT + GRACE

        clock.advance(seconds=GRACE.total_seconds())
        async with rotation_job(tmp_path, clock) as job:
            [progress] = await job.resume_all()
            assert progress.finished
            assert await job.resume_all() == [], "nothing left under way"
        assert data_key_versions(tmp_path, alice) == [2]
        assert await read_back(bot, ALICE) == expected[ALICE]
        assert await read_back(bot, BOB) == expected[BOB]
        assert data_key_versions(tmp_path, bob) == [1], "others are untouched"
        assert record_versions(tmp_path, bob) == {1: records}
    async with open_store(tmp_path) as restarted:
        for key, readback in expected.items():
            assert await read_back(restarted, key) == readback


async def test_running_the_rotation_again_mid_way_does_not_start_another_version(
    tmp_path: Path,
) -> None:
    clock = FakeClock(AT)
    async with open_store(tmp_path) as bot:
        alice = await live(bot, ALICE, sessions=1)
    async with rotation_job(tmp_path, clock, batch=1) as job:
        await job.rotate(alice, max_batches=1)
        await job.rotate(alice, max_batches=1)
    assert data_key_versions(tmp_path, alice) == [1, 2]
    assert record_versions(tmp_path, alice)[2] == 2


async def test_a_record_the_bot_seals_under_the_old_key_meanwhile_is_moved_before_it_goes(
    tmp_path: Path,
) -> None:
    clock = FakeClock(AT)
    async with open_store(tmp_path, version_ttl_s=3600) as bot:
        alice = await live(bot, ALICE, sessions=1)
        async with rotation_job(tmp_path, clock) as job:
            progress = await job.rotate(alice)
        assert progress.remaining == 0
        session = await bot.open_session(alice, AT)
        late = NewTurn("user", TurnKind.MESSAGE, "written by a bot that still uses v1", AT)
        await bot.append_turn(alice, session.id, late)
        assert record_versions(tmp_path, alice)[1] == 1  # the bot's remembered version

        clock.advance(seconds=GRACE.total_seconds())
        async with rotation_job(tmp_path, clock) as job:
            progress = await job.resume(alice)
        assert (progress.moved, progress.finished) == (1, True)
        assert set(record_versions(tmp_path, alice)) == {2}
        readback = await read_back(bot, ALICE)
        assert readback.turns[-1] == "written by a bot that still uses v1"


async def test_a_running_key_store_starts_sealing_under_the_new_version_after_its_ttl(
    tmp_path: Path,
) -> None:
    now = [0.0]
    keyring = Keyring.load_or_create(tmp_path / "keyring.json")
    async with KeyStore(tmp_path / "keys.db", keyring, monotonic=lambda: now[0]) as running:
        await running.ensure(1, AT)
        assert (await running.current(1))[0] == 1
        async with KeyStore(tmp_path / "keys.db", Keyring.load(keyring.path or Path())) as job:
            assert await job.add_data_key(1, AT) == 2
        now[0] = 59.0
        assert (await running.current(1))[0] == 1, "remembered within the TTL"
        now[0] = 60.0
        assert (await running.current(1))[0] == 2, "looked up again after it"


async def test_a_key_made_for_a_new_person_never_joins_one_already_there(tmp_path: Path) -> None:
    """`ensure_new` skips the lookup; a key left under a reused id (v2 only, after a
    rotation) must still be the one in use, with no fresh v1 beside it."""
    keyring = Keyring.load_or_create(tmp_path / "keyring.json")
    async with KeyStore(tmp_path / "keys.db", keyring) as first:
        await first.ensure(1, AT)
        assert await first.add_data_key(1, AT) == 2
        kept = await first.key(1, 2)
    with sqlite3.connect(tmp_path / "keys.db") as db:
        db.execute("DELETE FROM data_keys WHERE version = 1")
    async with KeyStore(tmp_path / "keys.db", Keyring.load(keyring.path or Path())) as again:
        await again.ensure_new(1, AT)
        assert await again.current(1) == (2, kept)
        await again.ensure_new(2, AT)
        assert (await again.current(2))[0] == 1, "a person with no key gets one"
    with sqlite3.connect(tmp_path / "keys.db") as db:
        rows = db.execute("SELECT person_id, version FROM data_keys ORDER BY 1, 2").fetchall()
    assert rows == [(1, 2), (2, 1)]
