"""docs/operations.md tells operators which log events to watch, at which level: every
event it names is one Lumen logs, at a level the table gives, so an alert written from
the table can fire."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).parents[2]
GUIDE = ROOT / "docs" / "operations.md"
LEVELS = {"debug", "info", "warning", "error"}


def logged_events() -> dict[str, set[str]]:
    """Every event name `lumen_bot` passes to an event log, and the levels it is logged at."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / "lumen_bot").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in LEVELS
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "log"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, set()).add(node.func.attr)
    return found


def table_rows() -> list[tuple[list[str], set[str]]]:
    """The events table: the names in each row's first cell, the levels in its second."""
    rows = []
    for line in GUIDE.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`"):
            names = re.findall(r"`([a-z_]+)`", cells[0])
            levels = {level.strip() for level in cells[1].split(",")}
            rows.append((names, levels))
    return rows


def test_the_guide_names_events_lumen_logs_at_the_levels_it_gives() -> None:
    logged = logged_events()
    rows = table_rows()
    assert len(rows) >= 10, "the table was found"
    for names, levels in rows:
        assert levels <= LEVELS, f"{names}: {levels}"
        for name in names:
            assert name in logged, f"{name} is not an event Lumen logs"
            assert logged[name] <= levels, f"{name} is logged at {logged[name]}, not {levels}"


def test_the_check_would_catch_an_event_that_does_not_exist() -> None:
    assert "turn_answered" in logged_events()
    assert "no_such_event_at_all" not in logged_events()
