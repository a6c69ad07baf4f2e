"""The python-telegram-bot Application: built from settings, run with long polling."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from telegram import BotCommand
from telegram.ext import Application, ApplicationBuilder, ContextTypes

from lumen_bot import texts
from lumen_bot.errors import ConfigError, DeliveryFailed
from lumen_bot.harness.tasks import TaskGroup
from lumen_bot.logs import events
from lumen_bot.telegram.connections import BOT_API_CONNECTIONS, QueuedRequest
from lumen_bot.telegram.delivery import deliver
from lumen_bot.telegram.polling import poll

log = events(__name__)

TelegramApp = Application[Any, Any, Any, Any, Any, Any]
HANDLER_GRACE_S = 10.0  # on SIGTERM, how long answers in flight may take to finish
BEAT_GRACE_S = 5.0  # on SIGTERM, how long a rhythm beat in flight may take to finish


def build_application(token: str, api_url: str) -> TelegramApp:
    """An Application that talks to `api_url` (Telegram, or an emulator in tests)."""
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any] = (
        Application.builder()
        .token(token)
        .base_url(f"{api_url}/bot")
        .base_file_url(f"{api_url}/file/bot")
        .updater(None)  # telegram/polling.py polls: it confirms updates once stored
        .request(
            QueuedRequest(
                BOT_API_CONNECTIONS,
                connect_timeout=10,
                read_timeout=30,
                write_timeout=30,
                pool_timeout=10,
            )
        )
        # the long poll on a connection of its own, through aiohttp like the rest
        .get_updates_request(
            QueuedRequest(1, connect_timeout=10, read_timeout=30, write_timeout=30, pool_timeout=10)
        )
    )
    return builder.build()


async def publish_commands(app: TelegramApp) -> None:
    """Show our commands in Telegram's menu: the default in English, and one in each
    language Lumen speaks, which Telegram shows to people whose app is in it. All are
    sent at once, each retried as Telegram asks (twelve calls at start-up can meet its
    flood control); a failure here must not stop the bot."""

    async def publish(lang: str | None) -> None:
        menu = [BotCommand(name, about) for name, about in texts.commands(lang)]
        try:
            await deliver(
                lambda: app.bot.set_my_commands(menu, language_code=lang), what="set_my_commands"
            )
        except DeliveryFailed:
            log.warning("set_my_commands_failed", lang=lang)  # `deliver` logged why

    await asyncio.gather(*(publish(lang) for lang in (None, *texts.MENU_LANGUAGES)))


class RhythmTimer:
    """The rhythm's beat (close quiet sessions, send due reminders) on PTB's JobQueue.

    The schedule itself lives in the database, so the timer only says "look now":
    one beat at a time (a beat still running when the next is due lets it pass),
    the first right after start, so reminders that came due while Lumen was down
    go out at once. On stop, no new beat begins; one in flight gets `grace_s` to
    finish, then is cancelled (reminders it had not sent stay scheduled).
    """

    def __init__(
        self, beat: Callable[[], Awaitable[object]], every_s: float, grace_s: float = BEAT_GRACE_S
    ) -> None:
        self._beat = beat
        self._every_s = every_s
        self._grace_s = grace_s
        self._running: asyncio.Future[object] | None = None
        self._stopped = False
        self.beats = 0  # beats begun so far

    def start(self, app: TelegramApp) -> None:
        if app.job_queue is None:
            raise ConfigError("python-telegram-bot's job queue is missing: install lumen-bot again")
        app.job_queue.run_repeating(
            self._run,
            interval=self._every_s,
            name="rhythm",
            job_kwargs={
                # `first=0` would be a start date already past when APScheduler reads it,
                # and its interval trigger would then wait a whole interval.
                "next_run_time": datetime.now(UTC),
                "max_instances": 1,
                "coalesce": True,
                "misfire_grace_time": None,
            },
        )

    async def _run(self, _context: ContextTypes.DEFAULT_TYPE) -> None:
        if self._stopped:
            return
        self.beats += 1
        beat = self._running = asyncio.ensure_future(self._beat())
        try:
            await asyncio.wait({beat})  # a beat cancelled by `stop` ends this job quietly
        finally:
            beat.cancel()  # no-op once done; if the job itself was cancelled, so is the beat
            self._running = None
        if not beat.cancelled() and beat.exception() is not None:
            log.warning("rhythm_beat_failed", error=type(beat.exception()).__name__)

    async def stop(self, app: TelegramApp) -> None:
        """Before `app.stop()`: no new beat, and the one in flight finishes or is cancelled."""
        self._stopped = True
        if app.job_queue is not None:
            for job in app.job_queue.get_jobs_by_name("rhythm"):
                job.schedule_removal()
        running = self._running
        if running is None or running.done():
            return
        done, _ = await asyncio.wait({running}, timeout=self._grace_s)
        if not done:
            log.warning("rhythm_beat_cancelled", grace_s=self._grace_s)
            running.cancel()
            await asyncio.wait({running})


async def run_polling(
    app: TelegramApp,
    stop: asyncio.Event,
    *,
    on_ready: Callable[[], Awaitable[object]],
    on_stopping: Callable[[], Awaitable[object]],
    rhythm: RhythmTimer | None = None,
) -> None:
    """Poll until `stop` is set (SIGINT/SIGTERM set it), owning the whole lifecycle.

    `on_ready` runs once the bot can send (resuming interrupted closings); the
    `rhythm` timer starts after it, so its first beat sees what resuming settled.
    `on_stopping` runs after polling, handlers and the timer stopped but while the
    bot can still send, so background work (a closing's parting words) can finish.
    """
    updates = TaskGroup()
    async with app:
        # beside start-up, not before it: a flood wait must not hold back resumed answers
        updates.spawn(publish_commands(app), name="publish-commands")
        await app.start()
        try:
            await on_ready()
            if rhythm is not None:
                rhythm.start(app)
            loop = type(asyncio.get_running_loop()).__module__.partition(".")[0]
            log.info("bot_started", bot_id=app.bot.id, event_loop=loop)
            await poll(app, stop, updates)
        finally:
            log.info("bot_stopping")
            if rhythm is not None:
                await rhythm.stop(app)
            await updates.aclose(grace_s=HANDLER_GRACE_S)  # in-flight turns finish or park
            if app.running:
                await app.stop()
            await on_stopping()
            log.info("bot_stopped")


def stop_on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
