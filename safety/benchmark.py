"""Time the screen per message and by message length: percentiles, worst case, throughput."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final

# (name, longest text in characters): a chat message, a paragraph, a long post
BUCKETS: Final = (("chat <=300", 300), ("301-1000", 1000), ("long >1000", None))


@dataclass(frozen=True, slots=True)
class Timings:
    """Per-message screening times in nanoseconds: the fastest of several rounds each, so
    that other processes on a shared machine disturb the figures as little as possible."""

    rounds: int
    buckets: tuple[tuple[str, tuple[int, ...]], ...]  # name, sorted times
    all: tuple[int, ...]

    def lines(self) -> Iterator[str]:
        yield f"per message, fastest of {self.rounds} rounds (us)"
        yield f"{'messages':<12} {'n':>6} {'p50':>6} {'p90':>6} {'p99':>6} {'max':>6} {'msg/s':>8}"
        for name, times in (*self.buckets, ("all", self.all)):
            if times:
                yield _row(name, times)


def _row(name: str, times: Sequence[int]) -> str:
    def q(p: float) -> str:
        return f"{times[min(len(times) - 1, int(p * len(times)))] / 1000:.0f}"

    rate = len(times) / (sum(times) / 1e9)
    return (
        f"{name:<12} {len(times):>6} {q(0.5):>6} {q(0.9):>6} {q(0.99):>6} "
        f"{times[-1] / 1000:>6.0f} {rate:>8,.0f}"
    )


def measure(texts: Sequence[str], screener: Callable[[str], object], rounds: int) -> Timings:
    """Screen every text `rounds` times (after one warm-up pass) and keep each one's best."""
    for text in texts:
        screener(text)
    best = [0] * len(texts)
    for r in range(max(1, rounds)):
        for i, text in enumerate(texts):
            start = time.perf_counter_ns()
            screener(text)
            elapsed = time.perf_counter_ns() - start
            best[i] = elapsed if r == 0 else min(best[i], elapsed)
    buckets = []
    low = 0
    for name, high in BUCKETS:
        times = sorted(
            t for text, t in zip(texts, best, strict=True) if low < len(text) <= (high or 1 << 62)
        )
        buckets.append((name, tuple(times)))
        low = high or low
    return Timings(max(1, rounds), tuple(buckets), tuple(sorted(best)))
