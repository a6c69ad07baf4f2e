"""A small linear model of risk in chat messages, in every language; weights in `data/`.

The rules (`data/lexicon.*.yaml`) find the phrasings they were written for. Chat
messages written apart from them, in twelve languages, showed how little else they
find: "hab vor ner halben stunde die ganze packung tavor genommen", "ich spring jetzt.
das fenster ist schon offen" and most messages like them matched no rule
(`docs/safety.md`, "The chat model"). This model reads what such messages share: their
words, pairs of adjacent words, and the four-letter pieces of each word (so "tabletten"
and "tablettenpackung", or "ölmek" and "öleceğim", share weight), in the spelling the
screen reads text (`Screen.normal_form`, so Cyrillic, transliterated Russian and
Devanagari meet in one skeleton). It was trained offline by `safety/chat_train.py` on
messages written for Lumen (`safety/training/`); the file records the settings and
what five models, each trained without a fifth of the messages, found in that fifth.

Two kinds of head, each logistic regression over the same features:

- `risk`: crisis or concern against none; above its threshold, the message is concern;
- `category.*` and `about_other`: what kind of risk, and whether it is someone else's,
  read only when `risk` has spoken.

It only ever yields concern, never crisis. A crisis head was tried: it found crisis in
60 of the screen's own test cases of none ("hoy no me quito la vida", "heute Nacht
bringe ich mich nicht um", a usual dose of pills tonight) and raised 30 of its concerns
("I want to die") to crisis. Words in a bag do not see a negation or a dose; the rules
do, and a crisis message that stops a conversation must rest on them. A concern costs
the person a check-in from the mentor, with support offered once per session.

The screen asks it only about messages of at most `max_words` words (chat, not long
posts), in the language the message is read in, and only where no rule found concern.
Its evidence is the words that weighed most, with their spans.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any, Final

from safety.screening import Category

WORD: Final = re.compile(r"\w+")  # a word of normalised text, in any script
GRAM: Final = 4  # letters in a piece of a word (with a space at either end)
EVIDENCE_WORDS: Final = 3
# features a message is counted as having before its own: without it a short message
# is weighed by its one or two strongest words ("something to report", "and now?")
PRIOR: Final = 10.0
HEADS: Final = ("risk", "about_other", *(f"category.{c.value}" for c in Category))
_CACHED_WORDS: Final = 50_000  # words of the model's vocabulary whose features are kept


def word_features(word: str, lang: str) -> tuple[str, ...]:
    """A word and its pieces of `GRAM` letters, the word's ends marked by spaces
    (" tab", "tabl", ..., "ten "), so a stem weighs the same in every inflection; each
    behind its language's code ("de|tabl"), so English "garden" and Hinglish "gardan"
    (neck) share no weight."""
    padded = f" {word} "
    pieces = (word, *(padded[i : i + GRAM] for i in range(len(padded) - GRAM + 1)))
    return tuple(f"{lang}|{piece}" for piece in pieces)


def features(said: list[str], lang: str) -> set[str]:
    """What the model weighs in a message of these words in `lang`: each word, its
    pieces and each pair of adjacent words. Training and screening both read it here. A
    piece holds a space only at an end, a pair only inside, so the three never collide."""
    present = {f"{lang}|{a} {b}" for a, b in pairwise(said)}
    for word in said:
        present.update(word_features(word, lang))
    return present


@dataclass(frozen=True, slots=True)
class Head:
    """One logistic regression: the log-odds is the bias plus the weights of the features
    present, summed and divided by the square root of their number plus `PRIOR` (as in
    `distress.logit`, but for the prior); `threshold` is where the head speaks."""

    weights: Mapping[str, float]
    bias: float
    threshold: float

    def logit(self, present: set[str]) -> float:
        found = [self.weights[f] for f in self.weights.keys() & present]
        if not found:
            return self.bias
        return self.bias + math.fsum(found) / math.sqrt(len(found) + PRIOR)

    @classmethod
    def from_data(cls, name: str, data: Any) -> Head:
        weights = data.get("weights") if isinstance(data, dict) else None
        if not isinstance(weights, dict):
            raise ValueError(f"heads.{name}: must be a mapping with weights")  # noqa: TRY004
        try:
            values = {str(k): float(v) for k, v in weights.items()}
            head = cls(values, float(data["bias"]), float(data["threshold"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"heads.{name}: {exc}") from None
        if not all(math.isfinite(v) for v in (*values.values(), head.bias, head.threshold)):
            raise ValueError(f"heads.{name}: every number must be finite")
        return head


@dataclass(frozen=True, slots=True)
class Verdict:
    """A concern the model found in one message: the kind of risk, whether it is someone
    else's, and spans (in the normalised text) of the words that weighed most."""

    category: Category
    about_other: bool
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class ChatModel:
    heads: Mapping[str, Head]
    max_words: int
    # per (language, word) of the model's own vocabulary, for each head in `HEADS` order:
    # those of the word's features the head weighs. Most words weigh nothing in a head,
    # and words recur from message to message. A word the model never learnt (a name, a
    # place, anything private) is never kept: the process holds no person's words longer
    # than their message
    _weighed: dict[tuple[str, str], tuple[tuple[str, ...], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> ChatModel:
        """From the parsed model file (see `chat_train.render`)."""
        heads = data.get("heads")
        if not isinstance(heads, dict) or set(heads) != set(HEADS):
            raise ValueError(f"heads: must be exactly {sorted(HEADS)}")
        if data.get("prior") != PRIOR:
            raise ValueError(f"prior: the model was trained with another prior than {PRIOR}")
        try:
            max_words = int(data["max_words"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"max_words: {exc}") from None
        return cls({name: Head.from_data(name, heads[name]) for name in HEADS}, max_words)

    @classmethod
    def load(cls, path: Path) -> ChatModel:
        return cls.from_data(json.loads(path.read_text(encoding="utf-8")))

    def judge(self, text: str, lang: str) -> Verdict | None:
        """The model's concern in normalised `text`, read in `lang`, or None."""
        if len(text.split()) > self.max_words:  # in C; a long post stops here
            return None
        found = list(WORD.finditer(text))
        if not found or len(found) > self.max_words:
            return None
        said = [m.group() for m in found]
        kept = [self._kept(word, lang) for word in said]
        pairs = [f"{lang}|{a} {b}" for a, b in pairwise(said)]
        heads = self.heads

        def logit(name: str) -> float:
            head, at = heads[name], HEADS.index(name)
            present = {pair for pair in pairs if pair in head.weights}
            for features_of_word in kept:
                present.update(features_of_word[at])
            return head.logit(present)

        if logit("risk") <= heads["risk"].threshold:
            return None
        category = max(Category, key=lambda c: logit(f"category.{c.value}"))
        about_other = logit("about_other") > heads["about_other"].threshold
        return Verdict(category, about_other, self._strongest(kept, pairs, found))

    def _kept(self, word: str, lang: str) -> tuple[tuple[str, ...], ...]:
        """For each head, those of the word's features it weighs (they alone change its
        log-odds: the rest of `features` is left out before the head reads it)."""
        found = self._weighed.get((lang, word))
        if found is None:
            pieces = word_features(word, lang)
            found = tuple(
                tuple(f for f in pieces if f in self.heads[name].weights) for name in HEADS
            )
            learnt = any(pieces[0] in head for head in found)
            if learnt and len(self._weighed) < _CACHED_WORDS:
                self._weighed[(lang, word)] = found
        return found

    def _strongest(
        self, kept: list[tuple[tuple[str, ...], ...]], pairs: list[str], found: list[re.Match[str]]
    ) -> tuple[tuple[int, int], ...]:
        """Spans of the words that weighed most towards risk: each word counts its own
        features and half of each pair it is in."""
        weights = self.heads["risk"].weights
        weight = [math.fsum(weights[f] for f in of_word[0]) for of_word in kept]
        for i, pair in enumerate(pairs):
            half = weights.get(pair, 0.0) / 2
            weight[i] += half
            weight[i + 1] += half
        ranked = sorted(range(len(kept)), key=lambda i: (-weight[i], i))[:EVIDENCE_WORDS]
        return tuple(sorted(found[i].span() for i in ranked if weight[i] > 0))
