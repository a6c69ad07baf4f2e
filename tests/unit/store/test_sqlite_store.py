"""The SQLite store: sessions, turns, closing jobs, export, and sealing bound to rows."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lumen_bot.errors import DecryptionError, StoreError
from lumen_bot.harness.model import Arc, Notebook, PersonKey, SessionState, TurnKind
from lumen_bot.harness.store_ports import NewTurn
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.review import PROFILE_ATTEMPTS
from lumen_bot.store.sqlite import SqliteStore

AT = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
ALICE = PersonKey("telegram", "1001")
BOB = PersonKey("telegram", "1002")


def open_store(tmp_path: Path, keyring: Keyring | None = None) -> SqliteStore:
    keyring = keyring or Keyring.load_or_create(tmp_path / "keyring.json")
    return SqliteStore(tmp_path / "lumen.db", tmp_path / "keys.db", keyring)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqliteStore]:
    async with open_store(tmp_path) as opened:
        yield opened


def user_turn(text: str, source: str | None = None) -> NewTurn:
    return NewTurn("user", TurnKind.MESSAGE, text, AT, source_key=source)


async def test_a_person_is_created_once(store: SqliteStore) -> None:
    first = await store.person(ALICE, AT)
    again = await store.person(ALICE, AT + timedelta(days=1))
    assert first == again
    assert (await store.person(BOB, AT)).id != first.id


async def test_turns_read_back_in_order_with_their_metadata(store: SqliteStore) -> None:
    alice = await store.person(ALICE, AT)
    session = await store.open_session(alice.id, AT)
    await store.append_turn(alice.id, session.id, user_turn("hello ✨ \u202e rtl"))
    await store.append_turn(
        alice.id,
        session.id,
        NewTurn("mentor", TurnKind.REPLY, "hi *there*", AT, prompt_version="mentor.v1+abc"),
    )
    turns = await store.session_turns(alice.id, session.id)
    assert [(t.role, t.text) for t in turns] == [
        ("user", "hello ✨ \u202e rtl"),
        ("mentor", "hi *there*"),
    ]
    assert turns[1].prompt_version == "mentor.v1+abc"


async def test_a_redelivered_message_is_stored_once(store: SqliteStore) -> None:
    alice = await store.person(ALICE, AT)
    session = await store.open_session(alice.id, AT)
    assert await store.append_turn(alice.id, session.id, user_turn("once", "tg:1:5")) is not None
    assert await store.append_turn(alice.id, session.id, user_turn("once", "tg:1:5")) is None
    assert len(await store.session_turns(alice.id, session.id)) == 1


async def test_session_numbers_count_per_person(store: SqliteStore) -> None:
    alice = await store.person(ALICE, AT)
    bob = await store.person(BOB, AT)
    first = await store.open_session(alice.id, AT)
    job = await store.begin_closing(first.id, AT, "end")
    await store.finish_closing(job, AT)
    second = await store.open_session(alice.id, AT)
    bobs = await store.open_session(bob.id, AT)
    assert (first.number, second.number, bobs.number) == (1, 2, 1)
    assert (await store.get_session(first.id)).state is SessionState.CLOSED


async def test_only_one_active_session_per_person(store: SqliteStore) -> None:
    alice = await store.person(ALICE, AT)
    await store.open_session(alice.id, AT)
    with pytest.raises(sqlite3.IntegrityError):
        await store.open_session(alice.id, AT)


async def test_closing_job_progress_survives_reopening(tmp_path: Path) -> None:
    async with open_store(tmp_path) as store:
        alice = await store.person(ALICE, AT)
        session = await store.open_session(alice.id, AT)
        job = await store.begin_closing(session.id, AT, "end")
        notebook = Notebook(session.id, 1, "## Parting Words\nbye", AT, "nb.v1", "m")
        await store.save_notebook(alice.id, notebook, job)
    async with open_store(tmp_path) as store:
        (pending,) = await store.pending_closing_jobs()
        assert pending.stage == "arc"
        assert (await store.get_session(session.id)).state is SessionState.CLOSING
        assert (await store.notebook_for(alice.id, session.id)) == notebook
        job = await store.save_arc(alice.id, Arc(1, "arc text", AT, "arc.v1", "m"), pending)
        await store.finish_closing(job, AT)
        assert await store.pending_closing_jobs() == ()
        history = await store.history(alice.id)
        assert history.arc is not None and history.arc.text == "arc text"
        assert history.last_closed_at == AT


async def test_a_body_moved_to_another_person_does_not_open(tmp_path: Path) -> None:
    async with open_store(tmp_path) as store:
        alice = await store.person(ALICE, AT)
        bob = await store.person(BOB, AT)
        a_session = await store.open_session(alice.id, AT)
        b_session = await store.open_session(bob.id, AT)
        await store.append_turn(alice.id, a_session.id, user_turn("alice's secret"))
        await store.append_turn(bob.id, b_session.id, user_turn("bob's words"))
    with sqlite3.connect(tmp_path / "lumen.db") as raw:
        raw.execute(
            "UPDATE turns SET body = (SELECT body FROM turns WHERE person_id = ?)"
            " WHERE person_id = ?",
            (alice.id, bob.id),
        )
    async with open_store(tmp_path) as store:
        # it did not open as Bob's (it would read "alice's secret"): set aside, not shown
        assert await store.session_turns(bob.id, b_session.id) == ()


async def test_content_database_alone_holds_no_usable_key(tmp_path: Path) -> None:
    async with open_store(tmp_path) as store:
        alice = await store.person(ALICE, AT)
        session = await store.open_session(alice.id, AT)
        await store.append_turn(alice.id, session.id, user_turn("kept apart"))
    (tmp_path / "keys.db").unlink()
    async with open_store(tmp_path) as store:
        with pytest.raises(DecryptionError):
            await store.session_turns(alice.id, session.id)


async def test_another_keyring_cannot_read_the_data(tmp_path: Path) -> None:
    async with open_store(tmp_path) as store:
        alice = await store.person(ALICE, AT)
        session = await store.open_session(alice.id, AT)
        await store.append_turn(alice.id, session.id, user_turn("mine"))
    other = Keyring({1: bytes(32)})
    async with open_store(tmp_path, other) as store:
        with pytest.raises(DecryptionError):
            await store.session_turns(alice.id, session.id)


async def test_export_holds_every_session_notebook_and_arc(store: SqliteStore) -> None:
    alice = await store.person(ALICE, AT)
    session = await store.open_session(alice.id, AT)
    await store.append_turn(alice.id, session.id, user_turn("hello"))
    job = await store.begin_closing(session.id, AT, "end")
    job = await store.save_notebook(
        alice.id, Notebook(session.id, 1, "notes", AT, "nb.v1", "m"), job
    )
    job = await store.save_arc(alice.id, Arc(1, "arc", AT, "arc.v1", "m"), job)
    await store.finish_closing(job, AT)
    data = await store.export(ALICE)
    assert data is not None
    assert [t.text for t in data.sessions[0][1]] == ["hello"]
    assert [n.text for n in data.notebooks] == ["notes"]
    assert [a.prompt_version for a in data.arcs] == ["arc.v1"]
    assert await store.export(PersonKey("telegram", "404")) is None


async def sealed_life(tmp_path: Path) -> tuple[int, int]:
    """One person: two turns, a notebook, two Arc versions. Returns (person, session)."""
    async with open_store(tmp_path) as store:
        alice = await store.person(ALICE, AT)
        session = await store.open_session(alice.id, AT)
        await store.append_turn(alice.id, session.id, user_turn("first"))
        await store.append_turn(alice.id, session.id, user_turn("second"))
        job = await store.begin_closing(session.id, AT, "end")
        job = await store.save_notebook(
            alice.id, Notebook(session.id, 1, "notes", AT, "nb.v1", "m"), job
        )
        await store.save_arc(alice.id, Arc(1, "arc one", AT, "arc.v1", "m"), job)
        await store.save_arc(alice.id, Arc(2, "arc two", AT, "arc.v1", "m"), job)
        return alice.id, session.id


@pytest.mark.parametrize(
    "swap",
    [
        "UPDATE arcs SET body = (SELECT body FROM arcs WHERE version = 1) WHERE version = 2",
        "UPDATE notebooks SET body = (SELECT body FROM arcs WHERE version = 1)",
    ],
    ids=["arc version to arc version", "arc to notebook"],
)
async def test_a_body_moved_within_one_persons_records_does_not_open(
    tmp_path: Path, swap: str
) -> None:
    """Same person, same key: only the associated data (table, record) can catch this."""
    await sealed_life(tmp_path)
    with sqlite3.connect(tmp_path / "lumen.db") as raw:
        assert raw.execute(swap).rowcount == 1
    async with open_store(tmp_path) as store:
        with pytest.raises(DecryptionError):
            await store.export(ALICE)  # reads every turn, notebook and Arc


@pytest.mark.parametrize(
    "swap",
    [
        "UPDATE turns SET body = (SELECT body FROM turns WHERE id = 1) WHERE id = 2",
        "UPDATE turns SET body = (SELECT body FROM notebooks) WHERE id = 2",
    ],
    ids=["turn to turn", "notebook to turn"],
)
async def test_a_body_moved_into_a_turn_does_not_open_and_the_turn_is_set_aside(
    tmp_path: Path, swap: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A turn that does not open is left out of the conversation (see `session_turns`),
    never read as the record it was copied from."""
    person_id, session_id = await sealed_life(tmp_path)
    with sqlite3.connect(tmp_path / "lumen.db") as raw:
        assert raw.execute(swap).rowcount == 1
    async with open_store(tmp_path) as store:
        turns = await store.session_turns(person_id, session_id)
    assert [t.text for t in turns] == ["first"], "turn 2 set aside, not read as turn 1"
    assert f"turn_set_aside person={person_id} session={session_id} turn=2" in caplog.text


async def test_read_session_names_the_owed_turns_that_do_not_open_and_only_those(
    tmp_path: Path,
) -> None:
    """Both turns are damaged; the one already answered is set aside quietly, the one
    still owed is named by id, role and time (nothing of what it said), for the harness
    to settle."""
    person_id, session_id = await sealed_life(tmp_path)
    async with open_store(tmp_path) as store:
        await store.mark_answered([1], AT)
    with sqlite3.connect(tmp_path / "lumen.db") as raw:
        raw.execute("UPDATE turns SET body = (SELECT body FROM turns WHERE id = 2) WHERE id = 1")
        raw.execute("UPDATE turns SET body = (SELECT body FROM notebooks) WHERE id = 2")
    async with open_store(tmp_path) as store:
        read = await store.read_session(person_id, session_id)
    assert read.turns == ()
    assert [(t.id, t.role, t.at) for t in read.unreadable] == [(2, "user", AT)]


async def test_untouched_records_of_the_same_life_open(tmp_path: Path) -> None:
    """The control for the swaps above: without a swap, everything opens."""
    person_id, session_id = await sealed_life(tmp_path)
    async with open_store(tmp_path) as store:
        assert [t.text for t in await store.session_turns(person_id, session_id)] == [
            "first",
            "second",
        ]
        data = await store.export(ALICE)
        assert data is not None
        assert [a.text for a in data.arcs] == ["arc one", "arc two"]


async def test_an_arrival_gives_the_person_their_block_and_active_session(
    store: SqliteStore,
) -> None:
    new = await store.arrival(ALICE, AT)
    assert new.person == await store.find_person(ALICE), "someone new is created"
    assert (new.block, new.session) == (None, None)

    first = await store.open_session(new.person.id, AT)
    await store.begin_closing(first.id, AT, "end")
    second = await store.open_session(new.person.id, AT)
    await store.review.block(new.person.id, AT + timedelta(days=3))
    await store.person(BOB, AT)  # someone else's rows are not theirs
    await store.review.block((await store.person(BOB, AT)).id, AT + timedelta(days=9))

    known = await store.arrival(ALICE, AT)
    assert known.person == new.person
    assert known.block == (AT + timedelta(days=3), False)
    assert known.block == await store.review.blocked_until(new.person.id)
    assert known.session == second == await store.active_session(new.person.id)


def setting(key: str, value: str) -> Callable[[dict[str, str]], dict[str, str]]:
    return lambda profile: {**profile, key: value}


async def test_two_profile_changes_at_once_both_stand(store: SqliteStore) -> None:
    """A language heard while `/country` is answered: each change reads the profile,
    and neither may write back the other's old value."""
    alice = await store.person(ALICE, AT)
    await store.review.update_profile(alice.id, lambda _: {"rhythm": "weekly"})
    await asyncio.gather(  # each starts from the same stored profile
        *(
            store.review.update_profile(alice.id, setting(k, v))
            for k, v in [("country", "MX"), ("locale", "es"), ("timezone", "America/Mexico_City")]
        ),
        *(store.review.update_profile(alice.id, setting(f"n{n}", str(n))) for n in range(4)),
    )
    assert await store.review.profile(alice.id) == {
        "rhythm": "weekly",
        "country": "MX",
        "locale": "es",
        "timezone": "America/Mexico_City",
        **{f"n{n}": str(n) for n in range(4)},
    }


async def test_a_profile_change_that_changes_nothing_writes_nothing(
    store: SqliteStore, tmp_path: Path
) -> None:
    alice = await store.person(ALICE, AT)
    await store.review.update_profile(alice.id, lambda p: {**p, "locale": "es"})

    def body() -> bytes:
        with sqlite3.connect(tmp_path / "lumen.db") as db:
            return bytes(db.execute("SELECT body FROM profiles").fetchone()[0])

    before = body()
    assert await store.review.update_profile(alice.id, lambda _: None) == {"locale": "es"}
    assert await store.review.update_profile(alice.id, lambda p: {**p}) == {"locale": "es"}
    assert body() == before


async def test_a_profile_that_changes_under_every_write_gives_up_without_writing(
    store: SqliteStore, tmp_path: Path
) -> None:
    def sealed() -> bytes:
        with sqlite3.connect(tmp_path / "lumen.db") as db:
            return bytes(db.execute("SELECT body FROM profiles").fetchone()[0])

    alice = await store.person(ALICE, AT)
    await store.review.update_profile(alice.id, setting("country", "MX"))
    one = sealed()
    await store.review.update_profile(alice.id, setting("country", "PE"))
    bodies = {one, sealed()}
    attempts = 0

    def changed_meanwhile(profile: dict[str, str]) -> dict[str, str]:
        """Another writer gets in between the read and the write, every time."""
        nonlocal attempts
        attempts += 1
        (other,) = bodies - {sealed()}
        with sqlite3.connect(tmp_path / "lumen.db") as db:
            db.execute("UPDATE profiles SET body = ?", (other,))
        return {**profile, "locale": "es"}

    with pytest.raises(StoreError):
        await store.review.update_profile(alice.id, changed_meanwhile)
    assert attempts == PROFILE_ATTEMPTS
    assert sealed() in bodies, "nothing of this change written"
