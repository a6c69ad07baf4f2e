"""Typing hints and previews share a bot-wide budget; answers never wait on it."""

from __future__ import annotations

from telegram import Bot

from lumen_bot.telegram.pacing import Courtesy
from lumen_bot.telegram.reply import TelegramReply
from tests.offline_bot_api import OfflineBotApi


def test_the_budget_allows_a_burst_then_refills_at_its_rate() -> None:
    now = [100.0]
    courtesy = Courtesy(per_second=10, burst=3, monotonic=lambda: now[0])
    assert [courtesy.take() for _ in range(4)] == [True, True, True, False]
    now[0] += 0.15  # one and a half tokens
    assert [courtesy.take() for _ in range(2)] == [True, False]
    now[0] += 60
    assert [courtesy.take() for _ in range(4)] == [True, True, True, False], "never above burst"


async def test_when_many_chats_spent_the_budget_only_the_answers_go_out() -> None:
    now = [100.0]
    courtesy = Courtesy(per_second=1, burst=2, monotonic=lambda: now[0])
    api = OfflineBotApi()
    async with Bot("1:test", request=api, get_updates_request=OfflineBotApi()) as bot:
        chats = [
            TelegramReply(bot, chat, draft_id=1, interval_s=0, courtesy=courtesy)
            for chat in (1, 2, 3)
        ]
        for reply in chats:
            await reply.typing()
            await reply.partial("Let me think")
            await reply.final("Here is my answer.")
        assert [c["chat_id"] for c in api.calls_of("sendChatAction")] == [1]
        assert [c["chat_id"] for c in api.calls_of("sendMessageDraft")] == [1]
        assert [c["chat_id"] for c in api.calls_of("sendMessage")] == [1, 2, 3]
        now[0] += 1
        await chats[2].partial("Let me think more")
        assert [c["chat_id"] for c in api.calls_of("sendMessageDraft")] == [1, 3], "refilled"
