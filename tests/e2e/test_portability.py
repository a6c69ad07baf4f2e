"""/export and /import end to end: `lumen run` against the Telegram emulator and fakellm.

A person exports their history, and a new bot instance (a fresh data folder, the same
keyring file) takes it back: the history there is the same, byte for byte, and the
mentor remembers it. A passphrase is deleted from the chat and kept nowhere.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from .llm_proxy import LlmProxy
from .lumen_cli import export, run_lumen
from .processes import LumenFactory, ManagedProcess
from .telegram_records import SentFile
from .telegram_user import BotMessage, TelegramUser, TelegramWorld
from .test_rhythm import session_then_end

pytestmark = pytest.mark.e2e

PASSPHRASE = "seven quiet lanterns by the river"


async def start_new_instance(
    lumen_process: LumenFactory, telegram: TelegramWorld, tmp_path: Path
) -> ManagedProcess:
    """Another Lumen: its own empty data folder, the first one's keyring file."""
    started_at = time.time()
    bot = lumen_process(env={"LUMEN_DATA_DIR": str(tmp_path / "data-new")}, name="lumen-new")
    await telegram.wait_until_polling(since=started_at, timeout=60)
    return bot


async def exported_file(user: TelegramUser, menu: BotMessage, button: str) -> SentFile:
    await user.press_button(menu, button)
    [sent] = await user.wait_for_bot_messages(1, timeout=30)
    [file] = [f for f in user.records.files if f.message_id == sent.message_id]
    return file


def deleted_everywhere(user: TelegramUser, text: str, times: int) -> bool:
    """Every message of the person's with this text was deleted from their chat."""
    sent = [
        (int(u["message"]["chat"]["id"]), int(u["message"]["message_id"]))
        for u in list(user.records.updates)
        if u.get("message", {}).get("text") == text
    ]
    return len(sent) == times and all(m in user.records.deleted for m in sent)


async def test_an_export_brings_the_history_back_in_a_new_instance(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
    tmp_path: Path,
) -> None:
    first = lumen_process()
    await telegram.wait_until_polling(timeout=60)
    await session_then_end(telegram_user)

    await telegram_user.send_command("/export")
    [menu] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert [data for _, data in menu.buttons] == ["export:plain", "export:passphrase"]
    assert "cannot be recovered" in menu.text
    file = await exported_file(telegram_user, menu, "export:plain")
    assert file.kind == "document" and file.filename.startswith("lumen-export-")
    assert file.filename.endswith(".zip") and file.content.startswith(b"PK\x03\x04")
    assert file.caption is not None and "1 session(s)" in file.caption
    first.stop()

    second = await start_new_instance(lumen_process, telegram, tmp_path)
    await telegram_user.send_document(file.content, file.filename)
    [done] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert done.text.startswith("Welcome back — I restored 1 session(s)")
    assert await export(second, telegram_user.user_id) == await export(first, telegram_user.user_id)
    again = run_lumen(second, "export", "--user", str(telegram_user.user_id))
    assert again.stdout == run_lumen(first, "export", "--user", str(telegram_user.user_id)).stdout

    await telegram_user.send_text("I asked for feedback on Friday")
    [answered] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "MENTOR-MARKER" in answered.text
    [request] = llm.requests_containing("I asked for feedback on Friday")
    assert "session_number: 2" in request.body["system"][1]["text"]
    assert "NOTEBOOK-MARKER-1" in request.body["system"][1]["text"], "it remembers"


async def test_a_passphrase_is_deleted_kept_nowhere_and_opens_the_export_elsewhere(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
    tmp_path: Path,
) -> None:
    first = lumen_process()
    await telegram.wait_until_polling(timeout=60)
    await telegram_user.send_text("My new job scares me")
    [answer] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "MENTOR-MARKER" in answer.text

    await telegram_user.send_command("/export")
    [menu] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    await telegram_user.press_button(menu, "export:passphrase")
    [prompt] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "cannot be recovered" in prompt.text
    assert (prompt.reply_markup or {}).get("force_reply") is True
    await telegram_user.send_text(PASSPHRASE, reply_to=prompt)
    [sent] = await telegram_user.wait_for_bot_messages(1, timeout=60)
    [file] = [f for f in telegram_user.records.files if f.message_id == sent.message_id]
    assert file.filename.endswith(".zip.lumen") and file.content.startswith(b"LUMENENC")
    assert deleted_everywhere(telegram_user, PASSPHRASE, times=1)
    first.stop()

    second = await start_new_instance(lumen_process, telegram, tmp_path)
    await telegram_user.send_document(file.content, file.filename)
    [ask] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "This export is protected" in ask.text
    await telegram_user.send_text("not the right words at all", reply_to=ask)
    [wrong] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "doesn't open" in wrong.text
    await telegram_user.send_text(PASSPHRASE)  # no reply this time: the prompt is open
    [done] = await telegram_user.wait_for_bot_messages(1, timeout=60)
    assert done.text.startswith("Welcome back — I restored 1 session(s)")
    assert deleted_everywhere(telegram_user, PASSPHRASE, times=2)
    assert deleted_everywhere(telegram_user, "not the right words at all", times=1)

    restored = await export(second, telegram_user.user_id)
    assert restored == await export(first, telegram_user.user_id)
    [session] = restored["sessions"]
    assert [t["role"] for t in session["turns"]] == ["user", "mentor"], "no passphrase turn"
    assert session["turns"][0]["text"] == "My new job scares me"
    assert PASSPHRASE not in json.dumps(restored) and "right words" not in json.dumps(restored)
    for bot in (first, second):
        assert PASSPHRASE not in bot.tail(10_000) and "right words" not in bot.tail(10_000)
    assert not llm.requests_containing(PASSPHRASE)
    assert not llm.requests_containing("right words")
