"""/forget stops the person's work in flight first, survives a kill, and cannot undo a block."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from lumen_bot.errors import DecryptionError
from lumen_bot.harness.model import Inbound, PersonKey
from lumen_bot.harness.ports import LLMRequest
from tests.fakes import FakeLLM, RecordingReply, default_script
from tests.wiring import Harness, make_harness

# ids long enough that a search of the database for them in clear cannot meet them by
# chance in the hex of a ciphertext (four digits now and then did)
ALICE = PersonKey("telegram", "5550123001")
BOB = PersonKey("telegram", "5550123002")
CRISIS = "I have the pills ready and I'm going to take them all tonight"
PERSON_TABLES = ("sessions", "turns", "notebooks", "arcs", "closing_jobs", "reminders", "profiles")


async def say(h: Harness, text: str, who: PersonKey = ALICE) -> RecordingReply:
    reply = RecordingReply()
    await h.mentor.handle(Inbound(who, text, h.clock.now()), reply)
    return reply


async def close_session(h: Harness, who: PersonKey = ALICE) -> int:
    await h.mentor.end(who, RecordingReply())
    person = await h.store.person(who, h.clock.now())
    await h.closer.settle(person.id, wait_s=5)
    return person.id


def rows_left(directory: Path, person_id: int) -> dict[str, int]:
    with sqlite3.connect(directory / "lumen.db") as db:
        counts = {
            table: db.execute(
                f"SELECT COUNT(*) FROM {table} WHERE person_id = ?",  # noqa: S608 - fixed names
                (person_id,),
            ).fetchone()[0]
            for table in PERSON_TABLES
        }
    return {table: count for table, count in counts.items() if count}


async def until(condition: object, what: str) -> None:
    for _ in range(500):
        if callable(condition) and condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


async def test_an_answer_still_streaming_is_dropped_before_anything_is_deleted(
    tmp_path: Path,
) -> None:
    llm = FakeLLM(gate=asyncio.Event())  # the answer stops after its first words
    async with make_harness(tmp_path, llm) as h:
        reply = RecordingReply()
        answering = asyncio.create_task(
            h.mentor.handle(Inbound(ALICE, "tell me something", h.clock.now()), reply)
        )
        await until(lambda: llm.requests, "the answer to start streaming")
        person = await h.store.find_person(ALICE)
        assert person is not None
        assert await h.forgetting.forget(ALICE)
        await answering
        assert llm.cancelled == 1, "the HTTP stream was closed"
        assert reply.of("final") == [], "no answer reached the person"
        assert rows_left(tmp_path, person.id) == {}


def slow_notebook(request: LLMRequest) -> list[str]:
    """A notebook written in two parts, so a gate can hold it halfway."""
    answer = default_script(request)
    return ["## What Happened\n", *answer] if request.purpose == "notebook" else answer


async def test_a_closing_job_running_is_stopped_and_leaves_no_notebook_or_goodbye(
    tmp_path: Path,
) -> None:
    llm = FakeLLM(script=slow_notebook)
    async with make_harness(tmp_path, llm) as h:
        await say(h, "a session about my week")
        person = await h.store.find_person(ALICE)
        assert person is not None
        llm.gate = asyncio.Event()
        await h.mentor.end(ALICE, RecordingReply())
        await until(lambda: llm.requests[-1].purpose == "notebook", "the notebook call")
        assert await h.forgetting.forget(ALICE)
        calls = len(llm.requests)
        llm.gate.set()
        await asyncio.sleep(0.1)
        assert len(h.tasks) == 0, "the job ended: it does not retry in the background"
        assert len(llm.requests) == calls, "no further notebook or Arc call"
        assert h.notifier.sent == [] and h.notifier.notices == [], "no parting words"
        assert rows_left(tmp_path, person.id) == {}
        assert await h.store.pending_closing_jobs() == ()


async def test_no_reminder_is_left_behind(tmp_path: Path) -> None:
    async with make_harness(tmp_path) as h:
        await say(h, "hello")
        person_id = await close_session(h)
        assert await h.reminders.next_reminder_at(person_id) is not None, "one was planned"
        assert await h.forgetting.forget(ALICE)
        h.clock.advance(days=30)
        assert await h.reminders.tick() == 0
        assert h.notifier.notices == [(ALICE, "session_closed")], "only the goodbye of before"


async def test_a_reminder_claimed_while_the_person_is_forgotten_is_not_sent(
    tmp_path: Path,
) -> None:
    async with make_harness(tmp_path) as h:
        await say(h, "hello")
        person_id = await close_session(h)
        due = await h.reminders.next_reminder_at(person_id)
        assert due is not None
        h.clock.current = due  # the reminder is due now
        async with h.reminders.holding(person_id):  # as Forgetting holds it
            ticking = asyncio.create_task(h.reminders.tick())
            for _ in range(100):  # until the tick has claimed it and waits for the person
                reminder = await h.store.reminder(person_id)
                if reminder is not None and reminder.state == "sending":
                    break
                await asyncio.sleep(0.01)
            assert not ticking.done()
            await h.store.begin_forgetting(person_id, h.clock.now())
            await h.store.finish_forgetting(person_id, h.clock.now())
        assert await ticking == 0
        assert h.notifier.notices == [(ALICE, "session_closed")], "only the goodbye of before"


async def test_a_kill_between_destroying_the_key_and_deleting_rows_is_finished_on_restart(
    tmp_path: Path,
) -> None:
    async with make_harness(tmp_path) as h:
        await say(h, "something private")
        person_id = await close_session(h)
        await say(h, "and a new session", BOB)
        # What /forget does first; then the process dies (the store closes, nothing more).
        await h.store.begin_forgetting(person_id, h.clock.now())
    assert rows_left(tmp_path, person_id), "the rows are still there"
    async with make_harness(tmp_path) as h:
        with pytest.raises(DecryptionError):
            await h.store.export(ALICE)  # nothing of hers opens, even before resuming
        assert await h.forgetting.resume() == 1
        assert await h.forgetting.resume() == 0, "done once"
        assert await h.store.find_person(ALICE) is None
        assert [e.action for e in await h.store.review.audit_entries()] == ["forget"]
        bob = await h.store.export(BOB)
        assert bob is not None and bob.sessions, "the other person is untouched"
    assert rows_left(tmp_path, person_id) == {}


async def test_a_block_outlives_forget_without_keeping_the_telegram_id(tmp_path: Path) -> None:
    async with make_harness(tmp_path) as h:
        await say(h, CRISIS)
        (flag,) = await h.review.queue()
        assert await h.review.block(flag.id, actor="cli:admin", days=7) is not None
        assert await h.forgetting.forget(ALICE)
        with sqlite3.connect(tmp_path / "lumen.db") as db:
            refs = db.execute("SELECT ref FROM blocked_refs").fetchall()
            dump = "\n".join(db.iterdump())
        assert len(refs) == 1 and ALICE.external_id not in refs[0][0]
        assert ALICE.external_id not in dump, "the Telegram id is nowhere in clear"

        reply = await say(h, "hello again")
        assert reply.of("notice") == ["blocked"], "still blocked after forgetting"
        again = await h.store.find_person(ALICE)
        assert again is not None and await h.store.active_session(again.id) is None

        h.clock.advance(days=8)
        assert (await say(h, "hello again")).of("final"), "the block ends when it would have"


async def test_an_expired_block_is_not_kept(tmp_path: Path) -> None:
    async with make_harness(tmp_path) as h:
        await say(h, CRISIS)
        (flag,) = await h.review.queue()
        await h.review.block(flag.id, actor="cli:admin", days=1)
        h.clock.advance(days=2)
        assert await h.forgetting.forget(ALICE)
        with sqlite3.connect(tmp_path / "lumen.db") as db:
            assert db.execute("SELECT COUNT(*) FROM blocked_refs").fetchone()[0] == 0


async def test_forgetting_someone_who_never_wrote_does_nothing(tmp_path: Path) -> None:
    async with make_harness(tmp_path) as h:
        assert not await h.forgetting.forget(ALICE)
        assert await h.store.find_person(ALICE) is None, "asking creates no one"
        assert await h.store.review.audit_entries() == []
