"""An answer the LLM could not give is given later by Lumen itself: once, in order, quietly,
never for a session closed meanwhile, and never beside another answer to the same person."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta
from pathlib import Path

from lumen_bot.errors import (
    LLMBusy,
    LLMEmptyAnswer,
    LLMError,
    LLMStreamBroken,
    LLMUnavailable,
)
from lumen_bot.harness.limits import LimitPolicy
from lumen_bot.harness.model import Inbound, PersonKey
from lumen_bot.harness.ports import LLMRequest
from tests.fakes import FakeLLM, RecordingReply
from tests.wiring import Harness, make_harness

ALICE = PersonKey("telegram", "1001")
ANSWER = ["Thank you ", "for telling me. ", "What matters most here?"]
ANSWERED = "Thank you for telling me. What matters most here?"


class Flaky:
    """An LLM script: the first `failures` turn requests fail with `error`, then it answers."""

    def __init__(self, failures: int, error: LLMError | None = None) -> None:
        self.failures = failures
        self.error = error or LLMUnavailable("connection refused")

    def __call__(self, request: LLMRequest) -> list[str] | LLMError:
        if request.purpose == "turn" and self.failures > 0:
            self.failures -= 1
            return self.error
        return ANSWER if request.purpose == "turn" else ["## Parting Words\nBye.\n"]


def turn_requests(h: Harness) -> list[LLMRequest]:
    return [r for r in h.llm.requests if r.purpose == "turn"]


async def stored(h: Harness) -> list[tuple[str, str, bool]]:
    """Every turn of Alice's: role, text, answered."""
    data = await h.store.export(ALICE)
    assert data is not None
    return [(t.role, t.text, t.answered_at is not None) for _, ts in data.sessions for t in ts]


async def say(h: Harness, text: str, reply: RecordingReply | None = None) -> RecordingReply:
    reply = reply or RecordingReply()
    await h.mentor.handle(Inbound(ALICE, text, h.clock.now()), reply)
    return reply


async def test_a_failed_answer_is_given_once_later_without_the_person_writing_again(
    tmp_path: Path,
) -> None:
    async with make_harness(tmp_path, FakeLLM(script=Flaky(1))) as h:
        live = await say(h, "a thing that took courage")
        assert live.of("notice") == ["mentor_unavailable"], "told it is kept and will be answered"
        assert live.of("final") == []

        h.clock.advance(seconds=10)
        assert await h.mentor.retry_owed(h.notifier.channel) == 0, "not before the backoff"
        assert len(turn_requests(h)) == 1

        h.clock.advance(seconds=25)
        assert await h.mentor.retry_owed(h.notifier.channel) == 1
        later = h.notifier.channels[ALICE]
        assert later.of("final") == [ANSWERED]
        assert later.of("notice") == [], "the retry says nothing but the answer"
        [_, retried] = turn_requests(h)
        assert [m.text for m in retried.messages] == ["a thing that took courage"], "once"
        assert await stored(h) == [
            ("user", "a thing that took courage", True),
            ("mentor", ANSWERED, True),
        ]

        h.clock.advance(hours=1)
        assert await h.mentor.retry_owed(h.notifier.channel) == 0, "and never twice"
        assert h.mentor.owed_answers == 0
        assert len(turn_requests(h)) == 2


async def test_every_passing_llm_failure_says_it_will_answer_not_send_again(
    tmp_path: Path,
) -> None:
    cases: list[tuple[LLMError, str]] = [
        (LLMUnavailable("x"), "mentor_unavailable"),
        (LLMBusy("x"), "mentor_busy"),
        (LLMStreamBroken("x"), "words_lost"),
        (LLMEmptyAnswer("x"), "words_lost"),
    ]
    for index, (error, key) in enumerate(cases):
        async with make_harness(tmp_path / str(index), FakeLLM(script=Flaky(1, error))) as h:
            assert (await say(h, "hello")).of("notice") == [key]
            assert h.mentor.owed_answers == 1, type(error).__name__


async def test_a_retry_that_fails_again_stays_quiet_and_waits_longer(tmp_path: Path) -> None:
    async with make_harness(tmp_path, FakeLLM(script=Flaky(3))) as h:
        await say(h, "still there?")
        h.clock.advance(seconds=30)
        assert await h.mentor.retry_owed(h.notifier.channel) == 1  # fails: 2nd
        h.clock.advance(seconds=30)
        assert await h.mentor.retry_owed(h.notifier.channel) == 0, "the wait doubled: 60 s"
        h.clock.advance(seconds=30)
        assert await h.mentor.retry_owed(h.notifier.channel) == 1  # fails: 3rd
        h.clock.advance(seconds=119)
        assert await h.mentor.retry_owed(h.notifier.channel) == 0, "and again: 120 s"
        h.clock.advance(seconds=1)
        assert await h.mentor.retry_owed(h.notifier.channel) == 1  # answers
        channel = h.notifier.channels[ALICE]
        assert channel.of("notice") == [], "no second 'I will answer' for each failed retry"
        assert channel.of("final") == [ANSWERED]
        assert len(turn_requests(h)) == 4


async def test_writing_again_before_the_retry_is_answered_together_once(tmp_path: Path) -> None:
    async with make_harness(tmp_path, FakeLLM(script=Flaky(1))) as h:
        await say(h, "first")
        again = await say(h, "second")
        assert again.of("final") == [ANSWERED]
        assert turn_requests(h)[-1].messages[-1].text == "first\n\nsecond"
        assert h.mentor.owed_answers == 0, "nothing is owed any more"
        h.clock.advance(minutes=5)
        assert await h.mentor.retry_owed(h.notifier.channel) == 0
        assert len(turn_requests(h)) == 2
        assert [answered for _, _, answered in await stored(h)] == [True, True, True]


async def test_a_session_closed_meanwhile_is_never_answered_by_a_retry(tmp_path: Path) -> None:
    async with make_harness(tmp_path, FakeLLM(script=Flaky(1))) as h:
        await say(h, "something")
        assert await h.mentor.end(ALICE, RecordingReply())
        h.clock.advance(minutes=5)
        await h.mentor.retry_owed(h.notifier.channel)
        assert len(turn_requests(h)) == 1, "no answer after /end: it goes into the notebook"
        assert ALICE not in h.notifier.channels or h.notifier.channels[ALICE].of("final") == []


async def test_a_retry_is_never_beside_another_answer_to_the_same_person(tmp_path: Path) -> None:
    llm = FakeLLM(script=Flaky(1))
    async with make_harness(tmp_path, llm) as h:
        await say(h, "first")
        h.clock.advance(seconds=30)
        llm.gate = asyncio.Event()  # the retry's answer stops after its first words
        retry = asyncio.create_task(h.mentor.retry_owed(h.notifier.channel))
        await asyncio.sleep(0.05)
        assert await h.mentor.retry_owed(h.notifier.channel) == 0, "taken once, not twice"
        reply = RecordingReply()
        writing = asyncio.create_task(say(h, "second", reply))
        await asyncio.sleep(0.05)
        assert len(turn_requests(h)) == 2, "the new message waits for the retry's answer"
        llm.gate.set()
        await asyncio.gather(retry, writing)
        first, second = turn_requests(h)[1:]
        assert first.messages[-1].text == "first"
        assert second.messages[-1].text == "second"
        assert h.notifier.channels[ALICE].of("final") == [ANSWERED]
        assert reply.of("final") == [ANSWERED]
        assert [answered for _, _, answered in await stored(h)] == [True] * 4


async def test_a_retry_keeps_to_the_daily_cap_quietly(tmp_path: Path) -> None:
    llm = FakeLLM(script=Flaky(5))
    limits = LimitPolicy(daily_llm_calls=2)
    async with make_harness(tmp_path, llm, limits=limits) as h:
        await say(h, "hello")  # call 1 of 2: fails
        h.clock.advance(seconds=30)
        await h.mentor.retry_owed(h.notifier.channel)  # call 2 of 2: fails
        h.clock.advance(seconds=60)
        assert await h.mentor.retry_owed(h.notifier.channel) == 1
        assert len(turn_requests(h)) == 2, "the cap holds the third call back"
        assert h.notifier.channels[ALICE].of("notice") == [], "quietly: they heard it is kept"
        assert h.mentor.owed_answers == 1, "and it is still owed"


async def test_an_answer_owed_too_long_ends_in_lost_thread_not_a_late_answer(
    tmp_path: Path,
) -> None:
    async with make_harness(tmp_path, FakeLLM(script=Flaky(1))) as h:
        await say(h, "written before a long outage")
        h.clock.advance(hours=7)
        assert await h.mentor.retry_owed(h.notifier.channel) == 1
        assert h.notifier.channels[ALICE].of("notice") == ["lost_thread"]
        assert len(turn_requests(h)) == 1
        assert h.mentor.owed_answers == 0
        assert [answered for _, _, answered in await stored(h)] == [True]


class FailsOnRetry:
    """An LLM whose first turn request is refused, and whose first retry meets a failure
    no adapter named (a bug, a full disk): the person was told to wait, not to write."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, request: LLMRequest) -> list[str] | LLMError:
        if request.purpose != "turn":
            return ["## Parting Words\nBye.\n"]
        self.calls += 1
        if self.calls == 1:
            return LLMUnavailable("connection refused")
        if self.calls == 2:
            raise RuntimeError("nobody named this failure")
        return ANSWER


async def test_a_retry_that_meets_an_unexpected_failure_is_tried_again_not_dropped(
    tmp_path: Path,
) -> None:
    async with make_harness(tmp_path, FakeLLM(script=FailsOnRetry())) as h:
        await say(h, "a thing that took courage")
        h.clock.advance(seconds=35)
        assert await h.mentor.retry_owed(h.notifier.channel) == 1
        assert h.mentor.owed_answers == 1, "still owed: planned again"
        h.clock.advance(seconds=65)
        assert await h.mentor.retry_owed(h.notifier.channel) == 1
        assert h.notifier.channels[ALICE].of("final") == [ANSWERED]
        assert h.mentor.owed_answers == 0


async def test_a_long_answer_cut_off_half_way_is_finished_by_lumen_from_where_it_stopped(
    tmp_path: Path,
) -> None:
    """Telegram took the first part of a long answer, then stayed unreachable: Lumen sends
    the rest later on its own, and never the first part again, nor a new answer."""
    parts = ["The first part.", "The second part.", "The third part."]
    async with make_harness(tmp_path, FakeLLM(script=lambda _: ["\n\n".join(parts)])) as h:
        live = RecordingReply(paragraph_parts=True, fail_at_part=2)
        await say(h, "tell me everything", live)
        assert live.of("final") == parts[:1]
        assert live.of("notice") == [], "no 'try again': they would write it twice"

        h.notifier.channels[ALICE] = RecordingReply(paragraph_parts=True, fail_at_part=3)
        h.clock.advance(seconds=30)
        assert await h.mentor.retry_owed(h.notifier.channel) == 1
        assert h.notifier.channels[ALICE].of("final") == parts[1:2], "stopped again"

        h.notifier.channels[ALICE] = RecordingReply(paragraph_parts=True)
        h.clock.advance(seconds=60)
        assert await h.mentor.retry_owed(h.notifier.channel) == 1
        assert h.notifier.channels[ALICE].of("final") == parts[2:], "only what was missing"
        assert len(turn_requests(h)) == 1, "the stored answer, not a new one"
        assert h.mentor.owed_answers == 0
        assert await stored(h) == [
            ("user", "tell me everything", True),
            ("mentor", "\n\n".join(parts), True),
        ]


async def test_retries_due_within_one_beat_start_each_at_its_own_time(tmp_path: Path) -> None:
    """Alice's and Bob's retries fall 0.3 s apart within one beat. The beat takes both,
    and Bob's reaches the LLM only when his time comes: the spread of the waits is
    kept, not gathered into one burst at the beat. Without `ahead`, Bob waits for the
    next beat, as before."""
    bob = PersonKey("telegram", "1002")
    asked_at: dict[str, float] = {}
    flaky = Flaky(2)

    def timed(request: LLMRequest) -> list[str] | LLMError:
        answer = flaky(request)
        if not isinstance(answer, LLMError) and request.purpose == "turn":
            asked_at[request.messages[-1].text] = time.monotonic()
        return answer

    for ahead, taken in ((timedelta(0), 1), (timedelta(seconds=30), 2)):
        flaky.failures = 2
        asked_at.clear()
        async with make_harness(tmp_path / str(taken), FakeLLM(script=timed)) as h:
            await say(h, "alice here")
            h.clock.advance(seconds=0.3)
            await h.mentor.handle(Inbound(bob, "bob here", h.clock.now()), RecordingReply())
            h.clock.advance(seconds=29.7)  # Alice's retry is due now, Bob's in 0.3 s

            assert await h.mentor.retry_owed(h.notifier.channel, ahead=ahead) == taken
            if taken == 1:
                assert list(asked_at) == ["alice here"], "Bob's retry is left to the next beat"
                continue
            assert h.notifier.channels[bob].of("final") == [ANSWERED]
            assert asked_at["bob here"] - asked_at["alice here"] >= 0.25, "not together"
