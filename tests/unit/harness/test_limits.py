"""Limits hold answers back, never messages: everything is stored and answered later."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from lumen_bot.harness.limits import LimitPolicy, PersonLimits
from lumen_bot.harness.model import Inbound, PersonKey
from tests.fakes import RecordingReply
from tests.wiring import Harness, make_harness

ALICE = PersonKey("telegram", "1001")
BOB = PersonKey("telegram", "1002")


async def say(h: Harness, text: str, who: PersonKey = ALICE) -> RecordingReply:
    reply = RecordingReply()
    await h.mentor.handle(Inbound(who, text, h.clock.now()), reply)
    return reply


async def test_a_flood_gets_a_kind_word_and_is_answered_later(tmp_path: Path) -> None:
    async with make_harness(tmp_path, limits=LimitPolicy(burst=2, per_minute=2)) as h:
        assert (await say(h, "one")).of("final")
        assert (await say(h, "two")).of("final")
        third = await say(h, "three")
        assert third.of("notice") == ["slow_down"] and third.of("final") == []
        assert (await say(h, "hi", who=BOB)).of("final"), "one person's flood slows no one else"
        h.clock.advance(seconds=30)
        fourth = await say(h, "four")
        assert fourth.of("final"), "the bucket refilled"
        assert h.llm.requests[-1].messages[-1].text == "three\n\nfour"


async def test_the_daily_cap_holds_until_the_next_day(tmp_path: Path) -> None:
    async with make_harness(tmp_path, limits=LimitPolicy(daily_llm_calls=2)) as h:
        await say(h, "one")
        await say(h, "two")
        capped = await say(h, "three")
        assert capped.of("notice") == ["daily_limit"]
        assert len(h.llm.requests) == 2
        h.clock.advance(days=1)
        assert (await say(h, "good morning")).of("final")


async def test_a_long_paste_is_stored_whole_and_only_its_start_shown_to_the_mentor(
    tmp_path: Path,
) -> None:
    long = "start " + "x" * 20_000
    async with make_harness(tmp_path, limits=LimitPolicy(max_input_chars=1_000)) as h:
        reply = await say(h, long)
        assert reply.of("notice") == ["long_message"]
        sent = h.llm.requests[-1].messages[-1].text
        assert sent.startswith("start ") and len(sent) < 1_200 and "goes on" in sent
        data = await h.store.export(ALICE)
        assert data is not None
        assert data.sessions[0][1][0].text == long


async def test_a_crisis_is_never_held_back_by_a_limit(tmp_path: Path) -> None:
    async with make_harness(tmp_path, limits=LimitPolicy(burst=1, daily_llm_calls=1)) as h:
        await say(h, "one")
        crisis = await say(h, "I have the pills ready and I'm going to take them all tonight")
        assert len(crisis.of("crisis")) == 1


def test_the_daily_cap_starts_again_at_the_next_midnight_of_the_clocks_day() -> None:
    late = datetime(2026, 12, 31, 23, 59, tzinfo=UTC)
    assert PersonLimits.next_day(late) == datetime(2027, 1, 1, tzinfo=UTC)
    limits = PersonLimits(LimitPolicy(daily_llm_calls=1))
    assert limits.allow_llm_call(7, late)
    assert not limits.allow_llm_call(7, late)
    assert limits.allow_llm_call(7, PersonLimits.next_day(late))
