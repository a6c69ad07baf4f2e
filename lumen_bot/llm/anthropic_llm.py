"""Claude through the official SDK: streaming, prompt caching, errors translated to ours.

The SDK owns HTTP retries (`max_retries`, `timeout`); this adapter adds only
what the SDK cannot see: an error event in the middle of a 200 stream, and an
overall deadline on a stream that trickles forever.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import anthropic

from lumen_bot.errors import (
    LLMBusy,
    LLMError,
    LLMRefused,
    LLMStreamBroken,
    LLMUnavailable,
)
from lumen_bot.harness.ports import Completion, LLMRequest
from lumen_bot.logs import events

log = events(__name__)
EPHEMERAL = {"type": "ephemeral"}


class AnthropicLLM:
    """Implements `harness.ports.LLM`.

    The SDK's aiohttp transport, not its default httpx one: with a couple of hundred
    answers streaming at once, reading them through httpx's pure-Python HTTP layers
    took the event loop from every other person's message (the load test's p99 fell
    from about 1.8 s to 0.6 s, and CPU per turn by a quarter, with aiohttp).
    """

    def __init__(
        self,
        *,
        api_key: str,
        model: str,
        base_url: str | None = None,
        timeout_s: float = 120.0,
        max_retries: int = 2,
    ) -> None:
        self._model = model
        self._deadline_s = timeout_s * (max_retries + 1)
        self._client = anthropic.AsyncAnthropic(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout_s,
            max_retries=max_retries,
            http_client=anthropic.DefaultAioHttpClient(timeout=timeout_s),
        )

    @property
    def model(self) -> str:
        return self._model

    async def aclose(self) -> None:
        await self._client.close()

    def params(self, request: LLMRequest) -> dict[str, Any]:
        """The Messages API body for a request, with cache breakpoints on the stable prefix."""
        system = []
        for block in request.system:
            item: dict[str, Any] = {"type": "text", "text": block.text}
            if block.cache:
                item["cache_control"] = EPHEMERAL
            system.append(item)
        messages: list[dict[str, Any]] = []
        for index, message in enumerate(request.messages):
            content: dict[str, Any] = {"type": "text", "text": message.text}
            if request.cache_last_message and index == len(request.messages) - 1:
                content["cache_control"] = EPHEMERAL
            messages.append({"role": message.role, "content": [content]})
        return {
            "model": request.model or self._model,
            "max_tokens": request.max_tokens,
            "system": system,
            "messages": messages,
        }

    async def stream(self, request: LLMRequest) -> AsyncIterator[str]:
        # The raw server-sent events, parsed here: the SDK's stream decodes each event
        # line by line through several generators and builds a model object for it,
        # which under load was the largest cost of a turn after Telegram's requests.
        # The SDK still sends the request, retries it and raises its status errors.
        usage: dict[str, Any] = {}
        try:
            async with asyncio.timeout(self._deadline_s):
                async with self._client.messages.with_streaming_response.create(
                    **self.params(request), stream=True
                ) as response:
                    async for event in sse_data(response.http_response.aiter_bytes()):
                        kind = event.get("type")
                        if kind == "content_block_delta":
                            delta = event["delta"]
                            if delta.get("type") == "text_delta":
                                yield delta["text"]
                        elif kind == "message_start":
                            counts = event["message"].get("usage") or {}
                            usage["input_tokens"] = counts.get("input_tokens")
                            usage["cache_read"] = counts.get("cache_read_input_tokens")
                            usage["cache_write"] = counts.get("cache_creation_input_tokens")
                        elif kind == "message_delta":
                            usage["stop"] = event["delta"].get("stop_reason")
                            usage["output_tokens"] = (event.get("usage") or {}).get("output_tokens")
                        elif kind == "error":
                            raise LLMStreamBroken(_error_type(event) or "error")
            log.info("llm_usage", purpose=request.purpose, **usage)
        except TimeoutError:
            raise LLMUnavailable("stream deadline passed") from None
        except anthropic.AnthropicError as exc:
            error = translate(exc)
            if isinstance(error, LLMRefused):
                _tell_operator(exc, request.purpose)
            raise error from None
        except (ValueError, KeyError, TypeError):  # a malformed event: JSON or shape
            raise LLMStreamBroken("malformed_event") from None

    async def complete(self, request: LLMRequest) -> Completion:
        parts: list[str] = []
        async for text in self.stream(request):
            parts.append(text)
        return Completion(text="".join(parts), model=request.model or self._model)


def translate(exc: anthropic.AnthropicError) -> LLMError:
    """Map an SDK error onto our tree; the SDK's message (which may echo input) is dropped."""
    name = type(exc).__name__
    if isinstance(exc, anthropic.APIConnectionError):  # includes APITimeoutError
        return LLMUnavailable(name)
    if isinstance(exc, anthropic.APIStatusError):
        status = exc.status_code
        if status == 200:
            # An `error` event after the stream began: the HTTP status was already 200.
            return LLMStreamBroken(_error_type(exc.body) or name)
        if status in (429, 529) or isinstance(exc, anthropic.RateLimitError):
            return LLMBusy(name)
        if status >= 500:
            return LLMUnavailable(name)
        return LLMRefused(f"{name} {status}")
    return LLMUnavailable(name)


def _tell_operator(exc: anthropic.AnthropicError, purpose: str) -> None:
    """A refusal is the operator's to set right (key, credit, permission, model): the log
    says which by the status and the API's error type, never by its message, which may
    quote the request."""
    status = exc.status_code if isinstance(exc, anthropic.APIStatusError) else None
    body = exc.body if isinstance(exc, anthropic.APIStatusError) else None
    log.error("llm_refused", purpose=purpose, status=status, type=_error_type(body))


async def sse_data(chunks: AsyncIterator[bytes]) -> AsyncIterator[dict[str, Any]]:
    """The JSON `data` of each server-sent event, in order.

    Lines may end in LF, CRLF or CR; an event ends at a blank line, and its
    `data` lines are joined by LF; `event`, `id`, comments and `retry` are not
    needed (every data object names its own type).
    """
    pending = b""
    data: list[bytes] = []
    async for chunk in chunks:
        lines = (pending + chunk).splitlines(keepends=True)
        # A last line without its end, or ending in CR that LF may follow, waits.
        pending = lines.pop() if lines and not lines[-1].endswith(b"\n") else b""
        for line in lines:
            line = line.rstrip(b"\r\n")
            if not line:
                if data:
                    yield json.loads(b"\n".join(data))
                    data = []
            elif line.startswith(b"data:"):
                data.append(line[6:] if line[5:6] == b" " else line[5:])
    for line in pending.splitlines():
        if line.startswith(b"data:"):
            data.append(line[6:] if line[5:6] == b" " else line[5:])
    if data:
        yield json.loads(b"\n".join(data))


def _error_type(body: object) -> str | None:
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict) and isinstance(error.get("type"), str):
            return str(error["type"])
    return None
