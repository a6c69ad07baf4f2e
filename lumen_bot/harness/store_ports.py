"""The persistence ports: what the harness keeps, and the values it exchanges with the store.

People, sessions, turns and closing jobs (`Store`), reminders (`RhythmStore`), flags,
blocks and the audit log (`ReviewStore`), /memory and Arc corrections (`MemoryStore`).
`lumen_bot/store/` implements them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from lumen_bot.harness.flags import AuditEntry, Flag, FlagDetail, FlagSource, FlagStatus
from lumen_bot.harness.model import (
    Arc,
    History,
    Notebook,
    Person,
    PersonKey,
    Role,
    Session,
    SessionState,
    Turn,
    TurnKind,
)


@dataclass(frozen=True, slots=True)
class ClosingJob:
    session_id: int
    person_id: int
    attempts: int
    next_attempt_at: datetime
    stage: Literal["notebook", "arc", "deliver", "done"]
    notify: bool = True


@dataclass(frozen=True, slots=True)
class NewTurn:
    role: Role
    kind: TurnKind
    text: str
    at: datetime
    source_key: str | None = None
    prompt_version: str | None = None
    reply_to: int | None = None
    level: str | None = None
    third_party: bool = False  # resources or an offer written for a helper (see Turn)
    hurt_by_others: bool = False  # resources or an offer naming abuse lines (see Turn)


@dataclass(frozen=True, slots=True)
class UnreadableTurn:
    """A turn still owed (unanswered or undelivered) whose record no longer opens under
    a key that does: only its plain columns are known, never what it said."""

    id: int
    role: Role
    at: datetime


@dataclass(frozen=True, slots=True)
class SessionRead:
    """A session's turns that open, in conversation order, and the owed ones that no
    longer do (see `Store.read_session`)."""

    turns: tuple[Turn, ...]
    unreadable: tuple[UnreadableTurn, ...] = ()


@dataclass(frozen=True, slots=True)
class PersonExport:
    person: Person
    sessions: tuple[tuple[Session, tuple[Turn, ...]], ...]
    notebooks: tuple[Notebook, ...]
    arcs: tuple[Arc, ...]
    prompt_versions: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Arrival:
    """What a message needs to know of its sender before it is stored."""

    person: Person
    block: tuple[datetime, bool] | None  # as `ReviewStore.blocked_until`
    session: Session | None  # the active one


class Store(Protocol):
    """Durable, encrypted storage of everything a person and the mentor said."""

    async def person(self, key: PersonKey, at: datetime) -> Person:
        """The person with this key, created (with a fresh data key) if new."""
        ...

    async def arrival(self, key: PersonKey, at: datetime) -> Arrival:
        """The person (created if new, as `person`), their block and their active
        session, in one trip for someone known: every message asks this first."""
        ...

    async def find_person(self, key: PersonKey) -> Person | None: ...

    async def person_key(self, person_id: int) -> PersonKey: ...

    async def screen_turn(
        self,
        person_id: int,
        turn: Turn,
        kind: TurnKind,
        level: str,
        *,
        third_party: bool = False,
        hurt_by_others: bool = False,
    ) -> Turn:
        """Record what the screen decided about a stored message (sealed with its text):
        its kind, level, whether it is about someone else's risk, and whether the person
        is being hurt by someone."""
        ...

    async def turn_by_source(self, source_key: str) -> Turn | None:
        """The turn stored for a platform message, if any (to recognise redeliveries)."""
        ...

    async def active_session(self, person_id: int) -> Session | None:
        """The session that is `active` (at most one per person)."""
        ...

    async def open_session(self, person_id: int, at: datetime) -> Session: ...

    async def latest_session(self, person_id: int) -> Session | None:
        """The person's newest session, whatever its state."""
        ...

    async def get_session(self, session_id: int) -> Session: ...

    async def unanswered(self) -> tuple[tuple[Session, datetime], ...]:
        """Active sessions with turns not yet answered or delivered (after a crash)."""
        ...

    async def begin_closing(
        self, session_id: int, at: datetime, closed_by: str, *, notify: bool = True
    ) -> ClosingJob:
        """Move a session to `closing` and create its durable closing job, atomically.

        `notify=False`: no parting words (a session closed after a long silence).
        """
        ...

    async def append_turn(self, person_id: int, session_id: int, turn: NewTurn) -> Turn | None:
        """Store a turn; None if `source_key` was stored before (a redelivery)."""
        ...

    async def session_turns(self, person_id: int, session_id: int) -> tuple[Turn, ...]:
        """The session's turns that open, in conversation order; a damaged one is left
        out (logged with its ids)."""
        ...

    async def read_session(self, person_id: int, session_id: int) -> SessionRead:
        """As `session_turns`, and which of the left-out turns were still owed: what
        answers a session reads this, so a message that can no longer be read is
        settled and the person told, not waited on for ever."""
        ...

    async def mark_answered(self, turn_ids: Sequence[int], at: datetime) -> None: ...

    async def mark_parts_delivered(self, turn_id: int, parts: int) -> None:
        """The first `parts` parts of a mentor's reply reached the person (never fewer
        than recorded before)."""
        ...

    async def history(self, person_id: int) -> History:
        """Arc, notebooks and closed transcripts, for building a session's context."""
        ...

    async def save_notebook(
        self, person_id: int, notebook: Notebook, job: ClosingJob
    ) -> ClosingJob: ...

    async def save_arc(self, person_id: int, arc: Arc, job: ClosingJob) -> ClosingJob: ...

    async def latest_arc(self, person_id: int) -> Arc | None: ...

    async def notebook_for(self, person_id: int, session_id: int) -> Notebook | None: ...

    async def finish_closing(self, job: ClosingJob, at: datetime) -> None:
        """Mark the job done and the session `closed`."""
        ...

    async def postpone_closing(self, job: ClosingJob, until: datetime, error: str) -> ClosingJob:
        """Count a failed attempt; `error` is an error class name, never text."""
        ...

    async def pending_closing_jobs(self) -> tuple[ClosingJob, ...]: ...

    async def export(self, key: PersonKey) -> PersonExport | None: ...

    async def sessions_in(self, state: SessionState) -> tuple[Session, ...]: ...

    async def idle_sessions(self, before: datetime) -> tuple[Session, ...]:
        """Active sessions whose last message is older than `before`."""
        ...


@dataclass(frozen=True, slots=True)
class Reminder:
    """A person's next reminder, and how reminders have fared with them."""

    person_id: int
    state: Literal["none", "scheduled", "sending"]
    due_at: datetime | None
    window_end: datetime | None
    ignored: int  # reminders sent in a row without the person coming back
    unreachable: bool  # the platform said they blocked the bot: never retried
    thread: str | None  # what was left open, for the reminder to mention


class RhythmStore(Protocol):
    """Reminders, durable: the database is the schedule, so a restart loses none."""

    async def reminder(self, person_id: int) -> Reminder | None: ...

    async def schedule_reminder(
        self, person_id: int, due: datetime, window_end: datetime, thread: str | None
    ) -> None:
        """Set the person's next reminder (replacing any), keeping the ignored count."""
        ...

    async def cancel_reminder(self, person_id: int) -> None: ...

    async def came_back(self, person_id: int) -> None:
        """The person started a session: nothing pending, nothing ignored, reachable."""
        ...

    async def claim_due(self, now: datetime, limit: int) -> tuple[Reminder, ...]:
        """Reminders due by `now`, moved to `sending` so no other tick sends them."""
        ...

    async def settle_reminder(
        self, person_id: int, *, sent: bool, next_due: tuple[datetime, datetime] | None
    ) -> None:
        """After sending (counted as ignored until they come back) or skipping a
        reminder: schedule the next (due, window end), or none."""
        ...

    async def mark_unreachable(self, person_id: int, at: datetime) -> None: ...

    async def recover_sending(self) -> int:
        """At start: reminders caught mid-send count as sent (never sent twice)."""
        ...

    async def scheduled_reminders(self) -> int: ...


class ReviewStore(Protocol):
    """Flags for admins, blocks, the audit log and a person's own settings."""

    async def add_flag(
        self,
        *,
        person_id: int,
        session_id: int | None,
        source: FlagSource,
        detail: FlagDetail,
        at: datetime,
        status: FlagStatus = FlagStatus.OPEN,
    ) -> int: ...

    async def flag(self, flag_id: int) -> Flag | None: ...

    async def flags(self, status: FlagStatus = FlagStatus.OPEN, limit: int = 20) -> list[Flag]: ...

    async def update_flag(
        self, flag: Flag, *, status: FlagStatus, at: datetime, detail: FlagDetail | None = None
    ) -> Flag: ...

    async def close_flag(self, flag_id: int, status: FlagStatus, at: datetime) -> bool:
        """An open flag to `status`; False (nothing changed) if it was not open."""
        ...

    async def audit(
        self, *, at: datetime, actor: str, action: str, target: str, detail: str | None = None
    ) -> None: ...

    async def audit_entries(self, limit: int = 50) -> list[AuditEntry]: ...

    async def block(self, person_id: int, until: datetime) -> None: ...

    async def blocked_until(self, person_id: int) -> tuple[datetime, bool] | None: ...

    async def mark_block_notified(self, person_id: int) -> None: ...

    async def profile(self, person_id: int) -> dict[str, str]: ...

    async def update_profile(
        self, person_id: int, change: Callable[[dict[str, str]], dict[str, str] | None]
    ) -> dict[str, str]:
        """Change the profile as stored, never writing back a value another change
        replaced meanwhile; returns the profile as it now stands."""
        ...


CorrectionState = Literal["asked", "received", "done", "crisis", "refused"]


@dataclass(frozen=True, slots=True)
class Correction:
    """A person's "that's not right" about one section of their Arc.

    `asked`: Lumen asked what is not right; `received`: their answer is stored (sealed)
    and waits for the rewrite, durably, like a closing job; then `done` (a new Arc
    version), `crisis` (the message went the crisis path instead) or `refused` (the
    rewrite failed the output review). The section heading and text are sealed.
    """

    id: int
    person_id: int
    state: CorrectionState
    arc_version: int  # the Arc version the person read
    section: str  # the heading of the section they pointed at
    asked_at: datetime
    text: str | None = None
    source_key: str | None = None
    received_at: datetime | None = None
    attempts: int = 0
    next_attempt_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class NotebookEntry:
    """A notebook as /memory lists it: which session, written when (no text)."""

    session_number: int
    written_at: datetime


class MemoryStore(Protocol):
    """What /memory reads, and Arc corrections, durable until applied."""

    async def notebook_entries(self, person_id: int) -> tuple[NotebookEntry, ...]: ...

    async def notebook_by_number(self, person_id: int, number: int) -> Notebook | None: ...

    async def ask_correction(
        self, person_id: int, arc_version: int, section: str, at: datetime
    ) -> Correction | None:
        """Open a question (replacing an unanswered one); None while one is being applied."""
        ...

    async def correction_for(self, person: PersonKey, source_key: str | None) -> Correction | None:
        """The person's open question, or the correction this platform message made; by
        the person's platform key, so every message asks it in one trip."""
        ...

    async def drop_asked(self, person_id: int) -> bool:
        """Close an unanswered question; whether there was one."""
        ...

    async def receive_correction(
        self, correction: Correction, text: str, at: datetime, source_key: str | None
    ) -> Correction | None:
        """Store the person's answer (sealed); None if the question was closed meanwhile."""
        ...

    async def pending_corrections(self) -> tuple[Correction, ...]:
        """Corrections received and not yet applied (after a restart)."""
        ...

    async def save_corrected_arc(self, correction: Correction, arc: Arc) -> bool:
        """Store `arc` as the version after `arc.version - 1` and finish the correction, in
        one transaction; False (nothing stored) if another Arc version came first."""
        ...

    async def postpone_correction(
        self, correction: Correction, until: datetime, error: str
    ) -> Correction | None:
        """Count a failed attempt (`error`: a class name, never text); None if the
        correction is no longer waiting (done, or the person's data was deleted)."""
        ...

    async def end_correction(self, correction: Correction, state: CorrectionState) -> None:
        """Finish without a new Arc: `crisis` or `refused`."""
        ...
