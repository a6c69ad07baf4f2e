"""The Telegram reply channel: drafts, the edit fallback, splitting, flood control."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

from lumen_bot import texts
from lumen_bot.errors import DeliveryFailed
from lumen_bot.telegram.reply import TelegramReply
from tests.offline_bot_api import OfflineBotApi, Refusal

CHAT = 5150


class Ticks:
    """A monotonic clock the test moves by hand, for the streaming throttle."""

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


def reply_for(bot: Bot, ticks: Ticks | None = None) -> TelegramReply:
    return TelegramReply(bot, CHAT, draft_id=77, interval_s=1.0, monotonic=ticks or Ticks())


async def test_partial_text_goes_out_as_drafts_then_one_final_message(
    bot: Bot, api: OfflineBotApi
) -> None:
    ticks = Ticks()
    reply = reply_for(bot, ticks)
    await reply.typing()
    await reply.partial("Hello")
    await reply.partial("Hello there")  # within the interval: not shown
    ticks.now += 1.5
    await reply.partial("Hello there, **friend**")
    await reply.final("Hello there, **friend**. How are you?")
    assert api.calls_of("sendChatAction")[0]["action"] == "typing"
    drafts = api.calls_of("sendMessageDraft")
    assert [d["text"] for d in drafts] == ["Hello", "Hello there, friend"]
    assert {d["draft_id"] for d in drafts} == {77}
    [final] = api.calls_of("sendMessage")
    assert final["text"] == "Hello there, friend. How are you?"
    assert "parse_mode" not in final
    [bold] = final["entities"]
    assert (bold["type"], bold["offset"], bold["length"]) == ("bold", 13, 6)


async def test_refused_drafts_fall_back_to_one_edited_placeholder(
    bot: Bot, api: OfflineBotApi
) -> None:
    api.refuse("sendMessageDraft", Refusal(400, "Bad Request: method not available", times=99))
    ticks = Ticks()
    reply = reply_for(bot, ticks)
    await reply.partial("First words")
    ticks.now += 2
    await reply.partial("First words and more")
    await reply.final("First words and more, finished.")
    assert len(api.calls_of("sendMessageDraft")) == 1, "drafts are not retried after a refusal"
    [placeholder] = api.calls_of("sendMessage")
    assert placeholder["text"] == "First words"
    edits = [e["text"] for e in api.calls_of("editMessageText")]
    assert edits == ["First words and more", "First words and more, finished."]


async def test_message_not_modified_is_not_an_error(bot: Bot, api: OfflineBotApi) -> None:
    api.refuse("sendMessageDraft", Refusal(400, "Bad Request: no drafts", times=99))
    api.refuse(
        "editMessageText",
        Refusal(
            400,
            "Bad Request: message is not modified: specified new message content "
            "and reply markup are exactly the same",
            times=1,
        ),
    )
    reply = reply_for(bot)
    await reply.partial("Same text")
    await reply.final("Same text")
    assert len(api.calls_of("sendMessage")) == 1, "no duplicate message after 'not modified'"


async def test_a_refused_final_edit_is_sent_as_a_new_message(bot: Bot, api: OfflineBotApi) -> None:
    api.refuse("sendMessageDraft", Refusal(400, "Bad Request: no drafts", times=99))
    api.refuse("editMessageText", Refusal(400, "Bad Request: message to edit not found", times=9))
    reply = reply_for(bot)
    await reply.partial("Partial")
    await reply.final("The whole answer")
    assert [m["text"] for m in api.calls_of("sendMessage")] == ["Partial", "The whole answer"]


async def test_a_long_answer_is_split_into_messages_and_nothing_is_lost(
    bot: Bot, api: OfflineBotApi
) -> None:
    paragraphs = [f"Paragraph {i}: " + "word " * 150 for i in range(12)]
    await reply_for(bot).final("\n\n".join(paragraphs))
    sent = [m["text"] for m in api.calls_of("sendMessage")]
    assert len(sent) > 1
    assert all(len(text) <= 4096 for text in sent)
    joined = " ".join(sent)
    assert all(f"Paragraph {i}:" in joined for i in range(12))
    assert joined.count("word") == 12 * 150


async def test_a_long_answer_stopped_half_way_resumes_after_the_parts_that_arrived(
    bot: Bot, api: OfflineBotApi
) -> None:
    answer = "\n\n".join(f"Paragraph {i}: " + "word " * 150 for i in range(12))
    delivered: list[int] = []

    async def on_part(parts: int) -> None:
        delivered.append(parts)
        if parts == 1:  # Telegram takes the first part, then refuses the second
            api.refuse("sendMessage", Refusal(400, "Bad Request: something went wrong"))

    with pytest.raises(DeliveryFailed):
        await reply_for(bot).final(answer, offer_end=True, on_part=on_part)
    assert delivered == [1]
    first_try = [m["text"] for m in api.calls_of("sendMessage")]

    await reply_for(bot).final(answer, offer_end=True, skip=1, on_part=on_part)
    sent = [m["text"] for m in api.calls_of("sendMessage")]
    later = sent[len(first_try) :]
    assert first_try[0] not in later, "the part that arrived is not sent again"
    assert delivered[1:] == list(range(2, len(later) + 1)), "each part but the last recorded"
    assert " ".join([first_try[0], *later]).count("word") == 12 * 150, "nothing missing"
    assert api.calls_of("sendMessage")[-1].get("reply_markup"), "the End button on the last"


async def test_flood_control_waits_and_then_delivers(bot: Bot, api: OfflineBotApi) -> None:
    api.refuse("sendMessage", Refusal(429, "Too Many Requests: retry after 1", retry_after=1))
    await reply_for(bot).plain("Hello after the wait")
    assert [m["text"] for m in api.calls_of("sendMessage")] == ["Hello after the wait"] * 2


async def test_a_blocked_bot_becomes_delivery_failed(bot: Bot, api: OfflineBotApi) -> None:
    api.refuse("sendMessage", Refusal(403, "Forbidden: bot was blocked by the user"))
    with pytest.raises(DeliveryFailed):
        await reply_for(bot).final("Are you there?")


async def test_a_failed_typing_hint_is_harmless(bot: Bot, api: OfflineBotApi) -> None:
    api.refuse("sendChatAction", Refusal(500, "Internal Server Error"))
    await reply_for(bot).typing()
    assert len(api.calls_of("sendChatAction")) == 1


async def test_a_timed_out_message_is_not_sent_twice(bot: Bot, api: OfflineBotApi) -> None:
    """It may have arrived: sending again could show the person the same answer twice."""
    api.timeouts["sendMessage"] = 1
    with pytest.raises(DeliveryFailed):
        await reply_for(bot).final("An answer that may have arrived")
    assert len(api.calls_of("sendMessage")) == 1


async def test_a_timed_out_draft_is_retried(bot: Bot, api: OfflineBotApi) -> None:
    api.refuse("sendMessageDraft", Refusal(400, "Bad Request: no drafts", times=99))
    api.timeouts["editMessageText"] = 1
    ticks = Ticks()
    reply = reply_for(bot, ticks)
    await reply.partial("one")
    ticks.now += 2
    await reply.partial("one two")
    assert [e["text"] for e in api.calls_of("editMessageText")] == ["one two", "one two"]


@pytest.mark.parametrize("lang", ["es", "ar", "en"])
async def test_crisis_buttons_speak_the_language_of_the_resources(
    bot: Bot, api: OfflineBotApi, lang: str
) -> None:
    """Spanish resources under English buttons would leave a person in crisis guessing
    which one reaches a person; the buttons follow the resources, whatever the
    person's Telegram language."""
    reply = TelegramReply(bot, CHAT, draft_id=77, interval_s=1.0, lang="en")
    await reply.crisis("resources", "https://findahelpline.com", lang=lang)
    [sent] = api.calls_of("sendMessage")
    rows = sent["reply_markup"]["inline_keyboard"]
    buttons = [button for row in rows for button in row]
    assert [b["text"] for b in buttons] == [
        texts.text("talk_now_button", lang),
        texts.text("safe_now_button", lang),
    ]
    assert buttons[0]["url"] == "https://findahelpline.com"
    assert buttons[1]["callback_data"] == f"safe:{lang}", "the answer to it speaks it too"
