"""Long polling that confirms an update to Telegram only once Lumen has stored it.

python-telegram-bot's own Updater confirms a batch (by asking for the next
offset) as soon as it has fetched it, so a crash in the moment between fetching
and storing would lose a message for good. This loop hands each update to the
Application in a task of its own and advances the offset only when every update
of the batch is *admitted*: stored by the harness, or fully handled. After a
crash, Telegram sends the unconfirmed updates again, and the harness recognises
any it had stored already.
"""

from __future__ import annotations

import asyncio
from contextvars import ContextVar
from typing import Any

from telegram import Update
from telegram.error import Conflict, InvalidToken, NetworkError, RetryAfter, TelegramError

from lumen_bot.errors import UpdatesTakenOver
from lumen_bot.harness.tasks import TaskGroup
from lumen_bot.logs import events
from lumen_bot.telegram.delivery import flood_wait_s

log = events(__name__)

Application = Any  # telegram.ext.Application; kept loose to avoid a cycle with bot.py

# Set for each update's task: the handler signals it once the message is stored.
ADMITTED: ContextVar[asyncio.Event | None] = ContextVar("lumen_admitted", default=None)

POLL_TIMEOUT_S = 20
ADMIT_WAIT_S = 60.0  # an update not admitted by then is confirmed anyway (and logged)


def admitted() -> None:
    """Called by a handler once its update is safely stored (or needs no storing)."""
    event = ADMITTED.get()
    if event is not None:
        event.set()


async def poll(app: Application, stop: asyncio.Event, tasks: TaskGroup) -> None:
    """Fetch, hand over, wait for admission, confirm; until `stop` is set."""
    offset: int | None = None
    backoff = 1.0
    while not stop.is_set():
        try:
            updates = await _fetch(app, offset, stop)
        except InvalidToken:
            raise
        except Conflict:
            log.warning("updates_taken_over")  # and the process stops (cli.py)
            raise UpdatesTakenOver("another process now fetches this bot's updates") from None
        except RetryAfter as exc:
            await _pause(stop, flood_wait_s(exc))
            continue
        except (NetworkError, TelegramError) as exc:
            log.warning("poll_failed", error=type(exc).__name__, retry_s=backoff)
            await _pause(stop, backoff)
            backoff = min(30.0, backoff * 2)
            continue
        backoff = 1.0
        if updates:
            await _admit_batch(app, updates, tasks)
            offset = updates[-1].update_id + 1


async def _admit_batch(app: Application, updates: tuple[Update, ...], tasks: TaskGroup) -> None:
    """Admit a batch: in order within a chat, different chats at the same time."""
    by_chat: dict[int, list[Update]] = {}
    for update in updates:
        chat = update.effective_chat
        by_chat.setdefault(chat.id if chat else -update.update_id, []).append(update)

    async def in_order(chat_updates: list[Update]) -> None:
        for update in chat_updates:
            await _admit(app, update, tasks)

    await asyncio.gather(*(in_order(chat_updates) for chat_updates in by_chat.values()))


async def _fetch(app: Application, offset: int | None, stop: asyncio.Event) -> tuple[Update, ...]:
    fetch = asyncio.ensure_future(
        app.bot.get_updates(
            offset=offset,
            timeout=POLL_TIMEOUT_S,
            read_timeout=POLL_TIMEOUT_S + 10,
            allowed_updates=Update.ALL_TYPES,
        )
    )
    stopping = asyncio.ensure_future(stop.wait())
    done, _ = await asyncio.wait({fetch, stopping}, return_when=asyncio.FIRST_COMPLETED)
    if fetch not in done:
        fetch.cancel()
        await asyncio.gather(fetch, return_exceptions=True)
        return ()
    stopping.cancel()
    result: tuple[Update, ...] = fetch.result()
    return result


async def _admit(app: Application, update: Update, tasks: TaskGroup) -> None:
    """Start handling one update and wait until it is stored or handled."""
    event = asyncio.Event()
    token = ADMITTED.set(event)
    try:
        task = tasks.spawn(app.process_update(update), name=f"update-{update.update_id}")
    finally:
        ADMITTED.reset(token)
    waiter = asyncio.ensure_future(event.wait())
    done, _ = await asyncio.wait(
        {task, waiter}, timeout=ADMIT_WAIT_S, return_when=asyncio.FIRST_COMPLETED
    )
    if waiter not in done:
        waiter.cancel()
    if not done:
        log.warning("update_not_admitted_in_time", update=update.update_id)


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    except TimeoutError:
        return
