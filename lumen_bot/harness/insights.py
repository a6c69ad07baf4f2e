"""Session insights without personal data: counts in buckets, small ones suppressed.

`lumen insights` reads only clear facts (times, how a session closed, how many
turns, whether a crisis was flagged) of people who did not opt out (`/insights`),
and prints counts: never text, never ids. A bucket holding fewer than K sessions
(or gaps, or people) is shown as "<K", zero included, so no count singles anyone out.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from lumen_bot.harness.model import SessionState

K = 5  # the least count shown as a number (k-anonymity)

MINUTE, HOUR, DAY = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)
DURATIONS = (
    ("under 10 min", 10 * MINUTE),
    ("10-30 min", 30 * MINUTE),
    ("30-60 min", HOUR),
    ("1-2 hours", 2 * HOUR),
    ("over 2 hours", None),
)
GAPS = (
    ("under 1 day", DAY),
    ("1-3 days", 3 * DAY),
    ("3-7 days", 7 * DAY),
    ("1-2 weeks", 14 * DAY),
    ("2-4 weeks", 28 * DAY),
    ("over 4 weeks", None),
)
TURNS = (("1-10", 11), ("11-20", 21), ("21-40", 41), ("41-80", 81), ("over 80", None))
T = TypeVar("T", int, timedelta)
EXPIRED = "transcript expired"  # turns deleted by retention: the count is unknown


@dataclass(frozen=True, slots=True)
class SessionFacts:
    """What the report may know of one session: no text, no id."""

    state: SessionState
    opened_at: datetime
    last_activity_at: datetime
    closed_by: str | None
    turns: int
    crisis: bool  # a crisis flag was raised in it


@dataclass(frozen=True, slots=True)
class Bucket:
    label: str
    count: int

    @property
    def shown(self) -> str:
        return str(self.count) if self.count >= K else f"<{K}"


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    buckets: tuple[Bucket, ...]


@dataclass(frozen=True, slots=True)
class Insights:
    people: Bucket
    sessions: Bucket
    sections: tuple[Section, ...]

    def render(self) -> str:
        """The report as plain text: every count passes through `Bucket.shown`."""
        lines = [
            f"Lumen insights: counts only; a count under {K} is shown as <{K}.",
            "People who opted out (/insights) are in no count.",
            "",
            f"people counted: {self.people.shown}",
            f"closed sessions: {self.sessions.shown}",
        ]
        for section in self.sections:
            lines += ["", section.title]
            width = max(len(bucket.label) for bucket in section.buckets)
            lines += [f"  {b.label.ljust(width)}  {b.shown}" for b in section.buckets]
        return "\n".join(lines)


def insights(people: Sequence[Sequence[SessionFacts]]) -> Insights:
    """Count sessions into buckets; `people` holds each person's sessions, oldest first."""
    closed = [s for sessions in people for s in sessions if s.state is SessionState.CLOSED]
    gaps = [
        later.opened_at - earlier.last_activity_at
        for sessions in people
        for earlier, later in itertools.pairwise(sessions)
    ]
    durations = [s.last_activity_at - s.opened_at for s in closed]
    turns = [s.turns for s in closed if s.turns > 0]
    ending = (
        ("/end", sum(1 for s in closed if s.closed_by == "end")),
        ("quiet (idle)", sum(1 for s in closed if s.closed_by == "idle")),
        ("other", sum(1 for s in closed if s.closed_by not in ("end", "idle"))),
        ("with a crisis flag", sum(1 for s in closed if s.crisis)),
    )
    return Insights(
        people=Bucket("people", sum(1 for sessions in people if sessions)),
        sessions=Bucket("sessions", len(closed)),
        sections=(
            Section("Session length (first to last message)", _bucketed(durations, DURATIONS)),
            Section("Time between sessions", _bucketed(gaps, GAPS)),
            Section(
                "Turns per session",
                (
                    *_bucketed(turns, TURNS),
                    Bucket(EXPIRED, sum(1 for s in closed if s.turns == 0)),
                ),
            ),
            Section("How sessions closed", tuple(Bucket(lbl, n) for lbl, n in ending)),
        ),
    )


def _bucketed(values: Sequence[T], edges: Sequence[tuple[str, T | None]]) -> tuple[Bucket, ...]:
    """Count each value into the first bucket whose upper edge (exclusive) it is under."""
    counts = dict.fromkeys((label for label, _ in edges), 0)
    for value in values:
        for label, upper in edges:
            if upper is None or value < upper:
                counts[label] += 1
                break
    return tuple(Bucket(label, count) for label, count in counts.items())
