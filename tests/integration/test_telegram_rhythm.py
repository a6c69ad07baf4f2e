"""/remind, /timezone, /pause, /resume and the "End session" button through the real
handlers: python-telegram-bot runs for real, the Bot API answers in memory, the harness
is the real one on a temp store (its clock starts Monday 2 November 2026, 09:00 UTC)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from lumen_bot import texts
from lumen_bot.harness.model import PersonKey, SessionState
from lumen_bot.harness.rhythm import Cadence, Rhythm
from lumen_bot.telegram.handlers import TelegramHandlers
from lumen_bot.telegram.rhythm_handlers import RhythmHandlers
from tests.integration.test_telegram_input import USER, callback, message, update
from tests.integration.test_telegram_input import Bot as InputBot
from tests.offline_bot_api import OfflineBotApi, Refusal, offline_application
from tests.wiring import make_harness

KEY = PersonKey("telegram", str(USER))
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup"
    " are exactly the same as a current content and reply markup of the message"
)


class Bot(InputBot):
    """The bot of test_telegram_input, with the rhythm's handlers and a few shortcuts."""

    async def say(self, text: str) -> None:
        await self.send(update(message=message(text)))

    async def press(self, data: str, **shown: Any) -> None:
        """Presses a button with `data` under a message of the bot (`shown` overrides it)."""
        query = callback(data)
        query["message"] |= shown
        await self.send(update(callback_query=query))

    def last_menu(self) -> tuple[str, list[tuple[str, str]]]:
        """The newest menu shown (sent or edited): its text and (label, data) buttons."""
        shown = [
            p
            for name, p in self.api.calls
            if name in ("sendMessage", "editMessageText") and "reply_markup" in p
        ]
        rows = shown[-1]["reply_markup"]["inline_keyboard"]
        return str(shown[-1]["text"]), [
            (b["text"], b["callback_data"]) for row in rows for b in row
        ]

    async def person_id(self) -> int:
        return (await self.h.store.person(KEY, self.h.clock.now())).id

    async def rhythm(self) -> Rhythm:
        return await self.h.reminders.rhythm(await self.person_id())

    async def close_session(self) -> None:
        await self.say("I want to change jobs")
        await self.say("/end")
        await self.h.closer.settle(await self.person_id(), wait_s=5)


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Bot]:
    api = OfflineBotApi()
    async with make_harness(tmp_path) as h:
        app = offline_application(api)
        RhythmHandlers(h.reminders, h.mentor, h.store, clock=h.clock).register(app)
        TelegramHandlers(h.mentor, h.reports, stream_interval_s=0).register(app)
        async with app:
            yield Bot(app, api, h)


def labels(buttons: list[tuple[str, str]]) -> list[str]:
    return [label for label, _ in buttons]


async def test_remind_shows_the_rhythm_in_utc_with_its_buttons(bot: Bot) -> None:
    await bot.say("/remind")
    text, buttons = bot.last_menu()
    assert "every few days" in text and "(UTC)" in text
    assert "UTC until you set your time zone with /timezone" in text
    assert "I'll plan the next reminder when a session closes" in text
    assert "lock screens show previews" in text
    assert labels(buttons) == [
        "✓ Every few days",
        "Weekly",
        "Only when I ask",
        "Off",
        "08:00",
        "12:00",
        "18:00",
        "✓ When I usually start",
        "Keep reminders generic",
    ]


async def test_after_a_session_the_menu_names_the_next_reminder(bot: Bot) -> None:
    await bot.close_session()
    await bot.say("/remind")
    text, _ = bot.last_menu()
    assert "Next reminder: Thursday 5 November, around 09:00 UTC" in text


async def test_a_button_stores_the_choice_and_the_menu_shows_it(bot: Bot) -> None:
    await bot.close_session()
    await bot.say("/remind")
    await bot.press("rhythm:c:weekly")
    assert (await bot.rhythm()).cadence is Cadence.WEEKLY
    text, buttons = bot.last_menu()
    assert "once a week" in text
    assert "Next reminder: Monday 9 November" in text, "re-planned a week after closing"
    assert "✓ Weekly" in labels(buttons) and "Every few days" in labels(buttons)
    await bot.press("rhythm:t:18:00")
    text, buttons = bot.last_menu()
    assert (await bot.rhythm()).at is not None and "around 18:00" in text
    assert "Next reminder: Monday 9 November, around 18:00" in text
    assert "✓ 18:00" in labels(buttons)
    assert len(bot.api.calls_of("answerCallbackQuery")) == 2


async def test_a_button_pressed_twice_changes_once_and_answers_both(bot: Bot) -> None:
    await bot.say("/remind")
    await bot.press("rhythm:c:weekly")
    bot.api.refuse("editMessageText", Refusal(400, NOT_MODIFIED))
    await bot.press("rhythm:c:weekly")
    assert (await bot.rhythm()).cadence is Cadence.WEEKLY
    assert len(bot.api.calls_of("answerCallbackQuery")) == 2
    assert not any("went wrong" in t for t in bot.texts_sent())


async def test_a_stale_menu_still_works_and_the_answer_says_so(bot: Bot) -> None:
    await bot.press("rhythm:c:off", date=0, text=None)  # too old for the bot to edit
    assert (await bot.rhythm()).cadence is Cadence.OFF
    [answer] = bot.api.calls_of("answerCallbackQuery")
    assert "Saved" in str(answer["text"])
    assert bot.api.calls_of("editMessageText") == []


async def test_a_forged_menu_button_changes_nothing(bot: Bot) -> None:
    await bot.press("rhythm:c:hourly")
    await bot.press("rhythm:t:25:00")
    assert await bot.rhythm() == Rhythm()
    assert len(bot.api.calls_of("answerCallbackQuery")) == 2


async def test_remind_with_a_time_sets_the_time_of_day(bot: Bot) -> None:
    await bot.say("/remind 7pm")
    rhythm = await bot.rhythm()
    assert rhythm.at is not None and f"{rhythm.at:%H:%M}" == "19:00"
    assert "around 19:00" in bot.last_menu()[0]
    await bot.say("/remind at teatime")
    assert "didn't catch a time of day" in bot.texts_sent()[-1]
    assert (await bot.rhythm()).at == rhythm.at


async def test_a_time_in_quiet_hours_is_explained(bot: Bot) -> None:
    await bot.say("/remind 22:30")
    assert "22:30 falls in my quiet hours (21:00 to 09:00)" in bot.last_menu()[0]


async def test_only_when_i_ask_offers_remind_me_once(bot: Bot) -> None:
    await bot.close_session()
    await bot.say("/remind")
    await bot.press("rhythm:c:on_request")
    text, buttons = bot.last_menu()
    assert "Next reminder" not in text, "no automatic reminder"
    assert "Remind me once" in labels(buttons)
    await bot.press("rhythm:once")
    assert "Next reminder: Thursday 5 November, around 09:00 UTC" in bot.last_menu()[0]
    await bot.press("rhythm:once")  # pressed twice: still one reminder
    assert await bot.h.store.scheduled_reminders() == 1


async def test_remind_me_once_does_nothing_unless_that_is_the_rhythm(bot: Bot) -> None:
    await bot.close_session()
    await bot.press("rhythm:c:off")
    await bot.press("rhythm:once")  # from an older menu
    assert await bot.h.store.scheduled_reminders() == 0


async def test_generic_reminders_toggle(bot: Bot) -> None:
    await bot.say("/remind")
    await bot.press("rhythm:m:0")
    assert (await bot.rhythm()).mention is False
    text, buttons = bot.last_menu()
    assert "never name what we talked about" in text
    assert "Reminders may name our thread" in labels(buttons)
    await bot.press("rhythm:m:1")
    assert (await bot.rhythm()).mention is True


@pytest.mark.parametrize(
    ("given", "zone"),
    [
        ("Berlin", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("asia/tokyo", "Asia/Tokyo"),
        ("Barcelona", "Europe/Madrid"),
        ("Москва", "Europe/Moscow"),
    ],
)
async def test_timezone_by_city_or_name(bot: Bot, given: str, zone: str) -> None:
    await bot.say(f"/timezone {given}")
    assert (await bot.rhythm()).tz == zone
    assert f"your time zone is {zone}" in bot.texts_sent()[-1]


async def test_timezone_names_the_next_reminder_in_the_new_zone(bot: Bot) -> None:
    await bot.close_session()
    await bot.say("/timezone Berlin")
    said = bot.texts_sent()[-1]
    assert "it's 10:00 there now" in said, "09:00 UTC is 10:00 in Berlin in November"
    assert "Next reminder: Thursday 5 November, around 10:00." in said, "began 10:00 there"


async def test_timezone_alone_asks_and_an_unknown_name_says_so(bot: Bot) -> None:
    await bot.say("/timezone")
    assert "Your times are in UTC now" in bot.texts_sent()[-1]
    await bot.say("/timezone Atlantis")
    assert "couldn't find a time zone" in bot.texts_sent()[-1]
    assert (await bot.rhythm()).tz is None


async def test_a_shared_location_sets_the_zone_and_keeps_only_the_zone(bot: Bot) -> None:
    body = message(location={"latitude": 40.7128, "longitude": -74.006})
    await bot.send(update(message=body))
    assert (await bot.rhythm()).tz == "America/New_York"
    assert "America/New_York" in bot.texts_sent()[-1] and "not the place" in bot.texts_sent()[-1]
    profile = await bot.h.store.review.profile(await bot.person_id())
    assert set(profile) == {"rhythm", "timezone"}, "no coordinates in the profile"
    assert await bot.h.store.export(KEY) is not None
    data = await bot.h.store.export(KEY)
    assert data is not None and data.sessions == (), "a location is not a message"


async def test_a_location_without_a_zone_asks_for_a_city(bot: Bot) -> None:
    await bot.send(update(message=message(location={"latitude": 95.0, "longitude": 0.0})))
    assert "couldn't tell the time zone" in bot.texts_sent()[-1]


async def test_pause_stops_reminders_and_resume_restores_them(bot: Bot) -> None:
    await bot.close_session()
    assert await bot.h.store.scheduled_reminders() == 1
    await bot.say("/pause")
    assert "until you send /resume" in bot.texts_sent()[-1]
    assert (await bot.rhythm()).paused and await bot.h.store.scheduled_reminders() == 0
    await bot.say("/remind")
    assert "Reminders are paused — /resume" in bot.last_menu()[0]
    await bot.say("/resume")
    assert "back on. The next one: Thursday 5 November" in bot.texts_sent()[-1]
    assert not (await bot.rhythm()).paused and await bot.h.store.scheduled_reminders() == 1


async def test_resume_says_when_the_rhythm_itself_sends_none(bot: Bot) -> None:
    await bot.press("rhythm:c:on_request")
    await bot.say("/resume")
    assert "only when you ask" in bot.texts_sent()[-1]


async def test_the_end_button_ends_the_session_once(bot: Bot) -> None:
    await bot.say("I want to change jobs")
    await bot.press("end")
    assert "Let me write my notes" in bot.texts_sent()[-1]
    session = await bot.h.store.latest_session(await bot.person_id())
    assert session is not None and session.state is not SessionState.ACTIVE
    assert session.closed_by == "end"
    [removed] = bot.api.calls_of("editMessageReplyMarkup")
    assert "reply_markup" not in removed or not removed["reply_markup"]
    await bot.press("end")
    assert "no open session" in bot.texts_sent()[-1]
    assert len(bot.api.calls_of("answerCallbackQuery")) == 2


async def test_an_end_button_from_an_earlier_session_leaves_this_one_open(bot: Bot) -> None:
    await bot.close_session()
    bot.h.clock.advance(days=3)
    await bot.say("A new week")
    earlier = int(bot.h.clock.now().timestamp()) - 3 * 86_400
    await bot.press("end", date=earlier)
    assert "belongs to an earlier session" in bot.texts_sent()[-1]
    session = await bot.h.store.active_session(await bot.person_id())
    assert session is not None, "still open"


async def test_an_end_button_pressed_in_someone_elses_chat_ends_nothing(bot: Bot) -> None:
    await bot.say("I want to change jobs")
    query = callback("end", user=777)  # the message is in USER's chat; 777 pressed it
    query["message"]["chat"] = {"id": USER, "type": "private"}
    await bot.send(update(callback_query=query))
    assert await bot.h.store.active_session(await bot.person_id()) is not None


async def test_the_remind_menu_and_its_answers_speak_the_persons_language(bot: Bot) -> None:
    await bot.send(update(message=message("/remind", lang="es")))
    shown, buttons = bot.last_menu()
    assert shown.startswith(texts.text("rhythm_few_days", "es", at="")[:20])
    assert texts.text("button_weekly", "es") in labels(buttons)
    await bot.send(update(message=message("/remind 7:30", lang="es")))
    await bot.send(update(message=message("/pause", lang="es")))
    await bot.send(update(message=message("/timezone", lang="es")))
    sent = bot.texts_sent()
    assert len(sent) == 4
    assert "hacia las 07:30" in sent[1], "the time chosen, said in Spanish"
    assert sent[1].startswith(texts.text("rhythm_few_days", "es", at="")[:20])
    assert sent[2] == texts.text("reminders_paused", "es")
    assert sent[3].startswith(texts.text("timezone_ask", "es", zone="")[:20])
    assert sent[2] != texts.text("reminders_paused")
