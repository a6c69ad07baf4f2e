"""Bad and odd input through the real handlers: each gets a clear answer or is ignored on
purpose, and nothing crashes; Lumen's own words speak the person's language.
python-telegram-bot runs for real; the Bot API answers in memory."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from lumen_bot import texts
from lumen_bot.harness.flags import REPORT_REASONS
from lumen_bot.harness.model import PersonKey
from lumen_bot.telegram.admin import AdminHandlers
from lumen_bot.telegram.bot import TelegramApp
from lumen_bot.telegram.handlers import TelegramHandlers
from tests.offline_bot_api import OfflineBotApi, offline_application
from tests.wiring import Harness, make_harness

USER = 4242
ADMIN = 900
_ids = itertools.count(1)


@dataclass
class Bot:
    app: TelegramApp
    api: OfflineBotApi
    h: Harness

    async def send(self, update: dict[str, Any]) -> None:
        await self.app.process_update(Update.de_json(update, self.app.bot))

    def texts_sent(self) -> list[str]:
        return [str(p.get("text", "")) for p in self.api.calls_of("sendMessage")]

    async def stored_texts(self) -> list[str]:
        data = await self.h.store.export(PersonKey("telegram", str(USER)))
        return [] if data is None else [t.text for _, turns in data.sessions for t in turns]


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Bot]:
    api = OfflineBotApi()
    async with make_harness(tmp_path) as h:
        app = offline_application(api)
        AdminHandlers(h.review, frozenset({ADMIN})).register(app)
        TelegramHandlers(h.mentor, h.reports, stream_interval_s=0, clock=h.clock).register(app)
        async with app:
            yield Bot(app, api, h)


def person(user_id: int = USER, *, is_bot: bool = False, lang: str = "en") -> dict[str, Any]:
    return {"id": user_id, "is_bot": is_bot, "first_name": "Ada", "language_code": lang}


def message(
    text: str | None = None, *, user: int = USER, lang: str = "en", **extra: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "message_id": next(_ids),
        "date": 1_795_000_000,
        "chat": {"id": user, "type": "private"},
        "from": person(user, lang=lang),
        **extra,
    }
    if text is not None:
        body["text"] = text
    if text and text.startswith("/"):
        name = text.split(" ", 1)[0]
        body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(name)}]
    return body


def update(**kind: Any) -> dict[str, Any]:
    return {"update_id": next(_ids), **kind}


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("\u200b\u200f\u202e", None),
        ("null\x00byte", None),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),  # no UTF-8 (nor LLM) can carry it
        ("😀" * 4096, None),
        ("<b>bold</b> *star _under [link](javascript:alert(1)) `tick", None),
        ("\u202eevil rtl override", None),
    ],
    ids=["invisible only", "null byte", "lone surrogate", "4096 emoji", "injection", "rtl"],
)
async def test_odd_text_is_stored_and_answered(bot: Bot, text: str, stored: str | None) -> None:
    """Stored as sent (`stored` None) or as close as Unicode allows, and answered. (What
    the screen makes of odd text is the screen's tests' business: an unknown word may
    read as concern, which adds a line of support after the answer.)"""
    await bot.send(update(message=message(text)))
    reply = "Thank you for telling me. What matters most here?"
    stored_texts = await bot.stored_texts()
    assert stored_texts[:2] == [stored or text, reply]
    assert bot.texts_sent().count(reply) == 1


async def test_an_edited_message_is_ignored_on_purpose(bot: Bot) -> None:
    await bot.send(update(edited_message=message("changed my mind", edit_date=1_795_000_100)))
    assert bot.texts_sent() == []
    assert await bot.stored_texts() == []


async def test_a_command_with_extra_words_still_works(bot: Bot) -> None:
    await bot.send(update(message=message("hello")))
    await bot.send(update(message=message("/end now please")))
    assert "Let me write my notes" in " ".join(bot.texts_sent())


async def test_a_command_for_another_bot_gets_the_help(bot: Bot) -> None:
    await bot.send(update(message=message("/report@OtherBot")))
    assert "/end" in bot.texts_sent()[-1]


async def test_a_forwarded_message_is_read_like_any_other(bot: Bot) -> None:
    origin = {"type": "hidden_user", "sender_user_name": "Someone", "date": 1_794_000_000}
    await bot.send(update(message=message("they said this", forward_origin=origin)))
    assert "they said this" in await bot.stored_texts()


@pytest.mark.parametrize("language", ["en", "es", "ru", "ar"])
async def test_a_voice_message_gets_the_text_only_answer_in_the_persons_language(
    bot: Bot, language: str
) -> None:
    """Lumen cannot screen a voice message, so its answer names the emergency number,
    in the person's language; nothing is stored and no LLM is asked."""
    voice = {"file_id": "v1", "file_unique_id": "u1", "duration": 7}
    await bot.send(update(message=message(voice=voice, lang=language)))
    assert bot.texts_sent() == [texts.text("text_only", language)]
    assert await bot.stored_texts() == [] and bot.h.llm.requests == []


@pytest.mark.parametrize("language", ["es", "ru", "ar"])
async def test_lumens_own_words_in_a_conversation_speak_the_persons_language(
    bot: Bot, language: str
) -> None:
    await bot.send(update(message=message("/end", lang=language)))
    assert bot.texts_sent() == [texts.text("no_session_to_end", language)]
    assert texts.text("no_session_to_end", language) != texts.text("no_session_to_end", "en")


async def test_the_country_question_and_answer_speak_the_persons_language(bot: Bot) -> None:
    await bot.send(update(message=message("/country", lang="tr")))
    await bot.send(update(message=message("/country Deutschland", lang="tr")))
    assert bot.texts_sent() == [
        texts.text("country_ask", "tr"),
        texts.text("country_set", "tr", country="Deutschland (DE)"),
    ]


@pytest.mark.parametrize("command", ["start", "help", "privacy"])
async def test_what_lumen_is_is_told_in_the_persons_language(bot: Bot, command: str) -> None:
    await bot.send(update(message=message(f"/{command}", lang="de")))
    assert bot.texts_sent() == [texts.text(command, "de")]


async def test_a_report_is_asked_and_thanked_in_the_persons_language(bot: Bot) -> None:
    await bot.send(update(message=message("hola", lang="es")))
    await bot.send(update(message=message("/report", lang="es")))
    prompt = bot.api.calls_of("sendMessage")[-1]
    assert prompt["text"] == texts.text("report_reason", "es")
    rows = prompt["reply_markup"]["inline_keyboard"]
    assert [row[0]["text"] for row in rows] == [
        texts.text(f"report_{reason}", "es") for reason in REPORT_REASONS
    ]
    await bot.send(update(callback_query=callback(str(rows[0][0]["callback_data"]), lang="es")))
    [thanks] = bot.api.calls_of("editMessageText")
    assert thanks["text"] == texts.text("report_thanks", "es")
    assert "Lumen" in thanks["text"] and thanks["text"] != texts.text("report_thanks", "en")


STICKER = {"file_id": "s1", "file_unique_id": "u2", "type": "regular", "width": 512,
           "height": 512, "is_animated": False, "is_video": False}  # fmt: skip


def photo(album: str | None = None, caption: str | None = None) -> dict[str, Any]:
    size = {"file_id": "p1", "file_unique_id": "u3", "width": 90, "height": 90}
    extra: dict[str, Any] = {"photo": [size]}
    if album is not None:
        extra["media_group_id"] = album
    if caption is not None:
        extra["caption"] = caption
    return message(**extra)


async def test_stickers_in_a_row_get_the_text_only_answer_once_in_a_while(bot: Bot) -> None:
    """The first answer named the emergency number already; a row of stickers gets one
    answer, and another only after a quiet spell."""
    for _ in range(3):
        await bot.send(update(message=message(sticker=STICKER)))
        bot.h.clock.advance(minutes=3)
    assert bot.texts_sent() == [texts.text("text_only")]
    bot.h.clock.advance(minutes=10)
    await bot.send(update(message=message(sticker=STICKER)))
    assert bot.texts_sent() == [texts.text("text_only")] * 2


async def test_an_album_gets_one_answer_not_one_per_photo(bot: Bot) -> None:
    for _ in range(4):
        await bot.send(update(message=photo(album="a1")))
    assert bot.texts_sent() == [texts.text("text_only")]


async def test_an_album_with_a_caption_is_answered_in_words_once(bot: Bot) -> None:
    """The caption goes to the mentor; the other photos of the album add no notice."""
    await bot.send(update(message=photo(album="a2", caption="my garden this spring")))
    await bot.send(update(message=photo(album="a2")))
    await bot.send(update(message=photo(album="a2")))
    assert bot.texts_sent() == [
        texts.text("caption_only"),
        "Thank you for telling me. What matters most here?",
    ]
    assert await bot.stored_texts() == [
        "my garden this spring",
        "Thank you for telling me. What matters most here?",
    ]


async def test_every_caption_is_answered_though_its_notice_is_said_once(bot: Bot) -> None:
    await bot.send(update(message=photo(caption="first")))
    await bot.send(update(message=photo(caption="second")))
    sent = bot.texts_sent()
    assert sent.count(texts.text("caption_only")) == 1
    assert (await bot.stored_texts())[::2] == ["first", "second"]


async def test_another_bot_writing_is_ignored(bot: Bot) -> None:
    body = message("beep")
    body["from"] = person(USER, is_bot=True)
    await bot.send(update(message=body))
    assert bot.texts_sent() == []


async def test_a_channel_post_hears_once_that_lumen_is_private(bot: Bot) -> None:
    post = {
        "message_id": 1,
        "date": 1_795_000_000,
        "chat": {"id": -100, "type": "channel"},
        "text": "news",
    }
    await bot.send(update(channel_post=post))
    await bot.send(update(channel_post={**post, "message_id": 2}))
    assert len(bot.texts_sent()) == 1 and "private" in bot.texts_sent()[0]


async def test_a_group_hears_that_lumen_is_private_in_the_writers_language(bot: Bot) -> None:
    said = message("hola a todos", lang="es")
    said["chat"] = {"id": -42, "type": "group", "title": "amigos"}
    await bot.send(update(message=said))
    assert bot.texts_sent() == [texts.text("private_only", "es")]
    assert await bot.stored_texts() == []


def callback(data: str, *, user: int = USER, lang: str = "en") -> dict[str, Any]:
    shown = message("prompt", user=user)
    shown["from"] = person(1, is_bot=True)
    return {
        "id": str(next(_ids)),
        "from": person(user, lang=lang),
        "chat_instance": "c",
        "data": data,
        "message": shown,
    }


async def test_unknown_button_data_is_acknowledged_and_ignored(bot: Bot) -> None:
    await bot.send(update(callback_query=callback("no-such-button")))
    assert len(bot.api.calls_of("answerCallbackQuery")) == 1
    assert bot.texts_sent() == []


async def test_a_report_button_pressed_by_someone_else_opens_nothing(bot: Bot) -> None:
    await bot.send(update(message=message("hi")))
    await bot.send(update(message=message("/report")))
    assert await bot.h.review.queue() == [], "a report is a draft until its reason is picked"
    prompt = bot.api.calls_of("sendMessage")[-1]
    data = prompt["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await bot.send(update(callback_query=callback(str(data), user=777)))
    assert await bot.h.review.queue() == []
    await bot.send(update(callback_query=callback(str(data))))
    await bot.send(update(callback_query=callback(str(data))))
    assert len(await bot.h.review.queue()) == 1, "pressed twice, opened once"


async def test_admin_buttons_do_nothing_for_others(bot: Bot) -> None:
    await bot.send(update(message=message("I have the pills ready and I'm taking them tonight")))
    (flag,) = await bot.h.review.queue()
    await bot.send(update(callback_query=callback(f"admin:resolve:{flag.id}")))
    assert [f.id for f in await bot.h.review.queue()] == [flag.id]
    await bot.send(update(message=message("/flags")))
    assert "Flag #" not in bot.texts_sent()[-1]


@pytest.mark.parametrize("number", ["404", "99999999999999999999", "²", "#-1"])
async def test_flag_with_a_number_that_names_no_flag_gets_the_usage(bot: Bot, number: str) -> None:
    """Too large for SQLite, or not a plain number: the answer to a flag that does not exist."""
    await bot.send(update(message=message(f"/flag {number}", user=ADMIN)))
    assert bot.texts_sent() == ["Usage: /flag ID (an open or closed flag)."]


async def test_an_admin_button_pressed_twice_closes_the_flag_once(bot: Bot) -> None:
    await bot.send(update(message=message("I have the pills ready and I'm taking them tonight")))
    (flag,) = await bot.h.review.queue()
    for data in ("resolve", "resolve", "dismiss", "block"):
        await bot.send(update(callback_query=callback(f"admin:{data}:{flag.id}", user=ADMIN)))
    answers = [call.get("text") for call in bot.api.calls_of("answerCallbackQuery")]
    assert answers == [
        f"Flag #{flag.id}: resolve done.",
        f"Flag #{flag.id}: already resolved, nothing changed.",
        f"Flag #{flag.id}: already resolved, nothing changed.",
        f"Flag #{flag.id}: block done.",
    ]
    log = await bot.h.review.audit_log()
    assert [action for _, _, action, _, _ in log] == ["block", "resolved"]
