"""A stored turn that no longer opens, damaged in the running bot's real database file:
`lumen run` sets it aside and goes on answering that person, and everyone else, as usual."""

from __future__ import annotations

import sqlite3

import pytest

from lumen_bot.texts import text

from .llm_proxy import LlmProxy
from .processes import LumenFactory
from .telegram_user import TelegramUser, TelegramWorld

pytestmark = pytest.mark.e2e

SAID = "words only the first person wrote"


async def test_one_unreadable_turn_is_set_aside_and_the_conversation_goes_on(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    bot = lumen_process()
    await telegram.wait_until_polling(timeout=60)
    other = telegram.user()
    for person in (telegram_user, other):
        await person.send_text(SAID if person is telegram_user else "hello")
        [answer] = await person.wait_for_bot_messages(1, timeout=30)
        assert "MENTOR-MARKER" in answer.text

    assert bot.cwd is not None
    with sqlite3.connect(bot.cwd / "data" / "lumen.db", timeout=10) as db:
        person_id, turn_id, body = db.execute(
            "SELECT t.person_id, t.id, t.body FROM turns t JOIN people p ON p.id = t.person_id"
            " WHERE p.external_id = ? ORDER BY t.id LIMIT 1",
            (str(telegram_user.user_id),),
        ).fetchone()
        damaged = bytearray(body)
        damaged[len(damaged) // 2] ^= 0x01  # one bit, as a bad sector would
        db.execute("UPDATE turns SET body = ? WHERE id = ?", (bytes(damaged), turn_id))

    for attempt in ("are you there?", "still there?"):
        await telegram_user.send_text(attempt)
        [said] = await telegram_user.wait_for_bot_messages(1, timeout=30)
        assert "MENTOR-MARKER" in said.text, attempt
        assert said.text != text("record_unreadable")
    assert len(llm.requests_containing(SAID)) == 1, "after the damage, set aside"
    await other.send_text("and now?")
    [answer] = await other.wait_for_bot_messages(1, timeout=30)
    assert "MENTOR-MARKER" in answer.text
    assert bot.alive

    assert bot.stop() == 0
    log = bot.output()
    assert f"record_unreadable person={person_id} table=turns record={turn_id}" in log
    assert f"turn_set_aside person={person_id}" in log and f"turn={turn_id}" in log
    assert "handler_failed" not in log
    for leaked in (SAID, "are you there?", "failed authentication", "Traceback"):
        assert leaked not in log
