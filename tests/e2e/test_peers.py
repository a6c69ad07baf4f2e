"""Smoke tests of the e2e infrastructure: a throwaway PTB bot and the Anthropic SDK."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import anthropic
import pytest

from .llm_proxy import Fault, LlmProxy
from .processes import LumenFactory
from .telegram_records import ChatAction
from .telegram_user import PIXEL_PNG, TelegramUser, TelegramWorld

pytestmark = pytest.mark.e2e

ECHO_BOT = [sys.executable, str(Path(__file__).with_name("_echo_bot.py"))]


async def test_a_ptb_bot_talks_to_a_user_through_the_emulator_proxy(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    """Commands, parse modes, drafts, chat actions, photos, groups, buttons and a restart."""
    bot = lumen_process(ECHO_BOT, name="echo-bot")
    await telegram.wait_until_polling()
    await bot.wait_for_output("echo_bot_ready")
    assert [c["command"] for c in telegram_user.bot_commands()] == ["start", "menu"]

    await telegram_user.send_command("/start")
    [hello] = await telegram_user.wait_for_bot_messages(1)
    assert hello.text == "Hello, I echo <everything>."
    assert hello.entity_texts("bold") == ["Hello"]

    await telegram_user.send_text("I keep waiting to feel ready")
    [reply] = await telegram_user.wait_for_bot_messages(1)
    assert "MENTOR-MARKER" in reply.text
    assert "snake_case_thinking" in reply.text
    assert "3 < 5" in reply.text
    assert reply.entity_texts("bold") == ["real"]
    assert telegram_user.chat_actions == [ChatAction(telegram_user.chat_id, "typing")]
    drafts = telegram_user.drafts
    assert drafts
    assert drafts[0].text.startswith("That")
    assert "MENTOR-MARKER" in drafts[-1].text
    [request] = llm.requests_containing("I keep waiting to feel ready")
    assert "TASK: MENTOR_TURN" in request.system

    await telegram_user.send_photo()
    [photo] = await telegram_user.wait_for_bot_messages(1)
    assert photo.text == f"photo 320x320, {len(PIXEL_PNG)} bytes"

    await telegram_user.send_group_message("hello group", group_id=-1002)
    [group_reply] = await telegram_user.wait_for_bot_messages(1, chat_id=-1002)
    assert group_reply.text == "group group: hello group"

    await telegram_user.send_command("/menu")
    [menu] = await telegram_user.wait_for_bot_messages(1)
    await telegram_user.press_button(menu, menu.buttons[0][1])
    [edit] = await telegram_user.wait_for_edits(1)
    assert edit.text == f"Pressed ({telegram_user.chat_id})"
    assert telegram_user.records.callback_answers[0]["text"] == "ok"

    assert bot.stop() == 0
    await telegram_user.send_text("sent while the bot was down")
    restarted = time.time()
    bot.start()
    await telegram.wait_until_polling(since=restarted)
    [late] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "MENTOR-MARKER" in late.text
    await telegram_user.assert_no_bot_messages(within=0.5)


async def test_the_anthropic_sdk_streams_through_the_fakellm_proxy(llm: LlmProxy) -> None:
    """Answers follow the TASK marker; requests are recorded; injected faults reach the SDK."""
    messages: list[anthropic.types.MessageParam] = [{"role": "user", "content": "Our session"}]
    async with anthropic.AsyncAnthropic(base_url=llm.url, api_key="test", max_retries=0) as client:

        async def stream(system: str, pieces: list[str] | None = None) -> list[str]:
            pieces = [] if pieces is None else pieces
            async with client.messages.stream(
                model="claude-test", max_tokens=256, system=system, messages=messages
            ) as answer:
                async for piece in answer.text_stream:
                    pieces.append(piece)
            return pieces

        notebook = "".join(await stream("TASK: SESSION_NOTEBOOK"))
        assert "## What Happened" in notebook
        assert "## Parting Words" in notebook
        assert "NOTEBOOK-MARKER-1" in notebook
        [recorded] = llm.requests
        assert recorded.system == "TASK: SESSION_NOTEBOOK"
        assert recorded.fault is None
        assert "Our session" in recorded.text

        llm.inject(Fault.mid_stream_error(after_deltas=3))
        received: list[str] = []
        with pytest.raises(anthropic.APIStatusError) as broken:
            await stream("TASK: ARC_CREATE", received)
        assert "".join(received) == "## Who You"
        assert isinstance(broken.value.body, dict)
        assert broken.value.body["error"]["type"] == "overloaded_error"

        llm.inject(Fault.overloaded(retry_after=7))
        with pytest.raises(anthropic.OverloadedError) as overloaded:
            await stream("TASK: ARC_CREATE")
        assert overloaded.value.response.headers["retry-after"] == "7"

        llm.inject(Fault.server_error())
        with pytest.raises(anthropic.InternalServerError):
            await stream("TASK: ARC_CREATE")

        llm.inject(Fault.slow(0.5))
        began = time.monotonic()
        arc = "".join(await stream("TASK: ARC_CREATE"))
        assert time.monotonic() - began >= 0.5
        assert "## Who You Are" in arc
        assert "ARC-MARKER-CREATE" in arc

        assert [r.fault.kind if r.fault else None for r in llm.requests] == [
            None,
            "mid_stream_error",
            "overloaded",
            "server_error",
            "delay",
        ]


async def test_the_wire_tap_stamps_each_request_and_passes_the_answers_through(
    llm: LlmProxy, wire_tap: str
) -> None:
    """Two streamed answers in a row (the SDK keeps its connection open): both whole,
    each request stamped between the moment it was sent and the moment the proxy read it."""
    messages: list[anthropic.types.MessageParam] = [{"role": "user", "content": "Our session"}]
    async with anthropic.AsyncAnthropic(base_url=wire_tap, api_key="test", max_retries=0) as client:
        sent = []
        for _ in range(2):
            sent.append(time.time())
            async with client.messages.stream(
                model="claude-test", max_tokens=256, system="TASK: ARC_CREATE", messages=messages
            ) as answer:
                assert "ARC-MARKER-CREATE" in "".join([piece async for piece in answer.text_stream])
    first, second = llm.requests
    for request, began in zip((first, second), sent, strict=True):
        assert request.arrived is not None
        assert began <= request.arrived <= request.at
    assert first.arrived is not None and second.arrived is not None
    assert first.arrived < sent[1] <= second.arrived
