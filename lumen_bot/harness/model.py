"""Domain values of the harness: people, sessions, turns, notebooks and the Arc."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Literal

Role = Literal["user", "mentor"]


class SessionState(StrEnum):
    ACTIVE = "active"
    CLOSING = "closing"
    CLOSED = "closed"


class TurnKind(StrEnum):
    """What a stored turn is, so context assembly knows what the LLM may see."""

    UNSCREENED = "unscreened"  # stored, not yet screened: never shown to the LLM
    MESSAGE = "message"  # a person's message that went through the screen
    CRISIS = "crisis"  # a person's message screened as crisis: never shown to the LLM
    REPLY = "reply"  # the mentor's answer from the LLM
    RESOURCES = "resources"  # the crisis resources Lumen sent instead of an answer
    OFFER = "offer"  # support offered once in a session, after a concern


@dataclass(frozen=True, slots=True)
class PersonKey:
    """How a platform names a person: ('telegram', '12345'), ('cli', 'local')."""

    platform: str
    external_id: str


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    key: PersonKey
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Session:
    id: int
    person_id: int
    number: int
    state: SessionState
    opened_at: datetime
    last_activity_at: datetime
    closed_at: datetime | None = None
    closed_by: str | None = None


@dataclass(frozen=True, slots=True)
class Turn:
    id: int
    session_id: int
    role: Role
    kind: TurnKind
    text: str
    at: datetime
    prompt_version: str | None = None
    answered_at: datetime | None = None
    level: str | None = None  # the screen's level for a person's message: none|concern|crisis
    reply_to: int | None = None  # for the mentor's turns: the message they answer
    # for the mentor's turns: parts of a reply cut into several messages that reached the
    # person while others were still to go (see `ReplyChannel.final`)
    parts_delivered: int = 0
    # A message the screen heard as worry about someone else (the person is a helper);
    # on crisis resources and offers: the ones written for a helper.
    third_party: bool = False
    # A message in which the screen heard the person being hurt by someone (danger from
    # others), or with `third_party` someone else being hurt (the person a witness); on
    # crisis resources and offers: the ones that name the lines for abuse and violence.
    hurt_by_others: bool = False


@dataclass(frozen=True, slots=True)
class Notebook:
    session_id: int
    session_number: int
    text: str
    created_at: datetime
    prompt_version: str
    model: str


@dataclass(frozen=True, slots=True)
class Arc:
    version: int
    text: str
    created_at: datetime
    prompt_version: str
    model: str


@dataclass(frozen=True, slots=True)
class Transcript:
    """A closed session's turns, as the context shows them."""

    session_number: int
    opened_at: datetime
    turns: tuple[Turn, ...]


@dataclass(frozen=True, slots=True)
class History:
    """What the mentor knows of a person when a session starts."""

    arc: Arc | None
    notebooks: tuple[Notebook, ...]  # oldest first
    transcripts: tuple[Transcript, ...]  # closed sessions, oldest first
    last_closed_at: datetime | None


@dataclass(frozen=True, slots=True)
class Inbound:
    """One text message from a person, as an adapter hands it to the harness.

    `source_key` identifies the platform message ('tg:<chat>:<message_id>'), so a
    redelivered update is recognised and never answered twice.
    """

    person: PersonKey
    text: str
    at: datetime
    source_key: str | None = None
    locale: str | None = None
    on_admitted: Callable[[], None] | None = None  # called once the message is stored
