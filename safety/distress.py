"""A small linear model of distress in long English posts; its weights ship in `data/`.

Many long posts about depression hold no phrase a rule can honestly match, and fewer
than the three families of weak cues the accumulator asks for (`accumulate.py`), yet
their words as a whole lean one way. This model reads those words: logistic regression
over the presence of words and word pairs, in the spelling the screen reads text (folded
and normalised, `Screen.normal_form`). It was trained offline by
`safety/distress_train.py` on public posts of forums that the evaluation sets do not
draw from; the file records its source, its settings and what it found in posts held
out from training.

It is the screen's last resort, so it is narrow on purpose:

- it reads only a message that no rule and no weak-signal count has already found at
  concern, in the language the message is read in;
- only a message of at least `min_words` words, with at least `min_self` first-person
  words: the model was trained on posts, and a short line carries too little to weigh;
- it only ever yields concern, never crisis, and never a facet that escalates.

Its evidence is the strongest words it weighed, each with its span, so an admin sees
which words made it speak.
"""

from __future__ import annotations

import heapq
import json
import math
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any, Final

WORD: Final = re.compile(r"[a-z']+")  # a word of normalised text (see `words`)
# every other ASCII character ends a word: `str.translate` and `split` find words in C
_NOT_WORD: Final = str.maketrans(
    {chr(c): " " for c in range(128) if not ("a" <= chr(c) <= "z" or chr(c) == "'")}
)
SELF_WORDS: Final = ("i", "my", "me", "myself")  # the commonest first
EVIDENCE_WORDS: Final = 3  # how many of the strongest features a screening names


def words(text: str) -> list[str]:
    """The words of normalised `text`: runs of letters a-z and apostrophes."""
    return text.translate(_NOT_WORD).split() if text.isascii() else WORD.findall(text)


def _readable(said: list[str], min_words: int, min_self: int) -> bool:
    """Whether the model reads a message of these words: at least `min_words` of them,
    with at least `min_self` first-person words."""
    if len(said) < min_words:
        return False
    count = 0
    for word in SELF_WORDS:
        count += said.count(word)
        if count >= min_self:
            return True
    return False


def features(said: list[str]) -> set[str]:
    """What the model weighs in a message of these words: each word and each pair of
    adjacent words (pairs formed in C). Training and screening both read it here."""
    present = set(map(" ".join, pairwise(said)))
    present.update(said)
    return present


def weighed(weights: Mapping[str, float], present: Iterable[str]) -> dict[str, float]:
    """The features present that the model weighs, with their weights (one set
    intersection, in C)."""
    return {f: weights[f] for f in weights.keys() & present}


def logit(bias: float, found: Collection[float]) -> float:
    """The model's log-odds from the weights of the features found, scaled by
    1/sqrt(their number), so a long post does not score high merely by being long."""
    if not found:
        return bias
    return bias + math.fsum(found) / math.sqrt(len(found))


@dataclass(frozen=True, slots=True)
class DistressModel:
    """Weights, bias and the threshold above which a long first-person post is concern."""

    weights: Mapping[str, float]
    bias: float
    threshold: float  # on the log-odds
    min_words: int
    min_self: int

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> DistressModel:
        """From the parsed model file (see `distress_train.render`)."""
        weights = data.get("weights")
        if not isinstance(weights, dict) or not weights:
            raise ValueError("weights: must map features to numbers")
        values = {str(k): float(v) for k, v in weights.items()}
        if not all(math.isfinite(v) for v in values.values()):
            raise ValueError("weights: every weight must be a finite number")
        try:
            return cls(
                weights=values,
                bias=float(data["bias"]),
                threshold=float(data["threshold"]),
                min_words=int(data["min_words"]),
                min_self=int(data["min_self"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"model: {exc}") from None

    @classmethod
    def load(cls, path: Path) -> DistressModel:
        return cls.from_data(json.loads(path.read_text(encoding="utf-8")))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Spans (in normalised `text`) of the strongest words, if the model finds the
        message about distress; otherwise none."""
        said = words(text)
        if not _readable(said, self.min_words, self.min_self):
            return []
        found = weighed(self.weights, features(said))
        if logit(self.bias, found.values()) <= self.threshold:
            return []
        strongest = heapq.nsmallest(EVIDENCE_WORDS, found, key=lambda f: (-found[f], f))
        where = [match.span() for match in WORD.finditer(text)]  # of each word in `said`
        return sorted(_first_span(said, where, f) for f in strongest if found[f] > 0)


def _first_span(said: list[str], where: list[tuple[int, int]], feature: str) -> tuple[int, int]:
    """Where `feature`, a word or a pair of adjacent words of `said`, first occurs
    (`where` holds the span of each word of `said`)."""
    first, _, second = feature.partition(" ")
    at = said.index(first)
    while second and said[at + 1] != second:  # the pair occurs, so this ends
        at = said.index(first, at + 1)
    return where[at][0], where[at + 1 if second else at][1]
