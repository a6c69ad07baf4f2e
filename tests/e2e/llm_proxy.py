"""Recording, fault-injecting proxy in front of fakellm's Anthropic Messages API.

fakellm streams real SSE, but it cannot fail a streaming request (it ignores error
statuses when streaming) and cannot delay. This proxy records every request body
that reaches it and, for the next N requests, can answer 529 overloaded (with
retry-after), 500, a stream that breaks with an SSE `error` event after some text,
a stream with no text at all, or a delay before the first byte.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Literal

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from .wire_tap import arrived_at

FaultKind = Literal[
    "overloaded", "server_error", "refused", "mid_stream_error", "empty_reply", "delay"
]
_OVERLOADED = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
_API_ERROR = {"type": "error", "error": {"type": "api_error", "message": "Internal server error"}}
_REFUSED = {
    "type": "error",
    "error": {"type": "authentication_error", "message": "invalid x-api-key"},
}


@dataclass(frozen=True, slots=True)
class Fault:
    """What the proxy does to one request instead of (or before) forwarding it."""

    kind: FaultKind
    retry_after: int = 1
    delay: float = 0.0
    after_deltas: int = 2

    @classmethod
    def overloaded(cls, retry_after: int = 1) -> Fault:
        """HTTP 529 overloaded_error with a retry-after header (the SDK retries it)."""
        return cls("overloaded", retry_after=retry_after)

    @classmethod
    def server_error(cls) -> Fault:
        """HTTP 500 api_error (the SDK retries it)."""
        return cls("server_error")

    @classmethod
    def refused(cls) -> Fault:
        """HTTP 401 authentication_error: the key is wrong (the SDK does not retry it)."""
        return cls("refused")

    @classmethod
    def mid_stream_error(cls, after_deltas: int = 2) -> Fault:
        """Streams `after_deltas` text deltas, then `event: error` (overloaded) and ends."""
        return cls("mid_stream_error", after_deltas=after_deltas)

    @classmethod
    def empty_reply(cls) -> Fault:
        """A well-formed answer with no text at all."""
        return cls("empty_reply")

    @classmethod
    def slow(cls, delay: float) -> Fault:
        """Waits `delay` seconds before the first byte, then answers normally."""
        return cls("delay", delay=delay)


@dataclass(slots=True)
class LlmRequest:
    """One request that reached the proxy, and the fault it got (None: forwarded)."""

    path: str
    body: dict[str, Any]
    fault: Fault | None
    at: float  # when this proxy read it (the test process's own time to get to it included)
    arrived: float | None = None  # when it was on the wire, if it came through `wire_tap`
    answered: float | None = None  # when this proxy had passed on the last byte of the answer

    @property
    def text(self) -> str:
        """System prompt and every message's text, joined: for `in` assertions."""
        return f"{self.system}\n{self.conversation}"

    @property
    def conversation(self) -> str:
        """Every message's text, joined, without the system prompt (which names commands)."""
        return "\n".join(_block_text(m.get("content", "")) for m in self.body.get("messages", []))

    @property
    def system(self) -> str:
        return _block_text(self.body.get("system", ""))


def _block_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(_block_text(b.get("text", b.get("content", ""))) for b in content)
    return ""


class LlmProxy:
    """The proxy's state and ASGI app; serve `app` with `BackgroundServer`."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.url = ""  # ANTHROPIC_BASE_URL for the bot; set by whoever serves `app`
        self._requests: list[LlmRequest] = []
        self._faults: deque[Fault] = deque()
        self._lock = threading.Lock()
        self._client: httpx.AsyncClient | None = None
        self.app = Starlette(
            routes=[
                Route("/v1/messages", self._messages, methods=["POST"]),
                Route("/v1/messages/count_tokens", self._count_tokens, methods=["POST"]),
            ],
            lifespan=self._lifespan,
        )

    @property
    def requests(self) -> list[LlmRequest]:
        with self._lock:
            return list(self._requests)

    def requests_containing(self, needle: str) -> list[LlmRequest]:
        return [r for r in self.requests if needle in r.text]

    def inject(self, fault: Fault, times: int = 1) -> None:
        """Applies `fault` to each of the next `times` requests (after faults queued before)."""
        with self._lock:
            self._faults.extend([fault] * times)

    @property
    def pending_faults(self) -> int:
        with self._lock:
            return len(self._faults)

    def reset(self) -> None:
        with self._lock:
            self._requests.clear()
            self._faults.clear()

    @asynccontextmanager
    async def _lifespan(self, _app: Starlette) -> AsyncIterator[None]:
        timeout = httpx.Timeout(60.0, connect=5.0)
        async with httpx.AsyncClient(base_url=self.upstream, timeout=timeout) as client:
            self._client = client
            yield

    async def _messages(self, request: Request) -> Response:
        raw = await request.body()
        body = json.loads(raw)
        with self._lock:
            fault = self._faults.popleft() if self._faults else None
            record = LlmRequest(
                request.url.path, body, fault, time.time(), arrived_at(request.headers)
            )
            self._requests.append(record)
        if fault is not None and fault.kind == "delay":
            await asyncio.sleep(fault.delay)
        streaming = bool(body.get("stream"))
        kind = fault.kind if fault else None
        if kind == "overloaded" or (kind == "mid_stream_error" and not streaming):
            retry = fault.retry_after if fault else 1
            return JSONResponse(_OVERLOADED, status_code=529, headers={"retry-after": str(retry)})
        if kind == "server_error":
            return JSONResponse(_API_ERROR, status_code=500)
        if kind == "refused":
            return JSONResponse(_REFUSED, status_code=401)
        if kind == "empty_reply":
            return _empty_reply(body, streaming)
        headers = {k: v for k, v in request.headers.items() if k.lower() in _FORWARDED_HEADERS}
        assert self._client is not None, "the proxy's lifespan has not started"
        upstream = await self._client.send(
            self._client.build_request("POST", "/v1/messages", content=raw, headers=headers),
            stream=True,
        )
        after = fault.after_deltas if fault and fault.kind == "mid_stream_error" else None
        return StreamingResponse(
            _relay(upstream, after, record),
            status_code=upstream.status_code,
            media_type=upstream.headers.get("content-type", "application/json"),
        )

    async def _count_tokens(self, request: Request) -> Response:
        body = await request.json()
        with self._lock:
            self._requests.append(LlmRequest(request.url.path, body, None, time.time()))
        text = LlmRequest(request.url.path, body, None, 0).text
        return JSONResponse({"input_tokens": max(1, len(text) // 4)})


_FORWARDED_HEADERS = {"content-type", "anthropic-version", "anthropic-beta", "x-api-key"}


async def _relay(
    upstream: httpx.Response, error_after: int | None, record: LlmRequest
) -> AsyncIterator[bytes]:
    """Passes fakellm's bytes through, noting in `record` when the last was passed on;
    with `error_after`, cuts the SSE stream short."""
    try:
        if error_after is None:
            async for chunk in upstream.aiter_raw():
                yield chunk
            record.answered = time.time()
            return
        deltas = 0
        buffer = b""
        async for chunk in upstream.aiter_raw():
            buffer += chunk
            while b"\n\n" in buffer:
                event, buffer = buffer.split(b"\n\n", 1)
                if deltas >= error_after:
                    yield _sse("error", _OVERLOADED)
                    return
                yield event + b"\n\n"
                deltas += event.startswith(b"event: content_block_delta")
        yield _sse("error", _OVERLOADED)
    finally:
        await upstream.aclose()


def _sse(event: str, data: dict[str, Any]) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n".encode()


def _empty_reply(body: dict[str, Any], streaming: bool) -> Response:
    message = {
        "id": "msg_empty",
        "type": "message",
        "role": "assistant",
        "content": [],
        "model": body.get("model", "claude"),
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": {"input_tokens": 1, "output_tokens": 0},
    }
    if not streaming:
        return JSONResponse(message)
    events = [
        _sse("message_start", {"type": "message_start", "message": message}),
        _sse(
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                "usage": {"output_tokens": 0},
            },
        ),
        _sse("message_stop", {"type": "message_stop"}),
    ]
    return Response(b"".join(events), media_type="text/event-stream")
