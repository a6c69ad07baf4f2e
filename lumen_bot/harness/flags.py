"""Flags for admin review (crises, reports, replaced replies) and the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum, StrEnum


class FlagSource(StrEnum):
    CRISIS = "crisis"  # the screen found a crisis: raised automatically
    REPORT = "report"  # a person reported what the mentor said
    OUTPUT = "output"  # a mentor reply failed review and was replaced


class FlagStatus(StrEnum):
    DRAFT = "draft"  # a report whose reason the person has not picked yet
    OPEN = "open"
    RESOLVED = "resolved"
    DISMISSED = "dismissed"


class Severity(IntEnum):
    """Queue order: the most severe first, then the newest."""

    REPORT = 1
    OUTPUT = 2
    CRISIS = 3


REPORT_REASONS = ("harmful", "wrong", "inappropriate", "privacy", "other")
FORGOTTEN = "forgotten"  # the reason of a flag whose person used /forget: its content is gone


@dataclass(frozen=True, slots=True)
class FlagDetail:
    """What an admin needs to judge a flag. Sealed at rest under the person's key."""

    reason: str  # report reason, replaced-reply rules, or crisis categories
    level: str | None = None  # the screen's level, for crisis flags
    evidence: tuple[str, ...] = ()  # "rule: «span»" lines
    reported: str | None = None  # the reported mentor message
    note: str | None = None  # the person's own line
    context: tuple[tuple[str, str], ...] = ()  # (speaker, text), oldest first

    @property
    def forgotten(self) -> bool:
        """The person used /forget: only the flag's clear fields remain."""
        return self.reason == FORGOTTEN


@dataclass(frozen=True, slots=True)
class Flag:
    id: int
    person_id: int
    session_id: int | None
    source: FlagSource
    severity: Severity
    status: FlagStatus
    created_at: datetime
    updated_at: datetime
    detail: FlagDetail


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    target: str
    detail: str | None
