"""The spacing policy and reminder slots: gaps, quiet hours, time zones, daylight saving."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from lumen_bot.harness.rhythm import (
    Cadence,
    Rhythm,
    RhythmPolicy,
    When,
    hours_since,
    local_moment,
    next_session,
    parse_time_of_day,
    reminder_slot,
    slot_on,
    when,
)

POLICY = RhythmPolicy()
NO_QUIET = RhythmPolicy(quiet_start=time(0, 0), quiet_end=time(0, 0))
CLOSED = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)  # a Monday


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def test_the_next_session_is_a_few_days_out_at_the_time_the_last_one_began() -> None:
    slot = next_session(CLOSED, Rhythm(), POLICY, default_at=time(9, 5))
    assert slot.due == at("2026-11-05T09:05:00+00:00")
    assert slot.window_end == slot.due + POLICY.window


def test_a_weekly_rhythm_suggests_a_week_later_at_the_chosen_time() -> None:
    rhythm = Rhythm(cadence=Cadence.WEEKLY, at=time(18, 0))
    slot = next_session(CLOSED, rhythm, POLICY, default_at=time(9, 5))
    assert slot.due == at("2026-11-09T18:00:00+00:00")


def test_the_gap_and_the_time_come_from_the_policy_and_the_person() -> None:
    policy = RhythmPolicy(gap=timedelta(days=5))
    slot = next_session(CLOSED, Rhythm(at=time(12, 0)), policy, default_at=time(9, 5))
    assert slot.due == at("2026-11-07T12:00:00+00:00")


def test_a_preferred_time_inside_quiet_hours_moves_to_where_they_end() -> None:
    late = next_session(CLOSED, Rhythm(at=time(22, 30)), POLICY, default_at=time(9, 0))
    early = next_session(CLOSED, Rhythm(at=time(6, 0)), POLICY, default_at=time(9, 0))
    assert late.due == early.due == at("2026-11-05T09:00:00+00:00")


def test_the_window_closes_where_quiet_hours_begin() -> None:
    slot = next_session(CLOSED, Rhythm(at=time(19, 30)), POLICY, default_at=time(9, 0))
    assert slot.due == at("2026-11-05T19:30:00+00:00")
    assert slot.window_end == at("2026-11-05T21:00:00+00:00"), "not 22:30: that is quiet"


def test_times_are_the_persons_local_times() -> None:
    berlin = Rhythm(at=time(10, 0), tz="Europe/Berlin")  # CET, UTC+1 in November
    slot = next_session(CLOSED, berlin, POLICY, default_at=time(9, 0))
    assert slot.due == at("2026-11-05T10:00:00+01:00")
    tokyo = Rhythm(at=time(8, 0), tz="Asia/Tokyo")  # 08:00 is quiet there: 09:00 JST
    assert next_session(CLOSED, tokyo, POLICY, default_at=time(9, 0)).due == at(
        "2026-11-05T09:00:00+09:00"
    )


def test_quiet_hours_hold_in_the_persons_zone_not_in_utc() -> None:
    # 20:00 in Los Angeles is 04:00 UTC the next day: still a fine local time.
    rhythm = Rhythm(at=time(20, 0), tz="America/Los_Angeles")
    slot = next_session(CLOSED, rhythm, POLICY, default_at=time(9, 0))
    local = slot.due.astimezone(ZoneInfo("America/Los_Angeles"))
    assert (local.hour, local.minute) == (20, 0)
    end = slot.window_end.astimezone(ZoneInfo("America/Los_Angeles"))
    assert (end.hour, end.minute) == (21, 0)


def test_a_time_the_clocks_skip_moves_forward_by_the_jump() -> None:
    # Berlin, 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 02:30 never happens.
    instant = local_moment(date(2026, 3, 29), time(2, 30), ZoneInfo("Europe/Berlin"))
    assert instant == at("2026-03-29T03:30:00+02:00")
    slot = slot_on(date(2026, 3, 29), time(2, 30), ZoneInfo("Europe/Berlin"), NO_QUIET)
    assert slot.due == instant


def test_a_time_that_happens_twice_is_the_first_of_the_two() -> None:
    # New York, 1 November 2026: 02:00 EDT falls back to 01:00 EST.
    instant = local_moment(date(2026, 11, 1), time(1, 30), ZoneInfo("America/New_York"))
    assert instant == at("2026-11-01T01:30:00-04:00")


def test_the_same_local_time_stays_local_across_a_daylight_saving_change() -> None:
    # A week before and after Europe's change on 25 October 2026: 10:00 both times.
    rhythm = Rhythm(cadence=Cadence.WEEKLY, at=time(10, 0), tz="Europe/Berlin")
    before = next_session(at("2026-10-20T12:00:00+00:00"), rhythm, POLICY, default_at=time(9, 0))
    after = next_session(before.due, rhythm, POLICY, default_at=time(9, 0))
    assert before.due == at("2026-10-27T10:00:00+01:00")
    assert after.due == at("2026-11-03T10:00:00+01:00")
    summer = next_session(at("2026-10-15T12:00:00+00:00"), rhythm, POLICY, default_at=time(9, 0))
    assert summer.due == at("2026-10-22T10:00:00+02:00")


def test_quiet_hours_may_wrap_midnight_or_not_or_be_none() -> None:
    assert POLICY.is_quiet(time(23, 0)) and POLICY.is_quiet(time(8, 59))
    assert not POLICY.is_quiet(time(9, 0)) and not POLICY.is_quiet(time(20, 59))
    lunch = RhythmPolicy(quiet_start=time(12, 0), quiet_end=time(14, 0))
    assert lunch.is_quiet(time(13, 0)) and not lunch.is_quiet(time(14, 0))
    assert not NO_QUIET.is_quiet(time(3, 0))


@pytest.mark.parametrize("cadence", [Cadence.ON_REQUEST, Cadence.OFF])
def test_no_automatic_reminder_unless_the_rhythm_asks_for_one(cadence: Cadence) -> None:
    assert reminder_slot(CLOSED, Rhythm(cadence=cadence), POLICY, default_at=time(9)) is None


def test_a_paused_person_gets_no_reminder() -> None:
    assert reminder_slot(CLOSED, Rhythm(paused=True), POLICY, default_at=time(9)) is None
    assert reminder_slot(CLOSED, Rhythm(), POLICY, default_at=time(9)) is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9", time(9, 0)),
        ("09:30", time(9, 30)),
        ("18.15", time(18, 15)),
        ("7pm", time(19, 0)),
        ("12am", time(0, 0)),
        ("7:45 am", time(7, 45)),
        ("24:00", None),
        ("13pm", None),
        ("9:5", None),
        ("soon", None),
        ("", None),
        ("٩", time(9, 0)),
        ("²", None),
        ("9" * 5000, None),
        ("9:" + "0" * 5000, None),
    ],
)
def test_times_of_day_are_read_as_people_write_them(text: str, expected: time | None) -> None:
    assert parse_time_of_day(text) == expected


def test_a_rhythm_round_trips_through_the_profile_and_keeps_other_keys() -> None:
    rhythm = Rhythm(Cadence.WEEKLY, time(7, 30), "Europe/Lisbon", paused=True, mention=False)
    profile = rhythm.to_profile({"country": "PT"})
    assert profile["country"] == "PT"
    assert Rhythm.from_profile(profile) == rhythm
    assert Rhythm.from_profile({}) == Rhythm()


def test_unreadable_profile_values_fall_back_to_the_defaults() -> None:
    rhythm = Rhythm.from_profile({"rhythm": "hourly", "timezone": "Mars/Olympus", "remind_at": "x"})
    assert rhythm == Rhythm()


def test_a_moment_is_told_in_the_persons_zone_or_in_utc_until_they_set_one() -> None:
    moment = at("2026-11-05T09:00:00+00:00")
    assert when(moment, Rhythm(tz="Europe/Berlin")) == When(
        moment, ZoneInfo("Europe/Berlin"), zone_known=True
    )
    assert when(moment, Rhythm()) == When(moment, ZoneInfo("UTC"), zone_known=False)


def test_hours_since_the_last_session_only_when_it_was_recent() -> None:
    two_days = timedelta(days=2)
    assert hours_since(CLOSED + timedelta(hours=5, minutes=20), CLOSED, within=two_days) == 5
    assert hours_since(CLOSED + timedelta(days=3), CLOSED, within=two_days) is None
    assert hours_since(CLOSED + timedelta(hours=5), CLOSED, within=timedelta(hours=4)) is None
    assert hours_since(CLOSED, None, within=two_days) is None
