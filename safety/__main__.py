"""`python -m safety`: screen JSON lines from stdin; score or time the screen on a JSONL file."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from safety.benchmark import measure
from safety.evaluate import OUTCOMES, evaluate
from safety.screen import screen
from safety.screening import Screening


class BadInput(ValueError):
    """A line that is not a JSON object with a string "text"; the message names no user text."""


def _parse(line: str) -> tuple[str, tuple[str, ...], str | None]:
    try:
        item: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadInput(f"invalid JSON at column {exc.colno}") from None
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise BadInput('expected an object with a string "text"')
    recent = item.get("recent", [])
    if not isinstance(recent, list) or not all(isinstance(r, str) for r in recent):
        raise BadInput('"recent" must be a list of strings')
    lang = item.get("lang")
    if lang is not None and not isinstance(lang, str):
        raise BadInput('"lang" must be a string')
    return item["text"], tuple(recent), lang


def _encode(result: Screening, *, evidence: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "level": result.level.value,
        "categories": [c.value for c in result.categories],
    }
    if evidence:
        out["evidence"] = [
            {"rule": e.rule, "level": e.level.value, "start": e.start, "end": e.end}
            for e in result.evidence
        ]
    return out


def run_screen(source: TextIO, sink: TextIO, *, evidence: bool = False) -> int:
    """One JSON line out per line in, in order, flushed at once; bad lines get {"error"}."""
    for line in source:
        if not line.strip():
            continue
        try:
            text, recent, lang = _parse(line)
            out = _encode(screen(text, lang=lang, recent=recent), evidence=evidence)
        except BadInput as exc:
            out = {"error": str(exc)}
        sink.write(json.dumps(out, ensure_ascii=False) + "\n")
        sink.flush()
    return 0


def run_eval(
    path: Path, sink: TextIO, *, guess_lang: bool = False, show: Sequence[str] = ()
) -> int:
    """Print miss rate, crisis recall, false-alarm and over-flag rates with counts, pooled,
    per language and per source, and the screen's speed; `show` lists the ids (never the
    texts) of the items with those outcomes."""
    with path.open(encoding="utf-8") as lines:
        report = evaluate(lines, screen, use_lang=not guess_lang)
    for row in report.lines():
        sink.write(row + "\n")
    for outcome in show:
        ids = report.wrong[outcome]
        sink.write(f"{outcome} ({len(ids)}): {' '.join(ids)}\n")
    return 0


def run_bench(path: Path, sink: TextIO, *, rounds: int) -> int:
    """Time `screen` on every "text" of a JSONL file, without a language (as the bot calls
    it): per message the fastest of `rounds` rounds; percentiles by message length."""
    with path.open(encoding="utf-8") as lines:
        texts = [str(json.loads(line)["text"]) for line in lines if line.strip()]
    if not texts:
        sink.write("no texts\n")
        return 1
    for row in measure(texts, screen, rounds).lines():
        sink.write(row + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m safety", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    screen_cmd = commands.add_parser(
        "screen", help='read {"text", "recent"?, "lang"?} JSON lines from stdin'
    )
    screen_cmd.add_argument(
        "--evidence", action="store_true", help="also print the rules that fired and their spans"
    )
    eval_cmd = commands.add_parser("eval", help="score the screen on a labelled JSONL file")
    eval_cmd.add_argument("path", type=Path)
    eval_cmd.add_argument(
        "--guess-lang", action="store_true", help="ignore the items' lang field and guess it"
    )
    eval_cmd.add_argument(
        "--show",
        action="append",
        choices=OUTCOMES,
        default=[],
        help="also list the ids of items with this outcome (repeatable)",
    )
    bench_cmd = commands.add_parser("bench", help="time the screen on the texts of a JSONL file")
    bench_cmd.add_argument("path", type=Path)
    bench_cmd.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    if args.command == "screen":
        return run_screen(sys.stdin, sys.stdout, evidence=args.evidence)
    try:
        if args.command == "bench":
            return run_bench(args.path, sys.stdout, rounds=args.rounds)
        return run_eval(args.path, sys.stdout, guess_lang=args.guess_lang, show=args.show)
    except OSError as exc:  # a file that cannot be read: one line, no traceback
        if isinstance(exc, BrokenPipeError):
            raise
        parser.exit(2, f"python -m safety: cannot read {args.path}: {exc.strerror}\n")


def _run() -> int:
    """`main`, quiet when the reader of its output stops early (`| head`)."""
    try:
        return main()
    except BrokenPipeError:
        # stdout's reader is gone; point it at /dev/null so the flush at exit is quiet
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    raise SystemExit(_run())
