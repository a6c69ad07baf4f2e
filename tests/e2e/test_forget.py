"""/forget, /insights and `lumen insights` end to end: `lumen run` against the Telegram
emulator and fakellm, and the `lumen` command beside it."""

from __future__ import annotations

import asyncio

import pytest

from .expect import messages_for
from .llm_proxy import LlmProxy
from .lumen_cli import export, run_lumen
from .processes import LumenFactory, ManagedProcess
from .telegram_user import BotMessage, TelegramUser, TelegramWorld

pytestmark = pytest.mark.e2e

FORGET_BUTTONS = {"privacy:export", "forget:confirm", "forget:cancel"}


async def a_closed_session(user: TelegramUser) -> None:
    await user.send_text("My new job scares me")
    [answer] = await user.wait_for_bot_messages(1, timeout=30)
    assert "MENTOR-MARKER" in answer.text
    await user.send_command("/end")
    await user.wait_for_bot_messages(3, timeout=60)  # notes…, parting words, closed


async def forget_menu(user: TelegramUser) -> BotMessage:
    await user.send_command("/forget")
    [menu] = await user.wait_for_bot_messages(1, timeout=30)
    assert "final" in menu.text and "Arc" in menu.text
    assert {data for _, data in menu.buttons} == FORGET_BUTTONS
    return menu


async def person_gone(bot: ManagedProcess, user_id: int) -> bool:
    result = await asyncio.to_thread(run_lumen, bot, "export", "--user", str(user_id))
    return result.returncode == 1 and "no person" in result.stderr


async def test_forget_deletes_everything_after_confirmation_and_the_next_message_starts_fresh(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    bot = lumen_process()
    await telegram.wait_until_polling(timeout=60)
    user = telegram_user
    await a_closed_session(user)
    await user.send_text("One more thing on my mind")
    await user.wait_for_bot_messages(messages_for("One more thing on my mind"), timeout=30)

    menu = await forget_menu(user)
    await user.press_button(menu, "forget:cancel")
    [cancelled] = await user.wait_for_edits(1, timeout=20)
    assert cancelled.text is not None and "Nothing was deleted" in cancelled.text
    kept = await export(bot, user.user_id)
    assert len(kept["sessions"]) == 2 and kept["notebooks"] and kept["arcs"]

    menu = await forget_menu(user)
    await user.press_button(menu, "forget:confirm")
    [done] = await user.wait_for_bot_messages(1, timeout=30)
    assert done.text.startswith("Done. Everything you told me is deleted")
    edits = await user.wait_for_edits(2, timeout=20)
    assert edits[-1].text == "Deleting everything…" and not edits[-1].reply_markup
    assert await person_gone(bot, user.user_id)

    await user.press_button(menu, "forget:confirm")  # pressed again: nothing left to delete
    third = (await user.wait_for_edits(3, timeout=20))[-1]
    assert third.text is not None and "nothing to delete" in third.text
    assert await person_gone(bot, user.user_id), "the second press created no one"

    requests_before = len(llm.requests)
    await user.send_text("Hello, it's me again")
    [answer] = await user.wait_for_bot_messages(1, timeout=30)
    assert "MENTOR-MARKER" in answer.text
    fresh = await export(bot, user.user_id)
    assert [s["number"] for s in fresh["sessions"]] == [1], "a new person's first session"
    assert fresh["notebooks"] == [] and fresh["arcs"] == []
    sent = "".join(r.text for r in llm.requests[requests_before:])
    assert "My new job scares me" not in sent and "One more thing" not in sent, "no old context"


async def test_insights_opt_out_and_the_operators_report(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    bot = lumen_process()
    await telegram.wait_until_polling(timeout=60)
    user = telegram_user
    await a_closed_session(user)

    await user.send_command("/insights")
    [menu] = await user.wait_for_bot_messages(1, timeout=30)
    assert "anonymous statistics" in menu.text and "never what you said" in menu.text
    assert ("✓ Count my sessions", "insights:on") in menu.buttons
    await user.press_button(menu, "insights:off")
    [edit] = await user.wait_for_edits(1, timeout=20)
    assert edit.text is not None and "left out" in edit.text

    result = await asyncio.to_thread(run_lumen, bot, "insights")
    assert result.returncode == 0, result.stderr
    report = result.stdout
    assert "Lumen insights: counts only" in report
    assert "closed sessions: <5" in report and "people counted: <5" in report
    assert "How sessions closed" in report and "Turns per session" in report
    assert str(user.user_id) not in report and "job" not in report


async def test_retention_is_chosen_with_buttons_and_the_shorter_setting_is_named(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
) -> None:
    lumen_process(env={"LUMEN_TRANSCRIPT_RETENTION_DAYS": "90"})
    await telegram.wait_until_polling(timeout=60)
    user = telegram_user

    await user.send_command("/retention")
    [menu] = await user.wait_for_bot_messages(1, timeout=30)
    assert "deleted 90 days after" in menu.text, "Lumen's own setting applies to everyone"
    assert "90 days for everyone" in menu.text and "notebooks and the Arc stay" in menu.text
    assert ("✓ Keep them", "retention:off") in menu.buttons

    await user.press_button(menu, "retention:30")
    [chosen] = await user.wait_for_edits(1, timeout=20)
    assert chosen.text is not None and "deleted 30 days after" in chosen.text
    assert "for everyone" not in chosen.text, "the person's choice is the shorter one"

    await user.send_command("/retention")
    [again] = await user.wait_for_bot_messages(1, timeout=30)
    assert ("✓ 30 days", "retention:30") in again.buttons, "the choice was kept"
    await user.press_button(again, "retention:365")
    [longer] = (await user.wait_for_edits(2, timeout=20))[-1:]
    assert longer.text is not None and "deleted 90 days after" in longer.text
    assert "the shorter time applies" in longer.text
