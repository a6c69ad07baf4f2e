"""`lumen flags` as an admin runs it: a number that names no flag is an unknown flag."""

from __future__ import annotations

from pathlib import Path

from tests.integration.test_keys_cli import run, two_lives


async def test_a_number_too_large_for_any_flag_is_an_unknown_flag(tmp_path: Path) -> None:
    await two_lives(tmp_path / "data")  # two people, a report each: flags 1 and 2
    huge = "99999999999999999999"  # (resolve and dismiss: tests/unit/harness/test_review.py)
    code, out, err = run(tmp_path, "flags", "show", huge)
    assert (code, out, err.strip()) == (1, "", f"lumen: no flag #{huge}"), "as for #404"
