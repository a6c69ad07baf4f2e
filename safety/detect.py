"""Guess a message's language locally and cheaply: its script first, then function words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from safety.lexicon import Lexicon
from safety.trie import trie_regex

GUESS_CHARS: Final = 300  # characters looked at; enough for function words to show
# Digits inside a word belong to it: Arabizi spells letters with them ("3ashan", "delwa2ty")
_WORDS: Final = re.compile(r"\d*[^\W\d_][^\W_]*(?:'[^\W\d_]+)?")
_ASCII_WORDS: Final = re.compile(r"\d*[a-z][a-z\d]*(?:'[a-z]+)?")  # the same, faster, for ASCII
_SCRIPT_CHARS: Final = {
    "cyrillic": re.compile("[\u0400-\u04ff]"),
    "arabic": re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]"),
    "devanagari": re.compile("[\u0900-\u097f]"),
}
_LATIN: Final = re.compile("[a-z]")
_OTHER_SCRIPTS: Final = re.compile("|".join(regex.pattern for regex in _SCRIPT_CHARS.values()))
# When nothing points at one language of a script, assume its most used one.
SCRIPT_DEFAULTS: Final = {"latin": "en", "cyrillic": "ru", "arabic": "ar", "devanagari": "hi"}
_MAX_LETTER_VOTES: Final = 3  # a distinctive letter is strong evidence, but not unbounded
# Below two votes, or without a clear lead (twice the runner-up), every language of the
# script runs: one stray word ("as", "die") must not decide which lexicon reads a short
# message.
_SURE_VOTES: Final = 2
# Digits or symbols inside words, or letters spaced out: the raw text hides its words, so
# an unsure guess keeps every language of the script. Each pattern opens with a character
# class, which `re` skips to in C; one pattern opening with a letter tried every letter.
_SYMBOL_BY_LETTER: Final = re.compile(r"[\d$@!|*](?:(?<=[a-z].)|(?=[a-z]))")
_SPACED_LETTERS: Final = re.compile(r"[\W_][a-z] [a-z] [a-z](?![^\W_])")  # in " " + text
# A link's parts ("com", "si=") are no one's function words: they do not vote.
_LINK: Final = re.compile(r"(?:https?://|www\.)\S*")


@dataclass(frozen=True, slots=True)
class Choice:
    """The lexicons to run on a message, most likely language first.

    `sure` is false when too little pointed at one language (a short "kms", "tomei 30
    comprimidos"), or when words of other languages are mixed in: then every language of
    the script that could fire runs (for a mixed message, those with words in it), the
    most likely first, and the screening reports the language whose rule fired.
    """

    langs: tuple[str, ...]
    sure: bool


def script_of(sample: str) -> str:
    """The script with the most letters in `sample` ("latin" for plain ASCII; on a tie the
    first of cyrillic, arabic, devanagari, latin)."""
    if sample.isascii():
        return "latin"
    if _OTHER_SCRIPTS.search(sample) is None:  # emoji, accents: no need to count
        return "latin" if _LATIN.search(sample) else "cyrillic"
    counts = {name: len(regex.findall(sample)) for name, regex in _SCRIPT_CHARS.items()}
    counts["latin"] = len(_LATIN.findall(sample))
    return max(counts, key=lambda name: counts[name])


class LanguageGuesser:
    """Pick one of the lexicons' languages for a (folded) message.

    The script narrows the choice (Cyrillic: ru or uk; Arabic script: ar or fa). Within a
    script, each occurrence of a function word that only one language of that script
    lists among its `stopwords` is a vote, and so is each of a language's distinctive
    `letters` (Ukrainian "ї", "є", "ґ"; Persian "پ", "چ", "گ"). No votes: the script's
    default language.
    """

    def __init__(self, lexicons: Mapping[str, Lexicon], fallback: str) -> None:
        self._order = list(lexicons)
        self._fallback = fallback
        self._scripts = {code: lexicon.scripts for code, lexicon in lexicons.items()}
        self._by_script: dict[str, list[str]] = {}
        for code, lexicon in lexicons.items():
            for script in sorted(lexicon.scripts):
                self._by_script.setdefault(script, []).append(code)
        self._markers: dict[str, dict[str, str]] = {}
        self._raw: dict[tuple[str, str], re.Pattern[str]] = {}  # (script, language)
        self._letters: dict[str, tuple[re.Pattern[str], dict[str, str]]] = {}
        for script, codes in self._by_script.items():
            owners: dict[str, set[str]] = {}
            for code in codes:
                for word in lexicons[code].stopwords:
                    owners.setdefault(word, set()).add(code)
            self._markers[script] = {w: next(iter(c)) for w, c in owners.items() if len(c) == 1}
            letters = {ch: code for code in codes for ch in lexicons[code].letters}
            for code in codes:
                raw = _raw_words(lexicons[code], script)
                if raw is not None:
                    self._raw[(script, code)] = raw
            if letters:
                regex = re.compile(f"[{re.escape(''.join(sorted(letters)))}]")
                self._letters[script] = (regex, letters)

    def choose(self, folded: str, lang: str | None = None) -> Choice:
        """The lexicons for a (folded) message: `lang` if given, else the guess; then the
        fallback language, whose slang ("kms") people mix into every language.

        A given `lang` overrides the guess, except that a message in a script that
        language is not written in (a Cyrillic message with lang="en") is also read in
        the language guessed from it: a wrong setting must not hide a crisis.
        """
        if lang:
            base = lang.lower().replace("_", "-").split("-")[0]
            primary = base if base in self._scripts else self._fallback
            choice = Choice((primary,), sure=True)
            if script_of(folded[:GUESS_CHARS]) not in self._scripts[primary]:
                choice = Choice((primary, *self(folded).langs), sure=True)
        else:
            choice = self(folded)
        return Choice(tuple(dict.fromkeys((*choice.langs, self._fallback))), choice.sure)

    def __call__(self, folded: str) -> Choice:
        sample = folded[:GUESS_CHARS]
        script = script_of(sample)
        codes = self._by_script.get(script)
        if not codes:
            return Choice((self._fallback,), sure=False)
        default = SCRIPT_DEFAULTS.get(script, codes[0])
        if default not in codes:
            default = codes[0]
        if len(codes) == 1:
            return Choice((codes[0],), sure=True)
        others = tuple(code for code in codes if code != default)
        votes: dict[str, int] = dict.fromkeys(codes, 0)
        said = _LINK.sub(" ", sample) if "://" in sample or "www." in sample else sample
        words = (_ASCII_WORDS if said.isascii() else _WORDS).findall(said)
        for code, count in Counter(map(self._markers[script].get, words)).items():
            if code is not None:
                votes[code] += count
        if script in self._letters:
            regex, owner = self._letters[script]
            for code, count in Counter(map(owner.__getitem__, regex.findall(sample))).items():
                votes[code] += min(count, _MAX_LETTER_VOTES)
        ranked = sorted((default, *others), key=lambda code: -votes[code])  # stable on ties
        best, second = votes[ranked[0]], votes[ranked[1]]
        if best >= _SURE_VOTES and best >= 2 * second:
            if second == 0:
                return Choice((ranked[0],), sure=True)
            # a clear lead, but words of other languages too: people mix languages ("so
            # tired and i'm done, quiero morir"), and a crisis may be said in the one with
            # fewer words. Those that have a vote are read as well, if they could fire.
            mixed = [ranked[0], *(code for code in ranked[1:] if votes[code])]
            return Choice(self._could_fire(mixed, folded, script), sure=False)
        return Choice(self._could_fire(ranked, folded, script), sure=False)

    def _could_fire(self, ranked: list[str], folded: str, script: str) -> tuple[str, ...]:
        """The most likely language, and each other one unless none of its anchor or slang
        words occurs in the raw text (cheap; languages that respell always stay)."""
        padded = " " + folded
        if _SYMBOL_BY_LETTER.search(folded) or _SPACED_LETTERS.search(padded):
            return tuple(ranked)
        return tuple(
            code
            for i, code in enumerate(ranked)
            if i == 0 or (raw := self._raw.get((script, code))) is None or raw.search(padded)
        )


def _raw_words(lexicon: Lexicon, script: str) -> re.Pattern[str] | None:
    """A regex for the words a lexicon could fire on, read in the raw (folded) text of
    `script`: its anchors and slang. None when the lexicon rewrites those letters first,
    as its anchors are then spelled differently from the raw text."""
    if _rewrites(lexicon, script):
        return None
    words = set(lexicon.anchor_index) | set(lexicon.substitutions) | set(lexicon.compounds)
    if not words:
        return None
    stems = not lexicon.anchor_regex.pattern.endswith(r"\b")  # see lexicon._anchors
    # a separator, then a word (`re` skips fast to separators; the text gets a leading " ")
    head = r"[\s,.!?;:/+&-]"
    return re.compile(rf"{head}(?:{trie_regex(words)})" + ("" if stems else r"\b"))


def _rewrites(lexicon: Lexicon, script: str) -> bool:
    """Whether the lexicon rewrites letters of `script` before its rules read them: a
    respell always may. In Latin text a letter map does only if it has ASCII keys
    (Arabic's and Persian's map Arabic script alone, so Arabizi and Finglish are read as
    written), and Devanagari romanised never does."""
    if lexicon.respell:
        return True
    if script != "latin":
        return lexicon.letter_map is not None or lexicon.abugida is not None
    return lexicon.letter_map is not None and any(key < 128 for key in lexicon.letter_map.table)
