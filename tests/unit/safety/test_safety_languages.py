"""Every supported language: labelled cases, language guessing, and each lexicon's idioms."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from safety import Level
from safety.lexicon import load_common, load_lexicon
from safety.screen import SUPPORTED, Screen

CASES_DIR = Path(__file__).with_name("lang_cases")
COMMON = load_common()
LEXICONS = {lang: load_lexicon(lang, COMMON) for lang in SUPPORTED}
SCREEN = Screen(COMMON, LEXICONS)  # the rules alone: the chat model is test_safety_chat.py's


def _cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(CASES_DIR.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            out += [(path.stem, json.loads(line)) for line in lines if line.strip()]
    return out


CASES = _cases()
IDS = [f"{lang}-{c['level']}-{c['why']}-{c['text'][:30]}" for lang, c in CASES]


def test_every_supported_language_but_english_has_at_least_fifteen_cases() -> None:
    counts = {lang: sum(1 for code, _ in CASES if code == lang) for lang in SUPPORTED}
    assert {lang: n for lang, n in counts.items() if n < 15 and lang != "en"} == {}


@pytest.mark.parametrize(("lang", "case"), CASES, ids=IDS)
def test_case_gets_its_level_when_the_language_is_given(lang: str, case: dict[str, Any]) -> None:
    result = SCREEN(case["text"], lang=lang, recent=tuple(case.get("recent", ())))
    assert result.level is Level(case["level"]), result.evidence
    if "third_party" in case:
        assert result.third_party is case["third_party"]
    if "category" in case:
        assert case["category"] in result.categories


@pytest.mark.parametrize(("lang", "case"), CASES, ids=IDS)
def test_case_gets_its_level_and_language_when_the_language_is_guessed(
    lang: str, case: dict[str, Any]
) -> None:
    result = SCREEN(case["text"], recent=tuple(case.get("recent", ())))
    assert result.level is Level(case["level"]), result.evidence
    choice = SCREEN.choose(case["text"])
    if choice.sure or result.level is not Level.NONE:  # unsure and calm: nothing to tell
        assert result.lang == lang


BENIGN = [(lang, text) for lang, lexicon in LEXICONS.items() for text in lexicon.benign_examples]
COUNTER = [
    (lang, rule.name, text)
    for lang, lexicon in LEXICONS.items()
    for rule in lexicon.rules
    for text in rule.counter_examples
]


@pytest.mark.parametrize(("lang", "text"), BENIGN)
def test_each_lexicons_benign_examples_screen_as_none(lang: str, text: str) -> None:
    assert SCREEN(text, lang=lang).level is Level.NONE
    assert SCREEN(text).level is Level.NONE


@pytest.mark.parametrize(("lang", "rule", "text"), COUNTER)
def test_no_rule_fires_on_its_counter_examples(lang: str, rule: str, text: str) -> None:
    assert rule not in SCREEN.rules_fired(text, lang=lang)
