"""Event logging: an event name and ids, never what a person wrote.

`events(__name__).info("turn_answered", session=12, ms=840)` logs
`turn_answered session=12 ms=840`. Field values must be ids, counts, timings
or error class names; there is deliberately no way to attach free text.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

Field = int | float | bool | str | None


class EventLog:
    def __init__(self, name: str) -> None:
        self._log = logging.getLogger(name)

    def _emit(self, level: int, event: str, fields: dict[str, Field]) -> None:
        if self._log.isEnabledFor(level):
            rendered = " ".join(f"{key}={value}" for key, value in fields.items())
            self._log.log(level, "%s %s", event, rendered, stacklevel=3)

    def debug(self, event: str, **fields: Field) -> None:
        self._emit(logging.DEBUG, event, fields)

    def info(self, event: str, **fields: Field) -> None:
        self._emit(logging.INFO, event, fields)

    def warning(self, event: str, **fields: Field) -> None:
        self._emit(logging.WARNING, event, fields)

    def error(self, event: str, **fields: Field) -> None:
        self._emit(logging.ERROR, event, fields)


def events(name: str) -> EventLog:
    return EventLog(name)


def configure(level: str, *, file: Path | None = None) -> None:
    """Log to stderr, or append to `file` (`lumen chat`, whose stderr is the person's
    screen); hold at WARNING the libraries whose lines could carry request bodies or
    URLs (a Telegram URL holds the bot token)."""
    handler: logging.Handler = (
        logging.StreamHandler(sys.stderr)
        if file is None
        else logging.FileHandler(file, encoding="utf-8", delay=True)
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in (
        "httpx",
        "httpx2",
        "httpcore",
        "anthropic",
        "telegram",
        "apscheduler",
        "aiosqlite",
    ):
        logging.getLogger(noisy).setLevel(logging.WARNING)
