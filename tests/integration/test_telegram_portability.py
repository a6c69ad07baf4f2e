"""/export and /import through the real handlers, where a passphrase could go astray:
python-telegram-bot runs for real, the Bot API answers in memory, the harness is real."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from lumen_bot import texts
from lumen_bot.portability.service import Archives
from lumen_bot.store.crypto import Keyring
from lumen_bot.telegram.cancel import CancelHandler
from lumen_bot.telegram.handlers import TelegramHandlers
from lumen_bot.telegram.portability_handlers import PortabilityHandlers
from tests.integration.test_telegram_input import Bot, callback, message, person, update
from tests.offline_bot_api import OfflineBotApi, offline_application
from tests.wiring import make_harness

WORDS = "seven quiet lanterns"


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Bot]:
    api = OfflineBotApi()
    async with make_harness(tmp_path) as h:
        app = offline_application(api)
        archives = Archives(
            store=h.store,
            keyring=Keyring.load_or_create(tmp_path / "keyring.json"),
            clock=h.clock,
        )
        portability = PortabilityHandlers(archives, clock=h.clock)
        CancelHandler([portability.leave]).register(app)
        portability.register(app)
        TelegramHandlers(h.mentor, h.reports, stream_interval_s=0).register(app)
        async with app:
            yield Bot(app, api, h)


async def say(bot: Bot, text: str, **extra: Any) -> int:
    body = message(text, **extra)
    await bot.send(update(message=body))
    return int(body["message_id"])


async def open_prompt(bot: Bot) -> None:
    await bot.send(update(callback_query=callback("export:passphrase")))
    assert bot.texts_sent()[-1] == texts.text("passphrase_ask")
    assert bot.api.calls_of("sendMessage")[-1]["reply_markup"]["force_reply"] is True


def deleted(bot: Bot) -> list[int]:
    return [int(p["message_id"]) for p in bot.api.calls_of("deleteMessage")]


async def test_the_forget_screens_export_button_shows_the_export_menu(bot: Bot) -> None:
    await bot.send(update(callback_query=callback("privacy:export")))
    menu = bot.api.calls_of("sendMessage")[-1]
    assert menu["text"] == texts.text("export_menu")
    rows = menu["reply_markup"]["inline_keyboard"]
    assert [b["callback_data"] for row in rows for b in row] == [
        "export:plain",
        "export:passphrase",
    ]


async def test_a_short_passphrase_is_deleted_and_never_reaches_the_mentor(bot: Bot) -> None:
    await open_prompt(bot)
    short = await say(bot, "too short")
    assert deleted(bot) == [short]
    assert bot.texts_sent()[-1] == texts.text("passphrase_too_short")
    assert await bot.stored_texts() == [] and bot.h.llm.requests == []


async def test_words_that_read_as_a_crisis_go_to_the_mentor_not_into_a_passphrase(
    bot: Bot,
) -> None:
    await open_prompt(bot)
    await say(bot, "I want to kill myself tonight")
    assert deleted(bot) == []
    assert (await bot.stored_texts())[0] == "I want to kill myself tonight"
    assert bot.h.llm.requests == [], "a crisis never reaches the LLM"
    await say(bot, "thank you for listening")
    assert "thank you for listening" in await bot.stored_texts(), "the prompt was dropped"


async def test_a_reply_to_an_expired_prompt_is_deleted_and_used_for_nothing(bot: Bot) -> None:
    await open_prompt(bot)
    bot.h.clock.advance(minutes=11)
    prompt = message(texts.text("passphrase_ask"))
    prompt["from"] = person(1, is_bot=True)
    late = await say(bot, WORDS, reply_to_message=prompt)
    assert deleted(bot) == [late]
    assert bot.texts_sent()[-1] == texts.text("passphrase_expired")
    assert await bot.stored_texts() == []
    await say(bot, "hello again")
    assert await bot.stored_texts() == [
        "hello again",
        "Thank you for telling me. What matters most here?",
    ], "without a reply to the prompt, after it expired, a message is a message"


async def test_cancel_closes_the_prompt(bot: Bot) -> None:
    await open_prompt(bot)
    await say(bot, "/cancel")
    assert bot.texts_sent()[-1] == texts.text("portability_cancelled")
    await say(bot, WORDS)
    assert deleted(bot) == [] and WORDS in await bot.stored_texts()


async def test_a_document_that_is_no_export_is_not_taken_for_one(bot: Bot) -> None:
    document = {"file_id": "f1", "file_unique_id": "u1", "file_name": "holiday.pdf"}
    await say(bot, None, document=document)  # type: ignore[arg-type]
    assert bot.texts_sent()[-1] == texts.text("text_only")
    assert bot.api.calls_of("getFile") == []
