"""Lumen's crisis screen beside two published screens, on the same labelled JSONL file.

    python -m tests.bench.compare_screens path/to/dev.jsonl

The other screens are the PyPI packages `pantheon-guardrails` (CrisisProtocol) and
`cogno-aegis` (InputGuard with its opt-in DEFAULT_CRISIS_RULES). They are not Lumen
dependencies: install them into a throwaway virtual environment and run this file from
there with the repository on PYTHONPATH. Each screen that cannot be imported is named and
skipped. Both packages answer yes/no, so a yes counts as crisis and a no as none; their
over-flag rate therefore equals their false-alarm rate, and "concern" does not exist
for them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safety.evaluate import Report, evaluate
from safety.screen import screen
from safety.screening import Level, Screening


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str
    screener: Callable[..., Screening] | None
    missing: str = ""  # why it could not be loaded


def _yes_no(check: Callable[[str], bool]) -> Callable[..., Screening]:
    def screener(text: str, *, lang: str | None = None) -> Screening:
        return Screening(Level.CRISIS if check(text) else Level.NONE)

    return screener


def _pantheon() -> Candidate:
    name = "pantheon-guardrails"
    try:
        module: Any = importlib.import_module("pantheon_guardrails")
    except ImportError:
        return Candidate(name, None, "not installed")
    protocol = module.CrisisProtocol()
    version = getattr(module, "__version__", "?")
    return Candidate(f"{name} {version}", _yes_no(lambda t: bool(protocol.check(t).triggered)))


def _cogno() -> Candidate:
    name = "cogno-aegis"
    try:
        module: Any = importlib.import_module("cogno_aegis")
        rules: Any = importlib.import_module("cogno_aegis.safety").DEFAULT_CRISIS_RULES
    except ImportError:
        return Candidate(name, None, "not installed")
    # crisis rules only: no length cap, so long posts are judged on their words
    guard = module.InputGuard(crisis_rules=rules, max_chars=sys.maxsize)
    version = getattr(module, "__version__", "?")
    return Candidate(f"{name} {version}", _yes_no(lambda t: not guard.check_crisis(t).ok))


def candidates() -> list[Candidate]:
    return [Candidate("lumen safety.screen", screen), _pantheon(), _cogno()]


def _quiet_logs() -> None:
    """cogno-aegis logs a warning per crisis it finds; a benchmark wants none of them."""
    import logging

    logging.getLogger("cogno_aegis").setLevel(logging.ERROR)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="labelled JSONL: text, label, lang, source")
    args = parser.parse_args(argv)
    _quiet_logs()
    lines = args.path.read_text(encoding="utf-8").splitlines()
    for candidate in candidates():
        print(f"== {candidate.name}")
        if candidate.screener is None:
            print(f"   skipped: {candidate.missing} (pip install it into a throwaway venv)")
            continue
        report: Report = evaluate(lines, candidate.screener)
        for row in report.lines():
            print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
