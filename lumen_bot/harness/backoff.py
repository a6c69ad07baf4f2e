"""How long to wait before trying again: doubling from a base up to a cap, spread at random.

When the LLM is down, many people's answers (and closings, and corrections) fail in the
same minute. With plain doubling their next attempts would all fall on the same
instants, again and again, and meet the service in one burst each time it comes back.
Each wait is therefore shortened by a random part of up to half ("equal jitter"), so
the attempts drift apart: never longer than the cap, never sooner than half the wait.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta
from typing import Final

SPREAD: Final = 0.5  # the largest part of a wait that the draw may take off
_MAX_DOUBLINGS: Final = 30  # 2**30 bases exceed any sane cap


def wait_after(
    failures: int,
    *,
    base: timedelta,
    cap: timedelta,
    draw: Callable[[], float] = random.random,
) -> timedelta:
    """The wait after `failures` failed attempts in a row (1 after the first failure):
    base, 2·base, 4·base … up to cap, less a random part of up to half of it. `draw`
    gives a number in [0, 1); 0 keeps the whole wait."""
    doublings = min(max(0, failures - 1), _MAX_DOUBLINGS)
    plain = min(cap, base * (1 << doublings))
    return plain * (1.0 - SPREAD * draw())
