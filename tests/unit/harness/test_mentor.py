"""The mentor's turn: stored first, screened before the LLM, streamed, answered once."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from lumen_bot.errors import LLMBusy, LLMError, LLMStreamBroken
from lumen_bot.harness.model import Inbound, PersonKey, TurnKind
from lumen_bot.harness.ports import LLMRequest
from lumen_bot.harness.store_ports import NewTurn
from tests.fakes import FakeLLM, RecordingReply
from tests.wiring import Harness, make_harness

ALICE = PersonKey("telegram", "1001")
CRISIS = "I have the pills ready and I'm going to take them all tonight"
CONCERN = "Honestly I feel like a burden to everyone lately"


def inbound(h: Harness, text: str, source: str | None = None) -> Inbound:
    return Inbound(ALICE, text, h.clock.now(), source_key=source)


def all_request_text(request: LLMRequest) -> str:
    return "\n".join([b.text for b in request.system] + [m.text for m in request.messages])


async def turns_of(h: Harness) -> list[tuple[str, str, str]]:
    person = await h.store.person(ALICE, h.clock.now())
    data = await h.store.export(ALICE)
    assert data is not None and person
    return [(t.role, t.kind.value, t.text) for _, turns in data.sessions for t in turns]


async def test_a_message_is_streamed_then_delivered_and_both_turns_stored(harness: Harness) -> None:
    reply = RecordingReply()
    await harness.mentor.handle(inbound(harness, "I want to change jobs", "tg:1:1"), reply)
    assert reply.events[0] == ("typing", "")
    assert reply.of("partial") == ["Thank you"], "a preview, then one every 120 characters"
    assert reply.of("final") == ["Thank you for telling me. What matters most here?"]
    assert await turns_of(harness) == [
        ("user", "message", "I want to change jobs"),
        ("mentor", "reply", "Thank you for telling me. What matters most here?"),
    ]
    data = await harness.store.export(ALICE)
    assert data is not None
    assert all(turn.answered_at is not None for turn in data.sessions[0][1])
    assert data.sessions[0][1][1].prompt_version == harness.prompts.system_id


async def test_a_redelivered_update_is_not_answered_twice(harness: Harness) -> None:
    reply = RecordingReply()
    await harness.mentor.handle(inbound(harness, "hello", "tg:1:7"), reply)
    await harness.mentor.handle(inbound(harness, "hello", "tg:1:7"), reply)
    assert len(reply.of("final")) == 1
    assert len(harness.llm.requests) == 1


async def test_a_crisis_never_reaches_the_llm_and_gets_resources(harness: Harness) -> None:
    reply = RecordingReply()
    await harness.mentor.handle(inbound(harness, CRISIS), reply)
    assert harness.llm.requests == []
    (resources,) = reply.of("crisis")
    assert "988" in resources or "emergency" in resources.lower()
    kinds = [(role, kind) for role, kind, _ in await turns_of(harness)]
    assert kinds == [("user", "crisis"), ("mentor", "resources")]

    await harness.mentor.handle(inbound(harness, "thank you, I called them"), RecordingReply())
    (request,) = harness.llm.requests
    assert CRISIS not in all_request_text(request)
    assert "withheld" in all_request_text(request)


async def test_a_concern_adds_the_safety_addendum(harness: Harness) -> None:
    await harness.mentor.handle(inbound(harness, CONCERN), RecordingReply())
    (request,) = harness.llm.requests
    assert request.system[-1].text == harness.prompts.concern_addendum.text
    await harness.mentor.handle(inbound(harness, "Anyway, work was fine"), RecordingReply())
    assert harness.llm.requests[1].system[-1].text != harness.prompts.concern_addendum.text


async def test_context_is_byte_identical_across_a_sessions_turns(harness: Harness) -> None:
    for text in ("first", "second", "third"):
        harness.clock.advance(minutes=5)
        await harness.mentor.handle(inbound(harness, text), RecordingReply())
    contexts = {r.system[1].text for r in harness.llm.requests}
    assert len(contexts) == 1
    assert all(r.system[1].cache and r.cache_last_message for r in harness.llm.requests)
    last = harness.llm.requests[-1].messages
    assert [m.role for m in last] == ["user", "assistant", "user", "assistant", "user"]


async def test_an_llm_failure_keeps_the_turn_and_says_it_will_answer_later(tmp_path: Path) -> None:
    llm = FakeLLM(script=lambda request: LLMStreamBroken("overloaded_error"))
    async with make_harness(tmp_path, llm) as h:
        reply = RecordingReply()
        await h.mentor.handle(inbound(h, "a thing that took courage"), reply)
        assert reply.of("notice") == ["words_lost"]
        assert await turns_of(h) == [("user", "message", "a thing that took courage")]


async def test_after_a_failure_the_next_answer_covers_both_messages(tmp_path: Path) -> None:
    answers: list[object] = [LLMBusy("429"), ["Both heard."]]
    llm = FakeLLM(script=lambda request: answers.pop(0))  # type: ignore[arg-type,return-value]
    async with make_harness(tmp_path, llm) as h:
        await h.mentor.handle(inbound(h, "first try"), RecordingReply())
        await h.mentor.handle(inbound(h, "second try"), RecordingReply())
        assert llm.requests[1].messages[-1].text == "first try\n\nsecond try"
        data = await h.store.export(ALICE)
        assert data is not None
        assert all(t.answered_at is not None for t in data.sessions[0][1])


async def test_end_closes_with_notebook_arc_and_parting_words(harness: Harness) -> None:
    await harness.mentor.handle(inbound(harness, "I want to write more"), RecordingReply())
    reply = RecordingReply()
    assert await harness.mentor.end(ALICE, reply)
    assert reply.of("notice") == ["session_closing"]
    person = await harness.store.person(ALICE, harness.clock.now())
    await harness.closer.settle(person.id, wait_s=5)
    purposes = [r.purpose for r in harness.llm.requests]
    assert purposes == ["turn", "notebook", "arc"]
    assert "TASK: ARC_CREATE".lower() in harness.llm.requests[2].system[0].text.lower()
    assert harness.notifier.sent == [(ALICE, "Carry the small step with you.")]
    assert harness.notifier.notices == [(ALICE, "session_closed")]
    data = await harness.store.export(ALICE)
    assert data is not None
    assert data.sessions[0][0].state.value == "closed"
    assert data.notebooks[0].prompt_version == harness.prompts.notebook.id
    assert data.arcs[0].prompt_version == harness.prompts.arc_create.id


async def test_next_session_starts_from_the_arc_and_notebook(harness: Harness) -> None:
    await harness.mentor.handle(inbound(harness, "session one"), RecordingReply())
    await harness.mentor.end(ALICE, RecordingReply())
    person = await harness.store.person(ALICE, harness.clock.now())
    await harness.closer.settle(person.id, wait_s=5)
    harness.clock.advance(days=3)
    await harness.mentor.handle(inbound(harness, "session two"), RecordingReply())
    request = harness.llm.requests[-1]
    context = request.system[1].text
    assert "session_number: 2" in context
    assert "days_since_last_session: 3" in context
    assert "Someone curious." in context, "the Arc"
    assert "Carry the small step" in context, "the first notebook"
    assert [m.text for m in request.messages] == ["session two"]


async def test_second_close_rewrites_the_arc_with_the_update_prompt(harness: Harness) -> None:
    person = await harness.store.person(ALICE, harness.clock.now())
    for text in ("one", "two"):
        await harness.mentor.handle(inbound(harness, text), RecordingReply())
        await harness.mentor.end(ALICE, RecordingReply())
        await harness.closer.settle(person.id, wait_s=5)
    arc_requests = [r for r in harness.llm.requests if r.purpose == "arc"]
    assert "ARC_UPDATE" in arc_requests[1].system[0].text
    assert "Someone curious." in arc_requests[1].messages[0].text, "the current Arc is rewritten"
    data = await harness.store.export(ALICE)
    assert data is not None and [a.version for a in data.arcs] == [1, 2]


async def test_end_without_a_session_says_so(harness: Harness) -> None:
    reply = RecordingReply()
    assert not await harness.mentor.end(ALICE, reply)
    assert reply.of("notice") == ["no_session_to_end"]


async def test_closing_retries_until_the_llm_answers(tmp_path: Path) -> None:
    failures = [LLMBusy("529"), LLMBusy("529")]

    def flaky(request: LLMRequest) -> list[str] | LLMBusy:
        from tests.fakes import default_script

        if request.purpose == "notebook" and failures:
            return failures.pop()
        return default_script(request)

    async with make_harness(tmp_path, FakeLLM(script=flaky)) as h:
        await h.mentor.handle(inbound(h, "hi"), RecordingReply())
        await h.mentor.end(ALICE, RecordingReply())
        person = await h.store.person(ALICE, h.clock.now())
        await h.closer.settle(person.id, wait_s=5)
        assert [r.purpose for r in h.llm.requests] == [
            "turn",
            "notebook",
            "notebook",
            "notebook",
            "arc",
        ]
        assert h.notifier.sent


async def test_settling_until_failure_returns_at_the_first_failed_attempt(
    tmp_path: Path,
) -> None:
    """The terminal waits for the notebook, but not through retries of an LLM that is
    down: the job goes on retrying (and resumes after a restart)."""

    def notebook_down(request: LLMRequest) -> list[str] | LLMBusy:
        from tests.fakes import default_script

        return LLMBusy("529") if request.purpose == "notebook" else default_script(request)

    async with make_harness(tmp_path, FakeLLM(script=notebook_down)) as h:
        await h.mentor.handle(inbound(h, "hi"), RecordingReply())
        await h.mentor.end(ALICE, RecordingReply())
        person = await h.store.person(ALICE, h.clock.now())
        settled = await asyncio.wait_for(
            h.closer.settle(person.id, wait_s=600, until_failure=True), timeout=30
        )
        assert not settled, "the closing is still running, retrying"
        assert [r.purpose for r in h.llm.requests] == ["turn", "notebook"]
        assert len(await h.store.pending_closing_jobs()) == 1, "kept to finish later"


async def test_an_interrupted_closing_resumes_after_restart(tmp_path: Path) -> None:
    async with make_harness(tmp_path) as h:
        await h.mentor.handle(inbound(h, "hi"), RecordingReply())
        person = await h.store.person(ALICE, h.clock.now())
        session = await h.store.active_session(person.id)
        assert session is not None
        await h.store.begin_closing(session.id, h.clock.now(), "end")  # then the process dies
    async with make_harness(tmp_path) as h:
        assert await h.closer.resume() == 1
        await h.closer.settle(person.id, wait_s=5)
        assert h.notifier.sent
        assert await h.store.pending_closing_jobs() == ()
        data = await h.store.export(ALICE)
        assert data is not None and data.sessions[0][0].state.value == "closed"


async def test_a_closing_waiting_for_its_next_attempt_is_tried_at_once_after_restart(
    tmp_path: Path,
) -> None:
    """A closing that failed planned its next attempt ten minutes on. After a restart it
    is tried at once: the person was told their parting words come the next time they
    open the chat, not ten minutes into it."""
    async with make_harness(tmp_path) as h:
        await h.mentor.handle(inbound(h, "hi"), RecordingReply())
        person = await h.store.person(ALICE, h.clock.now())
        session = await h.store.active_session(person.id)
        assert session is not None
        later = h.clock.now() + timedelta(minutes=10)
        await h.store.begin_closing(session.id, later, "end")  # then the process stops
    async with make_harness(tmp_path) as h:
        assert await h.closer.resume() == 1
        assert await h.closer.settle(person.id, wait_s=5), "finished without waiting"
        assert h.notifier.sent
        assert await h.store.pending_closing_jobs() == ()


async def test_crisis_turn_text_never_goes_to_the_closing_calls(harness: Harness) -> None:
    await harness.mentor.handle(inbound(harness, CRISIS), RecordingReply())
    await harness.mentor.end(ALICE, RecordingReply())
    person = await harness.store.person(ALICE, harness.clock.now())
    await harness.closer.settle(person.id, wait_s=5)
    assert harness.llm.requests, "closing called the LLM"
    assert all(CRISIS not in all_request_text(r) for r in harness.llm.requests)
    kinds = [k for _, k, _ in await turns_of(harness)]
    assert kinds == ["crisis", "resources"]
    notebook_input = next(r for r in harness.llm.requests if r.purpose == "notebook")
    assert "withheld" in notebook_input.messages[0].text
    assert CRISIS not in all_request_text(notebook_input)


async def test_typing_stays_visible_while_the_llm_is_slow_to_start(tmp_path: Path) -> None:
    slow = FakeLLM(script=lambda request: ["", "Here ", "I am."])
    slow.gate = asyncio.Event()
    async with make_harness(tmp_path, slow) as h:
        reply = RecordingReply()
        task = asyncio.create_task(h.mentor.handle(inbound(h, "hello?"), reply))
        await asyncio.sleep(0.1)
        assert len(reply.of("typing")) >= 3, "typing was repeated while waiting"
        slow.gate.set()
        await task
        typed = len(reply.of("typing"))
        await asyncio.sleep(0.05)
        assert len(reply.of("typing")) == typed, "typing stops once the answer is done"
        assert reply.of("final") == ["Here I am."]


async def leave_unscreened(h: Harness, text: str) -> None:
    """What a crash between storing a message and screening it leaves behind."""
    await h.mentor.handle(inbound(h, "hello"), RecordingReply())
    person = await h.store.person(ALICE, h.clock.now())
    session = await h.store.active_session(person.id)
    assert session is not None
    await h.store.append_turn(
        person.id, session.id, NewTurn("user", TurnKind.UNSCREENED, text, h.clock.now())
    )


async def test_a_crisis_left_unscreened_by_a_crash_gets_resources_on_the_next_message(
    harness: Harness,
) -> None:
    await leave_unscreened(harness, CRISIS)
    reply = RecordingReply()
    await harness.mentor.handle(inbound(harness, "are you there?"), reply)
    assert len(reply.of("crisis")) == 1, "resources for the crisis that was never screened"
    assert reply.events.index(("crisis", reply.of("crisis")[0])) < reply.events.index(
        ("final", reply.of("final")[0])
    ), "resources come before the mentor's answer"
    assert all(CRISIS not in all_request_text(r) for r in harness.llm.requests)


async def test_a_message_left_unscreened_is_screened_and_answered_with_the_next(
    harness: Harness,
) -> None:
    await leave_unscreened(harness, "the thing I wrote before the crash")
    await harness.mentor.handle(inbound(harness, "are you there?"), RecordingReply())
    last = harness.llm.requests[-1].messages[-1].text
    assert last == "the thing I wrote before the crash\n\nare you there?"
    data = await harness.store.export(ALICE)
    assert data is not None
    assert all(t.answered_at is not None for t in data.sessions[0][1])
    assert {t.kind for t in data.sessions[0][1]} == {TurnKind.MESSAGE, TurnKind.REPLY}


async def test_undelivered_crisis_resources_are_sent_again_on_the_next_message(
    harness: Harness,
) -> None:
    failing = RecordingReply(fail_plain=True)
    await harness.mentor.handle(inbound(harness, CRISIS), failing)
    assert harness.mentor.owed_answers == 1, "Lumen will try again on its own"
    reply = RecordingReply()
    await harness.mentor.handle(inbound(harness, "hello?"), reply)
    assert len(reply.of("crisis")) == 1
    assert harness.llm.requests, "the new message is answered after the resources"
    assert all(CRISIS not in all_request_text(r) for r in harness.llm.requests)


async def test_undelivered_crisis_resources_are_sent_again_without_a_new_message(
    harness: Harness,
) -> None:
    await harness.mentor.handle(inbound(harness, CRISIS), RecordingReply(fail_plain=True))
    harness.clock.advance(seconds=30)
    assert await harness.mentor.retry_owed(harness.notifier.channel) == 1
    assert len(harness.notifier.channels[ALICE].of("crisis")) == 1, "the resources, once"
    assert harness.llm.requests == [], "a crisis never reaches the LLM"
    assert harness.mentor.owed_answers == 0


async def test_a_restarted_mentor_rebuilds_the_same_context_bytes(tmp_path: Path) -> None:
    async with make_harness(tmp_path) as h:
        await h.mentor.handle(inbound(h, "one"), RecordingReply())
        await h.mentor.end(ALICE, RecordingReply())
        person = await h.store.person(ALICE, h.clock.now())
        await h.closer.settle(person.id, wait_s=5)
        h.clock.advance(days=2)
        await h.mentor.handle(inbound(h, "two"), RecordingReply())
        before = h.llm.requests[-1].system[1].text
    async with make_harness(tmp_path) as h:
        h.clock.advance(days=2, hours=3)
        await h.mentor.handle(inbound(h, "three"), RecordingReply())
        assert h.llm.requests[-1].system[1].text == before


async def wait_for(condition: Callable[[], bool], *, within_s: float = 5.0) -> None:
    """Poll a condition that no event announces (the code under test owns no hook for it)."""
    async with asyncio.timeout(within_s):
        while not condition():  # noqa: ASYNC110 - polling a fake's state on purpose
            await asyncio.sleep(0.005)


async def test_a_burst_is_stored_at_once_and_answered_together_in_order(tmp_path: Path) -> None:
    llm = FakeLLM()
    llm.gate = asyncio.Event()
    async with make_harness(tmp_path, llm) as h:
        first = asyncio.create_task(h.mentor.handle(inbound(h, "one", "tg:1:1"), RecordingReply()))
        await wait_for(lambda: len(llm.requests) == 1)  # the mentor is answering "one"
        later = [
            asyncio.create_task(h.mentor.handle(inbound(h, text, f"tg:1:{n}"), RecordingReply()))
            for n, text in ((2, "two"), (3, "three"))
        ]

        async def stored() -> list[str]:
            data = await h.store.export(ALICE)
            assert data is not None
            return [t.text for t in data.sessions[0][1] if t.role == "user"]

        async with asyncio.timeout(5):
            while await stored() != ["one", "two", "three"]:  # noqa: ASYNC110 - polls the store
                await asyncio.sleep(0.005)
        assert not first.done()
        llm.gate.set()
        await asyncio.gather(first, *later)
        assert [r.messages[-1].text for r in llm.requests] == ["one", "two\n\nthree"]
        assert h.mentor.held_locks == 0, "per-person locks are freed when idle"


async def test_end_during_a_streaming_answer_aborts_it_and_closes_cleanly(
    tmp_path: Path,
) -> None:
    llm = FakeLLM()
    llm.gate = asyncio.Event()  # the answer stalls after its first words
    async with make_harness(tmp_path, llm) as h:
        reply = RecordingReply()
        talking = asyncio.create_task(h.mentor.handle(inbound(h, "last words"), reply))
        await wait_for(lambda: len(llm.requests) == 1)
        assert await h.mentor.end(ALICE, reply)
        await talking
        assert llm.cancelled == 1, "the upstream request was aborted"
        assert reply.of("final") == [], "the half-written answer is dropped"
        assert reply.of("notice") == ["session_closing"]
        person = await h.store.person(ALICE, h.clock.now())
        await h.closer.settle(person.id, wait_s=5)
        notebook_request = next(r for r in llm.requests if r.purpose == "notebook")
        assert "last words" in notebook_request.messages[0].text
        assert h.mentor.held_locks == 0


async def test_end_after_an_answer_waits_for_nothing_and_keeps_order(tmp_path: Path) -> None:
    async with make_harness(tmp_path) as h:
        reply = RecordingReply()
        await h.mentor.handle(inbound(h, "hello"), reply)
        await h.mentor.end(ALICE, reply)
        assert [e for e, _ in reply.events if e in ("final", "notice")] == ["final", "notice"]


async def test_a_concern_keeps_its_addendum_when_answered_after_a_failure(
    tmp_path: Path,
) -> None:
    answers: list[list[str] | LLMError] = [LLMBusy("529"), ["I hear you."]]
    llm = FakeLLM(script=lambda request: answers.pop(0))
    async with make_harness(tmp_path, llm) as h:
        await h.mentor.handle(inbound(h, CONCERN), RecordingReply())
        await h.mentor.handle(inbound(h, "sorry, again"), RecordingReply())
        assert llm.requests[1].system[-1].text == h.prompts.concern_addendum.text
