"""`lumen flags` as an admin runs it: a number that names no flag is an unknown flag, and
a flag closed already stays as it is, with nothing more in the audit log."""

from __future__ import annotations

from pathlib import Path

from tests.integration.test_keys_cli import run, two_lives


async def test_a_number_too_large_for_any_flag_is_an_unknown_flag(tmp_path: Path) -> None:
    await two_lives(tmp_path / "data")  # two people, a report each: flags 1 and 2
    huge = "99999999999999999999"  # (resolve and dismiss: tests/unit/harness/test_review.py)
    code, out, err = run(tmp_path, "flags", "show", huge)
    assert (code, out, err.strip()) == (1, "", f"lumen: no flag #{huge}"), "as for #404"


async def test_a_closed_flag_is_said_to_be_closed_and_audited_once(tmp_path: Path) -> None:
    """(Dismissing a resolved flag, and the buttons: tests/unit/harness/test_review.py,
    tests/integration/test_telegram_input.py.)"""
    await two_lives(tmp_path / "data")
    code, out, _ = run(tmp_path, "flags", "resolve", "1")
    assert code == 0 and "· resolved ·" in out

    code, out, err = run(tmp_path, "flags", "resolve", "1")  # again
    assert (code, out, err.strip()) == (1, "", "lumen: flag 1 is already resolved")

    _, audit, _ = run(tmp_path, "flags", "audit")
    actions = [line.split(" | ")[2:4] for line in audit.splitlines()]
    assert actions == [["resolved", "flag:1"]]
