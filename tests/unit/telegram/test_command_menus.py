"""Telegram's command menus are published in every language Lumen speaks, also when
Telegram's flood control refuses one of the calls at start-up."""

from __future__ import annotations

from lumen_bot import texts
from lumen_bot.telegram.bot import publish_commands
from tests.offline_bot_api import OfflineBotApi, Refusal, offline_application


async def test_a_menu_refused_by_flood_control_is_published_after_the_wait() -> None:
    api = OfflineBotApi()
    api.refuse("setMyCommands", Refusal(429, "Too Many Requests: retry after 0", retry_after=0))
    async with offline_application(api) as app:
        await publish_commands(app)
    sent = [call.get("language_code") for call in api.calls_of("setMyCommands")]
    languages = [None, *texts.MENU_LANGUAGES]
    assert len(sent) == len(languages) + 1, "one call refused, and sent again"
    assert sent[0] in sent[1:], "the refused menu was sent again after the wait"
    assert sorted(sent[1:], key=str) == sorted(languages, key=str), "each menu once"


async def test_a_menu_telegram_keeps_refusing_does_not_stop_the_others() -> None:
    api = OfflineBotApi()
    api.refuse("setMyCommands", Refusal(400, "Bad Request: description too long", times=1))
    async with offline_application(api) as app:
        await publish_commands(app)  # no exception: the bot starts all the same
    assert len(api.calls_of("setMyCommands")) == len(texts.MENU_LANGUAGES) + 1
