"""Prepare a mentor reply for the review's rules: folded letters, sentences, blocks."""

from __future__ import annotations

import re
from typing import Final

from safety.charmap import CharMap
from safety.normalize import fold

_IGNORABLE: Final = re.compile("[\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff]")
_SENTENCE_END: Final = re.compile(r"[.!?\n]")
_SENTENCE_AFTER: Final = frozenset(" \t\r\n\"')]\u00a0")
_BLOCK: Final = 400  # longer sentences are searched in blocks, each with its anchors
_OVERLAP: Final = 200  # a block is searched this far beyond its ends (longest match)


def _rewrites() -> dict[str, str]:
    """One-for-one rewrites after lower-casing: letters as `fold` folds them (accents, full
    width, mathematical letters, dashes), Markdown marks blanked, quotation marks kept.

    The screen's `fold` blanks quotation marks; the review keeps them as '"' and "'" to tell
    quoted words from the mentor's own ("I'm" with a curly apostrophe must still read
    "i'm"). Applied by a `CharMap`, far cheaper on non-ASCII text than `str.translate`.
    """
    table = {c: " " for c in "*_~#|>"}
    codes = (*range(0x80, 0x2100), *range(0xFF01, 0xFF5F), *range(0x1D400, 0x1D800))
    for char in map(chr, codes):
        lower = char.lower()
        if len(lower) == 1 and fold(lower) != lower:
            table[lower] = fold(lower)
    table |= dict.fromkeys("\u2018\u2019\u201b\u2032\u00b4", "'")
    table |= dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"')
    return table


_REWRITE: Final = CharMap(_rewrites())


def prepare(text: str) -> tuple[str, list[int] | None]:
    """Fold case and accents, blank Markdown marks, drop invisible characters, and put
    one space in front (so every word follows a non-word character).

    Returns the padded text and, only when characters were dropped, each remaining
    character's index in `text` (otherwise index i of the padded text is i - 1 of `text`).
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare character lower-cases to two ("İ")
        lowered = fold(text)
    prepared = _REWRITE(lowered)
    if prepared.isascii() or not _IGNORABLE.search(prepared):
        return " " + prepared, None
    positions = [i for i, c in enumerate(prepared) if not _IGNORABLE.fullmatch(c)]
    return " " + "".join(prepared[i] for i in positions), positions


def original(positions: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """Map a span of the prepared text (without the pad) back to the reviewed text."""
    if positions is None:
        return start, end
    return positions[start], positions[end - 1] + 1


def sentence_starts(padded: str) -> list[int]:
    """Where sentences start: after a line break, and after . ! ? followed by a space or a
    quote ("2.5 mg" is one sentence; a ";" only breaks a clause)."""
    starts = [0]
    size = len(padded)
    for match in _SENTENCE_END.finditer(padded):
        at = match.end()
        ends = match.group() == "\n" or at == size or padded[at] in _SENTENCE_AFTER
        if ends and at > starts[-1]:
            starts.append(at)
    return starts


def searched(text: str, lo: int, hi: int, at: int) -> tuple[int, int]:
    """The stretch of the sentence text[lo:hi] searched for an anchor at `at`: all of it,
    or in a long sentence its fixed block with overlap, cut at spaces. Anchors in one
    block share it, so the work stays linear."""
    if hi - lo <= _BLOCK + 2 * _OVERLAP:
        return lo, hi
    first = lo + (at - lo) // _BLOCK * _BLOCK
    start, stop = max(lo, first - _OVERLAP), min(hi, first + _BLOCK + _OVERLAP)
    if start > lo:
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    if stop < hi:
        space = text.rfind(" ", first + _BLOCK, stop)
        stop = space if space >= 0 else stop
    return start, stop
