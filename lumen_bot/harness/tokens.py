"""A fast, conservative token estimate, so the context never outgrows the model's window."""

from __future__ import annotations

import math

# Claude's tokenizer averages about 4 bytes of English per token, about 2 bytes
# (one character) of Cyrillic or Greek, and about 3 bytes (one character) of CJK.
# Dividing UTF-8 bytes by 3 over-counts English a little and never under-counts
# these scripts, which is the safe side for a budget.
BYTES_PER_TOKEN = 3


def estimate_tokens(text: str) -> int:
    return math.ceil(len(text.encode("utf-8", "surrogatepass")) / BYTES_PER_TOKEN)
