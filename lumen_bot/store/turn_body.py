"""The sealed body of a turn: one spelling for the store and for an import."""

from __future__ import annotations

import json

from lumen_bot.harness.model import TurnKind


def turn_body(
    kind: TurnKind, level: str | None, text: str, *, third_party: bool, hurt_by_others: bool
) -> str:
    """The JSON sealed as a turn's body. `third_party` and `hurt_by_others` are written
    only when set, so an ordinary turn seals exactly as turns always did."""
    payload: dict[str, object] = {"kind": kind.value, "level": level, "text": text}
    if third_party:
        payload["third_party"] = True
    if hurt_by_others:
        payload["hurt_by_others"] = True
    return json.dumps(payload, ensure_ascii=False)
