"""Per-person limits: a token bucket on messages answered, and a daily cap on LLM calls.

Both live in memory (a restart forgives); what they hold back is never lost:
the messages stay stored and are answered with the person's next one. One
`PersonLimits` serves every part that calls the LLM for a person (answers and
Arc corrections), so the daily cap counts them all.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TypeVar

V = TypeVar("V")
REMEMBERED = 100_000  # people whose counters are kept; the longest idle are forgotten


@dataclass(frozen=True, slots=True)
class LimitPolicy:
    burst: int = 8  # messages answered back to back
    per_minute: float = 6.0  # then this many a minute
    daily_llm_calls: int = 300
    max_input_chars: int = 8_000  # of one message, shown to the mentor


class PersonLimits:
    def __init__(self, policy: LimitPolicy) -> None:
        self._policy = policy
        self._buckets: OrderedDict[int, tuple[float, datetime]] = OrderedDict()
        self._calls: OrderedDict[int, tuple[date, int]] = OrderedDict()

    @property
    def policy(self) -> LimitPolicy:
        return self._policy

    def allow_answer(self, person_id: int, now: datetime) -> bool:
        """Take one token from the person's bucket, if there is one."""
        tokens, since = self._buckets.get(person_id, (float(self._policy.burst), now))
        refill = max(0.0, (now - since).total_seconds()) * self._policy.per_minute / 60
        tokens = min(float(self._policy.burst), tokens + refill)
        allowed = tokens >= 1
        _remember(self._buckets, person_id, (tokens - 1 if allowed else tokens, now))
        return allowed

    def allow_llm_call(self, person_id: int, now: datetime) -> bool:
        day, used = self._calls.get(person_id, (now.date(), 0))
        if day != now.date():
            day, used = now.date(), 0
        if used >= self._policy.daily_llm_calls:
            return False
        _remember(self._calls, person_id, (day, used + 1))
        return True

    @staticmethod
    def next_day(now: datetime) -> datetime:
        """When the daily cap starts again: the next midnight of the clock's own day."""
        return datetime.combine(now.date() + timedelta(days=1), time.min, tzinfo=now.tzinfo)


def _remember(table: OrderedDict[int, V], key: int, value: V) -> None:
    table[key] = value
    table.move_to_end(key)
    if len(table) > REMEMBERED:
        table.popitem(last=False)
