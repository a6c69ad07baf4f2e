"""Claude through the official SDK: streaming, prompt caching, errors translated to ours.

The SDK owns HTTP retries (`max_retries`, `timeout`); this adapter adds only
what the SDK cannot see: an error event in the middle of a 200 stream, and an
overall deadline on a stream that trickles forever.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import anthropic

from lumen_bot.errors import (
    LLMBadRequest,
    LLMBusy,
    LLMError,
    LLMStreamBroken,
    LLMUnavailable,
)
from lumen_bot.harness.ports import Completion, LLMRequest
from lumen_bot.logs import events

log = events(__name__)
EPHEMERAL = {"type": "ephemeral"}


class AnthropicLLM:
    """Implements `harness.ports.LLM`."""

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
            api_key=api_key, base_url=base_url, timeout=timeout_s, max_retries=max_retries
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
        # The raw event stream, not the SDK's `messages.stream()` helper: the helper
        # rebuilds a snapshot of the whole message at every event, which under load
        # was the largest CPU cost of a turn; we only need the text deltas.
        usage: dict[str, Any] = {}
        try:
            async with asyncio.timeout(self._deadline_s):
                events = await self._client.messages.create(**self.params(request), stream=True)
                async with events:
                    async for event in events:
                        if event.type == "content_block_delta" and event.delta.type == "text_delta":
                            yield event.delta.text
                        elif event.type == "message_start":
                            usage["input_tokens"] = event.message.usage.input_tokens
                            usage["cache_read"] = event.message.usage.cache_read_input_tokens
                            usage["cache_write"] = event.message.usage.cache_creation_input_tokens
                        elif event.type == "message_delta":
                            usage["stop"] = event.delta.stop_reason
                            usage["output_tokens"] = event.usage.output_tokens
            log.info("llm_usage", purpose=request.purpose, **usage)
        except TimeoutError:
            raise LLMUnavailable("stream deadline passed") from None
        except anthropic.AnthropicError as exc:
            raise translate(exc) from None

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
        return LLMBadRequest(f"{name} {status}")
    return LLMUnavailable(name)


def _error_type(body: object) -> str | None:
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict) and isinstance(error.get("type"), str):
            return str(error["type"])
    return None
