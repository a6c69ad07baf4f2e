"""Weak signals that add up: distress spread over a long post, none of it a rule on its own.

People who write at length about depression often never use one of the phrases the rules
look for, yet their words lean the same way: low mood, worthlessness, loneliness,
exhaustion, tears, care for their mental health, death. Studies of such writing find
more negative-emotion words, more first-person singular and more absolutist words than
in other writing (Rude, Gortner and Pennebaker 2004; Al-Mosaiwi and Johnstone 2018). The
accumulator counts *families* of such words, not words: a message speaks of distress
when several different families occur in it, none negated, and the writer speaks about
themselves. It only ever yields concern.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from safety.trie import trie_regex

_NEGATION_REACH = 3  # words before a cue that may negate it ("not depressed")
# A negation does not reach past the end of its clause: in "I don't sleep, I cry" the
# "don't" is about sleep, not crying.
_CLAUSE_ENDS = (",", ";", ":", ".", "!", "?", "\u060c")


@dataclass(frozen=True, slots=True)
class Accumulator:
    """Families of weak cues and how many must meet (from a lexicon's `accumulate`)."""

    cues: re.Pattern[str]  # any cue phrase, after a space (one trie: cheap on long posts)
    family_of: Mapping[str, str]  # cue phrase -> family
    self_words: re.Pattern[str]
    min_families: int
    min_self: int
    negation_words: frozenset[str]
    core: frozenset[str] = frozenset()  # families that count for more (see `min_with_core`)
    min_with_core: int = 0  # how many families suffice when one of them is core (0: never)

    @classmethod
    def build(
        cls,
        spec: Mapping[str, Any],
        negation_words: frozenset[str],
        borrowed: object = None,
    ) -> Accumulator:
        """From a lexicon's `accumulate` section and, optionally, the families of a
        borrowed lexicon (`data/srl.en.yaml`); a phrase listed in both keeps the family
        the section gives it."""
        families = spec.get("families")
        if not isinstance(families, dict) or not families:
            raise ValueError("accumulate.families must map family names to lists of phrases")
        if borrowed is not None and not isinstance(borrowed, dict):
            raise ValueError("borrowed.families must map family names to lists of phrases")
        family_of: dict[str, str] = {}
        for where, groups in (("borrowed", borrowed or {}), ("accumulate", families)):
            for name, phrases in groups.items():
                if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                    raise ValueError(f"{where}.families.{name}: a list of phrases (quote no/on)")
                family_of.update((phrase, str(name)) for phrase in phrases)
        core = frozenset(str(f) for f in spec.get("core", ()))
        if not core <= set(family_of.values()):
            raise ValueError(
                f"accumulate.core names no family: {sorted(core - set(family_of.values()))}"
            )
        try:
            return cls(
                cues=re.compile(rf" ({trie_regex(family_of)})\b"),
                family_of=family_of,
                self_words=re.compile(str(spec["self"])),
                min_families=int(spec["min_families"]),
                min_self=int(spec["min_self"]),
                negation_words=negation_words,
                core=core,
                min_with_core=int(spec.get("min_families_with_core", 0)),
            )
        except (KeyError, re.error) as exc:
            raise ValueError(f"accumulate: {exc}") from None

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Spans (in `text`) of the first cue of each family, with the family, if enough
        families meet in a message about oneself; otherwise none."""
        padded = " " + text
        first: dict[str, tuple[int, int]] = {}  # family -> span of its first cue
        for match in self.cues.finditer(padded):
            family = self.family_of[match.group(1)]
            if family in first:
                continue
            start, end = match.span(1)
            if not self._negated(padded[max(0, start - 40) : start]):
                first[family] = (start - 1, end - 1)
        if len(first) < self.min_families and not (
            self.min_with_core and len(first) >= self.min_with_core and self.core & first.keys()
        ):
            return []
        if len(self.self_words.findall(text)) < self.min_self:
            return []
        return sorted((start, end, family) for family, (start, end) in first.items())

    def _negated(self, before: str) -> bool:
        """Whether a negation word sits in the last few words of `before`, in the cue's
        own clause."""
        for word in reversed(before.split()[-_NEGATION_REACH:]):
            if word.endswith(_CLAUSE_ENDS):
                return False
            if word in self.negation_words:
                return True
        return False
