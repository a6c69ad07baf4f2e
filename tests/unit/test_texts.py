"""Lumen's own words: crisis care speaks every language its resources speak."""

from __future__ import annotations

import re

import pytest

from lumen_bot import texts
from lumen_bot.harness.commands import country_code
from safety.resources import MESSAGE_LANGS

CRISIS_CARE = (
    "talk_now_button",
    "safe_now_button",
    "safe_now",
    "blocked",
    "end_button",
    "text_only",  # what Lumen cannot read may be a crisis: it names the emergency number
)


@pytest.mark.parametrize("lang", sorted(set(MESSAGE_LANGS) - {"en"}))
def test_the_words_around_crisis_resources_are_in_each_of_their_languages(lang: str) -> None:
    for key in CRISIS_CARE:
        assert texts.text(key, lang) != texts.text(key, "en"), (key, lang)


@pytest.mark.parametrize("code", ["pt-BR", "PT", "pt_br"])
def test_a_regional_or_capitalised_code_finds_its_language(code: str) -> None:
    assert texts.text("safe_now_button", code) == texts.text("safe_now_button", "pt")


def test_a_language_without_translations_falls_back_to_english() -> None:
    assert texts.text("safe_now", "ja") == texts.text("safe_now", "en")
    assert texts.text("help", "es") == texts.text("help", "en"), "help is English for now"


def test_every_example_the_country_question_gives_is_one_country_accepts() -> None:
    """Names and codes alike: a person who copies an example is understood."""
    examples = re.findall(r"/country ([A-Z]\w*)", texts.text("country_ask"))
    assert len(examples) == 3
    assert [country_code(said) for said in examples] == ["BR", "GB", "DE"]
