"""Reminders and quiet sessions, with the real store and an injected clock.

FakeClock starts on Monday 2 November 2026, 09:00 UTC; the person has not set a
time zone (UTC) nor a time (their session's start time is used).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from lumen_bot.harness.model import Inbound, PersonKey, SessionState
from lumen_bot.harness.reminders import unfinished_thread
from lumen_bot.harness.rhythm import Cadence, Rhythm, When
from tests.fakes import RecordingReply
from tests.wiring import Harness, make_harness

ALICE = PersonKey("telegram", "2001")
DUE = datetime(2026, 11, 5, 9, 0, tzinfo=UTC)  # three days after the session began


async def talk(h: Harness, text: str = "I want to change jobs") -> RecordingReply:
    reply = RecordingReply()
    await h.mentor.handle(Inbound(ALICE, text, h.clock.now()), reply)
    return reply


async def session_then_end(h: Harness) -> int:
    await talk(h)
    await h.mentor.end(ALICE, RecordingReply())
    person = await h.store.person(ALICE, h.clock.now())
    await h.closer.settle(person.id, wait_s=5)
    return person.id


def reminders_sent(h: Harness) -> list[str]:
    return [key for person, key in h.notifier.notices if key.startswith("reminder")]


async def test_closing_names_the_next_time_and_schedules_one_reminder(harness: Harness) -> None:
    person_id = await session_then_end(harness)
    closed = [f for f in harness.notifier.fields if f[1].startswith("session_closed")]
    assert closed == [
        (
            ALICE,
            "session_closed",
            {"when": When(DUE, ZoneInfo("UTC"), zone_known=False)},  # said at the edge
        )
    ]
    reminder = await harness.store.reminder(person_id)
    assert reminder is not None and reminder.state == "scheduled"
    assert reminder.due_at == DUE
    assert reminder.thread == "The step.", "from the Arc's What's Unfinished, sealed"


async def test_a_reminder_is_sent_once_when_due_and_the_next_is_planned(harness: Harness) -> None:
    person_id = await session_then_end(harness)
    assert await harness.reminders.tick() == 0, "not due yet"
    harness.clock.current = DUE + timedelta(minutes=1)
    assert await harness.reminders.tick() == 1
    assert await harness.reminders.tick() == 0, "never twice"
    assert reminders_sent(harness) == ["reminder_thread"]
    assert harness.notifier.fields[-1][2] == {"thread": "The step."}
    following = await harness.store.reminder(person_id)
    assert following is not None and following.due_at == DUE + timedelta(days=3)
    assert following.ignored == 1


async def test_two_ignored_reminders_pause_them_and_the_last_says_so(harness: Harness) -> None:
    person_id = await session_then_end(harness)
    for day in (0, 3, 6, 9):
        harness.clock.current = DUE + timedelta(days=day, minutes=1)
        await harness.reminders.tick()
    assert reminders_sent(harness) == ["reminder_thread", "reminder_last_thread"]
    paused = await harness.store.reminder(person_id)
    assert paused is not None and paused.state == "none"
    # They come back: the count starts again, and the next closing plans a reminder.
    harness.clock.advance(days=1)
    await session_then_end(harness)
    back = await harness.store.reminder(person_id)
    assert back is not None and back.state == "scheduled" and back.ignored == 0


async def test_a_reminder_that_came_due_while_down_is_sent_within_its_window(
    harness: Harness,
) -> None:
    await session_then_end(harness)
    harness.clock.current = DUE + timedelta(hours=2, minutes=50)  # window: three hours
    assert await harness.reminders.tick() == 1
    assert reminders_sent(harness) == ["reminder_thread"]


async def test_a_stale_reminder_is_skipped_not_sent_late_and_the_next_is_planned(
    harness: Harness,
) -> None:
    person_id = await session_then_end(harness)
    harness.clock.current = DUE + timedelta(hours=5)  # down all morning
    assert await harness.reminders.tick() == 0
    assert reminders_sent(harness) == []
    following = await harness.store.reminder(person_id)
    assert following is not None and following.due_at == DUE + timedelta(days=3)
    assert following.ignored == 0, "a skipped reminder was not ignored by anyone"


async def test_a_reminder_caught_mid_send_by_a_crash_is_never_sent_again(
    harness: Harness,
) -> None:
    person_id = await session_then_end(harness)
    harness.clock.current = DUE + timedelta(minutes=1)
    claimed = await harness.store.claim_due(harness.clock.now(), 10)  # then the process dies
    assert [r.person_id for r in claimed] == [person_id]
    assert await harness.reminders.recover() == 1
    assert await harness.reminders.tick() == 0
    assert reminders_sent(harness) == []


async def test_a_person_who_blocked_the_bot_is_marked_and_never_retried(harness: Harness) -> None:
    person_id = await session_then_end(harness)
    harness.notifier.unreachable.add(ALICE)
    harness.clock.current = DUE + timedelta(minutes=1)
    assert await harness.reminders.tick() == 0
    marked = await harness.store.reminder(person_id)
    assert marked is not None and marked.unreachable and marked.state == "none"
    harness.clock.advance(days=30)
    assert await harness.reminders.tick() == 0


async def test_no_reminder_while_the_person_is_already_in_a_session(harness: Harness) -> None:
    await session_then_end(harness)
    harness.clock.current = DUE - timedelta(minutes=30)
    await talk(harness, "Back early!")
    harness.clock.current = DUE + timedelta(minutes=1)
    assert await harness.reminders.tick() == 0
    assert reminders_sent(harness) == []


async def test_only_when_i_ask_schedules_nothing_until_asked(harness: Harness) -> None:
    person = await harness.store.person(ALICE, harness.clock.now())
    await harness.reminders.set_rhythm(person.id, Rhythm(cadence=Cadence.ON_REQUEST))
    await session_then_end(harness)
    assert [f[1] for f in harness.notifier.fields][-1] == "session_closed_no_reminder"
    assert await harness.store.reminder(person.id) is None
    slot = await harness.reminders.remind_once(person.id)
    assert slot.due == DUE
    harness.clock.current = DUE + timedelta(minutes=1)
    assert await harness.reminders.tick() == 1
    after = await harness.store.reminder(person.id)
    assert after is not None and after.state == "none", "once means once"


async def test_pause_cancels_and_resume_restores_the_next_reminder(harness: Harness) -> None:
    person_id = await session_then_end(harness)
    await harness.reminders.pause(person_id)
    paused = await harness.store.reminder(person_id)
    assert paused is not None and paused.state == "none"
    harness.clock.current = DUE + timedelta(minutes=1)
    assert await harness.reminders.tick() == 0
    harness.clock.current = DUE - timedelta(hours=1)
    resumed = await harness.reminders.resume(person_id)
    assert resumed is not None and resumed.state == "scheduled" and resumed.due_at == DUE


async def test_changing_the_time_and_zone_replans_the_pending_reminder(harness: Harness) -> None:
    person_id = await session_then_end(harness)
    rhythm = replace(await harness.reminders.rhythm(person_id), at=time(18, 0), tz="Asia/Tokyo")
    updated = await harness.reminders.set_rhythm(person_id, rhythm)
    assert updated is not None
    assert updated.due_at == datetime.fromisoformat("2026-11-05T18:00:00+09:00")


async def test_a_generic_reminder_names_nothing_from_the_arc(harness: Harness) -> None:
    person_id = await session_then_end(harness)
    rhythm = await harness.reminders.rhythm(person_id)
    await harness.reminders.set_rhythm(person_id, replace(rhythm, mention=False))
    harness.clock.current = DUE + timedelta(minutes=1)
    await harness.reminders.tick()
    assert reminders_sent(harness) == ["reminder"]


def test_the_unfinished_thread_is_the_first_item_and_kept_short() -> None:
    arc = "## Who You Are\nX.\n\n## What's Unfinished\n\n- **Telling your sister.**\n- More\n"
    assert unfinished_thread(arc) == "Telling your sister."
    long = "## What's Unfinished\n" + "word " * 80
    thread = unfinished_thread(long)
    assert thread is not None and len(thread) <= 160 and thread.endswith("…")
    assert unfinished_thread("## Who You Are\nX.") is None


# -- sessions that go quiet ------------------------------------------------------


async def test_a_quiet_session_closes_itself_without_parting_words(harness: Harness) -> None:
    await talk(harness)
    harness.clock.advance(hours=11)
    assert await harness.mentor.close_idle(harness.notifier.channel) == 0
    harness.clock.advance(hours=2)
    assert await harness.mentor.close_idle(harness.notifier.channel) == 1
    person = await harness.store.person(ALICE, harness.clock.now())
    await harness.closer.settle(person.id, wait_s=5)
    latest = await harness.store.latest_session(person.id)
    assert latest is not None and latest.state is SessionState.CLOSED
    assert latest.closed_by == "idle"
    assert [r.purpose for r in harness.llm.requests] == ["turn", "notebook", "arc"]
    assert harness.notifier.sent == [], "no parting words out of the blue"
    # The next message begins a new session, and the person is told.
    reply = await talk(harness, "Morning!")
    assert reply.of("notice") == ["new_session_after_idle"]
    assert len(reply.of("final")) == 1
    current = await harness.store.active_session(person.id)
    assert current is not None and current.number == 2


async def test_yesterdays_session_never_silently_continues_today(harness: Harness) -> None:
    await talk(harness)
    harness.clock.advance(hours=14)  # no sweep ran (the bot was down, say)
    reply = await talk(harness, "Hi again")
    assert reply.of("notice") == ["new_session_after_idle"]
    person = await harness.store.person(ALICE, harness.clock.now())
    await harness.closer.settle(person.id, wait_s=5)
    first = await harness.store.get_session(1)
    assert first.state is SessionState.CLOSED and first.closed_by == "idle"
    current = await harness.store.active_session(person.id)
    assert current is not None and current.number == 2


async def test_a_message_within_the_idle_time_continues_the_session(harness: Harness) -> None:
    await talk(harness)
    harness.clock.advance(hours=11)
    reply = await talk(harness, "Still thinking about it")
    assert reply.of("notice") == []
    person = await harness.store.person(ALICE, harness.clock.now())
    current = await harness.store.active_session(person.id)
    assert current is not None and current.number == 1


async def test_the_mentor_knows_the_rhythm_and_how_recent_the_last_session_was(
    tmp_path: Path,
) -> None:
    async with make_harness(tmp_path) as h:
        await session_then_end(h)
        h.clock.advance(hours=5)
        await talk(h, "One more thing")
        context = h.llm.requests[-1].system[1].text
        assert "hours_since_last_session: 5" in context
        assert "rhythm: every few days; sessions suggested about 3 days apart" in context


async def test_a_reply_that_suggests_ending_offers_the_button(tmp_path: Path) -> None:
    def script(request: object) -> list[str]:
        return ["This feels like a good place to pause. Send /end when you're ready."]

    async with make_harness(tmp_path) as h:
        h.llm.script = script
        reply = await talk(h)
        assert reply.events[-1] == ("offer_end", "")
        h.llm.script = lambda request: ["What matters most?"]
        plain = await talk(h, "ok")
        assert ("offer_end", "") not in plain.events
