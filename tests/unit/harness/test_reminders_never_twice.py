"""Reminders are never sent twice: not when the person changes their rhythm or pauses and
resumes after a reminder went out, not with a gap shorter than a day, and not lost when a
tick is stopped halfway through a burst. The clock starts Monday 2 November 2026, 09:00 UTC."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from lumen_bot.harness.model import Inbound, PersonKey
from lumen_bot.harness.reminders import Pace
from lumen_bot.harness.rhythm import RhythmPolicy
from tests.fakes import RecordingReply
from tests.wiring import Harness, make_harness

ALICE = PersonKey("telegram", "2001")
DUE = datetime(2026, 11, 5, 9, 0, tzinfo=UTC)  # three days after the session began


async def session_then_end(h: Harness, person: PersonKey = ALICE) -> int:
    await h.mentor.handle(Inbound(person, "I want to change jobs", h.clock.now()), RecordingReply())
    await h.mentor.end(person, RecordingReply())
    found = await h.store.person(person, h.clock.now())
    await h.closer.settle(found.id, wait_s=5)
    return found.id


async def first_settled(h: Harness, ids: dict[PersonKey, int]) -> bool:
    """Whether a reminder went out and its row is settled (no longer `sending`)."""
    sent = reminders_sent(h)
    if not sent:
        return False
    row = await h.store.reminder(ids[sent[0][0]])
    return row is not None and row.state != "sending"


def reminders_sent(h: Harness) -> list[tuple[PersonKey, str]]:
    return [(person, key) for person, key in h.notifier.notices if key.startswith("reminder")]


async def test_a_rhythm_change_after_a_reminder_went_out_does_not_send_it_again(
    harness: Harness,
) -> None:
    person_id = await session_then_end(harness)
    harness.clock.current = DUE + timedelta(minutes=1)
    assert await harness.reminders.tick() == 1
    harness.clock.advance(minutes=20)  # still inside that reminder's window
    rhythm = await harness.reminders.rhythm(person_id)
    await harness.reminders.set_rhythm(person_id, replace(rhythm, mention=False))
    assert await harness.reminders.tick() == 0
    assert len(reminders_sent(harness)) == 1
    planned = await harness.reminders.next_reminder_at(person_id)
    assert planned == DUE + timedelta(days=3), "the next one, a rhythm's step later"


async def test_pause_and_resume_after_a_reminder_went_out_does_not_send_it_again(
    harness: Harness,
) -> None:
    person_id = await session_then_end(harness)
    harness.clock.current = DUE + timedelta(minutes=1)
    assert await harness.reminders.tick() == 1
    await harness.reminders.pause(person_id)
    harness.clock.advance(minutes=30)
    await harness.reminders.resume(person_id)
    assert await harness.reminders.tick() == 0
    assert len(reminders_sent(harness)) == 1
    assert await harness.reminders.next_reminder_at(person_id) == DUE + timedelta(days=3)


async def test_after_the_ignored_limit_a_rhythm_change_plans_nothing(harness: Harness) -> None:
    person_id = await session_then_end(harness)
    for day in (0, 3):
        harness.clock.current = DUE + timedelta(days=day, minutes=1)
        await harness.reminders.tick()
    assert [key for _, key in reminders_sent(harness)] == [
        "reminder_thread",
        "reminder_last_thread",
    ]
    rhythm = await harness.reminders.rhythm(person_id)
    await harness.reminders.set_rhythm(person_id, replace(rhythm, tz="Europe/Berlin"))
    assert await harness.reminders.next_reminder_at(person_id) is None, "as the last one said"
    await harness.reminders.resume(person_id)  # /resume is a way back
    assert await harness.reminders.next_reminder_at(person_id) is not None


async def test_a_gap_shorter_than_a_day_reminds_once_not_again_at_once(tmp_path: Path) -> None:
    policy = RhythmPolicy(gap=timedelta(seconds=1))
    async with make_harness(tmp_path, rhythm=policy) as h:
        await session_then_end(h)
        h.clock.advance(seconds=5)
        assert await h.reminders.tick() == 1
        h.clock.advance(seconds=5)
        assert await h.reminders.tick() == 0
        assert len(reminders_sent(h)) == 1


async def test_a_tick_stopped_mid_burst_leaves_the_rest_planned(tmp_path: Path) -> None:
    people = [PersonKey("telegram", str(3000 + n)) for n in range(3)]
    async with make_harness(tmp_path, pace=Pace(per_second=2)) as h:  # half a second apart
        ids = {person: await session_then_end(h, person) for person in people}
        h.clock.current = DUE + timedelta(minutes=1)
        tick = asyncio.create_task(h.reminders.tick())
        for _ in range(1_000):  # the first goes out at once, and is settled
            if await first_settled(h, ids):
                break
            await asyncio.sleep(0.01)
        tick.cancel()  # stopping, while it waits to send the second
        await asyncio.gather(tick, return_exceptions=True)
        assert len(reminders_sent(h)) == 1
        assert await h.reminders.recover() == 0, "nothing left half-sent to count as sent"
        assert await h.reminders.tick() == 2
        assert sorted(p.external_id for p, _ in reminders_sent(h)) == [
            p.external_id for p in people
        ]
