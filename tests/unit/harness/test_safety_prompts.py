"""What the shipped safety addenda tell the mentor: safe-messaging basics, for every kind
of concern, and no phone numbers of its own (Lumen shows the verified lines itself)."""

from __future__ import annotations

import re

import pytest

from lumen_bot.harness.prompts import Prompt, PromptBook, default_prompts_dir

BOOK = PromptBook.load(default_prompts_dir())
ADDENDA = {
    "concern": BOOK.concern_addendum,
    "helper": BOOK.helper_addendum,
    "hurt": BOOK.hurt_addendum,
    "witness": BOOK.witness_addendum,
}


@pytest.mark.parametrize("addendum", ADDENDA.values(), ids=list(ADDENDA))
def test_every_addendum_asks_about_safety_directly_and_keeps_the_mentor_a_coach(
    addendum: Prompt,
) -> None:
    text = " ".join(addendum.text.split()).lower()
    assert "directly and kindly" in text
    assert "not a therapist" in text
    assert "diagnose" in text
    assert not re.search(r"\d{3}", text), "no phone numbers: Lumen shows the lines itself"


def test_the_hurt_addendum_believes_the_person_and_never_pushes_them_to_leave() -> None:
    text = " ".join(BOOK.hurt_addendum.text.split()).lower()
    assert "believe them" in text
    assert "not their fault" in text
    assert "do not tell them to leave" in text
    assert "couples counselling" in text


def test_the_witness_addendum_puts_their_own_safety_first_and_never_asks_them_to_step_in() -> None:
    text = " ".join(BOOK.witness_addendum.text.split()).lower()
    assert "believe them" in text
    assert "they and the other person are safe right now" in text
    assert "do not tell them to step in" in text
    assert "suicide" not in text, "the helper's words do not fit someone watching violence"
