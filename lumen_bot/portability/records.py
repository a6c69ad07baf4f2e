"""What an archive holds, as domain values: a person's history exactly as it is stored.

Times stay the strings the store wrote (ISO 8601, UTC), so an export imported and
exported again reads the same byte for byte. Turns carry `ref`, their rank in the
order they were stored: `reply_to` names another turn's ref, and an import inserts
turns in ref order, so the conversation order of the restored history is the original's.
"""

from __future__ import annotations

from dataclasses import dataclass

from lumen_bot.harness.model import Role, SessionState, TurnKind


@dataclass(frozen=True, slots=True)
class ArchivedTurn:
    ref: int
    role: Role
    kind: TurnKind
    level: str | None
    third_party: bool
    hurt_by_others: bool
    text: str
    at: str
    answered_at: str | None
    prompt_version: str | None
    reply_to: int | None  # the ref of the message this answers


@dataclass(frozen=True, slots=True)
class ArchivedSession:
    number: int
    state: SessionState
    opened_at: str
    last_activity_at: str
    closed_at: str | None
    closed_by: str | None
    turns: tuple[ArchivedTurn, ...]  # conversation order


@dataclass(frozen=True, slots=True)
class ArchivedNotebook:
    session_number: int
    text: str
    created_at: str
    prompt_version: str
    model: str


@dataclass(frozen=True, slots=True)
class ArchivedArc:
    version: int
    session_number: int  # the session whose closing wrote it
    text: str
    created_at: str
    prompt_version: str
    model: str


@dataclass(frozen=True, slots=True)
class PersonArchive:
    platform: str
    external_id: str
    created_at: str
    profile: tuple[tuple[str, str], ...]  # the person's settings, in their stored order
    sessions: tuple[ArchivedSession, ...]  # by number
    notebooks: tuple[ArchivedNotebook, ...]  # by session number
    arcs: tuple[ArchivedArc, ...]  # every version, oldest first

    @property
    def current_arc(self) -> ArchivedArc | None:
        return self.arcs[-1] if self.arcs else None


@dataclass(frozen=True, slots=True)
class Restored:
    """What an import brought back."""

    person_id: int
    sessions: int
    notebooks: int
    arcs: int
