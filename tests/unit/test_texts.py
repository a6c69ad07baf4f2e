"""Lumen's own words: crisis care speaks every language its resources speak."""

from __future__ import annotations

import pytest

from lumen_bot import texts
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
