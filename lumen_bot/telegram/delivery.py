"""Calls to the Bot API with our error policy: flood control honoured, network errors retried.

`telegram.error.*` never leaves this module's callers: failures become
`DeliveryFailed`, and "message is not modified" is not a failure at all.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TypeVar

from telegram.error import (
    BadRequest,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from lumen_bot.errors import DeliveryFailed, PersonUnreachable
from lumen_bot.logs import events

log = events(__name__)
T = TypeVar("T")

ATTEMPTS = 3
MAX_FLOOD_WAIT_S = 30.0


async def deliver(call: Callable[[], Awaitable[T]], *, what: str, idempotent: bool = True) -> T:
    """Run one Bot API call, retrying what Telegram asks us to retry.

    `RetryAfter` sleeps only this caller (this chat), not the whole bot. A call
    that timed out may have arrived: a new message (`idempotent=False`) is then
    not sent again, so nobody reads the same answer twice.
    """
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return await call()
        except RetryAfter as exc:
            wait = flood_wait_s(exc)
            log.warning("telegram_flood_wait", call=what, seconds=wait, attempt=attempt)
            if wait > MAX_FLOOD_WAIT_S or attempt == ATTEMPTS:
                raise DeliveryFailed(what) from None
            await asyncio.sleep(wait)
        except BadRequest:
            log.warning("telegram_bad_request", call=what)
            raise DeliveryFailed(what) from None
        except TimedOut:
            log.warning("telegram_timed_out", call=what, attempt=attempt)
            if not idempotent or attempt == ATTEMPTS:
                raise DeliveryFailed(what) from None
            await asyncio.sleep(0.5 * 2**attempt)
        except NetworkError as exc:  # the request never reached Telegram: safe to retry
            log.warning(
                "telegram_network_error", call=what, attempt=attempt, error=type(exc).__name__
            )
            if attempt == ATTEMPTS:
                raise DeliveryFailed(what) from None
            await asyncio.sleep(0.5 * 2**attempt)
        except Forbidden:  # the person blocked the bot (403): never worth a retry
            log.info("telegram_forbidden", call=what)
            raise PersonUnreachable(what) from None
        except TelegramError as exc:
            log.warning("telegram_refused", call=what, error=type(exc).__name__)
            raise DeliveryFailed(what) from None
    raise DeliveryFailed(what)


def is_not_modified(exc: BadRequest) -> bool:
    return "not modified" in exc.message.lower()


def flood_wait_s(exc: RetryAfter) -> float:
    """Seconds Telegram asked us to wait (a timedelta with PTB_TIMEDELTA, else seconds)."""
    retry_after = exc.retry_after
    if isinstance(retry_after, timedelta):
        return retry_after.total_seconds()
    return float(retry_after)
