"""Crisis care, reports and the admins' review, through the real `lumen run` process."""

from __future__ import annotations

import pytest

from lumen_bot.harness.prompts import PromptBook, default_prompts_dir
from safety.care import SafetyCare

from .llm_proxy import LlmProxy
from .lumen_cli import lumen_flags
from .processes import LumenFactory, ManagedProcess
from .telegram_user import TelegramUser, TelegramWorld

pytestmark = pytest.mark.e2e

CRISIS = "I have the pills ready and I'm going to take them all tonight"
THEIR_CONCERN = "my sister says she wants to end it"
ADMIN_ID = 900


PROMPTS = PromptBook.load(default_prompts_dir())


async def start_lumen(lumen_process: LumenFactory, telegram: TelegramWorld) -> ManagedProcess:
    bot = lumen_process(env={"LUMEN_ADMIN_IDS": str(ADMIN_ID)})
    await telegram.wait_until_polling(timeout=60)
    return bot


async def answered_then_offered(user: TelegramUser, llm: LlmProxy, addendum: str) -> str:
    """The mentor answers first, told `addendum` (and not the general concern addendum
    unless that is the one), then support is offered once: the offer's text."""
    answer, offer = await user.wait_for_bot_messages(2, timeout=30)
    assert "MENTOR-MARKER" in answer.text, "the mentor answers first"
    [request] = llm.requests
    assert addendum in request.system
    if addendum != PROMPTS.concern_addendum.text:
        assert PROMPTS.concern_addendum.text not in request.system
    return offer.text


async def test_a_crisis_gets_resources_with_buttons_and_a_flag_never_the_llm(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    bot = await start_lumen(lumen_process, telegram)
    await telegram_user.send_text(CRISIS)
    [resources] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    rows = (resources.reply_markup or {})["inline_keyboard"]
    urls = [button["url"] for row in rows for button in row if "url" in button]
    assert urls and urls[0].startswith("https://findahelpline.com")
    assert ("I'm safe for now", "safe:en") in resources.buttons

    await telegram_user.press_button(resources, "safe:en")
    [gentle] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "glad you're safe" in gentle.text
    assert llm.requests == [], "neither the crisis nor the button reached the LLM"

    queue = await lumen_flags(bot, "list")
    assert "crisis · open" in queue and "suicide_self_harm" in queue
    assert "1 open flag(s)" in queue


async def test_a_crisis_in_spanish_gets_spanish_resources_buttons_and_answer(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    llm: LlmProxy,
) -> None:
    """Everything a person in crisis sees speaks their language, down to the buttons."""
    await start_lumen(lumen_process, telegram)
    person = telegram.user(first_name="Lucía", language_code="es")
    await person.send_text("me voy a matar esta noche")
    [resources] = await person.wait_for_bot_messages(1, timeout=30)
    assert "Tú importas" in resources.text
    labels = [label for label, _ in resources.buttons]
    assert labels == ["📞 Hablar con alguien ahora", "Ahora estoy a salvo"]

    await person.press_button(resources, "safe:es")
    [gentle] = await person.wait_for_bot_messages(1, timeout=30)
    assert "Me alegra que ahora estés a salvo" in gentle.text
    assert llm.requests == []


async def test_a_report_with_a_reason_reaches_the_admin_who_resolves_it(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
) -> None:
    bot = await start_lumen(lumen_process, telegram)
    await telegram_user.send_text("I keep waiting to feel ready")
    [answer] = await telegram_user.wait_for_bot_messages(1, timeout=30)

    await telegram_user.send_command("/report that felt dismissive", reply_to=answer)
    [prompt] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    harmful = next(data for label, data in prompt.buttons if label == "Harmful")
    await telegram_user.press_button(prompt, harmful)
    [thanks] = await telegram_user.wait_for_edits(1, timeout=30)
    assert "Thank you" in (thanks.text or "")
    await telegram_user.press_button(prompt, harmful)
    _, again = await telegram_user.wait_for_edits(2, timeout=30)
    assert "already" in (again.text or ""), "a second press opens nothing new"

    await telegram_user.send_command("/flags")
    [help_text] = await telegram_user.wait_for_bot_messages(1, timeout=30)
    assert "Flag #" not in help_text.text, "a non-admin learns nothing of the queue"
    assert "/end" in help_text.text, "the same reply as any unknown command"

    admin = telegram.user(ADMIN_ID, first_name="Grace")
    await admin.send_command("/flags")
    [queued] = await admin.wait_for_bot_messages(1, timeout=30)
    assert "report · open" in queued.text and "harmful" in queued.text
    assert "their note: «that felt dismissive»" in queued.text
    await admin.press_button(
        queued, next(d for label, d in queued.buttons if label == "View context")
    )
    [full] = await admin.wait_for_bot_messages(1, timeout=30)
    assert "reported message: «" in full.text and "MENTOR-MARKER" in full.text
    assert "Them: I keep waiting to feel ready" in full.text
    await admin.press_button(queued, next(d for label, d in queued.buttons if label == "Resolve"))
    [resolved] = await admin.wait_for_edits(1, timeout=30)
    assert "resolved" in (resolved.text or "")

    audit = await lumen_flags(bot, "audit")
    assert f"telegram:{ADMIN_ID} | resolved | flag:" in audit
    assert f"telegram:{ADMIN_ID} | view | flag:" in audit
    assert "0 open flag(s)" in await lumen_flags(bot, "list")


async def test_worry_for_someone_else_gets_the_helper_addendum_then_helper_resources(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    bot = await start_lumen(lumen_process, telegram)
    await telegram_user.send_text(THEIR_CONCERN)
    offer = await answered_then_offered(telegram_user, llm, PROMPTS.helper_addendum.text)
    care, lang = SafetyCare(), telegram_user.language_code
    assert offer == care.helper_offer(care.country(None, lang), lang)
    assert "0 open flag(s)" in await lumen_flags(bot, "list"), "worry alone raises no flag"


@pytest.mark.parametrize(
    ("text", "addendum"),
    [
        ("my husband hits me when he drinks", PROMPTS.hurt_addendum.text),
        ("my stepdad hits my little sister", PROMPTS.witness_addendum.text),
    ],
    ids=["the person hurt", "someone else hurt"],
)
async def test_someone_hurt_by_someone_gets_its_addendum_and_the_abuse_line_first(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
    text: str,
    addendum: str,
) -> None:
    bot = await start_lumen(lumen_process, telegram)
    await telegram_user.send_command("/country US")
    await telegram_user.wait_for_bot_messages(1, timeout=30)
    await telegram_user.send_text(text)
    offer = await answered_then_offered(telegram_user, llm, addendum)
    assert PROMPTS.helper_addendum.text not in llm.requests[0].system, "not a helper's words"
    abuse, crisis = "National Domestic Violence Hotline", "988 Suicide & Crisis Lifeline"
    assert abuse in offer and crisis in offer
    assert offer.index(abuse) < offer.index(crisis)
    assert "0 open flag(s)" in await lumen_flags(bot, "list"), "a concern raises no flag"


async def test_a_command_whose_words_carry_risk_is_answered_as_a_message_with_care(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    """Lumen knows no command "/kms", but the screen knows its words: it is stored and
    answered with the safety addendum and support, not waved off with the command list."""
    await start_lumen(lumen_process, telegram)
    await telegram_user.send_command("/kms")
    offer = await answered_then_offered(telegram_user, llm, PROMPTS.concern_addendum.text)
    care, lang = SafetyCare(), telegram_user.language_code
    assert offer == care.concern_offer(care.country(None, lang), lang)


async def test_crisis_words_after_a_known_command_get_crisis_care_and_a_report_still_opens(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    """ "/end ..." or "/help ..." with a crisis in its words is a crisis, not a command; a
    "/report ..." whose line reads as a crisis gets the same care and opens the report."""
    bot = await start_lumen(lumen_process, telegram)
    await telegram_user.send_command(f"/end {CRISIS}")
    await telegram_user.send_command(f"/help {CRISIS}")
    first, second = await telegram_user.wait_for_bot_messages(2, timeout=30)
    for resources in (first, second):
        assert ("I'm safe for now", "safe:en") in resources.buttons
    await telegram_user.send_command(f"/report {CRISIS}")
    care, reasons = await telegram_user.wait_for_bot_messages(2, timeout=30)
    assert ("I'm safe for now", "safe:en") in care.buttons
    assert "What was wrong with it?" in reasons.text
    assert llm.requests == [], "no crisis reached the LLM"
    assert "3 open flag(s)" in await lumen_flags(bot, "list")
