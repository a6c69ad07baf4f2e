"""The normal form the rules read, and the map from it back to what the person wrote."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safety import Level, screen
from safety.lexicon import load_common, load_lexicon
from safety.normalize import Normalizer, fold
from safety.trie import trie_regex

COMMON = load_common()
NORMALIZE = Normalizer(COMMON, load_lexicon("en", COMMON))


def normal(text: str) -> str:
    return NORMALIZE(fold(text)).text


@pytest.mark.parametrize(
    "text",
    [
        "Héllo WÖRLD",
        "\uff26\uff35\uff2c\uff2c \uff57\uff49\uff44\uff54\uff48",
        "it\u2019s \u201cquoted\u201d\u2026",
        "İstanbul",
        "ß",
        "plain ascii",
    ],
)
def test_fold_lowers_and_strips_accents_without_moving_offsets(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == folded.lower()


def test_fold_maps_accents_quotes_and_full_width_to_ascii() -> None:
    assert fold("Sí, \uff2f\uff2b \u2014 it\u2019s café\u2026") == "si, ok - it's cafe."


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("/kms", " kms"),
        ("/help I want to die", " help i want to die"),
        ("a/b and/or /s", "a/b and/or  s"),
        ("http://x.org/kill /usr/bin", "http://x.org/kill  usr/bin"),
        ("/12 / 3", "/12 / 3"),
    ],
)
def test_fold_reads_a_slash_that_opens_a_word_as_a_space(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("/kms", Level.CONCERN),
        ("/help i want to die", Level.CONCERN),
        ("/kill_process", Level.NONE),
    ],
)
def test_a_chat_command_is_screened_by_its_words(text: str, level: Level) -> None:
    assert screen(text).level is level


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("I'm sure I can't", "i am sure i can not"),
        ("im ok, dont worry", "i am ok, do not worry"),
        ("gonna kms tn", "going to kill myself tonight"),
        ("I ran 10 kms", "i ran 10 kms"),
        ("k1ll mys3lf", "kill myself"),
        ("su!c!dal", "suicidal"),
        ("$uicide", "suicide"),
        ("meet at 10pm, 2nd floor", "meet at 10pm, 2nd floor"),
        ("took 30ish pills, 20er pack", "took 30ish pills, 20er pack"),
        ("killlll myselfff", "kill myself"),
        ("diiiiie", "die"),
        ("soooo tired", "so tired"),
        ("k i l l  m y s e l f", "kill myself"),
        ("k.i.l.l myself", "kill myself"),
        ("i w a n t t o d i e", "i want to die"),
        ("💊💊💊🪦", "emo_pills emo_pills emo_pills emo_grave"),
        ("take 💊 now", "take emo_pills now"),
        ("ki\u200bll", "kill"),
        ("a\t\tb   c", "a b c"),
        ("a\tb", "a b"),
        ("a \t b", "a b"),
        ("a\r\nb", "a \nb"),
        ("x  \n  y", "x \n y"),
        ("kill my self", "kill myself"),
        ("my self harm scars", "my self harm scars"),
    ],
)
def test_normal_form_undoes_slang_and_obfuscation(raw: str, expected: str) -> None:
    assert normal(raw) == expected


def test_spans_in_the_normal_form_map_back_to_the_written_words() -> None:
    raw = "Ugh im SOOOO done, gonna k1ll   mys3lf 💊"
    norm = NORMALIZE(fold(raw))
    start = norm.text.index("going")
    end = norm.text.index("myself") + len("myself")
    mapped = norm.span(start, end)
    assert raw[mapped[0] : mapped[1]] == "gonna k1ll   mys3lf"
    pill = norm.text.index("emo_pills")
    assert raw[slice(*norm.span(pill, pill + len("emo_pills")))] == "💊"


@pytest.mark.parametrize(
    ("raw", "written"),
    [
        ("Я хочу умереть, сегодня ночью", "хочу умереть"),  # letter map
        ("ya xochu umeret' segodnya", "xochu umeret"),  # respellings
        ("मैं मरना चाहता हूँ", "मैं मरना चाहता"),  # Devanagari romanised
        ("أريد أن أموت الليلة", "أريد أن أموت"),  # Arabic letter forms
    ],
)
def test_evidence_maps_back_through_script_rewrites_to_the_written_words(
    raw: str, written: str
) -> None:
    result = screen(raw)
    assert result.level is not Level.NONE
    assert written in [raw[e.start : e.end] for e in result.evidence]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab k1l!mys3'💊\u200b .iI")), max_size=40))
def test_every_span_of_the_normal_form_maps_inside_the_original(raw: str) -> None:
    norm = NORMALIZE(fold(raw))
    n = len(norm.text)
    for start in range(n):
        for end in range(start + 1, min(n, start + 6) + 1):
            a, b = norm.span(start, end)
            assert 0 <= a <= b <= len(raw)


@settings(max_examples=200, deadline=None)
@given(st.sets(st.text(alphabet="ab' c", min_size=1, max_size=5), min_size=1, max_size=12))
def test_trie_regex_matches_exactly_its_words(words: set[str]) -> None:
    regex = re.compile(trie_regex(words))
    for word in words:
        assert regex.fullmatch(word)
    for probe in ["a", "b", "ab", "ba", "c", "a'b", "abc", "cab", "aa", "bb"]:
        assert bool(regex.fullmatch(probe)) == (probe in words)


def test_trie_regex_rejects_an_empty_word() -> None:
    with pytest.raises(ValueError, match="empty"):
        trie_regex(["ok", ""])


@pytest.mark.parametrize(
    "text",
    ['"I want to die"', "\u201cI want to die\u201d", "'I want to die'", "(I want to die)",
     "\u00abI want to die\u00bb", "\u00bfI want to die?"],
)  # fmt: skip
def test_quotation_marks_and_brackets_do_not_hide_the_words_inside(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert " i want to die" in " " + folded


def test_apostrophes_inside_words_are_kept() -> None:
    assert fold("I'm sure it's John's") == "i'm sure it's john's"


def test_digits_that_spell_arabizi_letters_stay_letters_and_leetspeak_is_still_undone() -> None:
    arabic = Normalizer(COMMON, load_lexicon("ar", COMMON))
    # "3" is ع and "7" is ح in Arabizi: read as leetspeak they would be "e" and "t"
    assert arabic(fold("3ayez amoot, ra7 2tol 7ali")).text == "3ayez amoot, ra7 2tol 7ali"
    assert arabic(fold("k1ll")).text == "kill"  # "1" spells no Arabic letter
    assert NORMALIZE(fold("ra7 2tol 7ali")).text == "rat 2tol tali"  # English reads leetspeak
