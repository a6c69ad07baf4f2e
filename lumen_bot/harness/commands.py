"""What every front end (Telegram, the terminal) decides the same way about commands."""

from __future__ import annotations

import safety
from safety.screening import Level


def carries_risk(command_text: str) -> bool:
    """An unknown command whose words carry risk ("/kms", "/help i want to die") is a
    message like any other: screened, stored and answered, never waved off with a list
    of commands."""
    return safety.screen(command_text).level is not Level.NONE


def country_code(argument: str) -> str | None:
    """The two-letter country code `/country` takes, upper-cased; None if it is not one
    (then the person is asked again)."""
    code = argument.strip()
    return code.upper() if len(code) == 2 and code.isascii() and code.isalpha() else None
