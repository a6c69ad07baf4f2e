"""The compiled screen's data model: rules, their context profiles, and one language's lexicon."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from safety.accumulate import Accumulator
from safety.distress import DistressModel
from safety.regex_source import pattern_chars, start_guard
from safety.screening import Category, Level
from safety.translit import Abugida, LetterMap, Respell

FACETS: Final = frozenset(
    {
        "ideation",  # a wish or thought of dying / killing oneself
        "distress",  # hopelessness, feeling a burden, can't go on
        "plan",  # preparation: notes, goodbyes, giving things away
        "means",  # access to a method: pills, rope, a weapon, a high place
        "act",  # an ambiguous act report: "I took them all", "it's done"
        "dose",  # a large dose taken at once: "I just took 1600mg of advil"
        "time",  # a finality/time phrase: "tonight is the night"
        "intox",  # drunk or high right now
        "harm",  # intent or wish to harm another person
        "serious",  # "I mean it", "without getting caught"
        "danger",  # a threat from another person
        "presence",  # that person is here / outside / coming
        "armed",  # that person has a weapon at hand
        "weapon",  # the person has a blade at hand: with intent to harm someone, a crisis
        "symptom",  # the body in trouble now: "heart's racing", "can't feel my legs"
        "restrict",  # days without food
    }
)
# each may cap a rule (`Profile`)
CUES: Final = ("past", "resolved", "benign", "accident", "now", "joke")
# a lexicon's seventh cue: a sincerity marker ("no cap", "no es broma"). Laughter said with
# one does not soften a match, so it caps nothing and is no `Profile` key
SINCERE: Final = "sincere"
SCRIPTS: Final = frozenset({"latin", "cyrillic", "arabic", "devanagari"})
DATA_DIR: Final = Path(__file__).with_name("data")


def word_start_regex(source: str) -> re.Pattern[str]:
    """Compile a rule to run on text that starts with a space, trying word starts only.

    `re` scans fast for a literal first character, so the rule becomes " (?=(?P<m>...))":
    the space is the literal, the real match is group `m`. `^` (clause start) is rewritten
    to "right after the leading space".
    """
    return re.compile(after_space(rf"(?P<m>\b(?:{_clause_start(source)}))"))


def after_space(body: str) -> str:
    """The source " (?=body)", with a guard in front: a lookahead for the first characters
    a match of `body` can start with (see `start_guard`), which rejects most spaces at once
    and never one where `body` matches."""
    guard = start_guard(body)
    return " " + ("" if guard is None else f"(?={guard})") + f"(?={body})"


def _clause_start(source: str) -> str:
    """Replace each `^` anchor (not a `[^...]` negation) with `(?<=^ )`."""
    out: list[str] = []
    for i, ch, plain in pattern_chars(source):
        if plain and ch == "^" and (i == 0 or source[i - 1] in "(|:"):
            out.append("(?<=^ )")
            continue
        out.append(ch)
    return "".join(out)


class LexiconError(ValueError):
    """A lexicon file is malformed; raised at import, never at screening time."""


@dataclass(frozen=True, slots=True)
class Profile:
    """How a rule's level moves with context: caps (lower it) and a floor (raise it)."""

    negated: Level | None = None
    hedged: Level | None = None
    past: Level | None = None
    resolved: Level | None = None
    benign: Level | None = None
    accident: Level | None = None
    joke: Level | None = None
    now: Level | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled pattern: what it means (level, category, facet) and when it may run."""

    name: str
    level: Level
    category: Category
    regex: re.Pattern[str]
    anchors: frozenset[str]
    profile: Profile
    facet: str | None = None
    about_other: bool = False
    shadows: bool = False  # cancels first-person hits inside its span ("he told me to kill myself")
    examples: tuple[str, ...] = ()  # texts the rule must fire on
    counter_examples: tuple[str, ...] = ()  # near misses it must not fire on (idioms, ...)
    # a clause that says this anywhere is not the rule's ("the Eid sheep ... I'll slaughter
    # it"): a pattern only sees what follows its own start
    unless: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class Escalation:
    """Two facets that together make a crisis of `category`."""

    first: str
    second: str
    category: Category


@dataclass(frozen=True, slots=True)
class Common:
    """Language-independent data: emoji words, leetspeak, profiles, escalations."""

    emoji: Mapping[str, str]
    leet: Mapping[str, str]
    profiles: Mapping[str, Profile]
    escalations: tuple[Escalation, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the screen needs for one language, compiled once at import."""

    lang: str
    rules: tuple[Rule, ...]
    anchor_index: Mapping[str, tuple[int, ...]]
    anchor_regex: re.Pattern[str]  # any anchor (group "a"), in text that starts with a space
    break_regex: re.Pattern[str]  # clause-breaking words ("but"), same convention
    substitutions: Mapping[str, tuple[str, ...]]
    compounds: Mapping[str, str]
    numeric_units: frozenset[str]
    clause_breaks: frozenset[str]
    scope_stops: frozenset[str]
    conditionals: frozenset[str]
    stopwords: frozenset[str]
    vocab: frozenset[str]
    negation_strong: re.Pattern[str]
    negation_hedge: re.Pattern[str]
    negation_after: re.Pattern[str]
    negation_words: frozenset[str]  # a window without any of these is not negated
    # a comparison that makes a negation say more, not less: "never wanted to die this much"
    negation_more: re.Pattern[str] | None
    cues: Mapping[str, re.Pattern[str]]
    clause_cues: re.Pattern[str]  # every cue of `CUES` but "joke" at once: group names say which
    scripts: frozenset[str] = frozenset({"latin"})  # scripts the language is written in
    letters: frozenset[str] = frozenset()  # letters that point at this language in its script
    letter_map: LetterMap | None = None  # e.g. Cyrillic to the Latin skeleton of the rules
    abugida: Abugida | None = None  # Devanagari to the romanised skeleton of the rules
    respell: tuple[Respell, ...] = ()  # spelling rewrites after the maps ("kh" -> "h")
    # digits that are letters when the language is typed in Latin letters (Arabizi "3" is
    # ع: "3ayez"), so never read as leetspeak in this lexicon
    letter_digits: frozenset[str] = frozenset()
    benign_examples: tuple[str, ...] = ()  # whole messages that must screen as none
    # clitics written onto a word (Arabic "و", "ب", "ال"): the clitics alone, and an anchor
    # at a word start without them, to read a word every way it splits (lexicon._anchors)
    clitics: re.Pattern[str] | None = None
    bare_anchor: re.Pattern[str] | None = None
    accumulator: Accumulator | None = None  # weak signals that add up (safety/accumulate.py)
    accumulated: Rule | None = None  # the rule its evidence is reported under
    # the same rule under another category, for the cues of some families (being hurt)
    accumulated_as: Mapping[str, Rule] = field(default_factory=dict)
    distress: DistressModel | None = None  # the model of last resort (safety/distress.py)
    distress_rule: Rule | None = None  # the rule its evidence is reported under
