"""Answers still owed after the LLM failed: when each is tried again, with a bounded backoff.

Kept in memory on purpose: after a restart `Mentor.resume` answers every stored
message that was never answered, so nothing here needs to outlive the process.
One entry per person (a person has one active session), so an answer is never
tried twice at once; the answering lock orders it with the person's own messages.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from lumen_bot.harness.answer import Outcome
from lumen_bot.harness.backoff import wait_after
from lumen_bot.harness.model import PersonKey
from lumen_bot.logs import events

log = events(__name__)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    base: timedelta = timedelta(seconds=30)  # the wait after the first failure
    cap: timedelta = timedelta(minutes=10)  # the longest wait between two attempts
    draw: Callable[[], float] = random.random  # spreads the waits apart (see backoff.py)

    def backoff(self, failures: int) -> timedelta:
        """The wait after `failures` failed attempts in a row: base, 2·base, … up to cap,
        less a random part of up to half."""
        return wait_after(failures, base=self.base, cap=self.cap, draw=self.draw)


@dataclass(frozen=True, slots=True)
class OwedAnswer:
    person: PersonKey
    session_id: int
    locale: str | None
    failures: int  # attempts that failed in a row
    due: datetime  # when to try again


class OwedAnswers:
    """The schedule of answers to try again; the rhythm beat takes what is due."""

    def __init__(self, policy: RetryPolicy) -> None:
        self._policy = policy
        self._owed: dict[PersonKey, OwedAnswer] = {}
        # Taken by a beat ahead of their time and not yet started (`take_due`).
        self._taken: dict[PersonKey, OwedAnswer] = {}

    def after(
        self,
        outcome: Outcome,
        person: PersonKey,
        session_id: int,
        locale: str | None,
        *,
        now: datetime,
        live: bool,
        failures: int = 0,
    ) -> None:
        """After an attempt: forget an answer no longer owed, or plan the next attempt.

        A limit that held back a live answer plans none: the person heard that their
        next message will be answered with it. A retry held back by a limit waits for
        its next attempt, like one the LLM failed.
        """
        if outcome is Outcome.DONE:
            self.settled(person)
            return
        if outcome is Outcome.HELD and live:
            return
        owed = self.failed(person, session_id, locale, now, failures_before=failures)
        wait_s = (owed.due - now).total_seconds()
        log.info("answer_retry_planned", session=session_id, failures=owed.failures, in_s=wait_s)

    def failed(
        self,
        person: PersonKey,
        session_id: int,
        locale: str | None,
        now: datetime,
        *,
        failures_before: int = 0,
    ) -> OwedAnswer:
        """An attempt failed: plan the next one, later each time the same session fails."""
        for earlier in (self._owed.get(person), self._taken.get(person)):
            if earlier is not None and earlier.session_id == session_id:
                failures_before = max(failures_before, earlier.failures)
                locale = locale or earlier.locale
        failures = failures_before + 1
        owed = OwedAnswer(
            person, session_id, locale, failures, now + self._policy.backoff(failures)
        )
        self._owed[person] = owed
        return owed

    def settled(self, person: PersonKey) -> None:
        """Nothing is owed to this person any more (answered, closed or forgotten)."""
        self._owed.pop(person, None)
        self._taken.pop(person, None)

    def take_due(self, now: datetime) -> list[OwedAnswer]:
        """The entries due by `now`, out of the schedule: a failed attempt plans the next
        one itself. Until each is `started`, it is remembered, so that a failure of the
        same session meanwhile (a live answer while the retry waits for its time) counts
        on from its failures rather than from none, and waits as long as it should."""
        due = [owed for owed in self._owed.values() if owed.due <= now]
        for owed in due:
            del self._owed[owed.person]
            self._taken[owed.person] = owed
        return due

    def started(self, owed: OwedAnswer) -> None:
        """A taken entry's attempt begins: from here its outcome plans what comes next."""
        if self._taken.get(owed.person) is owed:
            del self._taken[owed.person]

    def __len__(self) -> int:
        return len(self._owed.keys() | self._taken.keys())
