"""Guards in front of the screen's patterns: they reject places quickly, never a match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safety.lexicon import load_common, load_lexicon
from safety.regex_source import start_guard
from safety.rules import after_space
from safety.screen import SUPPORTED

# Constructs the guard must read right: optional words, digits, lookbehinds, repeats
# that may match nothing, classes, a lookahead inside, a clause start.
PATTERNS = (
    r"(?P<m>\b(?:i (?:really )?want to die|kill(?:ing|ed)? myself))",
    r"(?P<m>\b(?:\d+ (?:pills|tablets)|a few pills))",
    r"(?P<m>\b(?:(?<!not )kidding|lo+l|ha(?:ha)+)\b)",
    r"(?P<m>(?:\w+ ){0,2}alone)",
    r"(?P<m>(?:a?){2,4}b[^ ]c)",
    r"(?P<m>[x-z]y|[^\W\d]q|e?)",
    r"(?P<m>(?:ab|a)(?=c)cd|(?<=^ )e)",
)
WORDS = [
    word
    for line in (
        "i want to die really kill killing killed myself 3 12 pills tablets a few",
        "not kidding lol looool haha ha alone ab aab bxc abc acd e xy zy dq 1q",
    )
    for word in line.split()
]
texts = st.lists(st.sampled_from(WORDS), max_size=12).map(lambda w: " " + " ".join(w))


def _spans(regex: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span("m") for m in regex.finditer(text)]


@pytest.mark.parametrize("body", PATTERNS)
@settings(max_examples=150, deadline=None)
@given(text=texts)
def test_a_guarded_pattern_finds_exactly_what_the_bare_one_finds(body: str, text: str) -> None:
    guarded = re.compile(after_space(body))
    bare = re.compile(f" (?={body})")
    assert _spans(guarded, text) == _spans(bare, text)


def test_the_guard_names_the_starts_and_ends_them_at_a_class() -> None:
    guard = start_guard(r"\b(?:\d+ days|used to|(?<!not )kidding)")
    assert guard is not None
    regex = re.compile(guard)
    for text in ("12 days", "used to", "kidding"):
        assert regex.match(text), text
    for text in ("the", "user", "kid"):
        assert not regex.match(text), text


@pytest.mark.parametrize(
    "body",
    [r"(?:really )?", r".ab", r"(?i:ab)", r"(?i)ab", "(unclosed"],
)
def test_no_guard_where_any_place_could_begin_a_match_or_flags_change_matching(
    body: str,
) -> None:
    assert start_guard(body) is None


COMMON = load_common()
RULES = [
    (lang, rule.name, rule.regex, text)
    for lang in SUPPORTED
    for rule in load_lexicon(lang, COMMON).rules
    for text in (*rule.examples, *rule.counter_examples)
]


@pytest.mark.parametrize(("lang", "name", "regex", "text"), RULES)
def test_every_shipped_rule_matches_its_examples_as_it_would_without_its_guard(
    lang: str, name: str, regex: re.Pattern[str], text: str
) -> None:
    body_at = regex.pattern.index("(?=(?P<m>")
    bare = re.compile(" " + regex.pattern[body_at:])
    padded = " " + text.lower()
    assert _spans(regex, padded) == _spans(bare, padded), (lang, name)
