"""The Anthropic adapter: request bodies with cache breakpoints, the event stream read, SDK
errors mapped to ours."""

from __future__ import annotations

from collections.abc import AsyncIterator

import anthropic
import httpx2
import pytest
from aiohttp import web

from lumen_bot.errors import (
    LLMBusy,
    LLMError,
    LLMRefused,
    LLMStreamBroken,
    LLMUnavailable,
)
from lumen_bot.harness.ports import ChatMessage, LLMRequest, SystemBlock
from lumen_bot.llm.anthropic_llm import AnthropicLLM, sse_data, translate

REQUEST = httpx2.Request("POST", "http://127.0.0.1:1/v1/messages")


def status_error(status: int, body: object = None) -> anthropic.APIStatusError:
    response = httpx2.Response(status, request=REQUEST, headers={"request-id": "r1"})
    client = anthropic.AsyncAnthropic(api_key="test", base_url="http://127.0.0.1:1")
    return client._make_status_error("secret user words", body=body, response=response)


def test_stable_prefix_and_last_message_carry_cache_breakpoints() -> None:
    llm = AnthropicLLM(api_key="test", model="claude-test", base_url="http://127.0.0.1:1")
    request = LLMRequest(
        purpose="turn",
        system=(SystemBlock("mentor"), SystemBlock("context", cache=True), SystemBlock("extra")),
        messages=(
            ChatMessage("user", "a"),
            ChatMessage("assistant", "b"),
            ChatMessage("user", "c"),
        ),
        max_tokens=321,
        cache_last_message=True,
    )
    body = llm.params(request)
    assert body["model"] == "claude-test" and body["max_tokens"] == 321
    assert [b.get("cache_control") for b in body["system"]] == [None, {"type": "ephemeral"}, None]
    caches = [m["content"][0].get("cache_control") for m in body["messages"]]
    assert caches == [None, None, {"type": "ephemeral"}]
    assert [m["role"] for m in body["messages"]] == ["user", "assistant", "user"]


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (status_error(429), LLMBusy),
        (status_error(529), LLMBusy),
        (status_error(500), LLMUnavailable),
        (status_error(503), LLMUnavailable),
        (status_error(400), LLMRefused),
        (status_error(401), LLMRefused),
        (status_error(403), LLMRefused),
        (status_error(404), LLMRefused),
        (anthropic.APITimeoutError(request=REQUEST), LLMUnavailable),
        (anthropic.APIConnectionError(request=REQUEST), LLMUnavailable),
    ],
    ids=["429", "529", "500", "503", "400", "401", "403", "404", "timeout", "connection"],
)
def test_sdk_errors_become_ours(error: anthropic.AnthropicError, expected: type[LLMError]) -> None:
    assert type(translate(error)) is expected


def test_a_refusal_passes_like_an_outage() -> None:
    """A wrong key, no credit or an unknown model: the operator must act, and the person's
    message is kept and tried again meanwhile, as in an outage (`PASSING_FAILURES`)."""
    assert isinstance(translate(status_error(401)), LLMUnavailable)


async def test_a_refusal_is_logged_with_its_status_and_type_not_its_message(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The operator learns which setting to fix from the log; the API's message, which
    may quote the request, stays out of it."""

    async def refuse(request: web.Request) -> web.Response:
        error = {"type": "authentication_error", "message": "secret user words"}
        return web.json_response({"type": "error", "error": error}, status=401)

    app = web.Application()
    app.router.add_post("/v1/messages", refuse)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    llm = AnthropicLLM(
        api_key="wrong", model="claude-test", base_url=f"http://127.0.0.1:{port}", max_retries=0
    )
    request = LLMRequest(
        purpose="turn", system=(), messages=(ChatMessage("user", "hi"),), max_tokens=10
    )
    try:
        with pytest.raises(LLMRefused):
            async for _ in llm.stream(request):
                pass
    finally:
        await llm.aclose()
        await runner.cleanup()
    assert "llm_refused purpose=turn status=401 type=authentication_error" in caplog.text
    assert "secret" not in caplog.text


def test_an_error_event_inside_a_200_stream_is_a_broken_stream() -> None:
    body = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    translated = translate(status_error(200, body))
    assert isinstance(translated, LLMStreamBroken)
    assert str(translated) == "overloaded_error"


def test_translated_errors_drop_the_sdk_message() -> None:
    for status in (200, 400, 429, 500):
        assert "secret" not in str(translate(status_error(status)))


async def _chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


SSE = (
    b"event: message_start\r\n"
    b'data: {"type": "message_start"}\r\n'
    b"\r\n"
    b": a comment line\n"
    b"event: content_block_delta\n"
    b'data: {"type": "content_block_delta",\n'
    b'data: "delta": {"type": "text_delta", "text": "Hi\\u00e9"}}\n'
    b"\n"
    b'data:{"type": "message_stop"}\r\r'
)
EVENTS = [
    {"type": "message_start"},
    {"type": "content_block_delta", "delta": {"type": "text_delta", "text": "Hié"}},
    {"type": "message_stop"},
]


async def test_server_sent_events_are_read_however_the_bytes_are_cut() -> None:
    """Any split of the stream, and LF, CRLF or CR line ends, give the same events."""
    for cut in range(len(SSE) + 1):
        assert [e async for e in sse_data(_chunks(SSE[:cut], SSE[cut:]))] == EVENTS
    assert [e async for e in sse_data(_chunks(*(bytes([b]) for b in SSE)))] == EVENTS


async def test_an_event_without_its_closing_blank_line_still_counts() -> None:
    events = [e async for e in sse_data(_chunks(b'data: {"type": "message_stop"}'))]
    assert events == [{"type": "message_stop"}]
