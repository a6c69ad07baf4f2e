"""Weak signals that add up: core families, categories, borrowed phrases and how they were made."""

from __future__ import annotations

import copy
import csv
import io
from typing import Any

import pytest

from safety import screen
from safety.accumulate import Accumulator
from safety.lexicon import DATA_DIR, LexiconError, compile_lexicon, load_common, read_data
from safety.screening import Category, Level
from safety.srl_import import FAMILIES, LEFT_OUT, families, render, spelling

COMMON = load_common()
NEGATION = frozenset({"not", "never"})
SPEC: dict[str, Any] = {
    "min_families": 3,
    "min_self": 2,
    "self": r"\b(?:i|me|my)\b",
    "core": ["worth"],
    "min_families_with_core": 2,
    "families": {
        "mood": ["sad"],
        "worth": ["worthless"],
        "alone": ["lonely"],
        "drained": ["exhausted"],
    },
}


def test_two_families_meet_the_threshold_only_when_one_is_core() -> None:
    accumulator = Accumulator.build(SPEC, NEGATION)
    assert accumulator.spans("i feel worthless and lonely, my days are long") == [
        (7, 16, "worth"),
        (21, 27, "alone"),
    ]
    assert accumulator.spans("i feel sad and lonely, my days are long") == []
    assert accumulator.spans("i feel sad, exhausted and lonely, my days are long") != []


def test_a_negated_core_cue_does_not_count() -> None:
    accumulator = Accumulator.build(SPEC, NEGATION)
    assert accumulator.spans("i am not worthless, just lonely in my flat") == []


def test_a_negation_does_not_reach_past_the_end_of_its_clause() -> None:
    accumulator = Accumulator.build(SPEC, NEGATION)
    said = "i am never home, exhausted and sad and lonely, my days are long"
    assert [family for _, _, family in accumulator.spans(said)] == ["drained", "mood", "alone"]
    assert accumulator.spans("i am never exhausted and sad and lonely, my days are long") == []


def test_without_a_core_setting_two_families_never_suffice() -> None:
    spec = {k: v for k, v in SPEC.items() if k not in ("core", "min_families_with_core")}
    accumulator = Accumulator.build(spec, NEGATION)
    assert accumulator.spans("i feel worthless and lonely, my days are long") == []


def test_a_core_family_that_does_not_exist_fails_loudly() -> None:
    with pytest.raises(ValueError, match="wroth"):
        Accumulator.build({**SPEC, "core": ["wroth"]}, NEGATION)


def test_borrowed_phrases_join_their_family_and_the_lexicon_keeps_its_own() -> None:
    borrowed = {"mood": ["lonely", "low mood"], "trapped": ["no way out"]}
    accumulator = Accumulator.build(SPEC, NEGATION, borrowed)
    assert accumulator.family_of["low mood"] == "mood"
    assert accumulator.family_of["no way out"] == "trapped"
    assert accumulator.family_of["lonely"] == "alone"  # listed by the lexicon itself


def test_borrowed_families_must_map_families_to_lists_of_phrases() -> None:
    with pytest.raises(ValueError, match=r"borrowed\.families\.mood"):
        Accumulator.build(SPEC, NEGATION, {"mood": "low mood"})
    with pytest.raises(ValueError, match=r"borrowed\.families must map"):
        Accumulator.build(SPEC, NEGATION, ["low mood"])


def test_a_lexicon_naming_a_missing_borrowed_file_fails_loudly() -> None:
    data = copy.deepcopy(read_data("lexicon.en.yaml"))
    data["accumulate"]["borrowed"] = "no-such-file.yaml"
    with pytest.raises(LexiconError, match="no-such-file"):
        compile_lexicon(data, COMMON)


def test_shipped_borrowed_phrases_are_spelled_as_the_screen_reads_a_message() -> None:
    """A phrase in another spelling ("I'm a failure") would never match normalised text."""
    spell = spelling()
    shipped = read_data("srl.en.yaml")["families"]
    assert set(shipped) <= set(FAMILIES)
    phrases = [p for group in shipped.values() for p in group]
    assert len(phrases) == len(set(phrases)) > 300
    for phrase in phrases:
        assert spell(phrase) == phrase
        assert phrase not in LEFT_OUT
    assert spell("I'm  a failure") == "i am a failure"


def test_the_borrowed_lexicons_licence_ships_beside_it() -> None:
    assert "Apache License" in (DATA_DIR / "LICENSE.srl").read_text(encoding="utf-8")
    assert "Apache-2.0" in (DATA_DIR / "srl.en.yaml").read_text(encoding="utf-8")


def test_the_import_takes_numbered_rows_of_chosen_constructs_and_leaves_out_everyday_words() -> (
    None
):
    constructs = [c for group in FAMILIES.values() for c in group] + ["Relationships & kinship"]
    cells = {
        "Emptiness": ["hollowness", "Numb", "hopeless"],
        "Hopelessness": ["negative expectations", "hopeless", "doomed"],
        "Relationships & kinship": ["family", "mom", "dad"],
    }
    rows = [["", *constructs]] + [
        [label, *(cells.get(c, ["", "", ""])[i] for c in constructs)]
        for i, label in enumerate(["Definition", "0", "1"])
    ]
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    found = families(list(csv.reader(io.StringIO(text.getvalue()))), str.lower)
    # the definition row is not a phrase; kinship is context, not distress; "doomed" is
    # everyday; "hopeless" is taken once
    assert found == {"mood": ["numb", "hopeless"]}
    rendered = render(found)
    assert 'mood: ["numb", "hopeless"]' in rendered
    assert "Apache License 2.0" in rendered


def test_the_import_fails_on_a_lexicon_without_a_chosen_construct() -> None:
    with pytest.raises(ValueError, match="no construct 'Depressed mood'"):
        families([["", "Emptiness"], ["0", "numb"]], str.lower)


def test_being_hurt_by_others_among_the_weak_signals_is_reported_as_danger_from_others() -> None:
    text = "They make fun of me at work. I keep to myself and I have trouble sleeping most nights."
    result = screen(text)
    assert result.level is Level.CONCERN
    assert set(result.categories) == {Category.DANGER_FROM_OTHERS, Category.SUICIDE_SELF_HARM}
    by_span = {text[e.start : e.end]: (e.rule, e.category) for e in result.evidence}
    assert by_span["make fun of me"] == ("distress.accumulated", Category.DANGER_FROM_OTHERS)
    assert by_span["trouble sleeping"] == ("distress.accumulated", Category.SUICIDE_SELF_HARM)
    assert not result.third_party  # the writer is the one being hurt


@pytest.mark.parametrize(
    ("categories", "complaint"),
    [({"bruises": "danger_from_others"}, "names no family"), ({"hurt": "danger"}, "danger")],
)
def test_a_weak_signal_category_must_name_a_family_and_a_category(
    categories: dict[str, str], complaint: str
) -> None:
    data = copy.deepcopy(read_data("lexicon.en.yaml"))
    data["accumulate"]["categories"] = categories
    with pytest.raises(LexiconError, match=complaint):
        compile_lexicon(data, COMMON)
