"""/forget through the real handlers, in the person's language: its warning (final, the
key destroyed), its three buttons and its answer are never in words they cannot read.
python-telegram-bot runs for real; the Bot API answers in memory."""

from __future__ import annotations

from pathlib import Path

from lumen_bot import texts
from lumen_bot.harness.model import PersonKey
from lumen_bot.telegram.forget_handlers import CONFIRM, ForgetHandlers
from lumen_bot.telegram.handlers import TelegramHandlers
from tests.integration.test_telegram_input import USER, Bot, callback, message, update
from tests.offline_bot_api import OfflineBotApi, offline_application
from tests.wiring import make_harness


async def test_forget_warns_asks_and_answers_in_the_persons_language(tmp_path: Path) -> None:
    api = OfflineBotApi()
    async with make_harness(tmp_path) as h:
        app = offline_application(api)
        ForgetHandlers(h.forgetting, h.retention, h.insights, h.store, clock=h.clock).register(app)
        TelegramHandlers(h.mentor, h.reports, stream_interval_s=0).register(app)
        async with app:
            bot = Bot(app, api, h)
            await bot.send(update(message=message("hola, soy Ada", lang="es")))
            await bot.send(update(message=message("/forget", lang="es")))
            (asked,) = [p for p in api.calls_of("sendMessage") if "reply_markup" in p]
            assert asked["text"] == texts.text("forget_ask", "es")
            labels = [b["text"] for row in asked["reply_markup"]["inline_keyboard"] for b in row]
            assert labels == [
                texts.text(key, "es")
                for key in ("forget_button_export", "forget_button_confirm", "forget_button_cancel")
            ]
            await bot.send(update(callback_query=callback(CONFIRM, lang="es")))
            assert bot.texts_sent()[-1] == texts.text("forget_done", "es")
            assert await h.store.find_person(PersonKey("telegram", str(USER))) is None
    assert texts.text("forget_ask", "es") != texts.text("forget_ask")
