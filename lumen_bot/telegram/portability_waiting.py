"""Who is expected to send a passphrase or an export file, and the filters that route
those messages away from the mentor.

A passphrase is a chat message, so it must never reach `TelegramHandlers.on_text`
(which stores every message as a turn and may send it to the LLM). It is recognised
two ways: the person has a passphrase prompt open (in memory, for `WAIT`), or the
message replies to one of our passphrase prompts (ForceReply makes clients do that),
which still works after the prompt expired or Lumen restarted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from telegram import Message
from telegram.ext import filters

import safety
from lumen_bot import texts
from lumen_bot.harness.ports import Clock
from safety.screening import Level

WAIT = timedelta(minutes=10)
MAX_ATTEMPTS = 3  # wrong passphrases for one import before the file must be sent again
EXPORT_FILE_NAME = re.compile(r"lumen-export\S*\.(zip|lumen)", re.IGNORECASE)
PROMPT_KEYS = ("passphrase_ask", "import_passphrase_ask")

Purpose = Literal["export", "import", "file"]


@dataclass(frozen=True, slots=True)
class Waiting:
    """What a person was asked for: a passphrase to export with ("export"), to open a
    protected export ("import", `file_id` names it), or an export file ("file")."""

    purpose: Purpose
    until: datetime
    file_id: str | None = None
    attempts: int = 0


class Waits:
    """Open prompts per Telegram user id, in memory only (a passphrase is never stored)."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._open: dict[int, Waiting] = {}

    def expect(self, user_id: int, purpose: Purpose, file_id: str | None = None) -> None:
        now = self._clock.now()
        self._open = {k: w for k, w in self._open.items() if w.until > now}  # sweep
        self._open[user_id] = Waiting(purpose, now + WAIT, file_id)

    def retry(self, user_id: int, waiting: Waiting) -> bool:
        """Keep an import's prompt open after a wrong passphrase, a few times."""
        if waiting.attempts + 1 >= MAX_ATTEMPTS:
            return False
        self._open[user_id] = Waiting(
            waiting.purpose, waiting.until, waiting.file_id, waiting.attempts + 1
        )
        return True

    def current(self, user_id: int) -> Waiting | None:
        waiting = self._open.get(user_id)
        if waiting is None or waiting.until <= self._clock.now():
            return None
        return waiting

    def take(self, user_id: int) -> Waiting | None:
        waiting = self.current(user_id)
        self._open.pop(user_id, None)
        return waiting

    def drop(self, user_id: int) -> bool:
        return self._open.pop(user_id, None) is not None


def replies_to_prompt(message: Message) -> bool:
    """Whether the message answers one of our passphrase prompts (in any language)."""
    replied = message.reply_to_message
    if replied is None or replied.from_user is None or not replied.from_user.is_bot:
        return False
    lang = message.from_user.language_code if message.from_user else None
    return replied.text in {texts.text(key, lang) for key in PROMPT_KEYS}


class PassphraseMessages(filters.MessageFilter):
    """Text that is a passphrase: a prompt is open, or it replies to a prompt.

    Words that the screen reads as a crisis are the exception: the prompt is dropped and
    the message goes on to the mentor like any other (resources at once, never the LLM).
    """

    def __init__(self, waits: Waits) -> None:
        super().__init__(name="PassphraseMessages")
        self._waits = waits

    def filter(self, message: Message) -> bool:
        user = message.from_user
        if user is None or not message.text or message.text.startswith("/"):
            return False
        waiting = self._waits.current(user.id)
        expected = waiting is not None and waiting.purpose in ("export", "import")
        if not expected and not replies_to_prompt(message):
            return False
        if safety.screen(message.text).level is Level.CRISIS:
            self._waits.drop(user.id)
            return False
        return True


class ExportFiles(filters.MessageFilter):
    """A document that is an export: named like one, or sent after /import.

    A caption the screen reads as a crisis leaves the message to the mentor."""

    def __init__(self, waits: Waits) -> None:
        super().__init__(name="ExportFiles")
        self._waits = waits

    def filter(self, message: Message) -> bool:
        document, user = message.document, message.from_user
        if document is None or user is None:
            return False
        if message.caption and safety.screen(message.caption).level is Level.CRISIS:
            return False
        waiting = self._waits.current(user.id)
        return bool(waiting is not None and waiting.purpose == "file") or bool(
            document.file_name and EXPORT_FILE_NAME.fullmatch(document.file_name)
        )
