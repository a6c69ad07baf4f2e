"""Reading a regular expression's source: which characters are plain syntax, and what a
match of it can start with.

Three rewrites of rule patterns (spaces that match any run of spaces, `^` as a
clause start, spotting a top-level `|`) must skip escaped characters and the
insides of character classes in the same way; this is that one walk. The starts
give each screen rule a cheap guard (see `start_guard`).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from typing import Any, Final

from safety.trie import trie_regex


def pattern_chars(source: str) -> Iterator[tuple[int, str, bool]]:
    """Yield (index, character, plain): `plain` is False for a backslash, the character
    it escapes, and everything from `[` to the `]` that closes a class."""
    in_class = escaped = False
    for index, ch in enumerate(source):
        plain = False
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            plain = True
        yield index, ch, plain


# -- what a match can start with ------------------------------------------------------

# The parsed form that `re` itself compiles (not in typeshed, hence the import by name).
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

_GUARD_CHARS: Final = 4  # characters of a match's start that a guard names
_MAX_STARTS: Final = 256  # more distinct starts than this: no guard (it would not pay)
_MAX_CLASS: Final = 10  # a character class of at most this many characters is spelled out
_ZERO_WIDTH: Final = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
_REPEATS: Final = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)

# A start of a match: its first characters, spelled out; then, where the next one is not
# one of a few known characters, the class it is from ("\d", "[^ ]"), or None; and
# whether more characters are still to be read (until the guard's length).
_Start = tuple[str, str | None, bool]
_Starts = frozenset[_Start]
_CATEGORIES: Final = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}


class _Unknown(Exception):
    """The starts of a pattern cannot be told (too many, or flags that change matching)."""


def start_guard(source: str) -> str | None:
    """A pattern that matches wherever a match of `source` could begin, or None.

    `re` tries a rule's pattern after every space of a clause, and most tries fail at the
    first few characters; the guard names those characters, so `(?=guard)` in front of
    the pattern rejects a place quickly and never a place where the pattern matches.
    Zero-width parts (lookarounds, anchors) are left out, which can only let more places
    through. None when any place could begin a match, or the starts are too many.
    """
    try:
        parsed = _parser.parse(source)
        if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
            return None
        starts = _extend(frozenset({("", None, True)}), parsed)
    except (_Unknown, re.error):
        return None
    spelled = {text for text, tail, _ in starts if tail is None}
    if "" in spelled:
        return None
    parts = [trie_regex(spelled)] if spelled else []
    parts += sorted(re.escape(text) + tail for text, tail, _ in starts if tail is not None)
    return "(?:" + "|".join(parts) + ")"


def _extend(starts: _Starts, items: Iterable[tuple[Any, Any]]) -> _Starts:
    """The starts after reading `items` (a parsed sequence) from each open start."""
    for op, av in items:
        if not any(is_open for _, _, is_open in starts):
            break
        if op in _ZERO_WIDTH:
            continue
        if op is _c.SUBPATTERN:
            if av[1] or av[2]:  # inline flags such as (?i:...)
                raise _Unknown
            starts = _extend(starts, av[3])
        elif op is _c.ATOMIC_GROUP:
            starts = _extend(starts, av)
        elif op is _c.BRANCH:
            starts = frozenset().union(*(_extend(starts, alt) for alt in av[1]))
        elif op in _REPEATS:
            starts = _repeat(starts, *av)
        else:
            starts = _step(starts, op, av)
        if len(starts) > _MAX_STARTS:
            raise _Unknown
    return starts


def _step(starts: _Starts, op: Any, av: Any) -> _Starts:
    """Each open start followed by the one character the item `op, av` matches."""
    out = {start for start in starts if not start[2]}
    chars = _chars(op, av)
    if chars is None:  # not spelled out: the start ends with the item's class, if it has one
        tail = _class(op, av)
        out.update((text, tail, False) for text, _, is_open in starts if is_open)
        return frozenset(out)
    for text, _, is_open in starts:
        if is_open:
            out.update((text + ch, None, len(text) + 1 < _GUARD_CHARS) for ch in chars)
    return frozenset(out)


def _repeat(starts: _Starts, low: int, high: int, body: Iterable[tuple[Any, Any]]) -> _Starts:
    """Starts after `low` to `high` rounds of `body`. Rounds beyond the guard's length only
    lengthen open starts, so stopping there keeps every start a true prefix."""
    body = list(body)
    result = starts if low == 0 else frozenset()
    current = starts
    for rounds in range(1, min(high, low + _GUARD_CHARS) + 1):
        following = _extend(current, body)
        if rounds >= low or following == current:  # then every later round gives the same
            result |= following
        if following == current:
            break
        current = following
    return result


def _chars(op: Any, av: Any) -> tuple[str, ...] | None:
    """The characters one item can match, when it is one character of a few known ones."""
    if op is _c.LITERAL:
        return (chr(av),)
    if op is not _c.IN:
        return None
    chars: list[str] = []
    for kind, value in av:
        if kind is _c.LITERAL:
            chars.append(chr(value))
        elif kind is _c.RANGE and value[1] - value[0] < _MAX_CLASS:
            chars.extend(map(chr, range(value[0], value[1] + 1)))
        else:  # a negation, a category such as \w, or a wide range
            return None
    return tuple(chars) if len(chars) <= _MAX_CLASS else None


def _class(op: Any, av: Any) -> str | None:
    """The source of a one-character class ("\\d", "[^ ]"), or None (any character)."""
    if op is _c.NOT_LITERAL:
        return f"[^{re.escape(chr(av))}]"
    if op is not _c.IN:
        return None
    parts: list[str] = []
    for kind, value in av:
        if kind is _c.NEGATE:
            parts.append("^")
        elif kind is _c.LITERAL:
            parts.append(re.escape(chr(value)))
        elif kind is _c.RANGE:
            parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif kind is _c.CATEGORY and value in _CATEGORIES:
            parts.append(_CATEGORIES[value])
        else:
            return None
    return "[" + "".join(parts) + "]"
