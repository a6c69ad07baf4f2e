"""The scheduler at scale: 100,000 people with reminders, and a burst of 10,000 due.

Start-up: what `lumen run` does for reminders when it starts with 100,000 of
them stored (open and migrate the database, settle reminders caught mid-send,
count what is scheduled, run the first tick). Burst: 10,000 reminders come due
at once; (a) how fast they can go out with no pacing (CPU), and (b) the
latency of people's messages while a paced burst (25 a second, under
Telegram's ~30) is being sent, against the same messages with no burst.
"""

from __future__ import annotations

import asyncio
import sqlite3
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from lumen_bot.harness.model import Inbound, PersonKey
from lumen_bot.harness.reminders import Pace
from lumen_bot.store.db import to_text
from tests.fakes import FakeLLM, RecordingReply
from tests.wiring import make_harness

PEOPLE = 100_000
DUE_NOW = 10_000
NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def seed(db: Path) -> None:
    """People and their scheduled reminders, written directly (setting them up through
    the harness would take minutes and measure nothing of interest here)."""
    with sqlite3.connect(db) as conn:
        conn.executemany(
            "INSERT INTO people (id, platform, external_id, created_at) VALUES (?, ?, ?, ?)",
            [(i, "telegram", str(10_000 + i), to_text(NOW)) for i in range(1, PEOPLE + 1)],
        )
        rows = []
        for i in range(1, PEOPLE + 1):
            due = NOW - timedelta(minutes=1) if i <= DUE_NOW else NOW + timedelta(hours=1 + i % 500)
            rows.append((i, "scheduled", to_text(due), to_text(due + timedelta(hours=3))))
        conn.executemany(
            "INSERT INTO reminders (person_id, state, due_at, window_end) VALUES (?, ?, ?, ?)",
            rows,
        )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def message_latencies(harness_dir: Path, pace: Pace, burst: bool) -> list[float]:
    """Handle 200 messages from 20 people while (or without) a burst is being sent."""
    async with make_harness(harness_dir, FakeLLM(), pace=pace) as h:
        h.clock.current = NOW
        if burst:
            seed(harness_dir / "lumen.db")
        ticking = asyncio.get_running_loop().create_task(h.reminders.tick())
        latencies: list[float] = []

        async def person(n: int) -> None:
            key = PersonKey("telegram", str(900_000 + n))
            for i in range(10):
                started = time.perf_counter()
                await h.mentor.handle(Inbound(key, f"thought {i}", NOW), RecordingReply())
                latencies.append((time.perf_counter() - started) * 1000)
                await asyncio.sleep(0.2)

        await asyncio.gather(*(person(n) for n in range(20)))
        ticking.cancel()
        sent = len(h.notifier.notices)
        if burst:
            print(f"  reminders sent during the messages: {sent} (paced at {pace.per_second}/s)")
        return latencies


async def main() -> None:
    print(f"Scheduler: {PEOPLE:,} people with reminders, {DUE_NOW:,} due at once")
    with tempfile.TemporaryDirectory() as tmp:
        async with make_harness(Path(tmp)):
            pass  # creates and migrates the database
        seed(Path(tmp) / "lumen.db")
        started = time.perf_counter()
        async with make_harness(Path(tmp), pace=Pace(per_second=1e9)) as h:
            h.clock.current = NOW - timedelta(hours=1)  # nothing due yet
            await h.reminders.recover()
            scheduled = await h.store.scheduled_reminders()
            await h.reminders.tick()
            startup = time.perf_counter() - started
            print(
                f"  start-up with {scheduled:,} scheduled: {startup * 1000:.0f} ms (target < 2 s)"
            )
            h.clock.current = NOW
            cpu, wall = time.process_time(), time.perf_counter()
            sent = await h.reminders.tick()
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            print(
                f"  burst of {sent:,} unpaced: {wall:.2f} s wall, {cpu / sent * 1e6:.0f} µs CPU"
                f" each ({sent / wall:,.0f} a second; Telegram allows ~30)"
            )
    for burst in (False, True, False):  # the first run also warms up
        with tempfile.TemporaryDirectory() as tmp:
            async with make_harness(Path(tmp)):
                pass
            latencies = await message_latencies(Path(tmp), Pace(per_second=25), burst)
            label = "during a paced burst" if burst else "no burst"
            print(
                f"  message handling, {label}: p50 {percentile(latencies, 50):.1f} ms,"
                f" p99 {percentile(latencies, 99):.1f} ms ({len(latencies)} messages)"
            )


if __name__ == "__main__":
    asyncio.run(main())
