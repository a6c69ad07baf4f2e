"""Bot API requests over a few kept-alive aiohttp connections, queued in Lumen.

python-telegram-bot's own request class goes through httpx, whose pure-Python
HTTP layers and connection-pool bookkeeping (every connection checked, every
waiting request matched, at each request) were the largest part of a turn's
CPU under load. Here aiohttp sends the requests (its HTTP parser is in C) over
at most `connections` kept-alive connections, and a semaphore holds the queue,
so a request that waited too long for a connection is known never to have left.
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

# A request holds a connection for a whole round trip. With 8, a wave of answers
# finishing together (everyone's LLM taking about as long) queued here behind each
# other's round trips: at 100 ms, 8 carry 80 requests a second. 32 carry 320, well
# above the 30 or so messages a second Telegram takes from one bot, so a queue here
# means a real burst; Telegram's own refusals come back as RetryAfter, per chat.
BOT_API_CONNECTIONS = 32


class QueuedRequest(BaseRequest):
    """A python-telegram-bot request class: aiohttp underneath, Lumen's queue in front."""

    __slots__ = ("_connections", "_defaults", "_free", "_session")

    def __init__(
        self,
        connections: int,
        *,
        connect_timeout: float,
        read_timeout: float,
        write_timeout: float,
        pool_timeout: float,
    ) -> None:
        self._connections = connections
        self._defaults = {
            "connect": connect_timeout,
            "read": read_timeout,
            "write": write_timeout,
            "pool": pool_timeout,
        }
        self._free = asyncio.Semaphore(connections)
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._defaults["read"]

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._connections)
            self._session = aiohttp.ClientSession(connector=connector)

    async def shutdown(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

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
        if self._session is None:
            raise RuntimeError("QueuedRequest is not initialized")
        try:
            async with asyncio.timeout(self._chosen(pool_timeout, "pool")):
                await self._free.acquire()
        except TimeoutError:
            raise TimedOut("no free connection; the request was not sent") from None
        connect = self._chosen(connect_timeout, "connect")
        read = self._chosen(read_timeout, "read")
        write = self._chosen(write_timeout, "write")
        # aiohttp has no write timeout of its own: a request whose upload stalls is bounded
        # by the whole request's time, connecting, sending and reading together.
        parts = (connect, write, read)
        timeout = aiohttp.ClientTimeout(
            total=None if None in parts else sum(p for p in parts if p is not None),
            sock_connect=connect,
            sock_read=read,
        )
        try:
            async with self._session.request(
                method,
                url,
                headers={"User-Agent": self.USER_AGENT},
                timeout=timeout,
                **_body(request_data),
            ) as response:
                return response.status, await response.read()
        except TimeoutError:  # aiohttp's timeouts are TimeoutErrors too
            raise TimedOut("the Bot API did not answer in time") from None
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}") from None
        finally:
            self._free.release()

    def _chosen(self, given: ODVInput[float], kind: str) -> float | None:
        return self._defaults[kind] if isinstance(given, DefaultValue) else given


def _body(request_data: RequestData | None) -> dict[str, Any]:
    """What python-telegram-bot's httpx request sends: files as multipart form data
    beside the other parameters, otherwise the parameters URL-encoded."""
    if request_data is None:
        return {}
    files = request_data.multipart_data
    if not files:
        return {"data": request_data.json_parameters}
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mime_type) in files.items():
        form.add_field(name, content, filename=filename, content_type=mime_type)
    return {"data": form}
