"""What Lumen sends outside an update (a session's close, an answer held back, a thread
lost in a restart) speaks the locale the harness names, down to the date, and English
when none is known. python-telegram-bot runs for real; the Bot API answers in memory."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from lumen_bot import texts
from lumen_bot.harness.model import PersonKey
from lumen_bot.harness.rhythm import When
from lumen_bot.telegram.reply import TelegramNotifier
from tests.offline_bot_api import OfflineBotApi, offline_application

NEXT = When(datetime(2026, 11, 5, 9, 0, tzinfo=UTC), ZoneInfo("Europe/Moscow"), zone_known=True)


def someone(user_id: int) -> PersonKey:
    return PersonKey("telegram", str(user_id))


async def test_the_notifier_speaks_the_locale_it_is_given() -> None:
    api = OfflineBotApi()
    async with offline_application(api) as app:
        notifier = TelegramNotifier(app.bot)
        await notifier.notice(someone(6), "lost_thread", locale="es")
        await notifier.notice(someone(7), "session_closed", locale="ru", when=NEXT)
        await notifier.notice(someone(8), "lost_thread", locale=None)
        await notifier.channel(someone(9), "pt-BR").notice("mentor_busy")
    sent = [(call["chat_id"], call["text"]) for call in api.calls_of("sendMessage")]
    assert sent == [
        (6, texts.text("lost_thread", "es")),
        (7, texts.text("session_closed", "ru", when=NEXT)),
        (8, texts.text("lost_thread")),  # never heard: English
        (9, texts.text("mentor_busy", "pt")),
    ]
    assert "четверг, 5 ноября" in sent[1][1], "the next time, in Russian too"
    assert texts.text("lost_thread", "es") != texts.text("lost_thread")
    assert texts.text("mentor_busy", "pt") != texts.text("mentor_busy")
