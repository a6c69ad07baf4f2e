"""The python-telegram-bot Application: built from settings, run with long polling."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import BotCommand
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder

from lumen_bot import texts
from lumen_bot.harness.tasks import TaskGroup
from lumen_bot.logs import events
from lumen_bot.telegram.connections import BOT_API_CONNECTIONS, QueuedRequest
from lumen_bot.telegram.polling import poll

log = events(__name__)

TelegramApp = Application[Any, Any, Any, Any, Any, Any]
HANDLER_GRACE_S = 10.0  # on SIGTERM, how long answers in flight may take to finish


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
    )
    return builder.build()


async def publish_commands(app: TelegramApp) -> None:
    """Show our commands in Telegram's menu; a failure here must not stop the bot."""
    try:
        await app.bot.set_my_commands([BotCommand(name, about) for name, about in texts.COMMANDS])
    except TelegramError as exc:
        log.warning("set_my_commands_failed", error=type(exc).__name__)


async def run_polling(
    app: TelegramApp,
    stop: asyncio.Event,
    *,
    on_ready: Callable[[], Awaitable[object]],
    on_stopping: Callable[[], Awaitable[object]],
) -> None:
    """Poll until `stop` is set (SIGINT/SIGTERM set it), owning the whole lifecycle.

    `on_ready` runs once the bot can send (resuming interrupted closings);
    `on_stopping` runs after polling and handlers stopped but while the bot can
    still send, so background work (a closing's parting words) can finish.
    """
    updates = TaskGroup()
    async with app:
        await publish_commands(app)
        await app.start()
        try:
            await on_ready()
            log.info("bot_started", bot_id=app.bot.id)
            await poll(app, stop, updates)
        finally:
            log.info("bot_stopping")
            await updates.aclose(grace_s=HANDLER_GRACE_S)  # in-flight turns finish or park
            if app.running:
                await app.stop()
            await on_stopping()
            log.info("bot_stopped")


def stop_on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
