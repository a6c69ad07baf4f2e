"""A process of its own between the bot and the LLM proxy, noting when each request arrives.

The LLM proxy serves from a thread of the test process, which in the load test
also plays 200 people and the Telegram proxy: under that load it may read a
request tens of milliseconds after the bot sent it, and the bot would be
charged for the test's own delay. This tap does nothing but pass bytes on, so
the time it writes into each request it forwards (header `x-arrived-at`,
seconds since the epoch, taken when the request's last byte arrived) is when
the request was on the wire. Answers pass back byte for byte.

HTTP/1.1 requests with a Content-Length (or no body) are understood, kept-alive
connections too; a chunked request is refused with 411, loudly, rather than
forwarded unstamped.

    python wire_tap.py PORT UPSTREAM_PORT    # both on 127.0.0.1
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Mapping

LOOPBACK = "127.0.0.1"
ARRIVED_HEADER = b"x-arrived-at"
_LENGTH_REQUIRED = b"HTTP/1.1 411 Length Required\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"


class _Upstream(asyncio.Protocol):
    """The connection to the LLM proxy: what it answers goes back to the bot as it comes."""

    def __init__(self, downstream: asyncio.Transport) -> None:
        self._downstream = downstream

    def data_received(self, data: bytes) -> None:
        self._downstream.write(data)

    def connection_lost(self, exc: Exception | None) -> None:
        self._downstream.close()


class _Tap(asyncio.Protocol):
    """One connection from the bot: whole requests are stamped and sent upstream in order."""

    def __init__(self, upstream_port: int) -> None:
        self._upstream_port = upstream_port
        self._buffer = b""
        self._head_end = -1  # where the headers of the request being read end
        self._length = 0  # that request's body length
        self._upstream: asyncio.Transport | None = None
        self._waiting: list[bytes] = []  # stamped requests, until upstream is connected
        self._transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        asyncio.get_running_loop().create_task(self._connect(transport))

    async def _connect(self, downstream: asyncio.Transport) -> None:
        loop = asyncio.get_running_loop()
        try:
            upstream, _ = await loop.create_connection(
                lambda: _Upstream(downstream), LOOPBACK, self._upstream_port
            )
        except OSError:
            downstream.close()
            return
        if downstream.is_closing():  # the bot hung up while this was connecting
            upstream.close()
            return
        self._upstream = upstream
        for request in self._waiting:
            upstream.write(request)
        self._waiting.clear()

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        while self._take_request():
            pass

    def _take_request(self) -> bool:
        """Forward the request at the head of the buffer if all of it is here."""
        if self._head_end < 0:
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                return False
            self._head_end = end + 4
            self._length = _body_length(self._buffer[: self._head_end])
            if self._length < 0:
                print("wire_tap: chunked request refused", file=sys.stderr, flush=True)  # noqa: T201
                assert self._transport is not None
                self._transport.write(_LENGTH_REQUIRED)
                self._transport.close()
                return False
        end = self._head_end + self._length
        if len(self._buffer) < end:
            return False
        line_end = self._buffer.index(b"\r\n")
        stamp = b"\r\n%s: %.6f" % (ARRIVED_HEADER, time.time())
        request = self._buffer[:line_end] + stamp + self._buffer[line_end:end]
        self._buffer = self._buffer[end:]
        self._head_end = -1
        if self._upstream is None:
            self._waiting.append(request)
        else:
            self._upstream.write(request)
        return True

    def connection_lost(self, exc: Exception | None) -> None:
        if self._upstream is not None:
            self._upstream.close()


def arrived_at(headers: Mapping[str, str]) -> float | None:
    """The stamp this tap wrote into a request's headers; None if it did not pass a tap."""
    stamp = headers.get(ARRIVED_HEADER.decode())
    return float(stamp) if stamp is not None else None


def _body_length(head: bytes) -> int:
    """The body's length from the headers; -1 for a chunked body (not handled)."""
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value.strip())
        elif name == b"transfer-encoding" and b"chunked" in value.lower():
            return -1
    return length


async def serve(port: int, upstream_port: int) -> None:
    server = await asyncio.get_running_loop().create_server(
        lambda: _Tap(upstream_port), LOOPBACK, port
    )
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1]), int(sys.argv[2])))
