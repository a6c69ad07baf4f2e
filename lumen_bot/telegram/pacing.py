"""A bot-wide budget for courtesies (typing hints, draft previews), so answers come first.

Telegram lets a bot send about 30 messages a second in all, and every request
costs the bot CPU. Typing hints and previews only make waiting nicer: when many
people are answered at once, each chat gets fewer, larger previews and the
budget leaves room for the answers themselves, which are never budgeted.
"""

from __future__ import annotations

import time
from collections.abc import Callable

PER_SECOND = 20.0
BURST = 20


class Courtesy:
    """A token bucket shared by every chat's replies: `take()` is True while it lasts."""

    def __init__(
        self,
        per_second: float = PER_SECOND,
        burst: int = BURST,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._rate = per_second
        self._burst = float(burst)
        self._monotonic = monotonic
        self._tokens = float(burst)
        self._at = monotonic()

    def take(self) -> bool:
        now = self._monotonic()
        self._tokens = min(self._burst, self._tokens + (now - self._at) * self._rate)
        self._at = now
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True
