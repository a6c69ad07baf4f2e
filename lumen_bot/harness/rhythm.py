"""The rhythm of sessions: when to suggest the next one, and when a reminder may go out.

Pure functions of a clock reading and the person's choices, so the spacing
policy, quiet hours and daylight-saving changes are tested without waiting.
Every time a person sees is in their own time zone; until they set one, UTC,
and Lumen says so (it infers nothing from where they might be).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lumen_bot.harness.commands import whole_number


class Cadence(StrEnum):
    """How often the person wants to be reminded of their next session."""

    FEW_DAYS = "few_days"
    WEEKLY = "weekly"
    ON_REQUEST = "on_request"  # no reminder unless they ask for one
    OFF = "off"


@dataclass(frozen=True, slots=True)
class RhythmPolicy:
    """The operator's defaults (settings)."""

    gap: timedelta = timedelta(days=3)  # the suggested time between two sessions
    min_gap: timedelta = timedelta(days=2)  # sooner than this, a session is "early"
    weekly: timedelta = timedelta(days=7)
    quiet_start: time = time(21, 0)  # local; no reminder from here ...
    quiet_end: time = time(9, 0)  # ... to here (may wrap midnight)
    window: timedelta = timedelta(hours=3)  # how late a due reminder may still be sent
    idle_after: timedelta = timedelta(hours=12)  # a silent session closes itself
    ignored_limit: int = 2  # reminders in a row without an answer before they pause

    def is_quiet(self, moment: time) -> bool:
        start, end = self.quiet_start, self.quiet_end
        if start == end:
            return False
        if start < end:
            return start <= moment < end
        return moment >= start or moment < end


@dataclass(frozen=True, slots=True)
class Rhythm:
    """One person's choices, kept in their sealed profile."""

    cadence: Cadence = Cadence.FEW_DAYS
    at: time | None = None  # preferred local time; None: when their last session began
    tz: str | None = None  # IANA name; None: UTC (and Lumen says so)
    paused: bool = False  # /pause: no reminders at all until /resume
    mention: bool = True  # a reminder may name what was left open (off: a generic one)

    @property
    def zone(self) -> ZoneInfo:
        return zone_or_utc(self.tz)

    @classmethod
    def from_profile(cls, profile: Mapping[str, str]) -> Rhythm:
        """Read what is there; anything unreadable falls back to the default."""
        try:
            cadence = Cadence(profile.get("rhythm", Cadence.FEW_DAYS.value))
        except ValueError:
            cadence = Cadence.FEW_DAYS
        return cls(
            cadence=cadence,
            at=parse_time_of_day(profile.get("remind_at", "")),
            tz=profile.get("timezone") if known_zone(profile.get("timezone")) else None,
            paused=profile.get("reminders_paused") == "1",
            mention=profile.get("remind_thread") != "0",
        )

    def to_profile(self, profile: Mapping[str, str]) -> dict[str, str]:
        """`profile` with this rhythm written into it (other keys kept)."""
        updated = {
            k: v
            for k, v in profile.items()
            if k not in {"rhythm", "remind_at", "timezone", "reminders_paused", "remind_thread"}
        }
        updated["rhythm"] = self.cadence.value
        if self.at is not None:
            updated["remind_at"] = self.at.strftime("%H:%M")
        if self.tz is not None:
            updated["timezone"] = self.tz
        if self.paused:
            updated["reminders_paused"] = "1"
        if not self.mention:
            updated["remind_thread"] = "0"
        return updated


@dataclass(frozen=True, slots=True)
class Slot:
    """A moment for a reminder: due at `due`, still worth sending until `window_end`."""

    due: datetime  # aware, UTC
    window_end: datetime  # aware, UTC; never inside quiet hours


def known_zone(name: str | None) -> bool:
    if not name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone_or_utc(name: str | None) -> ZoneInfo:
    return ZoneInfo(name) if name and known_zone(name) else ZoneInfo("UTC")


def parse_time_of_day(text: str) -> time | None:
    """'9', '09:30', '18.15', '7pm' -> a time of day; None if it is not one."""
    raw = text.strip().lower().replace(".", ":")
    suffix = None
    for mark in ("am", "pm"):
        if raw.endswith(mark):
            suffix, raw = mark, raw[: -len(mark)].strip()
    hours, _, minutes = raw.partition(":")
    hour, minute = whole_number(hours), whole_number(minutes or "0")
    if hour is None or minute is None or len(minutes) not in (0, 2):
        return None
    if suffix is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if not (0 <= hour < 24 and 0 <= minute < 60):
        return None
    return time(hour, minute)


def local_moment(day: date, at: time, zone: ZoneInfo) -> datetime:
    """`at` on `day` in `zone`, as a real instant (UTC).

    A time that does not exist that day (the clocks jump forward over it) moves
    forward by the jump; a time that happens twice (the clocks go back) is the
    first of the two.
    """
    naive = datetime.combine(day, at)
    local = naive.replace(tzinfo=zone, fold=0)
    instant = local.astimezone(UTC)
    if instant.astimezone(zone).replace(tzinfo=None) != naive:  # inside a gap
        later = naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
        instant = max(instant, later)
    return instant


def _out_of_quiet(at: time, policy: RhythmPolicy) -> time:
    """A preferred time inside quiet hours becomes the end of the quiet hours."""
    return policy.quiet_end if policy.is_quiet(at) else at


def slot_on(day: date, at: time, zone: ZoneInfo, policy: RhythmPolicy) -> Slot:
    """The reminder slot on a local day: never in quiet hours, its window closing
    before they begin."""
    due = local_moment(day, _out_of_quiet(at, policy), zone)
    end = due + policy.window
    if policy.quiet_start != policy.quiet_end:
        local_day = due.astimezone(zone).date()
        quiet = local_moment(local_day, policy.quiet_start, zone)
        if quiet <= due:
            quiet = local_moment(local_day + timedelta(days=1), policy.quiet_start, zone)
        end = min(end, quiet)
    return Slot(due=due, window_end=end)


def next_session(
    after: datetime, rhythm: Rhythm, policy: RhythmPolicy, *, default_at: time
) -> Slot:
    """When the next session is suggested, after a session closed at `after`.

    A few days out (weekly for a weekly rhythm), at the person's preferred time,
    else at the time of day their last session began (`default_at`, local).
    """
    gap = policy.weekly if rhythm.cadence is Cadence.WEEKLY else policy.gap
    zone = rhythm.zone
    day = (after.astimezone(zone) + gap).date()
    return slot_on(day, rhythm.at or default_at, zone, policy)


def reminder_slot(
    after: datetime, rhythm: Rhythm, policy: RhythmPolicy, *, default_at: time
) -> Slot | None:
    """The automatic reminder after `after`; None when the person wants none."""
    if rhythm.paused or rhythm.cadence in (Cadence.ON_REQUEST, Cadence.OFF):
        return None
    return next_session(after, rhythm, policy, default_at=default_at)


@dataclass(frozen=True, slots=True)
class When:
    """A moment to tell a person, in their zone (UTC until they set one: then
    `zone_known` is False, and the words say so). It is said in their language at the
    edge (`lumen_bot.texts`), like every other word Lumen says."""

    at: datetime
    zone: ZoneInfo
    zone_known: bool

    def __post_init__(self) -> None:
        if self.at.utcoffset() is None:  # read as the host's local time, it would lie
            raise ValueError("a moment to tell needs its offset")


def when(moment: datetime, rhythm: Rhythm) -> When:
    """`moment` as the person's rhythm places it."""
    return When(moment, rhythm.zone, zone_known=known_zone(rhythm.tz))


def hours_since(
    opened_at: datetime, last_closed_at: datetime | None, *, within: timedelta
) -> int | None:
    """Hours since the last session closed, when that was less than `within` ago (the
    policy's minimum gap): the mentor's cue that this session came early."""
    if last_closed_at is None:
        return None
    elapsed = max(timedelta(0), opened_at - last_closed_at)
    return int(elapsed.total_seconds() // 3600) if elapsed < within else None


CADENCE_WORDS = {
    Cadence.FEW_DAYS: "every few days",
    Cadence.WEEKLY: "weekly",
    Cadence.ON_REQUEST: "only when they ask",
    Cadence.OFF: "no reminders",
}
