"""What Lumen told a chat lately, so that a notice is not repeated to someone who just
read it: three stickers in a row, or an album of five photos, get one "I can only read
text", not five. Kept in memory only, bounded, and forgotten at restart, when saying a
notice once more is harmless."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from datetime import datetime, timedelta

from lumen_bot.harness.ports import Clock


class Told:
    """Keys told within `within` of now (or ever, with `within` None), at most `most`
    of them; the oldest is forgotten first."""

    def __init__(self, clock: Clock, *, within: timedelta | None, most: int) -> None:
        self._clock = clock
        self._within = within
        self._most = most
        self._at: OrderedDict[Hashable, datetime] = OrderedDict()

    def should_tell(self, *keys: Hashable) -> bool:
        """True when none of `keys` was told lately; then all of them count as told now.
        False leaves them as they were, so the quiet runs from the last time told."""
        now = self._clock.now()
        if any(self._lately(key, now) for key in keys):
            return False
        for key in keys:
            self._at[key] = now
            self._at.move_to_end(key)
        while len(self._at) > self._most:
            self._at.popitem(last=False)
        return True

    def _lately(self, key: Hashable, now: datetime) -> bool:
        at = self._at.get(key)
        return at is not None and (self._within is None or now - at < self._within)
