"""Reminders: one gentle message at a good moment, never a nag, never twice.

The database is the schedule (`RhythmStore`); a platform adapter calls `tick()`
on a timer. A tick claims what is due, sends it paced under the platform's
global rate, and plans the next one. A reminder whose window passed while Lumen
was down is skipped, not sent late; a person who let `ignored_limit` reminders
go unanswered hears no more until they come back, and is told so once, in the
last one; a person the platform says blocked the bot is never tried again.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import datetime, time

from lumen_bot.errors import DeliveryFailed, PersonUnreachable
from lumen_bot.harness.locales import Locales
from lumen_bot.harness.locks import KeyedLocks
from lumen_bot.harness.model import Arc, Session, SessionState
from lumen_bot.harness.ports import Clock, Notifier, OutputReviewer
from lumen_bot.harness.profiles import profile_or_none
from lumen_bot.harness.rhythm import (
    Cadence,
    Rhythm,
    RhythmPolicy,
    Slot,
    next_session,
    reminder_slot,
)
from lumen_bot.harness.store_ports import Reminder, ReviewStore, RhythmStore, Store
from lumen_bot.logs import events

log = events(__name__)

UNFINISHED = re.compile(
    r"^#{1,6}\s*What's Unfinished\s*$(?P<body>.*?)(?=^#{1,6}\s|\Z)", re.M | re.S | re.I
)
THREAD_MAX_CHARS = 160


@dataclass(frozen=True, slots=True)
class Pace:
    """How fast reminders go out: under Telegram's ~30 messages a second for the bot."""

    per_second: float = 25.0
    batch: int = 10  # claimed per query: a crash mid-send costs at most these (never twice)


def unfinished_thread(arc_text: str) -> str | None:
    """The first item of the Arc's "What's Unfinished", short enough for a reminder."""
    match = UNFINISHED.search(arc_text)
    if match is None:
        return None
    for line in match["body"].splitlines():
        item = line.strip().lstrip("-*•").strip().strip("_*").strip()
        if item:
            if len(item) > THREAD_MAX_CHARS:
                item = item[: THREAD_MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"
            return item
    return None


class Reminders:
    """The rhythm of sessions for every person: plans, sends and pauses reminders."""

    def __init__(
        self,
        *,
        store: Store,
        rhythms: RhythmStore,
        review: ReviewStore,
        notifier: Notifier,
        locales: Locales,
        review_output: OutputReviewer,
        clock: Clock,
        policy: RhythmPolicy,
        pace: Pace | None = None,
    ) -> None:
        self._store = store
        self._rhythms = rhythms
        self._review = review
        self._notifier = notifier
        self._locales = locales
        self._review_output = review_output
        self._clock = clock
        self._policy = policy
        self._pace = pace or Pace()
        self._ticking = asyncio.Lock()
        self._people = KeyedLocks()  # one reminder at a time per person, or a forgetting

    @property
    def policy(self) -> RhythmPolicy:
        return self._policy

    # -- the person's choices ------------------------------------------------

    async def rhythm(self, person_id: int) -> Rhythm:
        """The person's choices; held back (paused) while their profile cannot be opened,
        so no reminder they may have turned off is sent, and their answers go on."""
        profile = await profile_or_none(self._review, person_id)
        return Rhythm.from_profile(profile) if profile is not None else Rhythm(paused=True)

    async def set_rhythm(self, person_id: int, rhythm: Rhythm) -> Reminder | None:
        """Store the person's choice and re-plan their next reminder to match it."""
        await self._review.update_profile(person_id, rhythm.to_profile)
        current = await self._rhythms.reminder(person_id)
        latest = await self._store.latest_session(person_id)
        if latest is None or latest.state is not SessionState.CLOSED:
            return current  # planned when the session in progress closes
        now = self._clock.now()
        default_at = _local_time(latest, rhythm)
        slot = reminder_slot(latest.closed_at or now, rhythm, self._policy, default_at=default_at)
        if slot is not None and slot.due <= now:
            # That moment has come: its reminder went out, was skipped, or is going out.
            # Planning it again would send it twice; the next is a rhythm's step from now.
            slot = reminder_slot(now, rhythm, self._policy, default_at=default_at)
        resting = current is not None and current.ignored >= self._policy.ignored_limit
        if slot is None or slot.due <= now or resting:  # resting: until they come back
            await self._rhythms.cancel_reminder(person_id)
        else:
            thread = current.thread if current else None
            await self._rhythms.schedule_reminder(person_id, slot.due, slot.window_end, thread)
        log.info("rhythm_changed", person=person_id, cadence=rhythm.cadence.value)
        return await self._rhythms.reminder(person_id)

    async def next_reminder_at(self, person_id: int) -> datetime | None:
        """When the person's next reminder is due, if one is planned."""
        current = await self._rhythms.reminder(person_id)
        return current.due_at if current and current.state == "scheduled" else None

    async def pause(self, person_id: int) -> None:
        rhythm = await self.rhythm(person_id)
        await self.set_rhythm(person_id, replace(rhythm, paused=True))

    async def resume(self, person_id: int) -> Reminder | None:
        rhythm = await self.rhythm(person_id)
        await self._rhythms.came_back(person_id)  # a fresh start: nothing counted as ignored
        return await self.set_rhythm(person_id, replace(rhythm, paused=False))

    async def remind_once(self, person_id: int) -> Slot:
        """ "Only when I ask": one reminder at the next suggested time."""
        rhythm = await self.rhythm(person_id)
        latest = await self._store.latest_session(person_id)
        now = self._clock.now()
        after = latest.closed_at if latest and latest.closed_at else now
        slot = next_session(after, rhythm, self._policy, default_at=_local_time(latest, rhythm))
        if slot.window_end <= now:
            slot = next_session(now, rhythm, self._policy, default_at=_local_time(latest, rhythm))
        current = await self._rhythms.reminder(person_id)
        thread = current.thread if current else None
        await self._rhythms.schedule_reminder(person_id, slot.due, slot.window_end, thread)
        return slot

    async def came_back(self, person_id: int) -> None:
        """A new session began: no reminder pending, none counted as ignored."""
        await self._rhythms.came_back(person_id)

    # -- closing --------------------------------------------------------------

    async def after_close(self, session: Session, arc: Arc | None) -> tuple[Slot, Rhythm, bool]:
        """Plan the next session after `session` closed; returns the suggested slot, the
        person's rhythm, and whether a reminder was scheduled for it. Idempotent."""
        person_id = session.person_id
        rhythm = await self.rhythm(person_id)
        closed_at = session.closed_at or self._clock.now()
        default_at = _local_time(session, rhythm)
        slot = next_session(closed_at, rhythm, self._policy, default_at=default_at)
        current = await self._rhythms.reminder(person_id)
        auto = reminder_slot(closed_at, rhythm, self._policy, default_at=default_at)
        if auto is None or (current is not None and current.unreachable):
            return slot, rhythm, False
        await self._rhythms.schedule_reminder(
            person_id, auto.due, auto.window_end, self._thread(arc)
        )
        log.info("reminder_scheduled", person=person_id, session=session.id)
        return slot, rhythm, True

    def _thread(self, arc: Arc | None) -> str | None:
        """What a reminder may mention, if the output review lets it through."""
        thread = unfinished_thread(arc.text) if arc else None
        if thread is None or not self._review_output(thread).ok:
            return None
        return thread

    # -- sending --------------------------------------------------------------

    async def recover(self) -> int:
        """At start: a reminder caught mid-send counts as sent, so it is never repeated."""
        recovered = await self._rhythms.recover_sending()
        if recovered:
            log.warning("reminders_maybe_sent", count=recovered)
        return recovered

    async def tick(self) -> int:
        """Send what is due now, paced; returns how many were sent. One tick at a time."""
        if self._ticking.locked():
            return 0
        sent = 0
        async with self._ticking:
            while due := await self._rhythms.claim_due(self._clock.now(), self._pace.batch):
                for index, reminder in enumerate(due):
                    try:
                        if await self._fire(reminder):
                            sent += 1
                            await asyncio.sleep(1 / self._pace.per_second)
                    except asyncio.CancelledError:  # stopping: what was not sent stays planned
                        await asyncio.shield(self._unclaim(due[index + 1 :]))
                        raise
        return sent

    async def _unclaim(self, claimed: tuple[Reminder, ...]) -> None:
        """Claimed but never tried: back to `scheduled` as they were (else the next start
        would count them as sent, and they would never go out)."""
        for reminder in claimed:
            if reminder.due_at is not None and reminder.window_end is not None:
                await self._rhythms.settle_reminder(
                    reminder.person_id,
                    sent=False,
                    next_due=(reminder.due_at, reminder.window_end),
                )

    @asynccontextmanager
    async def holding(self, person_id: int) -> AsyncIterator[None]:
        """No reminder goes to the person while this is held (they are being forgotten);
        one being sent to them now finishes first."""
        async with self._people.hold(person_id):
            yield

    async def _fire(self, reminder: Reminder) -> bool:
        async with self._people.hold(reminder.person_id):
            if await self._rhythms.reminder(reminder.person_id) is None:
                return False  # the person was forgotten while this waited
            return await self._send(reminder)

    async def _send(self, reminder: Reminder) -> bool:
        person_id = reminder.person_id
        now = self._clock.now()
        rhythm = await self.rhythm(person_id)
        latest = await self._store.latest_session(person_id)
        following = self._following(reminder, rhythm, latest)
        if latest is not None and latest.state is not SessionState.CLOSED:
            await self._rhythms.settle_reminder(person_id, sent=False, next_due=None)
            return False  # they are here already; the next is planned when this session closes
        if rhythm.paused or await self._blocked(person_id):
            await self._rhythms.settle_reminder(person_id, sent=False, next_due=None)
            return False
        if reminder.window_end is not None and now > reminder.window_end:
            log.info("reminder_skipped_stale", person=person_id)
            await self._rhythms.settle_reminder(person_id, sent=False, next_due=following)
            return False
        last = reminder.ignored + 1 >= self._policy.ignored_limit
        key = "reminder_last" if last else "reminder"
        thread = (reminder.thread or "") if rhythm.mention else ""
        try:
            person = await self._store.person_key(person_id)
            await self._notifier.notice(
                person,
                f"{key}_thread" if thread else key,
                locale=await self._locales.of(person_id),
                thread=thread,
            )
        except PersonUnreachable:
            log.info("reminder_person_unreachable", person=person_id)
            await self._rhythms.mark_unreachable(person_id, now)
            return False
        except DeliveryFailed:
            log.warning("reminder_undelivered", person=person_id)
            await self._rhythms.settle_reminder(person_id, sent=False, next_due=following)
            return False
        await self._rhythms.settle_reminder(
            person_id, sent=True, next_due=None if last else following
        )
        log.info("reminder_sent", person=person_id, last=last)
        return True

    def _following(
        self, reminder: Reminder, rhythm: Rhythm, latest: Session | None
    ) -> tuple[datetime, datetime] | None:
        """The reminder after this one, for rhythms that repeat."""
        if reminder.due_at is None or rhythm.cadence in (Cadence.ON_REQUEST, Cadence.OFF):
            return None
        slot = reminder_slot(
            reminder.due_at, rhythm, self._policy, default_at=_local_time(latest, rhythm)
        )
        if slot is None or slot.due <= reminder.due_at:
            return None  # a gap shorter than a day lands on the same moment: never twice
        return (slot.due, slot.window_end)

    async def _blocked(self, person_id: int) -> bool:
        block = await self._review.blocked_until(person_id)
        return block is not None and block[0] > self._clock.now()


def _local_time(session: Session | None, rhythm: Rhythm) -> time:
    """When the person's last session began, on their clock: a moment they chose."""
    if session is None:
        return time(10, 0)
    local = session.opened_at.astimezone(rhythm.zone).time()
    return time(local.hour, local.minute)
