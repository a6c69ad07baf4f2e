"""Walking a regular expression's source: which characters are plain syntax.

Three rewrites of rule patterns (spaces that match any run of spaces, `^` as a
clause start, spotting a top-level `|`) must skip escaped characters and the
insides of character classes in the same way; this is that one walk.
"""

from __future__ import annotations

from collections.abc import Iterator


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
