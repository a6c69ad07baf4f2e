"""Replace single characters from a table in one regex pass, exactly as `str.translate` would.

On text that is mostly ASCII this is far cheaper than `str.translate` with a dict, which
looks up every character: `re` tests a class of runs ("[a-z]") in one step, and only the
characters found are looked up.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

_ASTRAL: Final = re.compile("[\U00010000-\U0010ffff]")


class CharMap:
    """A table of one-character keys; calling it replaces every key in a text by its value."""

    __slots__ = ("_astral", "_bmp", "_table")

    def __init__(self, table: Mapping[str, str]) -> None:
        if not all(len(key) == 1 for key in table):
            raise ValueError("a character map's keys are single characters")
        self._table = dict(table)
        self._bmp = _char_class([c for c in table if c <= "\uffff"])
        # letters beyond the BMP in the same class would make it slow for every text
        self._astral = _char_class([c for c in table if c > "\uffff"])

    def __call__(self, text: str) -> str:
        # values never hold keys of the other class, so two passes replace each key once
        out = text if self._bmp is None else self._bmp.sub(self._one, text)
        if self._astral is not None and not out.isascii() and _ASTRAL.search(out):
            out = self._astral.sub(self._one, out)
        return out

    def _one(self, match: re.Match[str]) -> str:
        return self._table[match.group()]


def _char_class(chars: list[str]) -> re.Pattern[str] | None:
    """A character class of runs ("[a-z]"): `re` tests it in one step when all are in the BMP."""
    if not chars:
        return None
    codes = sorted(map(ord, chars))
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs
    )
    return re.compile(f"[{body}]")
