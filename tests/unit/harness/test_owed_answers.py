"""The schedule of answers to try again, while a beat holds some of them ahead of time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from lumen_bot.harness.answer import Outcome
from lumen_bot.harness.model import PersonKey
from lumen_bot.harness.retries import OwedAnswers, RetryPolicy

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
BASE = timedelta(seconds=30)
ADA = PersonKey("telegram", "1")


def schedule() -> OwedAnswers:
    return OwedAnswers(RetryPolicy(base=BASE, cap=timedelta(minutes=10), draw=lambda: 0.0))


def test_a_failure_while_a_retry_waits_for_its_time_counts_on_from_its_failures() -> None:
    """The beat took the retry ahead; the person wrote meanwhile and that answer failed
    too: the third failure in a row waits four times the base, not the base again."""
    owed = schedule()
    owed.after(Outcome.FAILED, ADA, 7, "es", now=NOW, live=True)
    owed.failed(ADA, 7, None, NOW, failures_before=1)  # the first retry failed too
    [taken] = owed.take_due(NOW + timedelta(minutes=2))
    assert taken.failures == 2

    again = owed.failed(ADA, 7, None, NOW + timedelta(minutes=1))
    assert again.failures == 3
    assert again.due == NOW + timedelta(minutes=1) + 4 * BASE
    assert again.locale == "es"


def test_once_started_a_retry_plans_what_follows_itself() -> None:
    owed = schedule()
    owed.after(Outcome.FAILED, ADA, 7, None, now=NOW, live=True)
    [taken] = owed.take_due(NOW + BASE)
    owed.started(taken)
    assert len(owed) == 0
    assert owed.failed(ADA, 7, None, NOW).failures == 1, "nothing left over to count on"


def test_a_taken_retry_counts_as_owed_until_it_starts_or_is_settled() -> None:
    owed = schedule()
    owed.after(Outcome.FAILED, ADA, 7, None, now=NOW, live=True)
    owed.take_due(NOW + BASE)
    assert len(owed) == 1
    owed.settled(ADA)  # a later message was answered, this one with it
    assert len(owed) == 0
    assert owed.failed(ADA, 7, None, NOW).failures == 1


def test_a_failure_of_another_session_starts_counting_afresh() -> None:
    owed = schedule()
    owed.after(Outcome.FAILED, ADA, 7, None, now=NOW, live=True)
    owed.take_due(NOW + BASE)
    assert owed.failed(ADA, 8, None, NOW).failures == 1
