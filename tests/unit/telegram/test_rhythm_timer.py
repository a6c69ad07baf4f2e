"""The rhythm's timer on python-telegram-bot's JobQueue: beats at once and then on time, one
at a time, and none after stop; a beat in flight at stop finishes or is cancelled."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable

import pytest
from telegram.ext import Application

from lumen_bot.telegram.bot import RhythmTimer, TelegramApp
from tests.offline_bot_api import OfflineBotApi


@pytest.fixture
async def app() -> AsyncIterator[TelegramApp]:
    built = Application.builder().token("1:test").request(OfflineBotApi()).build()
    async with built:
        await built.start()
        yield built
        if built.running:
            await built.stop()


async def until(condition: Callable[[], bool], within_s: float = 10.0) -> None:
    deadline = time.monotonic() + within_s
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)


async def test_the_first_beat_comes_at_once_and_then_they_repeat(app: TelegramApp) -> None:
    beats: list[float] = []

    async def beat() -> None:
        beats.append(time.monotonic())

    timer = RhythmTimer(beat, every_s=3600)
    timer.start(app)
    await until(lambda: len(beats) == 1)  # an hour's interval: only the first can be here
    await timer.stop(app)

    often = RhythmTimer(beat, every_s=0.05)
    often.start(app)
    await until(lambda: len(beats) >= 4)
    await often.stop(app)


async def test_no_beat_after_stop(app: TelegramApp) -> None:
    beats = 0

    async def beat() -> None:
        nonlocal beats
        beats += 1

    timer = RhythmTimer(beat, every_s=0.02)
    timer.start(app)
    await until(lambda: beats >= 2)
    await timer.stop(app)
    stopped_at = beats
    await asyncio.sleep(0.2)
    assert beats == stopped_at
    assert app.job_queue is not None and app.job_queue.get_jobs_by_name("rhythm") == ()


async def test_beats_never_overlap(app: TelegramApp) -> None:
    running = most = finished = 0

    async def slow_beat() -> None:
        nonlocal running, most, finished
        running += 1
        most = max(most, running)
        await asyncio.sleep(0.15)
        running -= 1
        finished += 1

    timer = RhythmTimer(slow_beat, every_s=0.02)
    timer.start(app)
    await until(lambda: finished >= 3)
    await timer.stop(app)
    assert most == 1


async def test_a_beat_in_flight_at_stop_gets_its_grace_then_is_cancelled(app: TelegramApp) -> None:
    started, cancelled = asyncio.Event(), asyncio.Event()

    async def endless_beat() -> None:
        started.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.set()
            raise

    timer = RhythmTimer(endless_beat, every_s=3600, grace_s=0.05)
    timer.start(app)
    await until(started.is_set)
    await timer.stop(app)
    assert cancelled.is_set()
    await app.stop()  # the job queue's own stop does not wait on it any more


async def test_a_beat_in_flight_at_stop_may_finish_within_its_grace(app: TelegramApp) -> None:
    finished = asyncio.Event()

    async def short_beat() -> None:
        await asyncio.sleep(0.05)
        finished.set()

    timer = RhythmTimer(short_beat, every_s=3600, grace_s=5)
    timer.start(app)
    await until(lambda: timer.beats == 1)
    await timer.stop(app)
    assert finished.is_set()


async def test_a_failing_beat_is_logged_and_the_next_one_runs(
    app: TelegramApp, caplog: pytest.LogCaptureFixture
) -> None:
    calls = 0

    async def failing_beat() -> None:
        nonlocal calls
        calls += 1
        raise RuntimeError("the store is away")

    timer = RhythmTimer(failing_beat, every_s=0.02)
    timer.start(app)
    await until(lambda: calls >= 2)
    await timer.stop(app)
    assert "rhythm_beat_failed error=RuntimeError" in caplog.text
    assert "the store is away" not in caplog.text, "an error's class, never its words"
