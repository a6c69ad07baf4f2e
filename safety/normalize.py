"""Rewrite raw text into the screen's normal form in one regex pass, keeping a map to the original.

The normal form is lower case, accent-free ASCII where possible, single-spaced, with
contractions and slang expanded ("i'm" -> "i am", "kms" -> "kill myself"), leetspeak and
stretched letters undone ("k1ll", "diiie"), letter-spaced words joined ("k i l l") and
emoji spelled as words ("💊" -> "emo_pills"). Every change is logged, so a span found in
the normal form maps back to the exact characters the person wrote.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from safety.charmap import CharMap
from safety.lexicon import Common, Lexicon
from safety.translit import LetterMap
from safety.trie import trie_regex

# a number with a unit or an "about" ("20an" in Indonesian, "30ish", "20er") is no leetspeak
_UNIT: Final = re.compile(
    r"\d+(?:st|nd|rd|th|am|pm|mg|g|kg|lbs?|ml|k|kms?|m|s|x|h|hrs?|mins?|yo|y|d|an|ish|er)"
)
_REPEAT: Final = re.compile(r"([a-z])\1{2,}")
_TRIPLE: Final = re.compile(r"([a-z])\1\1")  # finds the words _REPEAT would, faster in `re`
_NUMBER_BEFORE: Final = re.compile(r"\d\s*$")
_MAX_PIECE: Final = 20
_IGNORABLE: Final = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\ufe0e\ufe0f"
_OPENERS: Final = '"()[]{}'  # ASCII quotes and brackets, read as spaces
_ASCII_OPENERS: Final = str.maketrans(_OPENERS, " " * len(_OPENERS))
_QUOTE_OPEN: Final = re.compile(r"(?<![\w'])'")  # a single quote opening a quotation
# a slash opening a word, as in a chat command ("/kms", "/help i want to die")
_COMMAND_SLASH: Final = re.compile(r"(?<!\S)/(?=[^\W\d_])")


def _fold_table() -> dict[int, str]:
    """One-to-one character folds (so offsets never move): accents, quotes, full width."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        base = "".join(
            c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c)
        )
        if len(base) == 1 and base.isascii():
            table[code] = base
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII
        table[code] = chr(code - 0xFEE0)
    for code in range(0x1D400, 0x1D800):  # mathematical bold, script, double-struck letters
        folded = unicodedata.normalize("NFKD", chr(code))
        if len(folded) == 1 and folded.isascii():
            table[code] = folded
    table.update({ord(q): "'" for q in "\u2018\u2019\u201b\u2032\u00b4`"})
    # quotation marks and brackets become spaces, so '"I want to die"' reads as words
    table.update(
        {ord(q): " " for q in _OPENERS + "\u201c\u201d\u201e\u2033\u00ab\u00bb\u00bf\u00a1"}
    )
    table.update({ord("\u2026"): ".", ord("\u00df"): "s", ord("\u0131"): "i"})
    table.update({ord(d): "-" for d in "\u2010\u2011\u2012\u2013\u2014\u2015"})
    return table


_FOLD: Final = CharMap({chr(code): folded for code, folded in _fold_table().items()})


def fold(text: str) -> str:
    """Lower-case, strip accents and blank out quotation marks, brackets and a slash
    that opens a word (a chat command: "/kms" is read as "kms"), without changing the
    length of the text."""
    if text.isascii():
        folded = text.lower()
        if any(c in folded for c in _OPENERS):
            folded = folded.translate(_ASCII_OPENERS)
    else:
        folded = _fold_other(text)
    if folded[:1] == "'" or " '" in folded or "\n'" in folded:
        folded = _QUOTE_OPEN.sub(" ", folded)
    if "/" in folded:
        folded = _COMMAND_SLASH.sub(" ", folded)
    return folded


def _fold_other(text: str) -> str:
    mapped = _FOLD(text)
    folded = mapped.lower()
    if len(folded) != len(text):  # a rare character lower-cases to two ("İ")
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in mapped)
    return folded


Change = tuple[int, int, int, int]  # (orig_start, orig_end, new_start, new_end)


class _Stage:
    """The changes one rewrite pass made, in order.

    A pass done in C (`re.sub` with a template, `str.translate`) leaves its log to be
    made on demand: only a span that is mapped back (a hit, rare) needs it.
    """

    __slots__ = ("_changes", "_new_starts", "_pending")

    def __init__(
        self,
        changes: tuple[Change, ...] = (),
        pending: Callable[[], tuple[Change, ...]] | None = None,
    ) -> None:
        self._changes = changes
        self._new_starts = tuple(c[2] for c in changes)
        self._pending = pending

    @property
    def changes(self) -> tuple[Change, ...]:
        if self._pending is not None:
            self._changes = self._pending()
            self._new_starts = tuple(c[2] for c in self._changes)
            self._pending = None
        return self._changes

    def char(self, i: int, after: bool) -> int:
        """Where character `i` of this pass's output came from (or just after it)."""
        changes = self.changes
        k = bisect_right(self._new_starts, i) - 1
        if k < 0:
            return i + after
        orig_start, orig_end, _, new_end = changes[k]
        if i < new_end:  # inside a rewritten stretch: take all of it
            return orig_end if after else orig_start
        return i - new_end + orig_end + after


@dataclass(frozen=True, slots=True)
class Normalized:
    """The normal form, and the rewrite passes that led to it (to map spans back)."""

    text: str
    stages: tuple[_Stage, ...] = ()

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` back to the original message."""
        for stage in reversed(self.stages):
            if stage.changes:  # a pass whose matches all stayed as they were changed nothing
                start, end = stage.char(start, False), stage.char(max(start, end - 1), True)
        return start, end


def _log(
    regex: re.Pattern[str], text: str, replace: Callable[[re.Match[str]], str]
) -> tuple[str, tuple[Change, ...]]:
    """Apply `regex.sub` and log each change, in order."""
    changes: list[Change] = []
    shift = 0

    def logged(match: re.Match[str]) -> str:
        nonlocal shift
        original = match.group()
        new = replace(match)
        if new != original:
            start = match.start() + shift
            changes.append((match.start(), match.end(), start, start + len(new)))
            shift += len(new) - len(original)
        return new

    return regex.sub(logged, text), tuple(changes)


def _rewrite(
    regex: re.Pattern[str], text: str, replace: Callable[[re.Match[str]], str]
) -> tuple[str, _Stage | None]:
    """Apply `regex.sub` and log each change; no stage when nothing changed."""
    result, changes = _log(regex, text, replace)
    return result, _Stage(changes) if changes else None


def _substitute(regex: re.Pattern[str], text: str, template: str) -> tuple[str, _Stage | None]:
    """`_rewrite` with a replacement template ("\\1" and the like), done in C; the log is
    made only if a span is mapped back through it."""
    result, count = regex.subn(template, text)
    if not count:
        return result, None
    return result, _Stage(pending=lambda: _log(regex, text, lambda m: m.expand(template))[1])


def _translate(letter_map: LetterMap, text: str) -> tuple[str, _Stage | None]:
    """`_rewrite` with a letter map, done in C: every mapped character lies inside one of
    the map's words, so translating the whole text changes exactly those words."""
    if letter_map.letters.search(text) is None:
        return text, None
    return text.translate(letter_map.table), _Stage(
        pending=lambda: _log(letter_map.words, text, letter_map)[1]
    )


def _splice(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, _Stage | None]:
    """Replace the given stretches (sorted, not overlapping) and log each change."""
    if not edits:
        return text, None
    pieces: list[str] = []
    changes: list[Change] = []
    at = shift = 0
    for start, end, new in edits:
        pieces.append(text[at:start])
        pieces.append(new)
        changes.append((start, end, start + shift, start + shift + len(new)))
        shift += len(new) - (end - start)
        at = end
    pieces.append(text[at:])
    return "".join(pieces), _Stage(tuple(changes))


def _segment(joined: str, vocab: frozenset[str]) -> list[str]:
    """Split a run of letters into the fewest known words; the whole run if that fails."""
    if joined in vocab:
        return [joined]
    n = len(joined)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        path = best[i]
        if path is None:
            continue
        for j in range(i + 1, min(n, i + _MAX_PIECE) + 1):
            piece = joined[i:j]
            if piece in vocab or piece in ("i", "a"):
                current = best[j]
                if current is None or len(path) + 1 < len(current):
                    best[j] = [*path, piece]
    return best[n] or [joined]


class Normalizer:
    """The rewrite for one language: rare de-obfuscation passes, then slang and contractions.

    Each de-obfuscation pass runs only if a cheap test says it could change something, so
    an ordinary message pays for one short scan per pass and the slang pass.
    """

    def __init__(self, common: Common, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._emoji = common.emoji
        # Arabizi's "3" and "7" are letters, not leetspeak for "e" and "t"
        leet = {k: v for k, v in common.leet.items() if k not in lexicon.letter_digits}
        self._leet = str.maketrans(leet)
        symbols = "".join(re.escape(c) for c in common.leet if not c.isalnum())
        word = rf"[\w'{symbols}]"
        emoji = "".join(re.escape(k) for k in common.emoji)
        # emoji become words, invisible characters go ("k\u200bill")
        self._symbols = re.compile(rf"[{emoji}{_IGNORABLE}][{_IGNORABLE}\U0001f3fb-\U0001f3ff]*")
        # letters spaced out: "k i l l", "k.i.l.l"
        self._spaced_hint = re.compile(r" [a-z][ .\-_*][a-z][ .\-_*][a-z]\b")
        self._spaced = re.compile(r"(?<![^\W_])(?:[a-z][ .\-_*]){2,}[a-z](?![^\W_])")
        # words with digits or symbols inside ("k1ll", "$uicide") or stretched ("diiie")
        self._leet_hint = re.compile(rf"[\d{symbols}](?:(?<=[a-z].)|(?=[a-z]))")
        self._word = re.compile(
            rf"(?<!{word})(?={word}*?(?:\d|[{symbols}]\w|(?P<r>[a-z])(?P=r)(?P=r)))"
            rf"(?={word}*[a-z]){word}*[\w$]"
        )
        self._word_chars = frozenset("'" + "".join(c for c in common.leet if not c.isalnum()))
        # a run of two or more spaces, or one tab or return: written to open with a class,
        # which `re` skips to in C ("[ \t\r\f\v]{2,}|[\t\r\f\v]" tries every character)
        self._spaces = re.compile(r"[ \t\r\f\v](?:[ \t\r\f\v]+|(?<=[\t\r\f\v]))")
        keys = [*lexicon.substitutions, *lexicon.compounds]
        # a separator, then a slang word: `re` skips quickly to separators (text gets a " ")
        self._slang = re.compile(rf"[ \n\t,.!?;:/+&-](?P<w>{trie_regex(keys)})(?![\w'])")

    def __call__(self, folded: str) -> Normalized:
        stages: list[_Stage] = []
        text = folded

        def keep(rewritten: tuple[str, _Stage | None]) -> None:
            nonlocal text
            text, stage = rewritten
            if stage is not None:
                stages.append(stage)

        lexicon = self._lexicon
        if not text.isascii():
            keep(_rewrite(self._symbols, text, self._symbol))
            if lexicon.letter_map is not None:
                keep(_translate(lexicon.letter_map, text))
            if lexicon.abugida is not None:
                keep(_rewrite(lexicon.abugida.words, text, lexicon.abugida))
        for respell in lexicon.respell:
            if respell.applies(text):
                keep(_substitute(respell.regex, text, respell.replacement))
        if self._spaced_hint.search(" " + text):
            keep(_rewrite(self._spaced, text, self._join))
        keep(_splice(text, self._unmasked(text)))
        if "  " in text or "\t" in text or "\r" in text:
            keep(_substitute(self._spaces, text, " "))
        keep(_splice(text, self._slang_edits(text)))
        return Normalized(text, tuple(stages))

    def _token_start(self, text: str, at: int) -> int:
        chars = self._word_chars
        while at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_" or text[at - 1] in chars):
            at -= 1
        return at

    def _unmasked(self, text: str) -> list[tuple[int, int, str]]:
        """Words with digits or symbols inside ("k1ll") or stretched letters ("diiie"),
        found from cheap hints and rewritten one by one (most messages have none)."""
        starts = {self._token_start(text, m.start()) for m in self._leet_hint.finditer(text)}
        starts.update(self._token_start(text, m.start()) for m in _TRIPLE.finditer(text))
        edits: list[tuple[int, int, str]] = []
        done = -1
        for start in sorted(starts):
            match = self._word.match(text, start) if start >= done else None
            if match is not None:
                new = self._unmask(match)
                if new != match.group():
                    edits.append((match.start(), match.end(), new))
                done = match.end()
        return edits

    def _slang_edits(self, text: str) -> list[tuple[int, int, str]]:
        edits = []
        for match in self._slang.finditer(" " + text):
            start, end = match.span("w")
            token = match.group("w")
            new = self._expand(token, text, start - 1)
            if new != token:
                edits.append((start - 1, end - 1, new))
        return edits

    def _symbol(self, match: re.Match[str]) -> str:
        token = match.group()
        if token[0] not in self._emoji:
            return ""
        text, at, after_at = match.string, match.start(), match.end()
        before = "" if at == 0 or text[at - 1].isspace() or text[at - 1] in self._emoji else " "
        after = "" if after_at >= len(text) or text[after_at].isspace() else " "
        return f"{before}{self._emoji[token[0]]}{after}"

    def _join(self, match: re.Match[str]) -> str:
        joined = "".join(c for c in match.group() if c.isalpha())
        return " ".join(_segment(joined, self._lexicon.vocab))

    def _unmask(self, match: re.Match[str]) -> str:
        return self._collapse(self._deleet(match.group()))

    def _expand(self, token: str, text: str, at: int) -> str:
        if token in self._lexicon.numeric_units and _NUMBER_BEFORE.search(text, max(0, at - 8), at):
            return token  # "10 kms" is a distance
        token = self._lexicon.compounds.get(token, token)
        expansion = self._lexicon.substitutions.get(token)
        return token if expansion is None else " ".join(expansion)

    def _deleet(self, word: str) -> str:
        """Map digits and symbols inside a word to letters ("k1ll" -> "kill"), not "10pm"."""
        core = word.replace("'", "")
        if core.isdigit() or _UNIT.fullmatch(core):
            return word
        return word.translate(self._leet)

    def _collapse(self, word: str) -> str:
        """Undo stretched letters ("killlll", "diiie") by trying runs of two, then one."""
        two = _REPEAT.sub(r"\1\1", word)
        if two == word or two in self._lexicon.vocab or two in self._lexicon.substitutions:
            return two
        return _REPEAT.sub(r"\1", word)
