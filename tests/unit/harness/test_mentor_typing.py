"""The typing hint goes out first, but the LLM never waits for Telegram to confirm it."""

from __future__ import annotations

import asyncio

from lumen_bot.harness.model import Inbound, PersonKey
from tests.fakes import RecordingReply
from tests.wiring import Harness


class StuckTyping(RecordingReply):
    """A chat whose typing hint never comes back (a slow or hanging Bot API call)."""

    async def typing(self) -> None:
        await super().typing()
        await asyncio.Event().wait()


async def test_a_typing_hint_that_never_returns_does_not_hold_up_the_answer(
    harness: Harness,
) -> None:
    reply = StuckTyping()
    message = Inbound(PersonKey("telegram", "1001"), "hello", harness.clock.now(), "tg:1:1")
    await asyncio.wait_for(harness.mentor.handle(message, reply), timeout=10)
    assert reply.events[0] == ("typing", ""), "typing went out before anything else"
    assert len(harness.llm.requests) == 1
    assert reply.of("final"), "the answer was delivered"
