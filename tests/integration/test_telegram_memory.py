"""/memory through the real handlers: python-telegram-bot runs for real, the Bot API
answers in memory, the harness is the real one on a temp store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from lumen_bot.errors import LLMError
from lumen_bot.harness.ports import LLMRequest
from lumen_bot.telegram.cancel import CancelHandler
from lumen_bot.telegram.formatting import utf16_len
from lumen_bot.telegram.handlers import TelegramHandlers
from lumen_bot.telegram.memory_handlers import MemoryHandlers
from tests.fakes import FakeLLM, default_script
from tests.integration.test_telegram_rhythm import Bot
from tests.offline_bot_api import OfflineBotApi, offline_application
from tests.wiring import make_harness

LONG = " ".join(f"You said thing number {n} and it mattered." for n in range(400))  # ~17 KB


def long_arc(request: LLMRequest) -> list[str] | LLMError:
    if request.purpose == "arc":
        return [f"## Who You Are\n{LONG}\n\n## Our Journey\nOne session.\n"]
    return default_script(request)


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Bot]:
    api = OfflineBotApi()
    async with make_harness(tmp_path, FakeLLM(long_arc)) as h:
        app = offline_application(api)
        conversation = TelegramHandlers(h.mentor, h.reports, stream_interval_s=0)
        memory = MemoryHandlers(h.memory, conversation.on_text, stream_interval_s=0)
        CancelHandler([memory.leave]).register(app)
        memory.register(app)
        conversation.register(app)
        async with app:
            yield Bot(app, api, h)


def sent_since(bot: Bot, start: int) -> list[dict[str, object]]:
    return bot.api.calls_of("sendMessage")[start:]


async def test_a_long_section_is_split_to_fit_and_its_button_comes_last(bot: Bot) -> None:
    await bot.close_session()
    start = len(bot.api.calls_of("sendMessage"))
    await bot.say("/memory")
    intro, *parts, journey, notebooks = sent_since(bot, start)
    assert "the Arc" in str(intro["text"])
    assert len(parts) >= 4, "17 KB in messages of at most 4,096"
    assert all(utf16_len(str(p["text"])) <= 4096 for p in parts)
    assert "".join(str(p["text"]) for p in parts).count("and it mattered.") == 400
    assert all("reply_markup" not in p for p in parts[:-1])
    assert "memory:fix:1:0" in str(parts[-1]["reply_markup"])
    assert "memory:fix:1:1" in str(journey["reply_markup"])
    assert "memory:nb:1" in str(notebooks["reply_markup"])


async def test_a_command_leaves_the_question_and_the_next_message_is_conversation(
    bot: Bot,
) -> None:
    await bot.close_session()
    await bot.press("memory:fix:1:1")
    assert "What isn't right about “Our Journey”?" in bot.texts_sent()[-1]
    await bot.say("/help")
    await bot.say("I got the feedback on Friday")
    assert "I got the feedback on Friday" in await bot.stored_texts(), "a conversation turn"
    assert bot.h.llm.requests[-1].purpose == "turn"
    person_id = await bot.person_id()
    arc = await bot.h.store.latest_arc(person_id)
    assert arc is not None and arc.version == 1, "nothing corrected"


async def test_the_answer_to_the_question_is_a_correction_not_a_turn(bot: Bot) -> None:
    await bot.close_session()
    await bot.press("memory:fix:1:1")
    await bot.say("We have had two sessions, not one")
    assert "We have had two sessions, not one" not in await bot.stored_texts()
    arc = await bot.h.store.latest_arc(await bot.person_id())
    assert arc is not None and arc.version == 2
    assert bot.h.llm.requests[-1].purpose == "arc"
    assert "Here is how it reads now" in bot.texts_sent()[-2]


async def test_an_old_button_asks_nothing_and_says_why(bot: Bot) -> None:
    await bot.close_session()
    await bot.press("memory:fix:7:0")
    assert "changed since that message" in bot.texts_sent()[-1]
    await bot.press("memory:nb:9")
    assert "can't find that notebook" in bot.texts_sent()[-1]
    await bot.say("/cancel")
    assert bot.texts_sent()[-1] == "There's nothing to cancel right now."


@pytest.mark.parametrize("number", ["²", "9" * 5000, "99999999999999999999"])
async def test_a_button_with_a_number_no_record_can_have_names_nothing(
    bot: Bot, number: str
) -> None:
    """Button data is the client's to forge: a number `int` refuses, or one too large
    for any id, is an old button like any other, not "something went wrong"."""
    await bot.close_session()
    await bot.press(f"memory:nb:{number}")
    assert "can't find that notebook" in bot.texts_sent()[-1]
    await bot.press(f"memory:fix:{number}:0")
    assert "changed since that message" in bot.texts_sent()[-1]
