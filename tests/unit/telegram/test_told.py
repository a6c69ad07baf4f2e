"""`Told`: a notice said lately is not said again, and memory stays bounded."""

from __future__ import annotations

from datetime import timedelta

from lumen_bot.telegram.told import Told
from tests.fakes import FakeClock


def test_a_key_told_lately_is_not_told_again_until_the_quiet_has_passed() -> None:
    clock = FakeClock()
    told = Told(clock, within=timedelta(minutes=10), most=100)
    assert told.should_tell("a")
    clock.advance(minutes=9)
    assert not told.should_tell("a")
    clock.advance(minutes=1)
    assert told.should_tell("a")


def test_the_quiet_runs_from_the_last_time_told_not_the_last_time_asked() -> None:
    clock = FakeClock()
    told = Told(clock, within=timedelta(minutes=10), most=100)
    assert told.should_tell("a")
    clock.advance(minutes=4)
    assert not told.should_tell("a")
    clock.advance(minutes=4)
    assert not told.should_tell("a")
    clock.advance(minutes=2)  # ten minutes since told, two since last asked
    assert told.should_tell("a")


def test_any_key_told_lately_keeps_all_of_them_quiet_and_none_is_recorded() -> None:
    told = Told(FakeClock(), within=timedelta(minutes=10), most=100)
    assert told.should_tell("album")
    assert not told.should_tell("album", "sticker")
    assert told.should_tell("sticker")


def test_without_a_window_a_key_is_told_once_and_the_oldest_is_forgotten_first() -> None:
    told = Told(FakeClock(), within=None, most=2)
    assert told.should_tell(1) and told.should_tell(2)
    assert not told.should_tell(1)
    assert told.should_tell(3)  # three keys for two places: 1, the oldest, goes
    assert told.should_tell(1)
    assert not told.should_tell(3)
