"""The sealed body of a turn: one spelling for the store, its export and an import."""

from __future__ import annotations

import json
from dataclasses import dataclass

from lumen_bot.harness.model import TurnKind


@dataclass(frozen=True, slots=True)
class TurnBody:
    """What a turn's sealed body holds: the words and the screen's verdict on them."""

    kind: TurnKind
    level: str | None
    text: str
    third_party: bool
    hurt_by_others: bool


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


def read_turn_body(sealed_json: str) -> TurnBody:
    """The body as `turn_body` wrote it; the verdict flags are absent from turns stored
    before they existed, and absent means not set."""
    payload = json.loads(sealed_json)
    return TurnBody(
        kind=TurnKind(payload["kind"]),
        level=payload.get("level"),
        text=payload["text"],
        third_party=bool(payload.get("third_party", False)),
        hurt_by_others=bool(payload.get("hurt_by_others", False)),
    )
