"""Context assembly: order, budget, determinism, recent transcripts always present."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lumen_bot.harness.context import build_context, fisher_yates
from lumen_bot.harness.model import Arc, History, Notebook, Transcript, Turn, TurnKind
from lumen_bot.harness.tokens import estimate_tokens

START = datetime(2026, 1, 1, 10, 0, tzinfo=UTC)


def make_history(sessions: int, *, turn_chars: int = 400, notebook_chars: int = 300) -> History:
    transcripts = []
    notebooks = []
    for number in range(1, sessions + 1):
        opened = START + timedelta(days=3 * number)
        turns = tuple(
            Turn(
                id=number * 100 + i,
                session_id=number,
                role="user" if i % 2 == 0 else "mentor",
                kind=TurnKind.MESSAGE if i % 2 == 0 else TurnKind.REPLY,
                text=f"S{number}T{i} " + "w" * turn_chars,
                at=opened,
            )
            for i in range(6)
        )
        transcripts.append(Transcript(number, opened, turns))
        notebooks.append(
            Notebook(number, number, f"NB{number} " + "n" * notebook_chars, opened, "nb.v1", "m")
        )
    last = transcripts[-1].opened_at if transcripts else None
    arc = Arc(1, "ARC: who you are", START, "arc.v1", "m") if sessions else None
    return History(arc, tuple(notebooks), tuple(transcripts), last)


def build(history: History, budget: int = 140_000, seed: int = 7) -> str:
    return build_context(
        history,
        session_number=len(history.transcripts) + 1,
        opened_at=START + timedelta(days=400),
        budget=budget,
        seed=seed,
    ).text


def test_front_matter_names_session_date_and_days_since_last() -> None:
    text = build(make_history(3))
    assert text.startswith(
        "---\nsession_number: 4\ncurrent_date: 2027-02-05\ndays_since_last_session: 391\n---"
    )


def test_first_session_has_null_days_and_no_arc() -> None:
    text = build(make_history(0))
    assert "days_since_last_session: null" in text
    assert "No Arc yet" in text


def test_sections_appear_in_design_order() -> None:
    text = build(make_history(6))
    arc = text.index("ARC: who you are")
    notebook_positions = [text.index(f"NB{n} ") for n in range(6, 0, -1)]
    recent = [text.index(f"S{n}T0 ") for n in (6, 5, 4)]
    assert arc < notebook_positions[0]
    assert notebook_positions == sorted(notebook_positions), "notebooks newest first"
    assert notebook_positions[-1] < recent[0]
    assert recent == sorted(recent), "recent transcripts newest first"
    older = [text.index(f"S{n}T0 ") for n in (1, 2, 3)]
    assert min(older) > recent[-1], "older transcripts come after the recent ones"


def test_same_seed_same_bytes_other_seed_other_order() -> None:
    history = make_history(12)
    assert build(history, seed=1) == build(history, seed=1)
    orders = {build(history, seed=s) for s in range(6)}
    assert len(orders) > 1, "the seed changes the order of older transcripts"


def test_fisher_yates_is_a_permutation_and_seeded() -> None:
    items = list(range(50))
    assert sorted(fisher_yates(items, 3)) == items
    assert fisher_yates(items, 3) == fisher_yates(items, 3)
    assert fisher_yates(items, 3) != fisher_yates(items, 4)


def test_recent_transcripts_survive_a_budget_full_of_notebooks() -> None:
    history = make_history(100, notebook_chars=3_000)
    context = build_context(
        history, session_number=101, opened_at=START + timedelta(days=400), budget=40_000, seed=1
    )
    assert context.tokens <= 40_000
    for number in (100, 99):
        assert f"S{number}T5 " in context.text, f"transcript {number} must always be present"
    assert context.notebooks < 100, "notebooks were cut to fit"
    assert "NB100 " in context.text, "the newest notebook is kept first"


def test_a_huge_recent_transcript_is_clipped_to_its_end() -> None:
    history = make_history(2, turn_chars=60_000)
    context = build_context(
        history, session_number=3, opened_at=START + timedelta(days=10), budget=30_000, seed=1
    )
    assert context.tokens <= 30_000
    assert "S2T5 " in context.text, "the end of the latest session is what is kept"


def test_crisis_turns_are_withheld_from_the_context() -> None:
    history = make_history(1)
    turns = (
        Turn(1, 1, "user", TurnKind.CRISIS, "CANARY crisis words", START),
        Turn(2, 1, "mentor", TurnKind.RESOURCES, "call 988", START),
    )
    history = History(None, (), (Transcript(1, START, turns),), START)
    text = build(history)
    assert "CANARY" not in text
    assert "withheld" in text


@settings(max_examples=60, deadline=None)
@example(sessions=11, budget=200, turn_chars=22, seed=0)  # a clipped transcript one over
@given(
    sessions=st.integers(0, 30),
    budget=st.integers(200, 20_000),
    turn_chars=st.integers(0, 3_000),
    seed=st.integers(0, 2**32),
)
def test_budget_is_never_exceeded(sessions: int, budget: int, turn_chars: int, seed: int) -> None:
    history = make_history(sessions, turn_chars=turn_chars, notebook_chars=turn_chars // 2)
    context = build_context(
        history, session_number=sessions + 1, opened_at=START, budget=budget, seed=seed
    )
    assert context.tokens <= budget
    assert estimate_tokens(context.text) == context.tokens


def test_budget_too_small_for_front_matter_is_refused() -> None:
    with pytest.raises(ValueError, match="budget"):
        build(make_history(1), budget=5)
