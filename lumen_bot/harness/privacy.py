"""The person's say over their data: /forget (shredding), transcript retention, insights.

`Forgetting` first stops everything in flight for the person (an answer streaming,
a closing job, a reminder being sent), then has the store destroy their data key
and delete their rows. `Retention` deletes old raw transcripts on the rhythm's beat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from lumen_bot.harness.closing import Closer
from lumen_bot.harness.insights import Insights, SessionFacts, insights
from lumen_bot.harness.mentor import Mentor
from lumen_bot.harness.model import PersonKey
from lumen_bot.harness.ports import Clock
from lumen_bot.harness.reminders import Reminders
from lumen_bot.harness.store_ports import Store
from lumen_bot.logs import events

log = events(__name__)

RETENTION_CHOICES = (30, 90, 365)  # days a person may pick with /retention (or off)
SWEEP_EVERY = timedelta(hours=1)  # the retention sweep runs at most this often
SWEEP_BATCH = 200  # sessions whose transcripts one sweep deletes at most per round


@dataclass(frozen=True, slots=True)
class Forgotten:
    """What forgetting a person did, in counts: never content."""

    person_id: int
    flags_kept: int
    block_kept: bool


class PrivacyStore(Protocol):
    """What forgetting, retention and insights need of the store (store/privacy.py)."""

    async def begin_forgetting(self, person_id: int, at: datetime) -> None:
        """A durable marker, then the person's data keys destroyed: the point of no return."""
        ...

    async def finish_forgetting(self, person_id: int, at: datetime) -> Forgotten:
        """Delete the person's rows, strip their flags to clear fields, audit; idempotent."""
        ...

    async def unfinished_forgetting(self) -> tuple[int, ...]: ...

    async def retention_days(self, person_id: int) -> int | None: ...

    async def set_retention_days(self, person_id: int, days: int | None) -> None: ...

    async def expire_transcripts(self, now: datetime, global_days: int, limit: int) -> int: ...

    async def insights_choice(self, person_id: int) -> bool: ...

    async def set_insights_choice(self, person_id: int, counted: bool) -> None: ...

    async def session_facts(self) -> tuple[tuple[SessionFacts, ...], ...]: ...


class Forgetting:
    """`/forget`: nothing the person said can be decrypted again, and they start anew."""

    def __init__(
        self,
        *,
        store: Store,
        privacy: PrivacyStore,
        mentor: Mentor,
        closer: Closer,
        reminders: Reminders,
        clock: Clock,
    ) -> None:
        self._store = store
        self._privacy = privacy
        self._mentor = mentor
        self._closer = closer
        self._reminders = reminders
        self._clock = clock

    async def forget(self, person_key: PersonKey) -> bool:
        """Forget the person; False if nothing was stored about them (or it is done)."""
        async with self._mentor.still(person_key):
            person = await self._store.find_person(person_key)
            if person is None:
                return False
            await self._privacy.begin_forgetting(person.id, self._clock.now())
            for job in await self._store.pending_closing_jobs():
                if job.person_id == person.id:
                    await self._closer.stop(job.session_id)
            async with self._reminders.holding(person.id):
                done = await self._privacy.finish_forgetting(person.id, self._clock.now())
        log.info(
            "person_forgotten",
            person=person.id,
            flags_kept=done.flags_kept,
            block_kept=done.block_kept,
        )
        return True

    async def resume(self) -> int:
        """At start, before anything else runs: finish every forgetting a kill interrupted
        (their key is already gone; their rows go now). Returns how many."""
        pending = await self._privacy.unfinished_forgetting()
        for person_id in pending:
            await self._privacy.finish_forgetting(person_id, self._clock.now())
            log.info("person_forgotten_on_resume", person=person_id)
        return len(pending)


@dataclass(frozen=True, slots=True)
class RetentionChoice:
    """A person's retention and the global one; `effective` is the shorter set value."""

    personal: int | None
    global_days: int

    @property
    def effective(self) -> int | None:
        chosen = [d for d in (self.personal, self.global_days or None) if d]
        return min(chosen) if chosen else None


class Retention:
    """Raw transcripts of closed sessions deleted after N days; notebooks and Arc remain."""

    def __init__(self, *, privacy: PrivacyStore, clock: Clock, global_days: int) -> None:
        self._privacy = privacy
        self._clock = clock
        self._global_days = max(0, global_days)
        self._last_sweep: datetime | None = None

    async def choice(self, person_id: int) -> RetentionChoice:
        return RetentionChoice(await self._privacy.retention_days(person_id), self._global_days)

    async def choose(self, person_id: int, days: int | None) -> RetentionChoice:
        """`/retention`: off (None) or one of RETENTION_CHOICES days."""
        if days is not None and days not in RETENTION_CHOICES:
            raise ValueError("not a retention choice")
        await self._privacy.set_retention_days(person_id, days)
        log.info("retention_chosen", person=person_id, days=days or 0)
        return await self.choice(person_id)

    async def tick(self) -> int:
        """On the rhythm's beat: sweep when SWEEP_EVERY has passed since the last sweep."""
        now = self._clock.now()
        if self._last_sweep is not None and now - self._last_sweep < SWEEP_EVERY:
            return 0
        self._last_sweep = now
        return await self.sweep()

    async def sweep(self) -> int:
        """Delete every expired transcript now, in rounds; returns how many sessions."""
        expired = 0
        while True:
            found = await self._privacy.expire_transcripts(
                self._clock.now(), self._global_days, SWEEP_BATCH
            )
            expired += found
            if found < SWEEP_BATCH:
                break
        if expired:
            log.info("transcripts_expired", sessions=expired)
        return expired


class InsightsChoice:
    """`/insights`: whether a person's sessions are counted in the aggregate report."""

    def __init__(self, privacy: PrivacyStore) -> None:
        self._privacy = privacy

    async def counted(self, person_id: int) -> bool:
        return await self._privacy.insights_choice(person_id)

    async def choose(self, person_id: int, counted: bool) -> None:
        await self._privacy.set_insights_choice(person_id, counted)
        log.info("insights_chosen", person=person_id, counted=counted)

    async def report(self) -> Insights:
        return insights(await self._privacy.session_facts())
