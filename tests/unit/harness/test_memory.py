"""/memory: the person reads their Arc and notebooks, and corrects the Arc, safely and durably."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from lumen_bot.errors import LLMError, LLMUnavailable
from lumen_bot.harness.arc_sections import arc_sections
from lumen_bot.harness.flags import FlagSource
from lumen_bot.harness.limits import LimitPolicy
from lumen_bot.harness.memory import Asked
from lumen_bot.harness.model import Inbound, PersonKey, TurnKind
from lumen_bot.harness.ports import LLMRequest
from tests.fakes import FakeLLM, RecordingReply, default_script
from tests.wiring import Harness, make_harness

ALICE = PersonKey("telegram", "1001")
CRISIS = "I have the pills ready and I'm going to take them all tonight"
CORRECTION = "I am not curious, I am stubborn in a good way"


def corrected_arc(said: str) -> str:
    who = f"## Who You Are\nStubborn, in a good way. You told me: {said}"
    return f"{who}\n\n## What's Unfinished\nThe step.\n"


def words_in(request: LLMRequest) -> str:
    """The person's correction, as the rewrite request carries it."""
    content = request.messages[0].text
    return content.split("<correction>\n", 1)[1].split("\n</correction>", 1)[0]


def is_correction(request: LLMRequest) -> bool:
    return "Task: ARC_CORRECT" in request.system[0].text


def script(request: LLMRequest) -> list[str] | LLMError:
    if is_correction(request):
        return [corrected_arc(words_in(request))]
    return default_script(request)


def failing_corrections(request: LLMRequest) -> list[str] | LLMError:
    return LLMUnavailable("test") if is_correction(request) else default_script(request)


async def session_closed(h: Harness, text: str = "My new job scares me", n: int = 1) -> int:
    """A session with one message, closed: a notebook and an Arc exist. Returns the person id."""
    await h.mentor.handle(Inbound(ALICE, text, h.clock.now(), f"tg:1:{n}"), RecordingReply())
    await h.mentor.end(ALICE, RecordingReply())
    person = await h.store.person(ALICE, h.clock.now())
    await h.closer.settle(person.id, wait_s=5)
    return person.id


async def ask_about(h: Harness, index: int = 0) -> None:
    view = await h.memory.view(ALICE)
    assert view.arc is not None
    asked, _ = await h.memory.ask(ALICE, view.arc.version, index)
    assert asked is Asked.ASKED


def answer(h: Harness, text: str, source: str = "tg:1:100") -> Inbound:
    return Inbound(ALICE, text, h.clock.now(), source_key=source, locale="en")


async def arc_versions(h: Harness) -> list[tuple[int, str]]:
    data = await h.store.export(ALICE)
    assert data is not None
    return [(arc.version, arc.prompt_version.split("+")[0]) for arc in data.arcs]


def test_the_arc_is_split_at_its_level_two_headings() -> None:
    text = (
        "A line first.\n\n## Who You Are\nCurious.\n### not a section\nstill\n\n"
        "## Our Journey\nOne."
    )
    sections = arc_sections(text)
    assert [s.heading for s in sections] == ["", "Who You Are", "Our Journey"]
    assert sections[1].text == "## Who You Are\nCurious.\n### not a section\nstill"
    assert "".join(s.text for s in sections).replace("\n", "") == text.replace("\n", "")


async def test_memory_shows_the_arc_by_section_and_the_notebooks(tmp_path: Path) -> None:
    async with make_harness(tmp_path, FakeLLM(script)) as h:
        assert (await h.memory.view(ALICE)).arc is None, "nobody yet: nothing held"
        await session_closed(h)
        view = await h.memory.view(ALICE)
        assert view.arc is not None and view.arc.version == 1
        assert [s.heading for s in view.sections] == ["Who You Are", "What's Unfinished"]
        assert [n.session_number for n in view.notebooks] == [1]
        notebook = await h.memory.notebook(ALICE, 1)
        assert notebook is not None and "## Parting Words" in notebook.text
        assert await h.memory.notebook(ALICE, 2) is None


async def test_a_correction_is_stored_sealed_before_the_llm_is_called(tmp_path: Path) -> None:
    seen_at_call: list[list[tuple[str, bytes]]] = []

    def watching(request: LLMRequest) -> list[str] | LLMError:
        if is_correction(request):
            with sqlite3.connect(tmp_path / "lumen.db") as db:
                rows = db.execute("SELECT state, body FROM arc_corrections").fetchall()
            seen_at_call.append(rows)
        return script(request)

    async with make_harness(tmp_path, FakeLLM(watching)) as h:
        await session_closed(h)
        await ask_about(h)
        assert await h.memory.take(answer(h, CORRECTION), RecordingReply())
    [rows] = seen_at_call
    [(state, body)] = rows
    assert state == "received", "on disk before the LLM saw it"
    assert CORRECTION.encode() not in body and b"stubborn" not in body, "sealed"


async def test_the_new_arc_version_carries_the_correction_and_its_prompt(tmp_path: Path) -> None:
    async with make_harness(tmp_path, FakeLLM(script)) as h:
        await session_closed(h)
        await ask_about(h, index=0)
        reply = RecordingReply()
        assert await h.memory.take(answer(h, CORRECTION), reply)

        [request] = [r for r in h.llm.requests if is_correction(r)]
        assert words_in(request) == CORRECTION, "given as data, inside its own tags"
        assert "<section>Who You Are</section>" in request.messages[0].text
        assert "Someone curious." in request.messages[0].text, "the Arc it corrects"
        arc = await h.store.latest_arc((await h.store.person(ALICE, h.clock.now())).id)
        assert arc is not None and arc.version == 2
        assert CORRECTION in arc.text
        assert arc.prompt_version == h.prompts.arc_correct.id
        assert arc.prompt_version.startswith("arc_correct.v1+")
        assert await arc_versions(h) == [(1, "arc_create.v1"), (2, "arc_correct.v1")]
        assert reply.of("notice") == ["memory_correction_received", "memory_corrected"]
        [shown] = reply.of("final")
        assert shown == f"## Who You Are\nStubborn, in a good way. You told me: {CORRECTION}"


async def test_a_correction_is_not_also_a_message_to_the_mentor(tmp_path: Path) -> None:
    async with make_harness(tmp_path, FakeLLM(script)) as h:
        await session_closed(h)
        await ask_about(h)
        assert await h.memory.take(answer(h, CORRECTION), RecordingReply())
        assert not await h.memory.take(answer(h, "And another thing", "tg:1:101"), RecordingReply())
        assert await h.memory.take(answer(h, CORRECTION), RecordingReply()), "a redelivery"
        assert await h.store.active_session(1) is None, "no conversation was opened"
        assert sum(is_correction(r) for r in h.llm.requests) == 1, "applied once"


async def test_a_crisis_in_a_correction_gets_care_and_never_reaches_the_llm(
    tmp_path: Path,
) -> None:
    async with make_harness(tmp_path, FakeLLM(script)) as h:
        person_id = await session_closed(h)
        calls_before = len(h.llm.requests)
        await ask_about(h)
        reply = RecordingReply()
        assert await h.memory.take(answer(h, CRISIS), reply)

        assert len(h.llm.requests) == calls_before, "no LLM call at all"
        assert reply.of("crisis"), "resources at once"
        assert "memory_correction_received" not in reply.of("notice")
        assert await arc_versions(h) == [(1, "arc_create.v1")]
        [flag] = await h.store.review.flags()
        assert flag.source is FlagSource.CRISIS
        session = await h.store.active_session(person_id)
        assert session is not None
        turns = await h.store.session_turns(person_id, session.id)
        assert (turns[0].kind, turns[0].text) == (TurnKind.CRISIS, CRISIS)
        assert await h.store.pending_corrections() == ()


async def test_an_llm_failure_keeps_the_correction_and_a_restart_finishes_it(
    tmp_path: Path,
) -> None:
    async with make_harness(tmp_path, FakeLLM(failing_corrections)) as h:
        await session_closed(h)
        await ask_about(h)
        reply = RecordingReply()
        assert await h.memory.take(answer(h, CORRECTION), reply)
        assert reply.of("notice") == ["memory_correction_received", "memory_correction_delayed"]
        [pending] = await h.store.pending_corrections()
        assert pending.text == CORRECTION and pending.attempts >= 1
        view = await h.memory.view(ALICE)
        assert view.arc is not None
        assert (await h.memory.ask(ALICE, view.arc.version, 1))[0] is Asked.BUSY, "one at a time"
    async with make_harness(tmp_path, FakeLLM(script)) as h:
        assert await h.memory.resume() == 1
        await h.tasks.aclose(grace_s=5)
        assert await arc_versions(h) == [(1, "arc_create.v1"), (2, "arc_correct.v1")]
        assert h.notifier.channels[ALICE].of("notice") == ["memory_corrected"]
        assert CORRECTION in h.notifier.channels[ALICE].of("final")[0]
        assert await h.store.pending_corrections() == ()
        assert await h.memory.resume() == 0, "and never twice"


async def test_corrections_count_in_the_daily_cap_and_wait_for_the_next_day(
    tmp_path: Path,
) -> None:
    """One cap for every LLM call made for a person: answers used it up, so the rewrite
    waits, stored, until the cap starts again at midnight; then it is applied."""
    cap = LimitPolicy(daily_llm_calls=1)
    async with make_harness(tmp_path, FakeLLM(script), limits=cap) as h:
        await session_closed(h)  # its one answer is today's one call
        await ask_about(h)
        reply = RecordingReply()
        assert await h.memory.take(answer(h, CORRECTION), reply)
        assert not any(is_correction(r) for r in h.llm.requests), "held back by the cap"
        assert reply.of("notice") == ["memory_correction_received", "memory_correction_delayed"]
        [pending] = await h.store.pending_corrections()
        assert pending.next_attempt_at == datetime(2026, 11, 3, tzinfo=UTC)
    async with make_harness(tmp_path, FakeLLM(script), limits=cap) as h:
        h.clock.advance(days=1)
        assert await h.memory.resume() == 1
        await h.tasks.aclose(grace_s=5)
        assert await arc_versions(h) == [(1, "arc_create.v1"), (2, "arc_correct.v1")]
        capped = RecordingReply()
        await h.mentor.handle(Inbound(ALICE, "Hello again", h.clock.now(), "tg:1:9"), capped)
        assert capped.of("notice") == ["daily_limit"], "the rewrite was today's one call"


async def test_the_next_session_starts_from_the_corrected_arc(tmp_path: Path) -> None:
    async with make_harness(tmp_path, FakeLLM(script)) as h:
        await session_closed(h)
        await ask_about(h)
        await h.memory.take(answer(h, CORRECTION), RecordingReply())
        await h.mentor.handle(
            Inbound(ALICE, "Hello again", h.clock.now(), "tg:1:2"), RecordingReply()
        )
        context = h.llm.requests[-1].system[1].text
        assert f"You told me: {CORRECTION}" in context
        assert "Someone curious." not in context


async def test_an_open_question_expires_and_a_command_or_cancel_leaves_it(tmp_path: Path) -> None:
    async with make_harness(tmp_path, FakeLLM(script)) as h:
        await session_closed(h)
        await ask_about(h)
        h.clock.advance(minutes=16)
        assert not await h.memory.take(answer(h, "Something else entirely"), RecordingReply())
        assert not await h.memory.leave(ALICE), "expired: nothing left open"

        await ask_about(h)
        assert await h.memory.leave(ALICE)
        assert not await h.memory.take(answer(h, "Something else", "tg:1:101"), RecordingReply())
        assert await arc_versions(h) == [(1, "arc_create.v1")]
        assert not any(is_correction(r) for r in h.llm.requests)


async def test_a_button_under_an_older_arc_asks_nothing(tmp_path: Path) -> None:
    async with make_harness(tmp_path, FakeLLM(script)) as h:
        await session_closed(h)
        await session_closed(h, "I asked for feedback", n=2)
        assert (await h.memory.ask(ALICE, 1, 0))[0] is Asked.STALE
        assert (await h.memory.ask(ALICE, 2, 99))[0] is Asked.STALE
        assert (await h.memory.ask(PersonKey("telegram", "9"), 1, 0))[0] is Asked.STALE


async def test_a_closing_arc_stored_during_a_rewrite_is_kept_and_corrected(
    tmp_path: Path,
) -> None:
    """The rewrite started from version 1; a closing stored version 2 meanwhile. The
    rewrite is made again from version 2, and stored as version 3."""

    rewriting = asyncio.Event()

    def slow_corrections(request: LLMRequest) -> list[str] | LLMError:
        if is_correction(request):
            rewriting.set()
            return ["", corrected_arc(words_in(request))]  # waits at the gate
        return default_script(request) if request.purpose != "turn" else ["Go on."]

    async with make_harness(tmp_path, FakeLLM(slow_corrections)) as h:
        person_id = await session_closed(h)
        await h.mentor.handle(
            Inbound(ALICE, "Session two", h.clock.now(), "tg:1:2"), RecordingReply()
        )
        await ask_about(h)
        h.llm.gate = asyncio.Event()
        correcting = asyncio.create_task(h.memory.take(answer(h, CORRECTION), RecordingReply()))
        await rewriting.wait()
        await h.mentor.end(ALICE, RecordingReply())
        await h.closer.settle(person_id, wait_s=5)
        assert await arc_versions(h) == [(1, "arc_create.v1"), (2, "arc_update.v1")]
        h.llm.gate.set()
        assert await correcting

        first, second = [r for r in h.llm.requests if is_correction(r)]
        assert "<current_arc>\n## Who You Are\nSomeone curious." in first.messages[0].text
        assert words_in(second) == CORRECTION
        assert await arc_versions(h) == [
            (1, "arc_create.v1"),
            (2, "arc_update.v1"),
            (3, "arc_correct.v1"),
        ]


async def test_a_correction_stored_during_a_closing_is_what_the_closing_builds_on(
    tmp_path: Path,
) -> None:
    """The closing read version 1; the correction stored version 2 meanwhile. The
    closing's Arc is written again from the corrected one, as version 3."""
    closing_arcs: list[LLMRequest] = []
    second_arc = asyncio.Event()

    def slow_closing(request: LLMRequest) -> list[str] | LLMError:
        if is_correction(request):
            return [corrected_arc(words_in(request))]
        if request.purpose == "arc":
            closing_arcs.append(request)
            if len(closing_arcs) == 2:  # session one's arc, then session two's: gated
                second_arc.set()
            return ["## Who You Are\nUpdated.", "\n\n## What's Unfinished\nLess.\n"]  # gated
        return default_script(request) if request.purpose != "turn" else ["Go on."]

    async with make_harness(tmp_path, FakeLLM(slow_closing)) as h:
        person_id = await session_closed(h)
        await h.mentor.handle(
            Inbound(ALICE, "Session two", h.clock.now(), "tg:1:2"), RecordingReply()
        )
        await ask_about(h)
        h.llm.gate = asyncio.Event()
        await h.mentor.end(ALICE, RecordingReply())
        await second_arc.wait()
        assert await h.memory.take(answer(h, CORRECTION), RecordingReply())
        assert await arc_versions(h) == [(1, "arc_create.v1"), (2, "arc_correct.v1")]
        h.llm.gate.set()
        await h.closer.settle(person_id, wait_s=5)

        assert f"You told me: {CORRECTION}" in closing_arcs[-1].messages[0].text
        assert await arc_versions(h) == [
            (1, "arc_create.v1"),
            (2, "arc_correct.v1"),
            (3, "arc_update.v1"),
        ]


async def test_a_blocked_person_can_read_but_not_have_the_arc_rewritten(tmp_path: Path) -> None:
    async with make_harness(tmp_path, FakeLLM(script)) as h:
        person_id = await session_closed(h)
        await ask_about(h)
        await h.store.review.block(person_id, h.clock.now() + timedelta(days=1))
        assert not await h.memory.take(answer(h, CORRECTION), RecordingReply()), "not taken"
        assert (await h.memory.ask(ALICE, 1, 0))[0] is Asked.BLOCKED
        assert (await h.memory.view(ALICE)).arc is not None, "still theirs to read"
        assert not any(is_correction(r) for r in h.llm.requests)
