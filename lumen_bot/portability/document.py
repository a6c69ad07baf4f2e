"""The machine-readable whole of an archive: `lumen-export.json`, schema version 3.

Version 3 added `hurt_by_others` to each turn; an export of version 2 (without it)
is still read, its turns taken as not marked.

Written from `PersonArchive` in one fixed order (so the same history always gives the
same bytes), and read back through pydantic models that refuse anything an export
could not contain: unknown fields, times not in the store's own UTC form, a reply to
a turn that is not there, two versions of one Arc.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    model_validator,
)

from lumen_bot.errors import ArchiveUnreadable
from lumen_bot.harness.model import SessionState, TurnKind
from lumen_bot.portability.records import (
    ArchivedArc,
    ArchivedNotebook,
    ArchivedSession,
    ArchivedTurn,
    PersonArchive,
)

SCHEMA_VERSION = 3
READABLE_SCHEMA_VERSIONS = (2, 3)  # what an import accepts: this version and the one before
_SURROGATE = re.compile("[\ud800-\udfff]")


def to_document(archive: PersonArchive) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "person": {
            "platform": archive.platform,
            "id": archive.external_id,
            "created_at": archive.created_at,
        },
        "profile": dict(archive.profile),
        "sessions": [
            {
                "number": session.number,
                "state": session.state.value,
                "opened_at": session.opened_at,
                "last_activity_at": session.last_activity_at,
                "closed_at": session.closed_at,
                "closed_by": session.closed_by,
                "turns": [_turn(turn) for turn in session.turns],
            }
            for session in archive.sessions
        ],
        "notebooks": [
            {
                "session_number": notebook.session_number,
                "text": notebook.text,
                "created_at": notebook.created_at,
                "prompt_version": notebook.prompt_version,
                "model": notebook.model,
            }
            for notebook in archive.notebooks
        ],
        "arcs": [
            {
                "version": arc.version,
                "session_number": arc.session_number,
                "text": arc.text,
                "created_at": arc.created_at,
                "prompt_version": arc.prompt_version,
                "model": arc.model,
            }
            for arc in archive.arcs
        ],
        # For people reading the JSON; an import checks it is the newest version's text.
        "arc": archive.current_arc.text if archive.current_arc else None,
    }


def _turn(turn: ArchivedTurn) -> dict[str, Any]:
    return {
        "ref": turn.ref,
        "role": turn.role,
        "kind": turn.kind.value,
        "level": turn.level,
        "third_party": turn.third_party,
        "hurt_by_others": turn.hurt_by_others,
        "text": turn.text,
        "at": turn.at,
        "answered_at": turn.answered_at,
        "prompt_version": turn.prompt_version,
        "reply_to": turn.reply_to,
    }


def render_document(archive: PersonArchive) -> bytes:
    """The JSON file's bytes: UTF-8, readable in any script. A lone surrogate the store
    kept (text stored before platforms cleaned it) is written as its JSON escape, so
    the file stays valid UTF-8 and the text comes back exactly."""
    text = json.dumps(to_document(archive), ensure_ascii=False, indent=2) + "\n"
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8")


def parse_document(raw: bytes) -> PersonArchive:
    """Read and check a JSON document; anything off raises `ArchiveUnreadable`."""
    try:
        loaded = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ArchiveUnreadable("the export's JSON does not parse") from None
    if not isinstance(loaded, dict) or loaded.get("schema_version") not in READABLE_SCHEMA_VERSIONS:
        raise ArchiveUnreadable("not an export of a schema version this Lumen reads")
    try:
        document = _Document.model_validate(loaded)
    except ValidationError as exc:
        # The error names fields and rules only (include_input=False): never the text.
        where = "; ".join(
            ".".join(map(str, e["loc"])) + f": {e['type']}"
            for e in exc.errors(include_input=False, include_url=False)[:3]
        )
        raise ArchiveUnreadable(f"the export's JSON is malformed ({where})") from None
    return document.archive()


# -- the models that check a document ------------------------------------------------


def _stored_time(value: str) -> str:
    """A time exactly as the store writes it: ISO 8601 in UTC (`+00:00`). SQL compares
    these as text, so any other form would sort wrongly once imported."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("not an ISO 8601 time") from None
    if moment.tzinfo is None or moment.astimezone(UTC).isoformat() != value:
        raise ValueError("not a UTC time in the store's form")
    return value


Time = Annotated[str, AfterValidator(_stored_time)]
MAX_TEXT = 1_000_000


def _text(value: object) -> str:
    """Any string, lone surrogates included (text stored before platforms cleaned them):
    checked here in Python, since pydantic's own `str` refuses them."""
    if not isinstance(value, str):
        raise ValueError("not a string")  # noqa: TRY004 - pydantic wants ValueError
    if len(value) > MAX_TEXT:
        raise ValueError("text too long")
    return value


Text = Annotated[str, PlainValidator(_text)]
Name = Annotated[str, Field(max_length=200)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _Person(_Model):
    platform: Name
    id: Name
    created_at: Time


class _Turn(_Model):
    ref: int = Field(ge=1)
    role: Literal["user", "mentor"]
    kind: Annotated[TurnKind, Field(strict=False)]  # from its JSON string
    level: Name | None
    third_party: bool
    hurt_by_others: bool = False  # new in schema version 3
    text: Text
    at: Time
    answered_at: Time | None
    prompt_version: Name | None
    reply_to: int | None

    @model_validator(mode="after")
    def _answers_an_earlier_turn(self) -> _Turn:
        if self.reply_to is not None and not 1 <= self.reply_to < self.ref:
            raise ValueError("reply_to must name an earlier turn")
        return self


class _Session(_Model):
    number: int = Field(ge=1)
    state: Annotated[SessionState, Field(strict=False)]
    opened_at: Time
    last_activity_at: Time
    closed_at: Time | None
    closed_by: Name | None
    turns: list[_Turn]


class _Notebook(_Model):
    session_number: int
    text: Text
    created_at: Time
    prompt_version: Name
    model: Name


class _Arc(_Model):
    version: int = Field(ge=1)
    session_number: int
    text: Text
    created_at: Time
    prompt_version: Name
    model: Name


class _Document(_Model):
    schema_version: Literal[2, 3]  # READABLE_SCHEMA_VERSIONS
    person: _Person
    profile: dict[Name, Name]
    sessions: list[_Session]
    notebooks: list[_Notebook]
    arcs: list[_Arc]
    arc: Text | None

    @model_validator(mode="after")
    def _consistent(self) -> _Document:
        numbers = [s.number for s in self.sessions]
        _unique(numbers, "session numbers")
        if sum(s.state is SessionState.ACTIVE for s in self.sessions) > 1:
            raise ValueError("more than one active session")
        refs = [t.ref for s in self.sessions for t in s.turns]
        _unique(refs, "turn refs")
        known = set(refs)
        if any(t.reply_to not in known for s in self.sessions for t in s.turns if t.reply_to):
            raise ValueError("a reply_to names no turn of the export")
        _unique([n.session_number for n in self.notebooks], "notebooks per session")
        _unique([a.version for a in self.arcs], "Arc versions")
        if any(n.session_number not in numbers for n in self.notebooks) or any(
            a.session_number not in numbers for a in self.arcs
        ):
            raise ValueError("a notebook or Arc names no session of the export")
        newest = max(self.arcs, key=lambda a: a.version).text if self.arcs else None
        if self.arc != newest:
            raise ValueError("`arc` is not the newest Arc's text")
        return self

    def archive(self) -> PersonArchive:
        return PersonArchive(
            platform=self.person.platform,
            external_id=self.person.id,
            created_at=self.person.created_at,
            profile=tuple(self.profile.items()),
            sessions=tuple(
                ArchivedSession(
                    number=s.number,
                    state=s.state,
                    opened_at=s.opened_at,
                    last_activity_at=s.last_activity_at,
                    closed_at=s.closed_at,
                    closed_by=s.closed_by,
                    turns=tuple(
                        ArchivedTurn(
                            ref=t.ref,
                            role=t.role,
                            kind=t.kind,
                            level=t.level,
                            third_party=t.third_party,
                            hurt_by_others=t.hurt_by_others,
                            text=t.text,
                            at=t.at,
                            answered_at=t.answered_at,
                            prompt_version=t.prompt_version,
                            reply_to=t.reply_to,
                        )
                        for t in s.turns
                    ),
                )
                for s in sorted(self.sessions, key=lambda s: s.number)
            ),
            notebooks=tuple(
                ArchivedNotebook(n.session_number, n.text, n.created_at, n.prompt_version, n.model)
                for n in sorted(self.notebooks, key=lambda n: n.session_number)
            ),
            arcs=tuple(
                ArchivedArc(
                    a.version, a.session_number, a.text, a.created_at, a.prompt_version, a.model
                )
                for a in sorted(self.arcs, key=lambda a: a.version)
            ),
        )


def _unique(values: Sequence[int], what: str) -> None:
    if len(set(values)) != len(values):
        raise ValueError(f"{what} repeat")
