"""The rhythm of sessions end to end: `lumen run` against the Telegram emulator and fakellm.

Days are configured down to seconds: with a tiny LUMEN_SESSION_GAP_DAYS the next
session falls on the day the last one closed, at the person's chosen time, so a
reminder is due at once. The person's time zone is chosen so that their clock
reads one o'clock in the afternoon now and their chosen time, 12:00, has just
passed: the test reads the same whatever the hour it runs at.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from .llm_proxy import LlmProxy
from .lumen_cli import export
from .processes import LumenFactory
from .telegram_user import BotMessage, TelegramUser, TelegramWorld

pytestmark = pytest.mark.e2e

TICK_S = 0.5
RHYTHM = {
    "LUMEN_QUIET_HOURS": "00:00-00:00",  # none: the test's hour is whatever it is
    "LUMEN_SESSION_GAP_DAYS": "0.00001",  # about a second
    "LUMEN_RHYTHM_TICK": str(TICK_S),
}
UNFINISHED = "Asking for feedback without bracing for it."  # fakellm's Arc, "What's Unfinished"


async def zone_where_it_is_one_pm() -> str:
    """An IANA zone whose clock reads 13:xx now and for at least the next minute
    (Etc/GMT-2 is two hours ahead of UTC): in an hour's last minute, it waits for the next
    hour, or the bot could read 14:00 where the test expects 13:xx."""
    now = datetime.now(UTC)
    if now.minute == 59:
        await asyncio.sleep(60 - now.second + 1)
    ahead = (13 - datetime.now(UTC).hour + 12) % 24 - 12
    return f"Etc/GMT{-ahead:+d}"


async def wait_until(condition: Callable[[], bool], within_s: float = 30.0) -> None:
    deadline = time.monotonic() + within_s
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


async def press_and_see(user: TelegramUser, menu: BotMessage, data: str, edits: int) -> str:
    """Presses a menu button and returns the menu's text once it has been edited."""
    await user.press_button(menu, data)
    return (await user.wait_for_edits(edits, timeout=20))[-1].text or ""


async def set_rhythm(user: TelegramUser, *, generic: bool = False) -> None:
    """/timezone, then the /remind menu: weekly, every few days after all, 12:00."""
    zone = await zone_where_it_is_one_pm()
    await user.send_command(f"/timezone {zone}")
    [zone_set] = await user.wait_for_bot_messages(1, timeout=30)
    assert f"your time zone is {zone}" in zone_set.text and "it's 13:" in zone_set.text

    await user.send_command("/remind")
    [menu] = await user.wait_for_bot_messages(1, timeout=30)
    assert "every few days" in menu.text and f"({zone})" in menu.text
    assert ("✓ Every few days", "rhythm:c:few_days") in menu.buttons
    assert "once a week" in await press_and_see(user, menu, "rhythm:c:weekly", 1)
    assert "every few days" in await press_and_see(user, menu, "rhythm:c:few_days", 2)
    assert f"around 12:00 ({zone})" in await press_and_see(user, menu, "rhythm:t:12:00", 3)
    if generic:
        assert "stay generic" in await press_and_see(user, menu, "rhythm:m:0", 4)
    assert len(user.records.callback_answers) == (4 if generic else 3), "each press answered"


async def session_then_end(user: TelegramUser) -> BotMessage:
    """A one-message session closed with /end; returns the "session closed" message."""
    await user.send_text("My new job scares me")
    [answer] = await user.wait_for_bot_messages(1, timeout=30)
    assert "MENTOR-MARKER" in answer.text
    await user.send_command("/end")
    closing, parting, closed = await user.wait_for_bot_messages(3, timeout=60)
    assert "notes" in closing.text and parting.text.startswith("Readiness")
    return closed


async def test_a_rhythm_set_with_buttons_brings_exactly_one_reminder(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    lumen_process(env=RHYTHM)
    await telegram.wait_until_polling(timeout=60)
    await set_rhythm(telegram_user)
    closed = await session_then_end(telegram_user)
    assert "around 12:00" in closed.text and "one gentle reminder" in closed.text

    [reminder] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert reminder.text.startswith("Hi, it's Lumen")
    assert UNFINISHED in reminder.text, "it may name what was left open"
    await telegram_user.assert_no_bot_messages(within=8 * TICK_S)
    assert sum("SESSION_NOTEBOOK" in r.text for r in llm.requests) == 1, "no LLM call to remind"


async def test_a_reminder_planned_before_a_crash_comes_once_after_the_restart(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    bot = lumen_process(env={**RHYTHM, "LUMEN_RHYTHM_TICK": "3600"})  # one beat, at start
    await telegram.wait_until_polling(timeout=60)
    await set_rhythm(telegram_user, generic=True)
    await session_then_end(telegram_user)
    await telegram_user.assert_no_bot_messages(within=4 * TICK_S)  # due, but no beat yet
    bot.kill()

    restarted_at = time.time()
    lumen_process(env=RHYTHM, name="lumen-restarted")
    await telegram.wait_until_polling(since=restarted_at, timeout=60)
    [reminder] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert reminder.text.startswith("Hi, it's Lumen")
    assert UNFINISHED not in reminder.text, "generic, as chosen"
    await telegram_user.assert_no_bot_messages(within=8 * TICK_S)


async def test_a_quiet_session_closes_itself_and_the_next_message_begins_a_new_one(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    bot = lumen_process(env={"LUMEN_IDLE_CLOSE_HOURS": "0.001", "LUMEN_RHYTHM_TICK": "0.5"})
    await telegram.wait_until_polling(timeout=60)
    await telegram_user.send_text("My new job scares me")
    [answer] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "MENTOR-MARKER" in answer.text

    # About four seconds of quiet later, the session closes: notebook and Arc, no words.
    await wait_until(lambda: bool(llm.requests_containing("ARC_CREATE")))
    assert len(llm.requests_containing("SESSION_NOTEBOOK")) == 1
    await telegram_user.assert_no_bot_messages(within=2.0)
    [session] = (await export(bot, telegram_user.user_id))["sessions"]
    assert session["state"] == "closed" and session["closed_by"] == "idle"

    await telegram_user.send_text("I asked for feedback on Friday")
    told, answered = await telegram_user.wait_for_bot_messages(2, timeout=30)
    assert "This is a new session" in told.text
    assert "MENTOR-MARKER" in answered.text
    [request] = llm.requests_containing("I asked for feedback on Friday")
    assert "session_number: 2" in request.body["system"][1]["text"]
    assert "NOTEBOOK-MARKER-1" in request.body["system"][1]["text"], "the closed one's notes"


async def test_the_end_session_button_under_a_reply_closes_the_session_once(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    lumen_process()
    await telegram.wait_until_polling(timeout=60)
    await telegram_user.send_text("I think that's it for today. WRAP-UP")
    [answer] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "/end" in answer.text and answer.buttons == [("End session", "end")]

    await telegram_user.press_button(answer, "end")
    closing, parting, closed = await telegram_user.wait_for_bot_messages(3, timeout=60)
    assert "notes" in closing.text and parting.text.startswith("Readiness")
    assert "This session is closed" in closed.text
    [removed] = await telegram_user.wait_for_edits(1, timeout=10)
    assert not (removed.reply_markup or {}).get("inline_keyboard"), "the button is gone"

    await telegram_user.press_button(answer, "end")  # a client that still shows it
    [again] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "no open session" in again.text
    assert len(telegram_user.records.callback_answers) == 2
    assert len(llm.requests_containing("SESSION_NOTEBOOK")) == 1
