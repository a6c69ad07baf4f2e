"""Typing hints and previews share a bot-wide budget; answers never wait on it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

from lumen_bot.telegram.pacing import Courtesy
from lumen_bot.telegram.reply import TelegramReply
from tests.offline_bot_api import OfflineBotApi


class Ticks:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def api() -> OfflineBotApi:
    return OfflineBotApi()


@pytest.fixture
async def bot(api: OfflineBotApi) -> AsyncIterator[Bot]:
    async with Bot("1:test", request=api, get_updates_request=OfflineBotApi()) as started:
        yield started


def test_the_budget_allows_a_burst_then_refills_at_its_rate() -> None:
    ticks = Ticks()
    courtesy = Courtesy(per_second=10, burst=3, monotonic=ticks)
    assert [courtesy.take() for _ in range(4)] == [True, True, True, False]
    ticks.now += 0.15  # one and a half tokens
    assert [courtesy.take() for _ in range(2)] == [True, False]
    ticks.now += 60
    assert [courtesy.take() for _ in range(4)] == [True, True, True, False], "never above burst"


async def test_when_many_chats_spent_the_budget_only_the_answers_go_out(
    bot: Bot, api: OfflineBotApi
) -> None:
    ticks = Ticks()
    courtesy = Courtesy(per_second=1, burst=2, monotonic=ticks)
    chats = [
        TelegramReply(bot, chat, draft_id=1, interval_s=0, courtesy=courtesy, monotonic=ticks)
        for chat in (1, 2, 3)
    ]
    for reply in chats:
        await reply.typing()
        await reply.partial("Let me think")
        await reply.final("Here is my answer.")
    assert [c["chat_id"] for c in api.calls_of("sendChatAction")] == [1]
    assert [c["chat_id"] for c in api.calls_of("sendMessageDraft")] == [1]
    assert [c["chat_id"] for c in api.calls_of("sendMessage")] == [1, 2, 3]
    ticks.now += 1
    await chats[2].partial("Let me think more")
    assert [c["chat_id"] for c in api.calls_of("sendMessageDraft")] == [1, 3], "refilled"
