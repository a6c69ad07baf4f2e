"""A real session end to end: `lumen run` against the Telegram emulator and a fake Anthropic API."""

from __future__ import annotations

import asyncio

import pytest

from lumen_bot import texts
from tests.canary import files_under, find_canary

from .expect import messages_for
from .llm_proxy import Fault, LlmProxy
from .lumen_cli import export, run_lumen
from .processes import LumenFactory, ManagedProcess
from .telegram_user import TelegramUser, TelegramWorld

pytestmark = pytest.mark.e2e

CRISIS = "I have the pills ready and I'm going to take them all tonight"


async def start_lumen(lumen_process: LumenFactory, telegram: TelegramWorld) -> ManagedProcess:
    bot = lumen_process()
    await telegram.wait_until_polling(timeout=60)
    return bot


async def test_start_welcomes_and_commands_are_in_the_menu(
    lumen_process: LumenFactory, telegram: TelegramWorld, telegram_user: TelegramUser
) -> None:
    await start_lumen(lumen_process, telegram)
    await telegram_user.send_command("/start")
    [welcome] = await telegram_user.wait_for_bot_messages(1, timeout=20)
    for promise in ("mentor", "not a therapist", "emergency", "encrypted", "never", "/end"):
        assert promise in welcome.text
    commands = {c["command"] for c in telegram_user.bot_commands()}
    assert commands == {
        "start",
        "end",
        "help",
        "privacy",
        "report",
        "country",
        "remind",
        "timezone",
        "pause",
        "resume",
        "memory",
        "cancel",
        "export",
        "import",
        "forget",
        "retention",
        "insights",
    }
    in_spanish = telegram_user.bot_commands(language_code="es")
    assert [(c["command"], c["description"]) for c in in_spanish] == list(texts.commands("es"))

    await telegram_user.send_command("/help")
    [help_text] = await telegram_user.wait_for_bot_messages(1)
    assert "/end" in help_text.text and "/privacy" in help_text.text
    await telegram_user.send_command("/privacy")
    [privacy] = await telegram_user.wait_for_bot_messages(1)
    assert "encrypted" in privacy.text and "train" in privacy.text


async def test_a_conversation_streams_drafts_then_a_formatted_message(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    await start_lumen(lumen_process, telegram)
    await telegram_user.send_text("I keep waiting to feel ready")
    [answer] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "MENTOR-MARKER" in answer.text
    assert "*" not in answer.text.replace("**", ""), "Markdown became entities, not stars"
    assert any(action.action == "typing" for action in telegram_user.chat_actions)
    assert telegram_user.drafts, "partial text was shown as a draft"
    assert all(draft.chat_id == telegram_user.chat_id for draft in telegram_user.drafts)
    [request] = llm.requests_containing("I keep waiting to feel ready")
    system = request.body["system"]
    assert system[1]["cache_control"] == {"type": "ephemeral"}, "context is a cache breakpoint"
    assert "session_number: 1" in system[1]["text"]


async def test_end_writes_notebook_and_arc_and_the_next_session_reads_them(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    bot = await start_lumen(lumen_process, telegram)
    await telegram_user.send_text("My new job scares me")
    await telegram_user.wait_for_bot_messages(1, timeout=30)

    await telegram_user.send_command("/end")
    closing, parting, closed = await telegram_user.wait_for_bot_messages(3, timeout=60)
    assert "notes" in closing.text
    assert parting.text.startswith("Readiness often arrives after the first step")
    assert "A good time for our next one" in closed.text

    data = await export(bot, telegram_user.user_id)
    [session] = data["sessions"]
    assert session["state"] == "closed" and session["closed_by"] == "end"
    assert [t["role"] for t in session["turns"]] == ["user", "mentor"]
    assert session["turns"][0]["text"] == "My new job scares me"
    [notebook] = data["notebooks"]
    assert "NOTEBOOK-MARKER-1" in notebook["text"]
    assert notebook["prompt_version"].startswith("notebook.v1+")
    assert "ARC-MARKER-CREATE" in data["arc"]
    assert data["arcs"][0]["prompt_version"].startswith("arc_create.v1+")

    await telegram_user.send_text("I asked for feedback on Friday")
    [answer] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "MENTOR-MARKER" in answer.text
    [request] = llm.requests_containing("I asked for feedback on Friday")
    context = request.body["system"][1]["text"]
    assert "session_number: 2" in context
    assert "ARC-MARKER-CREATE" in context, "the Arc"
    assert "NOTEBOOK-MARKER-1" in context, "the first notebook"
    assert "My new job scares me" in context, "the last transcript"
    assert len((await export(bot, telegram_user.user_id))["sessions"]) == 2


async def test_a_crisis_gets_resources_at_once_and_never_reaches_the_llm(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    bot = await start_lumen(lumen_process, telegram)
    await telegram_user.send_text(CRISIS)
    [resources] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "988" in resources.text or "112" in resources.text
    assert llm.requests_containing(CRISIS) == []
    assert llm.requests == [], "no LLM call at all for a crisis message"
    kinds = [t["kind"] for t in (await export(bot, telegram_user.user_id))["sessions"][0]["turns"]]
    assert kinds == ["crisis", "resources"]


async def test_a_group_hears_once_that_lumen_is_private_and_nothing_is_stored(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    bot = await start_lumen(lumen_process, telegram)
    await telegram_user.send_group_message("hello everyone", group_id=-1005)
    [notice] = await telegram_user.wait_for_bot_messages(1, chat_id=-1005, timeout=30)
    assert "private" in notice.text
    await telegram_user.send_group_message("are you there?", group_id=-1005)
    await telegram_user.assert_no_bot_messages(within=2.0)
    assert llm.requests == []
    result = await asyncio.to_thread(run_lumen, bot, "export", "--user", str(telegram_user.user_id))
    assert result.returncode == 1 and "no person" in result.stderr


async def test_a_photo_gets_a_kind_text_only_reply(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    await start_lumen(lumen_process, telegram)
    await telegram_user.send_photo()
    [reply] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "only read text" in reply.text
    assert "not safe right now" in reply.text, "what cannot be screened still names help"
    assert llm.requests == []
    await telegram_user.send_text("ok, in words then")
    [answer] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "MENTOR-MARKER" in answer.text, "the bot keeps working after a photo"


async def test_a_photo_caption_is_screened_and_a_crisis_in_it_gets_resources(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    await start_lumen(lumen_process, telegram)
    await telegram_user.send_photo(caption=CRISIS)
    note, resources = await telegram_user.wait_for_bot_messages(2, timeout=30)
    assert "only words" in note.text
    assert "988" in resources.text or "112" in resources.text
    assert llm.requests == [], "a crisis in a caption never reaches the LLM"


async def test_a_mid_stream_error_keeps_the_turn_and_promises_an_answer_not_a_resend(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    bot = await start_lumen(lumen_process, telegram)
    llm.inject(Fault.mid_stream_error(after_deltas=2))
    await telegram_user.send_text("something that took courage to write")
    [sorry] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "lost my words" in sorry.text and "no need to send it again" in sorry.text
    assert "overloaded" not in sorry.text.lower(), "people see our words, not the error"
    [turn] = (await export(bot, telegram_user.user_id))["sessions"][0]["turns"]
    assert turn["text"] == "something that took courage to write"
    assert bot.alive


async def test_a_canary_sentence_leaves_no_plaintext_in_files_or_logs(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    """The real process: what a person wrote is in no database file and no log line."""
    canary = "Violet lantern 3381 hums beneath the old stone bridge"
    bot = await start_lumen(lumen_process, telegram)
    said = f"Something I never said aloud: {canary}"
    await telegram_user.send_text(said)
    await telegram_user.wait_for_bot_messages(messages_for(said), timeout=30)
    await telegram_user.send_command("/end")
    await telegram_user.wait_for_bot_messages(3, timeout=60)
    assert llm.requests_containing(canary), "the canary did reach the mentor"
    assert bot.stop() == 0, "lumen stops cleanly on SIGTERM"
    assert bot.cwd is not None
    scanned = files_under(bot.cwd)
    names = {name for name, _ in scanned}
    assert {"data/lumen.db", "data/keys.db", "lumen.log"} <= names
    assert "turn_answered" in bot.output(), "the log was written"
    assert telegram.token not in bot.output(), "Bot API URLs (with the token) are not logged"
    assert find_canary(canary, scanned) == []
