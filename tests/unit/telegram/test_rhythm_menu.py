"""The /remind menu: what it says for each rhythm, its buttons, and what a button means."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from lumen_bot.harness.rhythm import Cadence, Rhythm, RhythmPolicy
from lumen_bot.telegram.rhythm_menu import chosen, keyboard, status

POLICY = RhythmPolicy()
DUE = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def buttons(rhythm: Rhythm) -> list[tuple[str, str]]:
    rows = keyboard(rhythm, None).inline_keyboard
    return [(b.text, str(b.callback_data)) for row in rows for b in row]


def test_the_example_of_the_issue_reads_in_the_persons_zone() -> None:
    rhythm = Rhythm(at=time(10, 0), tz="Europe/Berlin")
    text = status(rhythm, DUE, POLICY, None)
    assert text.startswith("🔔 I remind you every few days, around 10:00 (Europe/Berlin).")
    assert "Next reminder: Wednesday 25 November, around 10:00." in text
    assert "UTC" not in text


def test_without_a_zone_times_are_utc_and_the_menu_says_so_once() -> None:
    planned = status(Rhythm(), DUE, POLICY, None)
    assert planned.count("/timezone") == 1, "the due time itself carries the hint"
    assert "around 09:00 UTC (/timezone shows times in yours)" in planned
    unplanned = status(Rhythm(), None, POLICY, None)
    assert "Times are in UTC until you set your time zone with /timezone." in unplanned


def test_off_says_only_that() -> None:
    assert status(Rhythm(cadence=Cadence.OFF), DUE, POLICY, None) == (
        "🔕 Reminders are off — write whenever you like."
    )
    assert [data for _, data in buttons(Rhythm(cadence=Cadence.OFF))] == [
        "rhythm:c:few_days",
        "rhythm:c:weekly",
        "rhythm:c:on_request",
        "rhythm:c:off",
    ]


def test_paused_wins_over_a_planned_time() -> None:
    text = status(Rhythm(paused=True), DUE, POLICY, None)
    assert "Reminders are paused — /resume turns them back on." in text
    assert "Next reminder" not in text


def test_only_when_i_ask_offers_one_reminder_unless_paused() -> None:
    on_request = Rhythm(cadence=Cadence.ON_REQUEST)
    assert ("Remind me once", "rhythm:once") in buttons(on_request)
    assert "plan the next reminder when a session closes" not in status(
        on_request, None, POLICY, None
    )
    assert ("Remind me once", "rhythm:once") not in buttons(
        Rhythm(cadence=Cadence.ON_REQUEST, paused=True)
    )


def test_the_chosen_buttons_are_ticked() -> None:
    labels = [label for label, _ in buttons(Rhythm(cadence=Cadence.WEEKLY, at=time(12, 0)))]
    assert [label for label in labels if label.startswith("✓")] == ["✓ Weekly", "✓ 12:00"]


def test_a_time_in_quiet_hours_is_explained() -> None:
    text = status(Rhythm(at=time(22, 30)), None, POLICY, None)
    said = "22:30 falls in my quiet hours (21:00 to 09:00), so a reminder waits until 09:00."
    assert said in text


def test_generic_or_not_is_one_button_naming_the_other_choice() -> None:
    assert ("Keep reminders generic", "rhythm:m:0") in buttons(Rhythm())
    assert ("Reminders may name our thread", "rhythm:m:1") in buttons(Rhythm(mention=False))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("rhythm:c:weekly", Rhythm(cadence=Cadence.WEEKLY)),
        ("rhythm:c:off", Rhythm(cadence=Cadence.OFF)),
        ("rhythm:t:08:00", Rhythm(at=time(8, 0))),
        ("rhythm:t:-", Rhythm(at=None)),
        ("rhythm:m:0", Rhythm(mention=False)),
        ("rhythm:c:hourly", None),
        ("rhythm:t:25:00", None),
        ("rhythm:m:maybe", None),
        ("rhythm:once", None),
        ("rhythm:", None),
    ],
)
def test_a_button_means_one_definite_choice(data: str, expected: Rhythm | None) -> None:
    assert chosen(Rhythm(at=time(18, 0)) if data == "rhythm:t:-" else Rhythm(), data) == expected


def test_every_button_fits_telegrams_64_bytes_of_callback_data() -> None:
    for rhythm in (Rhythm(), Rhythm(cadence=Cadence.ON_REQUEST, mention=False)):
        assert all(len(data.encode()) <= 64 for _, data in buttons(rhythm))
