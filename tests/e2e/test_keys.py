"""Key rotation beside the running bot: `lumen keys` in a second process, no downtime."""

from __future__ import annotations

import asyncio
import subprocess

import pytest

from .lumen_cli import export, run_lumen
from .processes import LumenFactory, ManagedProcess
from .telegram_user import TelegramUser, TelegramWorld

pytestmark = pytest.mark.e2e


async def keys(bot: ManagedProcess, *args: str) -> subprocess.CompletedProcess[str]:
    result = await asyncio.to_thread(run_lumen, bot, "keys", *args)
    assert result.returncode == 0, result.stderr
    return result


async def test_keys_rotate_retire_and_rotate_data_while_the_bot_keeps_answering(
    lumen_process: LumenFactory, telegram: TelegramWorld, telegram_user: TelegramUser
) -> None:
    # The bot looks up a person's data-key version again after 1 s; the rotation
    # therefore keeps the old key 2 s before it may delete it.
    bot = lumen_process(env={"LUMEN_KEY_VERSION_TTL": "1"})
    await telegram.wait_until_polling(timeout=60)
    await telegram_user.send_text("My new job scares me")
    await telegram_user.wait_for_bot_messages(1, timeout=30)
    await telegram_user.send_command("/end")
    await telegram_user.wait_for_bot_messages(3, timeout=60)  # notes, parting words, closed

    rotated = await keys(bot, "rotate")
    assert "added key-encryption key v2" in rotated.stdout
    assert "rewrapped 1 data key(s)" in rotated.stdout
    await telegram_user.send_text("I asked for feedback on Friday")
    [answer] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "MENTOR-MARKER" in answer.text
    newcomer = telegram.user()  # first seen after the rotation: wrapped by the new KEK
    await newcomer.send_text("Hello, I am new here")
    await newcomer.wait_for_bot_messages(1, timeout=30)
    await keys(bot, "retire", "1")
    status = await keys(bot, "status")
    assert "v2: wraps 2 data key(s) (newest)" in status.stdout
    assert "v1:" not in status.stdout

    moved = await keys(bot, "rotate-data", "--user", str(telegram_user.user_id), "--wait")
    assert "1 finished" in moved.stdout
    # The old data key is gone: whatever the bot seals now must be under the new one,
    # or the next command (a fresh process) could not open it.
    await telegram_user.send_text("One more thing after the rotation")
    await telegram_user.wait_for_bot_messages(1, timeout=30)

    data = await export(bot, telegram_user.user_id)
    said = [t["text"] for s in data["sessions"] for t in s["turns"] if t["role"] == "user"]
    assert said == [
        "My new job scares me",
        "I asked for feedback on Friday",
        "One more thing after the rotation",
    ]
    assert "NOTEBOOK-MARKER-1" in data["notebooks"][0]["text"]
    assert "ARC-MARKER-CREATE" in data["arc"]
    assert (await export(bot, newcomer.user_id))["sessions"][0]["turns"][0]["text"] == (
        "Hello, I am new here"
    )
    status = await keys(bot, "status")
    assert "data-key rotations under way: none" in status.stdout
