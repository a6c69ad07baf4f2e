"""Behaviour of `safety.screen` on labelled cases written for these tests, and its contracts.

The labelled cases are the rules' (`RULES`, the screen without its chat model): each
level is a decision of the policy a rule makes. What the chat model adds on top of them
is tested in `test_safety_chat.py`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from safety import Category, Level, Screening, screen
from safety.screen import build_screen

CASES_FILE = Path(__file__).with_name("screen_cases.jsonl")


def _cases() -> list[dict[str, Any]]:
    with CASES_FILE.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


CASES = _cases()
RULES = build_screen(chat=False)


def _id(case: dict[str, Any]) -> str:
    return f"{case['level']}-{case['why']}-{case['text'][:40]}"


def _run(case: dict[str, Any]) -> Screening:
    return RULES(case["text"], lang=case.get("lang"), recent=tuple(case.get("recent", ())))


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_labelled_case_gets_its_level(case: dict[str, Any]) -> None:
    result = _run(case)
    assert result.level is Level(case["level"]), result.evidence


@pytest.mark.parametrize(
    "case", [c for c in CASES if "category" in c], ids=[_id(c) for c in CASES if "category" in c]
)
def test_labelled_case_names_its_category(case: dict[str, Any]) -> None:
    assert Category(case["category"]) in _run(case).categories


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if "third_party" in c],
    ids=[_id(c) for c in CASES if "third_party" in c],
)
def test_worry_about_someone_else_is_marked_third_party(case: dict[str, Any]) -> None:
    assert _run(case).third_party is case["third_party"]


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_evidence_spans_lie_inside_the_text_and_match_the_level(case: dict[str, Any]) -> None:
    result = _run(case)
    for item in result.evidence:
        assert 0 <= item.start < item.end <= len(case["text"])
    if result.level is Level.NONE:
        assert result.evidence == ()
        assert result.categories == ()
    else:
        assert max(e.level.rank for e in result.evidence) == result.level.rank


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        (
            "Long day. Honestly I'm going to kill myself tonight.",
            "suicide.intent",
            "I'm going to kill myself",
        ),
        ("Café ☕ was nice. I want to end my life", "suicide.intent", "I want to end my life"),
        ("ok so k1ll mys3lf i guess", "suicide.mention", "k1ll mys3lf"),
        ("k i l l  m y s e l f", "suicide.mention", "k i l l  m y s e l f"),
        ("he\u2019s outside with a knife!!", "danger.now", "he\u2019s outside with a knife"),
        ("hmm 💊💊💊🪦", "suicide.emoji", "💊💊💊🪦"),
        ("I    took 30    pills", "suicide.overdose", "I    took 30    pills"),
        ("¡Qué día! Hoy me voy a matar", "es.suicide.intent", "Hoy me voy a matar"),
    ],
)
def test_evidence_span_points_at_the_words_that_fired(text: str, rule: str, span: str) -> None:
    result = screen(text)
    fired = [e for e in result.evidence if e.rule == rule]
    assert fired, result.evidence
    assert text[fired[0].start : fired[0].end] == span


def test_risk_in_the_last_clause_of_a_very_long_message_is_found() -> None:
    filler = "We talked about the garden, the weather and the new bus timetable. " * 150
    result = screen(filler + "Honestly I want to kill myself.")
    assert result.level is Level.CRISIS
    assert result.evidence[-1].start > len(filler)


def test_same_input_gives_an_equal_result_every_time() -> None:
    texts = [c["text"] for c in CASES]
    first = [screen(t, recent=("I wrote the letters.",)) for t in texts]
    again = [screen(t, recent=("I wrote the letters.",)) for t in texts]
    assert first == again


def test_categories_list_the_most_urgent_first_and_include_concerns() -> None:
    result = screen("I haven't eaten in days. He's outside with a knife.")
    assert result.level is Level.CRISIS
    assert result.categories == (Category.DANGER_FROM_OTHERS, Category.EATING_DISORDER)


def test_escalation_across_messages_names_the_facets_and_points_at_this_message() -> None:
    text = "tonight is the night"
    result = screen(text, recent=["I wrote the letters."])
    (item,) = [e for e in result.evidence if e.rule.startswith("context.")]
    assert item.rule == "context.plan+time"
    assert text[item.start : item.end] == "tonight is the night"


def test_recent_messages_alone_never_raise_the_level() -> None:
    assert screen("ok", recent=["I'm going to kill myself tonight"]).level is Level.NONE


def test_recent_accepts_any_sequence_of_strings() -> None:
    assert screen("I took them all", recent=["I have 40 pills"]).level is Level.CRISIS
    assert screen("I took them all", recent=("I have 40 pills",)).level is Level.CRISIS


def test_empty_and_whitespace_messages_are_none() -> None:
    assert screen("") == Screening(level=Level.NONE, lang="en")
    assert screen(" \n\t ").level is Level.NONE


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en-GB", "en"), ("es_MX", "es"), ("fr", "fr"), ("pt-BR", "pt"), ("it", "en"), (None, "en")],
)
def test_lang_picks_a_lexicon_or_falls_back_to_english(lang: str | None, expected: str) -> None:
    assert screen("hello there", lang=lang).lang == expected


def test_language_is_guessed_from_function_words_when_not_given() -> None:
    result = screen("ya no quiero vivir, estoy cansada de todo")
    assert result.lang == "es"
    assert result.level is Level.CONCERN


def test_english_slang_is_still_caught_inside_another_language() -> None:
    assert screen("no sé qué hacer, kms", lang="es").level is Level.CONCERN


def test_screen_handles_unusual_characters_without_error() -> None:
    odd = (
        "\u0130stanbul \ufb01ne \u00df \x00 \ud7ff \U0001d55c\U0001d55a \u202e text "
        + "\U0001f642" * 50
    )
    assert RULES(odd).level is Level.NONE
    assert isinstance(screen(odd), Screening)  # the chat model reads it without error too
