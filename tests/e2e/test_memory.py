"""/memory end to end: `lumen run` against the Telegram emulator and fakellm.

The person reads the Arc section by section and a notebook, says "That's not right"
under a section, and their next message is the correction: the Arc is rewritten
(fakellm's arc_correct rule), stored as a new version, and the rewritten section shown.
"""

from __future__ import annotations

import pytest

from .llm_proxy import LlmProxy
from .lumen_cli import export
from .processes import LumenFactory
from .telegram_user import TelegramUser, TelegramWorld

pytestmark = pytest.mark.e2e

SECTIONS = [
    "Who You Are",
    "Your Current Chapter",
    "What's Aligned",
    "What's Unfinished",
    "Patterns I've Noticed",
    "Your Words",
    "Our Journey",
]
CORRECTION = "The job doesn't scare me. What I can't stand is the waiting."


async def test_memory_shows_the_arc_and_notebooks_and_a_correction_rewrites_the_arc(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    bot = lumen_process()
    await telegram.wait_until_polling(timeout=60)
    user = telegram_user

    await user.send_command("/memory")
    no_arc, no_notebooks = await user.wait_for_bot_messages(2, timeout=30)
    assert "don't hold an Arc" in no_arc.text and "any session notebooks" in no_notebooks.text

    await user.send_text("My new job scares me")
    [answer] = await user.wait_for_bot_messages(1, timeout=30)
    assert "MENTOR-MARKER" in answer.text
    await user.send_command("/end")
    await user.wait_for_bot_messages(3, timeout=60)  # closing, parting words, closed

    await user.send_command("/memory")
    intro, *sections, notebooks = await user.wait_for_bot_messages(9, timeout=30)
    assert "the Arc" in intro.text
    assert [s.entity_texts("bold")[0] for s in sections] == SECTIONS, "one message a section"
    assert "ARC-MARKER-CREATE" in sections[0].text
    assert all(
        s.buttons == [("That's not right", f"memory:fix:1:{i}")] for i, s in enumerate(sections)
    )
    [(label, data)] = notebooks.buttons
    assert label.startswith("Session 1 · ") and data == "memory:nb:1"

    await user.press_button(notebooks, data)
    title, notebook = await user.wait_for_bot_messages(2, timeout=30)
    assert "session 1" in title.text and "NOTEBOOK-MARKER-1" in notebook.text

    await user.press_button(sections[0], "memory:fix:1:0")
    [asked] = await user.wait_for_bot_messages(1, timeout=30)
    assert "What isn't right about “Who You Are”?" in asked.text

    await user.send_text(CORRECTION)
    thanks, now, rewritten = await user.wait_for_bot_messages(3, timeout=30)
    assert "setting me straight" in thanks.text and "how it reads now" in now.text
    assert rewritten.text.startswith("✏ Who You Are") and "ARC-MARKER-CORRECT" in rewritten.text
    assert "Your Current Chapter" not in rewritten.text, "the section, not the whole Arc"

    [request] = llm.requests_containing("ARC_CORRECT")
    assert f"<correction>\n{CORRECTION}\n</correction>" in request.conversation
    assert "ARC-MARKER-CREATE" in request.conversation, "the Arc it corrects"
    assert not [r for r in llm.requests_containing(CORRECTION) if r is not request], (
        "the correction went to the rewrite only, never to the conversation"
    )
    arcs = (await export(bot, user.user_id))["arcs"]
    assert [a["version"] for a in arcs] == [1, 2]
    assert arcs[1]["prompt_version"].startswith("arc_correct.v1+")
    assert "ARC-MARKER-CORRECT" in arcs[1]["text"]

    await user.send_command("/memory")
    _, first, *_ = await user.wait_for_bot_messages(9, timeout=30)
    assert "ARC-MARKER-CORRECT" in first.text
    assert first.buttons == [("That's not right", "memory:fix:2:0")]


async def test_cancel_leaves_the_question_and_the_next_message_goes_to_the_mentor(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    lumen_process()
    await telegram.wait_until_polling(timeout=60)
    user = telegram_user
    await user.send_text("My new job scares me")
    await user.wait_for_bot_messages(1, timeout=30)
    await user.send_command("/end")
    await user.wait_for_bot_messages(3, timeout=60)

    await user.send_command("/memory")
    _, first, *_ = await user.wait_for_bot_messages(9, timeout=30)
    await user.press_button(first, "memory:fix:1:0")
    await user.wait_for_bot_messages(1, timeout=30)
    await user.send_command("/cancel")
    [left] = await user.wait_for_bot_messages(1, timeout=30)
    assert "left it as it was" in left.text

    await user.send_text("Actually, let's talk about Friday")
    [answer] = await user.wait_for_bot_messages(1, timeout=30)
    assert "MENTOR-MARKER" in answer.text
    assert not llm.requests_containing("ARC_CORRECT")
