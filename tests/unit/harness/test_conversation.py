"""Turns to LLM messages: alternation, withheld texts, and the session's own budget."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from lumen_bot.harness.context import newest_turns_within
from lumen_bot.harness.conversation import CLIPPED, fit_messages, to_messages
from lumen_bot.harness.model import Turn, TurnKind
from lumen_bot.harness.ports import ChatMessage
from lumen_bot.harness.tokens import estimate_tokens

AT = datetime(2026, 11, 2, tzinfo=UTC)


def turn(n: int, role: str, kind: TurnKind, text: str) -> Turn:
    return Turn(n, 1, role, kind, text, AT)  # type: ignore[arg-type]


def test_turns_alternate_and_consecutive_messages_are_joined() -> None:
    messages = to_messages(
        [
            turn(1, "mentor", TurnKind.REPLY, "a leading mentor turn is dropped"),
            turn(2, "user", TurnKind.MESSAGE, "one"),
            turn(3, "user", TurnKind.MESSAGE, "two"),
            turn(4, "mentor", TurnKind.REPLY, "answer"),
            turn(5, "user", TurnKind.MESSAGE, "three"),
        ]
    )
    assert messages == (
        ChatMessage("user", "one\n\ntwo"),
        ChatMessage("assistant", "answer"),
        ChatMessage("user", "three"),
    )


def test_crisis_and_unscreened_texts_are_replaced_by_notes() -> None:
    messages = to_messages(
        [
            turn(1, "user", TurnKind.CRISIS, "CRISIS-TEXT"),
            turn(2, "mentor", TurnKind.RESOURCES, "RESOURCES-TEXT"),
            turn(3, "user", TurnKind.UNSCREENED, "UNSCREENED-TEXT"),
        ]
    )
    joined = " ".join(m.text for m in messages)
    assert "CRISIS-TEXT" not in joined
    assert "RESOURCES-TEXT" not in joined
    assert "UNSCREENED-TEXT" not in joined
    assert "withheld" in messages[0].text and "not read" in messages[-1].text


def test_a_long_session_keeps_its_newest_messages_starting_with_the_person() -> None:
    messages = tuple(
        ChatMessage("user" if i % 2 == 0 else "assistant", f"m{i} " + "x" * 300) for i in range(40)
    )
    kept = fit_messages(messages, budget=1_000)
    assert kept[-1] == messages[-1]
    assert kept[0].role == "user"
    assert sum(estimate_tokens(m.text) for m in kept) <= 1_000
    assert len(kept) < len(messages)


def test_one_message_longer_than_the_budget_keeps_its_start_and_says_so() -> None:
    huge = ChatMessage("user", "start " + "y" * 100_000)
    (kept,) = fit_messages((huge,), budget=500)
    assert kept.text.startswith("start ")
    assert kept.text.endswith(CLIPPED)
    assert estimate_tokens(kept.text) <= 500


@given(
    texts=st.lists(st.text(min_size=1, max_size=400), min_size=1, max_size=30),
    budget=st.integers(50, 3_000),
)
def test_fit_messages_never_exceeds_the_budget(texts: list[str], budget: int) -> None:
    messages = tuple(
        ChatMessage("user" if i % 2 == 0 else "assistant", text) for i, text in enumerate(texts)
    )
    kept = fit_messages(messages, budget)
    assert kept
    assert sum(estimate_tokens(m.text) for m in kept) <= budget


def test_a_closing_transcript_over_budget_keeps_the_end_and_notes_the_cut() -> None:
    turns = [turn(i, "user", TurnKind.MESSAGE, f"line {i} " + "z" * 500) for i in range(100)]
    text = newest_turns_within(turns, 2_000)
    assert "line 99 " in text and "line 0 " not in text
    assert "left out" in text
    assert estimate_tokens(text) <= 2_000
    assert "line 0 " in newest_turns_within(turns[:2], 2_000)


def test_a_lone_surrogate_stored_earlier_still_makes_a_request_that_encodes() -> None:
    [message] = to_messages([turn(1, "user", TurnKind.MESSAGE, "half \ud83d an emoji")])
    assert message.text == "half \ufffd an emoji"
    message.text.encode("utf-8")  # raises UnicodeEncodeError if a surrogate were left
