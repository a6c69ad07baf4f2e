"""After a crash: every stored message is answered exactly once, or told it was lost."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from lumen_bot.harness.model import Inbound, PersonKey, TurnKind
from lumen_bot.harness.store_ports import NewTurn
from tests.fakes import FakeLLM, RecordingReply
from tests.wiring import Harness, make_harness

ALICE = PersonKey("telegram", "1001")
CRISIS = "I have the pills ready and I'm going to take them all tonight"


async def crash_after_storing(h: Harness, text: str) -> None:
    """What a kill -9 between storing a message and answering it leaves behind."""
    await h.mentor.handle(Inbound(ALICE, "hello", h.clock.now()), RecordingReply())
    person = await h.store.person(ALICE, h.clock.now())
    session = await h.store.active_session(person.id)
    assert session is not None
    await h.store.append_turn(
        person.id, session.id, NewTurn("user", TurnKind.UNSCREENED, text, h.clock.now())
    )


async def test_a_message_left_unanswered_is_answered_once_after_restart(tmp_path: Path) -> None:
    async with make_harness(tmp_path) as h:
        await crash_after_storing(h, "the thing I wrote just before the crash")
    async with make_harness(tmp_path) as h:
        assert await h.mentor.resume(h.notifier.channel) == 1
        assert h.notifier.channels[ALICE].of("final"), "answered after the restart"
        assert h.llm.requests[-1].messages[-1].text == "the thing I wrote just before the crash"
        assert await h.mentor.resume(h.notifier.channel) == 0, "and never twice"
        assert len(h.llm.requests) == 1


async def test_a_reply_stored_but_not_delivered_is_delivered_without_asking_again(
    tmp_path: Path,
) -> None:
    async with make_harness(tmp_path) as h:
        await crash_after_storing(h, "question")
        person = await h.store.person(ALICE, h.clock.now())
        session = await h.store.active_session(person.id)
        assert session is not None
        turns = await h.store.session_turns(person.id, session.id)
        await h.store.screen_turn(person.id, turns[-1], TurnKind.MESSAGE, "none")
        await h.store.append_turn(
            person.id,
            session.id,
            NewTurn("mentor", TurnKind.REPLY, "the answer", h.clock.now(), reply_to=turns[-1].id),
        )
    async with make_harness(tmp_path) as h:
        await h.mentor.resume(h.notifier.channel)
        assert h.notifier.channels[ALICE].of("final") == ["the answer"]
        assert h.llm.requests == [], "no second LLM call for an answer already written"
        data = await h.store.export(ALICE)
        assert data is not None
        assert all(t.answered_at is not None for t in data.sessions[0][1])


async def test_an_old_unanswered_message_gets_lost_thread_not_a_late_answer(
    tmp_path: Path,
) -> None:
    async with make_harness(tmp_path) as h:
        await crash_after_storing(h, "written long ago")
    async with make_harness(tmp_path) as h:
        h.clock.advance(days=2)
        await h.mentor.resume(h.notifier.channel)
        assert h.notifier.channels[ALICE].of("notice") == ["lost_thread"]
        assert h.llm.requests == []
        assert await h.mentor.resume(h.notifier.channel) == 0


async def test_a_crisis_left_unanswered_gets_resources_on_restart_even_when_old(
    tmp_path: Path,
) -> None:
    async with make_harness(tmp_path) as h:
        await crash_after_storing(h, CRISIS)
    async with make_harness(tmp_path) as h:
        h.clock.advance(hours=30)
        await h.mentor.resume(h.notifier.channel)
        reply = h.notifier.channels[ALICE]
        assert len(reply.of("crisis")) == 1
        assert reply.of("notice") == [], "nothing else was waiting"
        assert h.llm.requests == []


def test_resume_window_defaults_to_six_hours() -> None:
    from lumen_bot.harness.mentor import MentorPolicy

    assert MentorPolicy(1, 1, 1).resume_max_age == timedelta(hours=6)


LONG_ANSWER = ["First part of a long answer.", "Second part.", "Third part."]


async def test_a_long_reply_cut_off_half_way_is_finished_after_a_restart_without_repeats(
    tmp_path: Path,
) -> None:
    """A reply sent as several messages, the second of which never arrived (the process
    died, or Telegram stayed unreachable): the restarted bot sends the rest only."""
    long_answer = FakeLLM(script=lambda _: ["\n\n".join(LONG_ANSWER)])
    async with make_harness(tmp_path, long_answer) as h:
        cut_off = RecordingReply(paragraph_parts=True, fail_at_part=2)
        await h.mentor.handle(Inbound(ALICE, "tell me everything", h.clock.now()), cut_off)
        assert cut_off.of("final") == LONG_ANSWER[:1]
    async with make_harness(tmp_path) as h:
        h.notifier.channels[ALICE] = RecordingReply(paragraph_parts=True)
        await h.mentor.resume(h.notifier.channel)
        assert h.notifier.channels[ALICE].of("final") == LONG_ANSWER[1:], "the rest, once"
        assert h.llm.requests == [], "the stored reply, not a new one"
        data = await h.store.export(ALICE)
        assert data is not None
        assert all(t.answered_at is not None for t in data.sessions[0][1])
