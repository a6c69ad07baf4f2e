"""Scanning files and text for a canary sentence in every encoding it could leak in."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from pathlib import Path


def encodings(canary: str) -> dict[str, bytes]:
    raw = canary.encode("utf-8")
    forms = {
        "utf-8": raw,
        "utf-16-le": canary.encode("utf-16-le"),
        "utf-16-be": canary.encode("utf-16-be"),
        "hex": raw.hex().encode(),
        "HEX": raw.hex().upper().encode(),
    }
    # base64 of the canary at each of the three alignments it can have inside a longer blob
    for shift in range(3):
        encoded = base64.b64encode(b"\0" * shift + raw)
        forms[f"base64+{shift}"] = encoded[4 if shift else 0 : -4]
    return forms


def find_canary(canary: str, blobs: Iterable[tuple[str, bytes]]) -> list[str]:
    """Where the canary appears: `name:encoding` for every hit."""
    forms = encodings(canary)
    hits: list[str] = []
    for name, blob in blobs:
        hits.extend(f"{name}:{form}" for form, needle in forms.items() if needle in blob)
    return hits


def files_under(directory: Path) -> list[tuple[str, bytes]]:
    return [
        (str(path.relative_to(directory)), path.read_bytes())
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    ]
