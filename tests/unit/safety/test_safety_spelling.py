"""Every word a lexicon looks for is spelled as the normaliser leaves text.

The screen respells text before the rules read it (Hindi "bottle" becomes "botle", Russian
"shch" becomes "sh", Turkish "gidiyom" becomes "gidiyorum") and writes chat spellings out
in full (French "sa" becomes "ca", Portuguese "to" becomes "estou"), so a rule that spells
a word the other way can never match it. Such an alternative is silent: the rule's
examples still pass through its other alternatives. This test finds the literal text in
every pattern and listed word of every lexicon and asks whether the normaliser would
change it.

Only what the pattern itself shows is judged: where a literal meets a group, a class or a
macro, what comes next is unknown, so a respelling that needs to see past that edge
(Turkish "-iyo" only at the end of a word) is not applied there.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from safety.lexicon import Lexicon, compile_lexicon, in_rule_spelling, load_common, read_data
from safety.screen import SUPPORTED

_GROUP_OPEN = re.compile(r"\(\?(?:[:=!]|<[=!]|P<\w+>)|\(")
_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d*,?\d*\})[?+]?")
_MACRO = re.compile(r"\{[A-Z][A-Z0-9_]*\}")
COMMON = load_common()


@dataclasses.dataclass(frozen=True)
class Run:
    """Literal text in a regex source, source[start:end]; an edge is a word edge when the
    pattern shows one there (a space, `\\b`, an alternation, the end of a group)."""

    start: int
    end: int
    left: bool
    right: bool


def literal_runs(source: str) -> Iterator[Run]:
    """The stretches of literal text in a regex source, lookarounds included (a word that
    can never occur makes an exclusion silent too)."""
    closing = _closing(source)
    group_edges: list[bool] = []  # for each open group: is a word edge just before it?
    start, left, i, n = 0, True, 0, len(source)
    while i < n:
        c = source[i]
        cut: tuple[int, bool, bool] | None = None  # (where the next run starts, edges)
        if c == "\\":
            edge = source[i + 1 : i + 2] in ("b", " ")
            cut = (i + 2, edge, edge)
        elif c == "[":
            cut = (_class_end(source, i), False, False)
        elif c in "?*+{" and (quantifier := _QUANTIFIER.match(source, i)) is not None:
            optional = source[i - 1 : i] not in ")]"  # a quantified character leaves the run
            yield from _run(start, i - optional, left, False)
            start, left, i = quantifier.end(), False, quantifier.end()
            continue
        elif c == "{" and (macro := _MACRO.match(source, i)) is not None:
            cut = (macro.end(), False, False)
        elif c == "(":  # a group may carry on the word before it, unless a space ends that
            opener = _GROUP_OPEN.match(source, i)
            edge = (left and i == start) or source[i - 1 : i] == " "
            group_edges.append(edge)
            cut = (opener.end() if opener else i + 1, edge, edge)
        elif c == "|":
            right = _edge_after(source, closing[i], closing)
            cut = (i + 1, right, group_edges[-1] if group_edges else True)
        elif c == ")":
            right = _edge_after(source, i, closing)
            if group_edges:
                group_edges.pop()
            cut = (i + 1, right, False)
        elif c in "^$":
            cut = (i + 1, True, True)
        elif c == ".":
            cut = (i + 1, False, False)
        if cut is None:
            i += 1
            continue
        yield from _run(start, i, left, cut[1])
        i, left = cut[0], cut[2]
        start = i
    yield from _run(start, n, left, True)


def _class_end(source: str, i: int) -> int:
    """The index after the character class that opens at `i`."""
    j = i + 1 + (source[i + 1 : i + 2] == "^")
    j += source[j : j + 1] == "]"
    while j < len(source) and source[j] != "]":
        j += 2 if source[j] == "\\" else 1
    return j + 1


def _closing(source: str) -> dict[int, int]:
    """For each "|" and ")" of `source`, where the group it ends or divides closes (-1 for
    an alternation outside any group)."""
    closing: dict[int, int] = {}
    open_groups: list[list[int]] = []  # the "|" seen in each open group
    outside: list[int] = []
    i = 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(source, i)
            continue
        if c == "(":
            open_groups.append([])
        elif c == "|":
            (open_groups[-1] if open_groups else outside).append(i)
        elif c == ")" and open_groups:
            for bar in open_groups.pop():
                closing[bar] = i
            closing[i] = i
        i += 1
    closing.update(dict.fromkeys(outside, -1))
    return closing


def _edge_after(source: str, close: int, closing: dict[int, int]) -> bool:
    """Whether a word edge follows the group that closes at `close` (-1: the pattern)."""
    if close < 0:
        return True
    at = close + 1
    if (quantifier := _QUANTIFIER.match(source, at)) is not None:
        at = quantifier.end()
    if at >= len(source) or source[at] in " $" or source.startswith("\\b", at):
        return True
    if source[at] in "|)":
        return _edge_after(source, closing.get(at, -1), closing)
    return False


def _run(start: int, end: int, left: bool, right: bool) -> Iterator[Run]:
    if end > start:
        yield Run(start, end, left, right)


def respelled(text: str, run: Run, lexicon: Lexicon) -> str:
    """`text` after the language's respellings and chat spellings, none applied across an
    unknown edge (a chat spelling is a whole word)."""
    for respell in lexicon.respell:

        def one(match: re.Match[str], replacement: str = respell.replacement) -> str:
            at_unknown_edge = (match.start() == 0 and not run.left) or (
                match.end() == len(match.string) and not run.right
            )
            return match.group() if at_unknown_edge else match.expand(replacement)

        text = respell.regex.sub(one, text)
    words = text.split(" ")
    for k, word in enumerate(words):
        if (k > 0 or run.left) and (k < len(words) - 1 or run.right):
            word = lexicon.compounds.get(word, word)
            words[k] = " ".join(lexicon.substitutions.get(word, (word,)))
    return " ".join(words)


def pattern_sources(data: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """Every regex source of a lexicon that is matched against normalised text."""
    for key in ("macros", "cues"):
        for name, value in dict(data.get(key) or {}).items():
            yield f"{key}.{name}", str(value)
    for name, value in dict(data.get("negation") or {}).items():
        if name != "words":
            yield f"negation.{name}", str(value)
    for rule in data.get("rules") or ():
        for pattern in rule.get("patterns") or [rule.get("pattern")]:
            yield str(rule["name"]), str(pattern)
        if "unless" in rule:
            yield f"{rule['name']}.unless", str(rule["unless"])
    if (accumulate := data.get("accumulate")) and "self" in accumulate:
        yield "accumulate.self", str(accumulate["self"])


def listed_words(data: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """Every listed word of a lexicon that is looked for in normalised text."""
    for key in ("clause_breaks", "scope_stops", "conditionals"):
        for word in data.get(key) or ():
            yield key, str(word)
    for word in dict(data.get("negation") or {}).get("words") or ():
        yield "negation.words", str(word)
    for rule in data.get("rules") or ():
        for word in rule.get("any") or ():
            yield f"{rule['name']}.any", str(word)
    for family, words in dict((data.get("accumulate") or {}).get("families") or {}).items():
        for word in words:
            yield f"accumulate.families.{family}", str(word)


def unreachable(lang: str) -> list[str]:
    """Literal text in `lang`'s lexicon that its respellings would change."""
    raw = read_data(f"lexicon.{lang}.yaml")
    data, lexicon = in_rule_spelling(raw), compile_lexicon(raw, COMMON)
    found = []
    for where, source in pattern_sources(data):
        for run in literal_runs(source):
            text = source[run.start : run.end]
            if (new := respelled(text, run, lexicon)) != text:
                found.append(f"{where}: {text!r} is read as {new!r}")
    for where, word in listed_words(data):
        if (new := respelled(word, Run(0, len(word), True, True), lexicon)) != word:
            found.append(f"{where}: {word!r} is read as {new!r}")
    return found


@pytest.mark.parametrize("lang", SUPPORTED)
def test_every_literal_in_a_lexicon_is_spelled_as_the_normaliser_leaves_it(lang: str) -> None:
    assert unreachable(lang) == []


def _runs(source: str) -> list[tuple[str, bool, bool]]:
    return [(source[r.start : r.end], r.left, r.right) for r in literal_runs(source)]


def test_literal_runs_split_at_alternations_and_keep_their_word_edges() -> None:
    assert _runs("my (?:mum|mom) is") == [
        ("my ", True, True),
        ("mum", True, True),
        ("mom", True, True),
        (" is", False, True),
    ]


def test_a_group_after_letters_carries_on_their_word() -> None:
    assert _runs("ediyo(?:rum|m)") == [
        ("ediyo", True, False),
        ("rum", False, True),
        ("m", False, True),
    ]


def test_a_quantified_letter_leaves_the_run_and_classes_and_escapes_cut_it() -> None:
    assert _runs(r"tablets? [^ ]+\w*ok\b") == [
        ("tablet", True, False),
        (" ", False, False),
        ("ok", False, True),
    ]


def test_a_respelling_that_needs_what_follows_is_not_applied_at_an_unknown_edge() -> None:
    turkish = compile_lexicon(read_data("lexicon.tr.yaml"), COMMON)
    assert respelled("ediyo", Run(0, 5, True, True), turkish) == "ediyor"
    assert respelled("ediyo", Run(0, 5, True, False), turkish) == "ediyo"


def test_a_doubled_hindi_consonant_is_found_wherever_it_is() -> None:
    hindi = compile_lexicon(read_data("lexicon.hi.yaml"), COMMON)
    source = "(?:puri|ek puri) (?:bottle|shishi)"
    found = [
        respelled(source[r.start : r.end], r, hindi)
        for r in literal_runs(source)
        if respelled(source[r.start : r.end], r, hindi) != source[r.start : r.end]
    ]
    assert found == ["botle"]


def test_a_chat_spelling_is_read_as_the_whole_word_only() -> None:
    french = compile_lexicon(read_data("lexicon.fr.yaml"), COMMON)
    source = "toute (?:sa|la) boite|sa(?:ble|lade)"
    assert [respelled(source[r.start : r.end], r, french) for r in literal_runs(source)] == [
        "toute ",
        "ca",
        "la",
        " boite",
        "sa",
        "ble",
        "lade",
    ]


# German writes "ß" after a long vowel or a diphthong ("weiß", "draußen", "erschießen"),
# and Swiss German and keyboards without it write "ss". Folding keeps every offset, so "ß"
# becomes one "s": "weiß" is read as "weis". A word with one of these stems must be looked
# for both ways; "dass", "muss" or "Messer" are written with "ss" by everyone.
SHARP_S_STEMS = (
    "weiss", "heiss", "gross", "fuss", "spass", "strasse", "schliess", "schiess", "giess",
    "fliess", "reiss", "beiss", "bloss", "stoss", "drauss", "aussen", "ausser", "schweiss",
    "dreissig", "scheiss", "fleiss", "gruss", "spiess", "sosse", "kloss",
)  # fmt: skip
_SHARP_S_WORD = re.compile(rf"[a-z]*(?:{'|'.join(SHARP_S_STEMS)})[a-z]*")


def one_way_sharp_s(data: Mapping[str, Any]) -> list[str]:
    """German words spelled only with "ss" where the text may have "ß", so one "s"."""
    found = []
    for where, source in pattern_sources(data):
        for run in literal_runs(source):
            for word in _SHARP_S_WORD.findall(source[run.start : run.end]):
                if not _either_way(word, source):
                    found.append(f"{where}: {word!r}")
    lists: dict[str, set[str]] = {}
    for where, word in listed_words(data):
        lists.setdefault(where, set()).add(word)
    for where, words in lists.items():
        for word in sorted(words):
            stems = [stem for stem in SHARP_S_STEMS if stem in word]
            if stems and not any(_one_s(word, stem) in words for stem in stems):
                found.append(f"{where}: {word!r}")
    return found


def _one_s(word: str, stem: str) -> str:
    return word.replace(stem, stem.replace("ss", "s"))


def _either_way(word: str, source: str) -> bool:
    for stem in SHARP_S_STEMS:
        if stem in word:
            optional = word.replace(stem, stem.replace("ss", "s?s"))
            single = re.search(rf"(?<![a-z]){_one_s(word, stem)}(?![a-z])", source)
            return single is not None or optional in source
    return True


def test_german_words_written_with_sharp_s_are_looked_for_with_one_s_as_well() -> None:
    assert one_way_sharp_s(in_rule_spelling(read_data("lexicon.de.yaml"))) == []


def test_a_sharp_s_word_counts_as_read_both_ways_only_when_it_is() -> None:
    data = {"rules": [{"name": "r", "pattern": "weis?s nicht|draussen|dass er|spas|spass",
                       "any": ["erschiessen", "weiss", "weis"]}]}  # fmt: skip
    assert one_way_sharp_s(data) == ["r: 'draussen'", "r.any: 'erschiessen'"]
