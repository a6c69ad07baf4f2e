"""Per-language script rewrites: letter maps, Devanagari to Latin, and spelling respells.

Some languages are written in two scripts: Russian in Cyrillic and in Latin letters
("hochu umeret'"), Hindi in Devanagari and romanised ("marna chahta hoon"). Their
lexicons keep one set of rules, written in a Latin skeleton, and this module brings both
scripts to it. Arabic and Persian use a letter map to unify forms (alef with hamza, yeh,
kaf) and drop vowel marks. Each rewrite works word by word, so the normaliser can log
every change and map a span back to the words the person wrote.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final


class ScriptError(ValueError):
    """A script table in a lexicon is malformed; raised at import."""


@dataclass(frozen=True, slots=True)
class LetterMap:
    """Rewrite every word that holds a mapped character; characters may map to "" or to
    several letters (Cyrillic "ж" -> "zh")."""

    words: re.Pattern[str]  # a run of characters, at least one of them mapped
    table: Mapping[int, str]
    letters: re.Pattern[str]  # one mapped character: a fast test that `words` would match

    @classmethod
    def build(cls, mapping: Mapping[str, str]) -> LetterMap:
        if not all(len(k) == 1 for k in mapping):
            raise ScriptError("letter map keys must be single characters")
        mapped = "".join(re.escape(k) for k in sorted(mapping))
        words = re.compile(rf"[\w{mapped}]*[{mapped}][\w{mapped}]*")
        return cls(words, {ord(k): v for k, v in mapping.items()}, re.compile(f"[{mapped}]"))

    def __call__(self, match: re.Match[str]) -> str:
        return match.group().translate(self.table)


_VIRAMA: Final = "\u094d"
_NUKTA: Final = "\u093c"


@dataclass(frozen=True, slots=True)
class Abugida:
    """Devanagari to a romanised skeleton, the way people type Hindi in Latin letters.

    A consonant carries the inherent vowel "a" unless a vowel sign or the virama follows.
    Hindi drops that "a" at the end of a word (मर -> "mar") and between a vowelled
    syllable and a vowelled syllable (करना -> "karna", चाहता -> "chahta"); both rules are
    applied, which is the usual approximation (Ohala's schwa deletion).
    """

    words: re.Pattern[str]
    consonants: Mapping[str, str]
    vowels: Mapping[str, str]  # independent vowels
    signs: Mapping[str, str]  # vowel signs (matras)
    marks: Mapping[str, str]  # anusvara, chandrabindu, visarga
    inherent: str

    @classmethod
    def build(cls, spec: Mapping[str, object]) -> Abugida:
        def table(key: str) -> dict[str, str]:
            value = spec.get(key) or {}
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()
            ):
                raise ScriptError(f"abugida.{key} must map strings to strings")
            return dict(value)

        consonants, vowels, signs, marks = (
            table(k) for k in ("consonants", "vowels", "signs", "marks")
        )
        for key in [*vowels, *signs, *marks]:
            if len(key) != 1:
                raise ScriptError(f"abugida key {key!r} must be one character")
        for key in consonants:
            if not (len(key) == 1 or (len(key) == 2 and key[1] == _NUKTA)):
                raise ScriptError(f"abugida consonant {key!r}: one letter, or one plus nukta")
        letters = {c for k in [*consonants, *vowels, *signs, *marks] for c in k}
        letters.update((_VIRAMA, _NUKTA))
        words = re.compile(f"[{re.escape(''.join(sorted(letters)))}]+")
        return cls(words, consonants, vowels, signs, marks, str(spec.get("inherent", "a")))

    def __call__(self, match: re.Match[str]) -> str:
        return self.romanize(match.group())

    def romanize(self, word: str) -> str:
        # syllables as [consonant letters, vowel, has_inherent_vowel, trailing marks]
        syllables: list[list[str | bool]] = []
        i, n = 0, len(word)
        while i < n:
            ch = word[i]
            if ch in self.consonants:
                base = self.consonants[ch]
                if i + 1 < n and word[i + 1] == _NUKTA:
                    base = self.consonants.get(ch + _NUKTA, base)
                    i += 1
                syllable: list[str | bool] = [base, self.inherent, True, ""]
                if i + 1 < n and word[i + 1] == _VIRAMA:
                    syllable[1], syllable[2] = "", False
                    i += 1
                elif i + 1 < n and word[i + 1] in self.signs:
                    syllable[1], syllable[2] = self.signs[word[i + 1]], False
                    i += 1
                syllables.append(syllable)
            elif ch in self.vowels:
                syllables.append(["", self.vowels[ch], False, ""])
            elif ch in self.marks and syllables:
                syllables[-1][3] = str(syllables[-1][3]) + self.marks[ch]
            elif ch in self.signs:  # a stray vowel sign
                syllables.append(["", self.signs[ch], False, ""])
            i += 1
        self._drop_schwas(syllables)
        return "".join(f"{s[0]}{s[1]}{s[3]}" for s in syllables)

    def _drop_schwas(self, syllables: list[list[str | bool]]) -> None:
        count = len(syllables)
        if count > 1 and syllables[-1][2] and not syllables[-1][3]:
            syllables[-1][1] = ""
        k = count - 2
        while k >= 1:
            here, before, after = syllables[k], syllables[k - 1], syllables[k + 1]
            if here[2] and not here[3] and before[1] and after[0] and after[1]:
                here[1] = ""
                k -= 2  # the syllable before now closes this one: keep its vowel
            else:
                k -= 1


@dataclass(frozen=True, slots=True)
class Respell:
    """One ordered spelling rewrite on the (partly) romanised text: "kh" -> "h".

    `needs` lists strings of which one must occur for the rewrite to apply at all, so a
    message without any of them skips the regex (most rewrites touch few messages).
    """

    regex: re.Pattern[str]
    replacement: str  # a `re.sub` template: "\\1" is the first group
    needs: tuple[str, ...] = ()

    def applies(self, text: str) -> bool:
        return not self.needs or any(n in text for n in self.needs)


def respells(specs: object) -> tuple[Respell, ...]:
    """Compile `respell: [[pattern, replacement, needs?], ...]` from a lexicon."""
    if specs is None:
        return ()
    if not isinstance(specs, list) or not all(_respell_spec(s) for s in specs):
        raise ScriptError("respell must be a list of [pattern, replacement, needs?] entries")
    try:
        return tuple(
            Respell(re.compile(s[0]), s[1], tuple(s[2]) if len(s) > 2 else ()) for s in specs
        )
    except re.error as exc:
        raise ScriptError(f"respell: bad pattern: {exc}") from None


def _respell_spec(spec: object) -> bool:
    if not isinstance(spec, list) or len(spec) not in (2, 3):
        return False
    pattern, replacement, *needs = spec
    return (
        isinstance(pattern, str)
        and isinstance(replacement, str)
        and all(isinstance(n, list) and all(isinstance(x, str) for x in n) for n in needs)
    )
