"""What every front end (Telegram, the terminal) decides the same way about commands."""

from __future__ import annotations

import safety
from safety.resources import country_named
from safety.resources import country_shown as country_shown  # the front ends' too
from safety.screening import Level, Screening

# Commands whose words describe what Lumen said ("/report you told me to hurt myself"):
# they stay commands, and the front end gives crisis care first when the words read as
# a crisis (see `crisis_in`), storing them before the update is admitted.
QUOTING_COMMANDS = frozenset({"report"})

LARGEST_ID = 2**63 - 1  # no stored record has a larger id (SQLite's INTEGER)


def read_as_message(command_text: str) -> bool:
    """Whether a command is read as a message: screened, stored and answered like any
    other, and not run. It is when the screen finds risk in its words (see
    `overrides_a_command`): an unknown command ("/kms"), or words typed after a known one
    ("/end I'm going to kill myself tonight", "/help i want to die"). A person who writes
    that must never get a list of commands or a closed session instead of care. Commands
    in `QUOTING_COMMANDS` never are."""
    if command_name(command_text) in QUOTING_COMMANDS:
        return False
    return overrides_a_command(safety.screen(command_text))


def overrides_a_command(screening: Screening) -> bool:
    """Whether what the screen found in a command's words outweighs the command. A crisis
    does, whoever found it: crisis care first, and the session goes on only when the
    person chooses. A concern does when a rule found it, not when only the chat model
    weighs the words so: a model of words that now and then reads "/end now please" as
    concern must not keep a session open that the person asked to close."""
    if screening.level is Level.CRISIS:
        return True
    return screening.level is Level.CONCERN and not screening.by_model_alone


def crisis_in(text: str) -> bool:
    """Whether the screen reads `text` as a crisis (the words of a quoting command)."""
    return safety.screen(text).level is Level.CRISIS


def command_name(command_text: str) -> str:
    """ "/Report@LumenBot the reply" -> "report"."""
    head = command_text.split(maxsplit=1)[0] if command_text.strip() else ""
    return head.removeprefix("/").partition("@")[0].lower()


def country_code(argument: str) -> str | None:
    """The country `/country` names, as its two-letter code: a code ("gb"), an alias
    ("UK") or a country's name ("Spain", "España"); None if it is none of these (then
    the person is asked again)."""
    return country_named(argument)


def whole_number(raw: str, *, most: int = LARGEST_ID) -> int | None:
    """Digits as a number, as a person types them or a button carries them, in any
    script's decimal digits ("42", Arabic-Indic "٤٢", full-width); None for anything
    else. `str.isdigit` alone would take "²", which `int` refuses, and `int` refuses
    thousands of digits too: both once crashed a handler. A number above `most` names
    nothing (no record has such an id) and is None as well."""
    if not raw.isdecimal() or len(raw) > len(str(most)):
        return None
    number = int(raw)
    return number if number <= most else None
