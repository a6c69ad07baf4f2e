"""The lexicons as data: each rule fires on its own examples, bad data fails loudly at import."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from safety.lexicon import (
    DATA_DIR,
    Lexicon,
    LexiconError,
    compile_lexicon,
    load_common,
    load_lexicon,
    word_start_regex,
)
from safety.screen import SUPPORTED, Screen, _anchor_words
from safety.screening import Category, Level

COMMON = load_common()
LEXICONS = {lang: load_lexicon(lang, COMMON) for lang in SUPPORTED}
SCREEN = Screen(COMMON, LEXICONS)
EXAMPLES = [
    (lang, rule.name, example)
    for lang, lexicon in LEXICONS.items()
    for rule in lexicon.rules
    for example in rule.examples
]


@pytest.mark.parametrize(("lang", "rule", "example"), EXAMPLES)
def test_every_rule_fires_on_its_own_examples(lang: str, rule: str, example: str) -> None:
    fired = SCREEN.rules_fired(example, lang=lang)
    assert rule in fired, f"{rule} did not fire on {example!r}; fired: {sorted(fired)}"


def _duplicate_keys(node: yaml.Node) -> list[str]:
    """Keys written twice in one mapping, anywhere under `node`: YAML keeps the last and
    drops the first without a word (a rule's first `counter_examples` list, a letter)."""
    found: list[str] = []
    if isinstance(node, yaml.MappingNode):
        keys = [k.value for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge"]
        twice = sorted({k for k in keys if keys.count(k) > 1})
        found += [f"line {node.start_mark.line + 1}: {k!r}" for k in twice]
        for _, value in node.value:
            found += _duplicate_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += _duplicate_keys(item)
    return found


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_no_data_file_writes_a_key_twice(path: Path) -> None:
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert node is not None
    assert _duplicate_keys(node) == []


@pytest.mark.parametrize("lang", SUPPORTED)
def test_every_rule_has_examples_and_anchors(lang: str) -> None:
    for rule in LEXICONS[lang].rules:
        assert rule.examples, rule.name
        assert rule.anchors, rule.name


def _english_data() -> dict[str, Any]:
    data = yaml.safe_load((DATA_DIR / "lexicon.en.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


ENGLISH = _english_data()


def _broken(path: list[Any], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(ENGLISH)
    node: Any = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["rules", 0, "any"], [True, "kill"], "quote no/on/off"),
        (["rules", 0, "patterns"], ["(unclosed"], "bad pattern"),
        (["rules", 0, "pattern"], "both given", "exactly one of"),
        (["rules", 0, "patterns"], ["{NO_SUCH_MACRO} x"], "unknown macro"),
        (["rules", 0, "profile"], "no-such-profile", "unknown profile"),
        (["rules", 0, "facet"], "no-such-facet", "unknown facet"),
        (["rules", 0, "level"], "urgent", "unknown level"),
        (["rules", 0, "category"], "weather", "unknown category"),
        (["substitutions"], {True: "yes"}, "quote no/on/off"),
        (["cues"], {"past": "x"}, "cues must be exactly"),
        (["letter_digits"], "3a", "must be ASCII digits"),
    ],
)
def test_malformed_lexicon_data_is_rejected_with_a_clear_error(
    path: list[Any], value: Any, message: str
) -> None:
    with pytest.raises(LexiconError, match=message):
        compile_lexicon(_broken(path, value), COMMON)


def test_a_lexicon_missing_a_required_section_is_rejected() -> None:
    data = copy.deepcopy(ENGLISH)
    del data["negation"]
    with pytest.raises(LexiconError, match="missing key"):
        compile_lexicon(data, COMMON)


_TOY: dict[str, Any] = {
    "lang": "xx",
    "stopwords": ["zo", "ka"],
    "negation": {"words": ["nu"], "hedge": "(?!)", "strong": r"\bnu$", "after": "(?!)"},
    "cues": {
        "past": "(?!)",
        "resolved": "(?!)",
        "benign": "(?!)",
        "accident": "(?!)",
        "now": r"\bnow\b",
        "joke": "(?!)",
        "sincere": "(?!)",
    },
    "substitutions": {"morz": "morzo"},
    "rules": [
        {
            "name": "xx.wish",
            "level": "concern",
            "category": "suicide_self_harm",
            "facet": "ideation",
            "profile": "ideation",
            "any": ["morzo"],
            "pattern": "zo ka morzo",
            "examples": ["zo ka morzo"],
        }
    ],
}


def _toy_language() -> Lexicon:
    """A made-up language "xx", written only as data, to show that languages plug in."""
    return compile_lexicon(copy.deepcopy(_TOY), COMMON)


def test_a_new_language_plugs_in_as_data_only() -> None:
    screen = Screen(COMMON, {"en": LEXICONS["en"], "xx": _toy_language()})
    assert screen("zo ka morz", lang="xx").level is Level.CONCERN
    assert screen("zo ka morz now", lang="xx").level is Level.CRISIS
    assert screen("nu zo ka morz", lang="xx").level is Level.NONE
    guessed = screen("zo ka morz")
    assert (guessed.lang, guessed.categories) == ("xx", (Category.SUICIDE_SELF_HARM,))


def test_an_anchor_with_a_hyphen_also_stands_for_the_anchor_before_it() -> None:
    # the anchor regex finds the longest anchor: in "zo ka morzo-ka" that is "morzo-ka", and
    # the rule anchored on "morzo" must still be tried (Portuguese "mata-lo", "vou-me")
    data = copy.deepcopy(_TOY)
    data["rules"].append(
        {
            "name": "xx.hyphen",
            "level": "none",
            "category": "suicide_self_harm",
            "facet": "plan",
            "profile": "signal",
            "any": ["morzo-ka"],
            "pattern": "morzo-ka zo",
            "examples": ["morzo-ka zo"],
        }
    )
    screen = Screen(COMMON, {"en": LEXICONS["en"], "xx": compile_lexicon(data, COMMON)})
    assert screen("zo ka morzo-ka", lang="xx").level is Level.CONCERN
    assert screen("zo ka morzo", lang="xx").level is Level.CONCERN
    assert screen("ka morzo-ka", lang="xx").level is Level.NONE


def test_a_rule_does_not_count_in_a_clause_that_says_its_unless() -> None:
    # the rule's pattern sees only what follows its start; "unless" reads the whole clause
    data = copy.deepcopy(_TOY)
    data["rules"][0]["unless"] = r"\bbo\b"
    screen = Screen(COMMON, {"en": LEXICONS["en"], "xx": compile_lexicon(data, COMMON)})
    assert screen("bo, zo ka morzo", lang="xx").level is Level.NONE
    assert screen("zo ka morzo bo", lang="xx").level is Level.NONE
    assert screen("bo. zo ka morzo", lang="xx").level is Level.CONCERN
    assert screen("zo ka morzo", lang="xx").level is Level.CONCERN


def test_an_arabic_word_with_clitics_is_read_every_way_it_splits() -> None:
    # "والانتحار" begins with the anchor "والا" and is also "و" + "الانتحار"
    lexicon = LEXICONS["ar"]
    unread = []
    for word in lexicon.anchor_index:
        text = " و" + word
        if text[1:] in lexicon.anchor_index:
            continue
        if word not in {a for _, a in _anchor_words(text, lexicon)}:
            unread.append(text[1:])
    assert unread == []


def test_rules_compile_to_word_start_form_keeping_character_class_negations() -> None:
    regex = word_start_regex(r"^(?:[^\W\d]+) x|y (?:^z)")
    assert regex.pattern.count("(?<=^ )") == 2
    assert "[^\\W\\d]" in regex.pattern
    match = regex.search(" ab x")
    assert match is not None
    assert match.span(1) == (1, 5)


ACCUMULATED = [
    (lang, example, True)
    for lang, lexicon in LEXICONS.items()
    if lexicon.accumulated is not None
    for example in lexicon.accumulated.examples
] + [
    (lang, example, False)
    for lang, lexicon in LEXICONS.items()
    if lexicon.accumulated is not None
    for example in lexicon.accumulated.counter_examples
]


@pytest.mark.parametrize(("lang", "text", "fires"), ACCUMULATED)
def test_weak_signals_add_up_on_their_examples_and_not_on_counter_examples(
    lang: str, text: str, fires: bool
) -> None:
    rule = LEXICONS[lang].accumulated
    assert rule is not None
    assert (rule.name in SCREEN.rules_fired(text, lang=lang)) is fires


def test_weak_signals_need_several_families_the_writer_and_no_negation() -> None:
    two_families = "I cry a lot and I feel so alone with it, I think."
    not_about_me = "She cried, felt hopeless and lonely, and went to therapy."
    negated = "I am not depressed, not lonely and not crying, I just wanted to say."
    for text in (two_families, not_about_me, negated):
        assert "distress.accumulated" not in SCREEN.rules_fired(text, lang="en"), text
    result = SCREEN(
        "I cried again. My therapist is away and I feel hopeless, I have no friends.", lang="en"
    )
    assert result.level is Level.CONCERN


def test_weak_signals_do_not_run_when_a_rule_already_found_concern() -> None:
    result = SCREEN("I hate myself. I cried. My therapist is away. I feel hopeless.", lang="en")
    assert "distress.accumulated" not in {e.rule for e in result.evidence}
