"""Context assembly: what the mentor reads at the start of a session, within a token budget.

Order (DESIGN.md): YAML front matter, the Arc, every notebook newest first, the
last 2-3 transcripts, then older transcripts in seeded Fisher-Yates order until
the budget is full. The result is a pure function of the history, the session's
opening time and the seed, so rebuilding it gives the same bytes and the
provider's prompt cache keeps working across the session's turns.

Allocation is not the same as order: the Arc and the two most recent
transcripts are claimed first, so a long trail of notebooks can never push the
latest conversations out; the document still reads in the order above.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from lumen_bot.harness.model import History, Notebook, Transcript, Turn, TurnKind
from lumen_bot.harness.rhythm import hours_since
from lumen_bot.harness.tokens import estimate_tokens

RECENT_REQUIRED = 2  # the newest transcripts that are always present
RECENT_WANTED = 3  # ... and one more when it fits
T = TypeVar("T")
SEPARATOR = "\n\n"
WITHHELD = "(a message withheld by Lumen's safety screen; crisis resources were shared)"
UNSCREENED = "(a message Lumen's safety screen has not read; withheld)"


@dataclass(frozen=True, slots=True)
class SessionContext:
    text: str
    tokens: int
    notebooks: int
    transcripts: int  # how many transcripts made it in


def build_context(
    history: History,
    *,
    session_number: int,
    opened_at: datetime,
    budget: int,
    seed: int,
    rhythm: str | None = None,
    early_within: timedelta = timedelta(days=2),
) -> SessionContext:
    """Assemble the context document for one session; never above `budget` tokens.

    `rhythm` (the person's chosen rhythm, in words) goes into the front matter, and
    the hours since the last session when it closed less than `early_within` ago, so
    the mentor can hold the spacing of sessions in conversation."""
    front = _front_matter(history, session_number, opened_at, rhythm, early_within)
    remaining = budget - _cost(front)
    if remaining < 0:
        raise ValueError("budget too small for the front matter")

    arc = _arc_section(history)
    if _cost(arc) > remaining:
        arc = _fitted(_clip(arc, remaining - 1), remaining)
    remaining -= _cost(arc) if arc else 0

    # A transcript that retention deleted (its notebook and the Arc remain) is left out.
    transcripts = tuple(transcript for transcript in history.transcripts if transcript.turns)
    recent = list(transcripts[-RECENT_WANTED:])[::-1]  # newest first
    recent_parts: list[str] = []
    for index, transcript in enumerate(recent):
        part = render_transcript(transcript)
        cost = _cost(part)
        if cost > remaining:
            if index >= RECENT_REQUIRED:
                break
            part = _fitted(_clip_transcript(transcript, remaining - 1), remaining)
            cost = _cost(part)
            if not part:
                break
        recent_parts.append(part)
        remaining -= cost

    notebook_parts: list[str] = []
    for notebook in reversed(history.notebooks):
        part = render_notebook(notebook)
        cost = _cost(part)
        if cost > remaining:
            break
        notebook_parts.append(part)
        remaining -= cost

    older_parts: list[str] = []
    older = list(transcripts[: max(0, len(transcripts) - len(recent_parts))])
    for transcript in fisher_yates(older, seed):
        part = render_transcript(transcript)
        cost = _cost(part)
        if cost <= remaining:
            older_parts.append(part)
            remaining -= cost

    sections = [front, arc, *notebook_parts, *recent_parts, *older_parts]
    text = SEPARATOR.join(section for section in sections if section)
    return SessionContext(
        text=text,
        tokens=estimate_tokens(text),
        notebooks=len(notebook_parts),
        transcripts=len(recent_parts) + len(older_parts),
    )


def _cost(section: str) -> int:
    """Tokens a section takes, with its separator; the sum bounds the whole document."""
    return estimate_tokens(section + SEPARATOR)


def _fitted(clipped: str, remaining: int) -> str:
    """A clipped section, or nothing if even clipped it does not fit: token estimates of
    a clip are close, not exact, and the budget is a promise (a tiny budget may leave
    out even the required transcripts)."""
    return clipped if _cost(clipped) <= remaining else ""


def fisher_yates(items: Sequence[T], seed: int) -> list[T]:
    """A seeded Fisher-Yates shuffle: the same seed always gives the same order."""
    shuffled = list(items)
    rng = random.Random(seed)  # noqa: S311 - ordering, not secrecy
    for i in range(len(shuffled) - 1, 0, -1):
        j = rng.randint(0, i)
        shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
    return shuffled


def session_seed(base: int, person_id: int, session_number: int) -> int:
    """One seed per session, stable across restarts."""
    return (base * 1_000_003 + person_id) * 1_000_003 + session_number


def _front_matter(
    history: History,
    session_number: int,
    opened_at: datetime,
    rhythm: str | None,
    early_within: timedelta,
) -> str:
    if history.last_closed_at is None:
        days = "null"
    else:
        days = str(max(0, (opened_at.date() - history.last_closed_at.date()).days))
    lines = [
        f"session_number: {session_number}",
        f"current_date: {opened_at.date().isoformat()}",
        f"days_since_last_session: {days}",
    ]
    hours = hours_since(opened_at, history.last_closed_at, within=early_within)
    if hours is not None:
        lines.append(f"hours_since_last_session: {hours}")
    if rhythm:
        lines.append(f"rhythm: {rhythm}")
    return "---\n" + "\n".join(lines) + "\n---"


def _arc_section(history: History) -> str:
    if history.arc is None:
        return "# The Arc\n\n(No Arc yet: this is the beginning.)"
    return f"# The Arc\n\n{history.arc.text.strip()}"


def render_notebook(notebook: Notebook) -> str:
    day = notebook.created_at.date().isoformat()
    return f"# Notebook: session {notebook.session_number} ({day})\n\n{notebook.text.strip()}"


def render_transcript(transcript: Transcript) -> str:
    day = transcript.opened_at.date().isoformat()
    lines = [f"# Transcript: session {transcript.session_number} ({day})"]
    lines.extend(render_turn(turn) for turn in transcript.turns)
    return "\n\n".join(lines)


def render_turn(turn: Turn) -> str:
    speaker, text = speaker_and_text(turn)
    return f"{speaker}: {text}"


def speaker_and_text(turn: Turn) -> tuple[str, str]:
    """Who spoke and what may be shown of it: a crisis or an unscreened message never."""
    if turn.kind is TurnKind.CRISIS:
        return "Them", WITHHELD
    if turn.kind is TurnKind.UNSCREENED:
        return "Them", UNSCREENED
    if turn.kind is TurnKind.RESOURCES:
        return "Lumen", "(crisis resources)"
    if turn.kind is TurnKind.OFFER:
        return "Lumen", "(support resources offered)"
    return ("Them" if turn.role == "user" else "Mentor"), turn.text.strip()


def _clip_transcript(transcript: Transcript, budget: int) -> str:
    """Keep the newest turns of a transcript that fit: its ending matters most."""
    header = f"# Transcript: session {transcript.session_number} (end only)"
    return newest_turns_within(transcript.turns, budget, header=header)


def newest_turns_within(turns: Sequence[Turn], budget: int, *, header: str = "") -> str:
    """The turns, rendered; if they exceed the budget, only the newest that fit."""
    kept: list[str] = []
    used = estimate_tokens(header) + 1
    for turn in reversed(turns):
        line = render_turn(turn)
        cost = estimate_tokens(line) + 1
        if used + cost > budget:
            break
        kept.append(line)
        used += cost
    if len(kept) < len(turns):
        note = "(earlier messages of this session left out for length)"
        header = f"{header}\n\n{note}" if header else note
        if estimate_tokens(header) + sum(estimate_tokens(k) + 1 for k in kept) > budget and kept:
            kept.pop()
    if not kept:
        return _clip(header, budget)
    return "\n\n".join([part for part in (header, *reversed(kept)) if part])


def _clip(text: str, budget: int) -> str:
    """Cut text from the end to fit the budget (a last resort for huge single sections)."""
    if budget <= 0:
        return ""
    encoded = text.encode("utf-8", "surrogatepass")
    cut = encoded[: max(0, budget * 3 - 6)].decode("utf-8", "ignore")
    return cut.rstrip() + "\n…" if cut != text else text
