"""What Lumen sends outside an update (a session's close, an answer held back) speaks
the language the person last wrote in, down to the date. python-telegram-bot runs for
real; the Bot API answers in memory."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from telegram import Update

from lumen_bot import texts
from lumen_bot.harness.model import PersonKey
from lumen_bot.harness.rhythm import When
from lumen_bot.telegram.languages import HeardLanguages
from lumen_bot.telegram.reply import TelegramNotifier
from tests.integration.test_telegram_input import USER, callback, message, update
from tests.offline_bot_api import OfflineBotApi, offline_application

NEXT = When(datetime(2026, 11, 5, 9, 0, tzinfo=UTC), ZoneInfo("Europe/Moscow"), zone_known=True)


async def test_the_notifier_speaks_the_language_a_person_last_wrote_in() -> None:
    api, languages = OfflineBotApi(), HeardLanguages()
    app = offline_application(api)
    languages.register(app)
    async with app:
        for said in (message("hola", lang="es"), message("hola", user=7, lang="ru")):
            await app.process_update(Update.de_json(update(message=said), app.bot))
        pressed = callback("no-such-button", user=9, lang="uk")  # a button press is heard too
        await app.process_update(Update.de_json(update(callback_query=pressed), app.bot))
        in_a_group = message("привет", user=8, lang="ru")
        in_a_group["chat"] = {"id": -5, "type": "group", "title": "g"}
        await app.process_update(Update.de_json(update(message=in_a_group), app.bot))

        notifier = TelegramNotifier(app.bot, languages)
        await notifier.notice(PersonKey("telegram", str(USER)), "lost_thread")
        await notifier.notice(PersonKey("telegram", "8"), "lost_thread")
        await notifier.notice(PersonKey("telegram", "7"), "session_closed", when=NEXT)
        await notifier.notice(PersonKey("telegram", "9"), "mentor_busy")
    sent = [(call["chat_id"], call["text"]) for call in api.calls_of("sendMessage")]
    assert sent == [
        (USER, texts.text("lost_thread", "es")),
        (8, texts.text("lost_thread")),  # heard only in a group: no private language
        (7, texts.text("session_closed", "ru", when=NEXT)),
        (9, texts.text("mentor_busy", "uk")),
    ]
    assert "четверг, 5 ноября" in sent[2][1], "the next time, in Russian too"
    assert texts.text("lost_thread", "es") != texts.text("lost_thread")
