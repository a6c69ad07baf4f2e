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

Three kinds of head, each logistic regression over the same features:

- `risk`: crisis or concern against none; above its threshold, the message is concern;
- `crisis`: crisis against concern and none; read only when `risk` has spoken, and
  above its threshold the message is crisis;
- `category.*` and `about_other`: what kind of risk, and whether it is someone else's,
  read only when `risk` has spoken.

The screen asks it only about messages of at most `max_words` words (chat, not long
posts), in the language the message is read in, and only where no rule found concern.
Its evidence is the words that weighed most towards risk, with their spans.

The crisis head speaks only behind the risk head, with a threshold set so that few
harmless messages pass both (`chat_train.CRISIS_RATE`), and the screen takes its
crisis only where no rule matched at all: where a rule matched the words and read them
as none (a negation, a resolved past, a usual dose, an idiom), the rule's reading stands
against a bag of words, and the model's concern is the most it adds. A reading written
into a rule's pattern, so that the rule does not match at all ("tomei todos os remédios
de hoje"), does not stop the head. An earlier crisis head that
spoke alone, over every message, found crisis in 60 of the screen's own test cases of
none ("hoy no me quito la vida", "heute Nacht bringe ich mich nicht um") and raised 30
of its concerns ("I want to die") to crisis: words in a bag do not see a negation or a
dose. The rules still read those first. What the head adds is crises that no rule was
written for, which would otherwise get a check-in from the mentor instead of a crisis
line.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from pathlib import Path
from typing import Any, Final

from safety.screening import Category

WORD: Final = re.compile(r"\w+")  # a word of normalised text, in any script
GRAM: Final = 4  # letters in a piece of a word (with a space at either end)
EVIDENCE_WORDS: Final = 3
# features a message is counted as having before its own: without it a short message
# is weighed by its one or two strongest words ("something to report", "and now?")
PRIOR: Final = 10.0
HEADS: Final = ("risk", "crisis", "about_other", *(f"category.{c.value}" for c in Category))
# a feature's weight in `risk` (or None), and (position in `HEADS`, weight) in the others
_Row = tuple[float | None, tuple[tuple[int, float], ...]]


def pieces(said: list[str]) -> list[str]:
    """A message's words (`WORD` matches of its normal form) as the model weighs them:
    the pieces of `GRAM` letters of each word, the word's ends marked by spaces (" tab",
    "tabl", ..., "ten "), so a stem weighs the same in every inflection; each pair of
    adjacent words; and each word itself.

    Each distinct word is cut once, from the distinct words joined by two spaces, so a
    piece across two words holds both spaces and is no feature (it matches no weight).
    A feature may come more than once (a piece met in two words): the caller keeps each
    once."""
    return _Cut(said).features()


@dataclass(slots=True)
class _Cut:
    """A message's features by kind (see `pieces`), kept apart for the evidence."""

    said: list[str]
    words: dict[str, None] = field(init=False)  # distinct, in order
    grams: list[str] = field(init=False)  # the pieces of `words`, in order
    pairs: list[str] = field(init=False)  # adjacent words as said

    def __post_init__(self) -> None:
        self.words = dict.fromkeys(self.said)
        self.grams = _grams(self.words)
        self.pairs = list(map(" ".join, pairwise(self.said)))

    def features(self) -> list[str]:
        return [*self.grams, *self.words, *self.pairs]


def _grams(words: Iterable[str]) -> list[str]:
    """The pieces of `words` joined by two spaces, in order: a word of n letters starts
    n + 2 after the one before and has n + 3 - `GRAM` pieces of its own."""
    spaced = "  ".join(("", *words, ""))[1:-1]
    return [spaced[i : i + GRAM] for i in range(len(spaced) - GRAM + 1)]


def features(said: list[str], lang: str) -> set[str]:
    """What the model weighs in a message of these words in `lang`, for training: each
    feature of `pieces` behind its language's code ("de|tabl"), so English "garden" and
    Hinglish "gardan" (neck) share no weight. A piece holds a space only at an end, a
    pair only inside, so the three kinds never collide."""
    return {f"{lang}|{piece}" for piece in pieces(said) if "  " not in piece}


@dataclass(frozen=True, slots=True)
class Head:
    """One logistic regression: the log-odds is the bias plus the weights of the features
    present, summed and divided by the square root of their number plus `PRIOR` (as in
    `distress.logit`, but for the prior); `threshold` is where the head speaks."""

    weights: Mapping[str, float]
    bias: float
    threshold: float

    def logit(self, present: set[str]) -> float:
        return self.logit_of([self.weights[f] for f in self.weights.keys() & present])

    def logit_of(self, found: list[float]) -> float:
        """The log-odds from the weights of the features present that this head weighs
        (`fsum` is exact, so their order does not matter)."""
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
    """A concern the model found in one message, and whether it is a crisis: the kind of
    risk, whether it is someone else's, and spans (in the normalised text) of the words
    that weighed most."""

    category: Category
    about_other: bool
    spans: tuple[tuple[int, int], ...]
    crisis: bool = False


@dataclass(frozen=True, slots=True)
class ChatModel:
    heads: Mapping[str, Head]
    max_words: int
    # per language, per feature any head weighs (its language code left off): its weight
    # in `risk` (None if that head does not weigh it), then (position in `HEADS`, weight)
    # for each other head that does. One lookup per feature serves every head, and the
    # other heads are read only when `risk` speaks. Nothing is kept between messages: the
    # process holds no person's words beyond their message
    _table: Mapping[str, Mapping[str, _Row]] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        table: dict[str, dict[str, _Row]] = {}
        for at, name in enumerate(HEADS):
            for feature, weight in self.heads[name].weights.items():
                lang, _, piece = feature.partition("|")
                rows = table.setdefault(lang, {})
                risk, others = rows.get(piece, (None, ()))
                rows[piece] = (weight, others) if at == 0 else (risk, (*others, (at, weight)))
        object.__setattr__(self, "_table", table)

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
        """The model's concern (or crisis) in normalised `text`, read in `lang`, or None."""
        if len(text.split()) > self.max_words:  # in C; a long post stops here
            return None
        found = list(WORD.finditer(text))
        if not found or len(found) > self.max_words:
            return None
        said = [m.group() for m in found]
        cut = _Cut(said)
        get = self._table.get(lang, {}).get
        present = {p: row for p in cut.features() if (row := get(p)) is not None}
        risk = {p: w for p, (w, _) in present.items() if w is not None}
        head = self.heads["risk"]
        if head.logit_of(list(risk.values())) <= head.threshold:
            return None
        weighs: list[list[float]] = [[] for _ in HEADS]
        for _, others in present.values():
            for at, w in others:
                weighs[at].append(w)
        logit = {name: self.heads[name].logit_of(weighs[at]) for at, name in enumerate(HEADS) if at}
        category = max(Category, key=lambda c: logit[f"category.{c.value}"])
        about_other = logit["about_other"] > self.heads["about_other"].threshold
        crisis = logit["crisis"] > self.heads["crisis"].threshold
        return Verdict(category, about_other, _strongest(cut, found, risk), crisis)


def _strongest(
    cut: _Cut, found: list[re.Match[str]], risk: Mapping[str, float]
) -> tuple[tuple[int, int], ...]:
    """Spans of the words that weighed most towards risk: each word counts its own
    features (each once: the word and its pieces) and half of each pair it is in."""
    said, grams = cut.said, cut.grams
    distinct = list(cut.words)
    starts = list(accumulate([len(word) + 2 for word in distinct], initial=0))
    weighed: dict[int, dict[str, None]] = {}  # a word's position -> its features that weigh
    for at in [i for i, piece in enumerate(grams) if piece in risk]:
        weighed.setdefault(bisect_right(starts, at) - 1, {})[grams[at]] = None
    for k in [k for k, word in enumerate(distinct) if word in risk]:
        weighed.setdefault(k, {})[distinct[k]] = None  # a word of four letters is also a piece
    own = {distinct[k]: math.fsum([risk[p] for p in ps]) for k, ps in weighed.items()}
    weight = [own.get(word, 0.0) for word in said]
    for i, w in [(i, w) for i, pair in enumerate(cut.pairs) if (w := risk.get(pair)) is not None]:
        weight[i] += w / 2
        weight[i + 1] += w / 2
    # the (at most) three heaviest of the words that weigh towards risk at all
    ranked = sorted([i for i, w in enumerate(weight) if w > 0], key=lambda i: (-weight[i], i))
    return tuple(sorted(found[i].span() for i in ranked[:EVIDENCE_WORDS]))
