"""Nothing lost, nothing doubled: `lumen run` killed with SIGKILL mid-conversation, restarted.

Kills land in the zones where a message could be lost or answered twice: just
after the person sent it (fetched but maybe not stored), and while the answer is
being written (the LLM is slowed down so the kill lands mid-stream). Not covered:
the instant between Telegram accepting an answer and Lumen recording that it was
delivered; a kill there can repeat that one answer after the restart.
"""

from __future__ import annotations

import asyncio
import os
import random
import time
from typing import Any

import pytest

from .expect import messages_for, the_answer
from .llm_proxy import Fault, LlmProxy
from .lumen_cli import export, exported
from .processes import LumenFactory, ManagedProcess
from .telegram_user import TelegramUser, TelegramWorld

pytestmark = pytest.mark.e2e

KILLS = int(os.environ.get("LUMEN_CRASH_KILLS", "20"))  # `make soak` raises it


async def restart_after_kill(bot: ManagedProcess, telegram: TelegramWorld) -> None:
    bot.kill()
    started = time.time()
    bot.start()
    await telegram.wait_until_polling(since=started, timeout=60)


async def wait_until(condition: Any, within_s: float = 60.0) -> None:
    deadline = time.monotonic() + within_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.05)


async def test_a_kill_mid_answer_is_answered_once_after_restart(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    bot = lumen_process()
    await telegram.wait_until_polling(timeout=60)
    llm.inject(Fault.slow(5))
    await telegram_user.send_text("something that took courage")
    await wait_until(lambda: bool(llm.requests_containing("something that took courage")))
    await restart_after_kill(bot, telegram)
    sent = await telegram_user.wait_for_bot_messages(
        messages_for("something that took courage"), timeout=60
    )
    the_answer([m.text or "" for m in sent])  # once, with the offer of support if a concern
    await telegram_user.assert_no_bot_messages(within=2.0)
    turns = (await export(bot, telegram_user.user_id))["sessions"][0]["turns"]
    assert [t["text"] for t in turns if t["role"] == "user"] == ["something that took courage"]
    assert all(t["answered_at"] for t in turns)


async def test_a_kill_during_closing_still_closes_once(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    bot = lumen_process()
    await telegram.wait_until_polling(timeout=60)
    await telegram_user.send_text("a whole session in one line")
    await telegram_user.wait_for_bot_messages(1, timeout=30)
    llm.inject(Fault.slow(5))
    await telegram_user.send_command("/end")
    [closing] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "notes" in closing.text
    await wait_until(lambda: bool(llm.requests_containing("SESSION_NOTEBOOK")))
    await restart_after_kill(bot, telegram)
    parting, _closed = await telegram_user.wait_for_bot_messages(2, timeout=60)
    assert parting.text.startswith("Readiness")
    await telegram_user.assert_no_bot_messages(within=2.0)
    data = await export(bot, telegram_user.user_id)
    assert [s["state"] for s in data["sessions"]] == ["closed"]
    assert len(data["notebooks"]) == 1 and len(data["arcs"]) == 1


async def test_random_kills_lose_nothing_and_double_nothing(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    rng = random.Random(2026)
    bot = lumen_process()
    await telegram.wait_until_polling(timeout=60)
    sent = []
    for round_number in range(KILLS):
        text = f"message number {round_number} of the night"
        sent.append(text)
        if rng.random() < 0.5:
            llm.inject(Fault.slow(3))
            await telegram_user.send_text(text)
            await wait_until(lambda text=text: bool(llm.requests_containing(text)))
            await asyncio.sleep(rng.uniform(0, 0.3))  # killed while the answer is written
        else:
            await telegram_user.send_text(text)
            await asyncio.sleep(rng.uniform(0, 0.05))  # killed as the message arrives
        await restart_after_kill(bot, telegram)
    await wait_until(lambda: llm.pending_faults == 0)

    def all_answered() -> bool:
        data = exported(bot, telegram_user.user_id)
        turns = [t for s in data["sessions"] for t in s["turns"]]
        return all(t["answered_at"] for t in turns if t["role"] == "user")

    deadline = time.monotonic() + 120
    while not await asyncio.to_thread(all_answered):
        assert time.monotonic() < deadline, "every stored message is answered in the end"
        await asyncio.sleep(0.5)
    assert bot.stop() == 0
    data = await export(bot, telegram_user.user_id)
    turns = [t for s in data["sessions"] for t in s["turns"]]
    user_texts = [t["text"] for t in turns if t["role"] == "user"]
    assert sorted(user_texts) == sorted(sent), "every message stored, and stored once"
    replies = [t for t in turns if t["kind"] == "reply"]
    delivered = [
        m
        for m in telegram_user.records.messages.values()
        if "MENTOR-MARKER" in str(m.get("text", ""))
    ]
    assert len(delivered) == len(replies), "each answer delivered once"
    assert not [s for s in data["sessions"] if s["state"] == "closing"]
