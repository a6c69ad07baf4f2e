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
        try:
            async with (
                asyncio.timeout(self._deadline_s),
                self._client.messages.stream(**self.params(request)) as stream,
            ):
                async for text in stream.text_stream:
                    yield text
                final = await stream.get_final_message()
                _log_usage(request.purpose, final)
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


def _log_usage(purpose: str, message: Any) -> None:
    usage = getattr(message, "usage", None)
    log.info(
        "llm_usage",
        purpose=purpose,
        stop=getattr(message, "stop_reason", None),
        input_tokens=getattr(usage, "input_tokens", None),
        output_tokens=getattr(usage, "output_tokens", None),
        cache_read=getattr(usage, "cache_read_input_tokens", None),
        cache_write=getattr(usage, "cache_creation_input_tokens", None),
    )
