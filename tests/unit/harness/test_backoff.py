"""Waits before trying again double up to a cap, and are spread apart so that people who
failed together are not all tried again at the same instant."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from lumen_bot.harness.answer import Outcome
from lumen_bot.harness.backoff import wait_after
from lumen_bot.harness.closing import ClosingPolicy
from lumen_bot.harness.correction import CorrectionPolicy
from lumen_bot.harness.model import PersonKey
from lumen_bot.harness.retries import OwedAnswers, RetryPolicy

BASE = timedelta(seconds=30)
CAP = timedelta(minutes=10)
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def test_with_nothing_drawn_the_wait_doubles_from_the_base_up_to_the_cap() -> None:
    waits = [wait_after(n, base=BASE, cap=CAP, draw=lambda: 0.0) for n in range(1, 8)]
    assert [w.total_seconds() for w in waits] == [30, 60, 120, 240, 480, 600, 600]


def test_a_draw_takes_off_at_most_half_of_the_wait_and_never_adds_to_the_cap() -> None:
    almost_one = 0.999_999
    assert wait_after(1, base=BASE, cap=CAP, draw=lambda: almost_one) > BASE / 2
    assert wait_after(1, base=BASE, cap=CAP, draw=lambda: 0.5) == BASE * 0.75
    assert wait_after(40, base=BASE, cap=CAP, draw=lambda: 0.0) == CAP


def test_two_hundred_people_who_failed_together_are_tried_again_at_many_instants() -> None:
    draw = random.Random(7).random
    owed = OwedAnswers(RetryPolicy(base=BASE, cap=CAP, draw=draw))
    people = [PersonKey("telegram", str(n)) for n in range(200)]
    for n, person in enumerate(people):
        owed.after(Outcome.FAILED, person, n, None, now=NOW, live=True)

    due = [a.due for a in owed.take_due(NOW + BASE)]
    assert len(due) == 200, "every one within the plain wait"
    assert min(due) >= NOW + BASE / 2, "none sooner than half of it"
    assert len(set(due)) == 200, "no two at the same instant"
    first_half = sum(d < NOW + BASE * 0.75 for d in due)
    assert 60 < first_half < 140, "spread over the window, not bunched at one end"


def test_closing_and_corrections_spread_their_waits_the_same_way() -> None:
    closing = ClosingPolicy(max_tokens=1, retry_base_s=5, retry_max_s=600, draw=lambda: 0.5)
    correction = CorrectionPolicy(max_tokens=1, retry_base_s=5, retry_max_s=600, draw=lambda: 0)
    assert closing.backoff(0) == timedelta(seconds=3.75), "the first failure: base, spread"
    assert [correction.backoff(n).total_seconds() for n in range(3)] == [5, 10, 20]
