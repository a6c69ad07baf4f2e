"""Bot API requests over a few kept-alive connections, queued before they reach httpx.

httpcore's connection pool, each time a request starts or ends, checks every
connection (a system call for each idle one) and matches every waiting request
against every connection. With 64 connections and 200 chats answering at once,
that bookkeeping was a third of the bot's CPU. Here a semaphore holds the queue,
so the pool never has more requests than connections, and a small pool suffices.
"""

from __future__ import annotations

import asyncio

from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

# About 100 requests a second at Telegram's usual round trip: more than its limit
# of about 30 messages a second for one bot, so a queue here means a burst.
BOT_API_CONNECTIONS = 8


class QueuedRequest(HTTPXRequest):
    """An HTTPXRequest whose pool never holds more requests than it has connections."""

    __slots__ = ("_free",)

    def __init__(
        self,
        connections: int,
        *,
        connect_timeout: float,
        read_timeout: float,
        write_timeout: float,
        pool_timeout: float,
    ) -> None:
        super().__init__(
            connections,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )
        self._free = asyncio.Semaphore(connections)

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        wait = self._client.timeout.pool if isinstance(pool_timeout, DefaultValue) else pool_timeout
        try:
            async with asyncio.timeout(wait):
                await self._free.acquire()
        except TimeoutError:
            raise TimedOut("no free connection; the request was not sent") from None
        try:
            return await super().do_request(
                url, method, request_data, read_timeout, write_timeout, connect_timeout
            )
        finally:
            self._free.release()
