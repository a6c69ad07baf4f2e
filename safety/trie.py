"""Build one regex alternation from many literal words, shaped as a trie so `re` scans it fast."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeAlias

_Trie: TypeAlias = "dict[str, _Trie]"
_END = ""  # a key no real character can collide with: marks "a word ends here"


def trie_regex(words: Iterable[str]) -> str:
    """A non-capturing pattern matching exactly the given words, longest first.

    `re` tries alternatives one by one; nesting them by shared prefix ("kill", "killing")
    makes a failed position cost one character test instead of one test per word.
    """
    root: _Trie = {}
    for word in sorted(set(words)):
        if not word:
            raise ValueError("empty word in trie")
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _emit(root)


def _emit(node: _Trie) -> str:
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body
