"""Turning stored turns into the alternating messages the LLM reads."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from lumen_bot.harness.context import UNSCREENED, WITHHELD
from lumen_bot.harness.model import Turn, TurnKind
from lumen_bot.harness.ports import ChatMessage
from lumen_bot.harness.tokens import BYTES_PER_TOKEN, estimate_tokens

CRISIS_REPLY_NOTE = "(Lumen answered that message with crisis resources.)"
LONG_NOTE = "\n\n(… this long message goes on; the person was told you saw only this part)"
OFFER_NOTE = "(Lumen offered the person support resources.)"
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def to_messages(turns: Iterable[Turn], *, max_chars: int | None = None) -> tuple[ChatMessage, ...]:
    """Alternate user/assistant as the API requires: consecutive turns of one side
    are joined; a crisis message and its resources appear only as notes, so the
    text of a crisis never reaches the LLM, nor does a message the screen has not seen
    (one stored just before a crash). The result never starts with the
    mentor (a leading mentor turn would be dropped by the API's rules).
    """
    messages: list[ChatMessage] = []
    for turn in turns:
        role: Literal["user", "assistant"] = "user" if turn.role == "user" else "assistant"
        if turn.kind is TurnKind.CRISIS:
            text = WITHHELD
        elif turn.kind is TurnKind.UNSCREENED:
            text = UNSCREENED
        elif turn.kind is TurnKind.RESOURCES:
            text = CRISIS_REPLY_NOTE
        elif turn.kind is TurnKind.OFFER:
            text = OFFER_NOTE
        elif max_chars is not None and turn.role == "user" and len(turn.text) > max_chars:
            text = turn.text[:max_chars] + LONG_NOTE
        else:
            text = turn.text
        # A lone surrogate (stored before platforms cleaned them) cannot be encoded
        # into the request, and would fail every turn of the session after it.
        text = LONE_SURROGATE.sub("\ufffd", text)
        if messages and messages[-1].role == role:
            messages[-1] = ChatMessage(role, f"{messages[-1].text}\n\n{text}")
        elif messages or role == "user":
            messages.append(ChatMessage(role, text))
    return tuple(messages)


CLIPPED = "\n\n(… the rest of this long message was not shown to the mentor)"


def fit_messages(messages: tuple[ChatMessage, ...], budget: int) -> tuple[ChatMessage, ...]:
    """Keep the newest messages that fit the budget, starting with the person's.

    A session that runs very long forgets its own beginning (the context still
    has the earlier sessions); a single message longer than the budget keeps its
    start, with a note that the rest was not shown.
    """
    kept: list[ChatMessage] = []
    used = 0
    for message in reversed(messages):
        cost = estimate_tokens(message.text)
        if used + cost > budget:
            break
        kept.append(message)
        used += cost
    kept.reverse()
    while kept and kept[0].role != "user":
        kept.pop(0)
    if kept:
        return tuple(kept)
    last = messages[-1]
    room = max(0, budget - estimate_tokens(CLIPPED)) * BYTES_PER_TOKEN
    head = last.text.encode("utf-8", "surrogatepass")[:room].decode("utf-8", "ignore")
    return (ChatMessage(last.role, head + CLIPPED),)
