"""What the Telegram proxy saw one bot do, and what it holds for it (updates, failures)."""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ApiCall:
    """One Bot API request the bot made (getUpdates excepted), with decoded parameters."""

    method: str
    params: JSON
    at: float  # when the proxy read it (the test process's own time to get to it included)
    arrived: float | None = None  # when it was on the wire, if it came through a wire tap


@dataclass(frozen=True, slots=True)
class Draft:
    """A sendMessageDraft: the text (after parse_mode) streamed as a draft."""

    chat_id: int
    draft_id: int
    text: str
    entities: tuple[JSON, ...]


@dataclass(frozen=True, slots=True)
class ChatAction:
    chat_id: int
    action: str


@dataclass(frozen=True, slots=True)
class Edit:
    """An editMessageText or editMessageReplyMarkup that Telegram accepted."""

    chat_id: int
    message_id: int
    text: str | None
    entities: tuple[JSON, ...]
    reply_markup: JSON | None


@dataclass(frozen=True, slots=True)
class SentFile:
    """A sendDocument or sendPhoto, with the uploaded bytes (empty if sent by file_id/url)."""

    chat_id: int
    message_id: int
    kind: str
    filename: str
    content: bytes
    caption: str | None


@dataclass(frozen=True, slots=True)
class Failure:
    """An error the proxy answers, instead of the emulator, to a coming call of `method`."""

    method: str
    error_code: int
    description: str
    retry_after: int | None = None


@dataclass
class BotRecords:
    """Everything about one bot token; safe to read from the test thread while the bot runs."""

    token: str
    calls: list[ApiCall] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    chat_actions: list[ChatAction] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    deleted: list[tuple[int, int]] = field(default_factory=list)
    files: list[SentFile] = field(default_factory=list)
    callback_answers: list[JSON] = field(default_factory=list)
    commands: dict[tuple[str, str], list[JSON]] = field(default_factory=dict)
    messages: dict[tuple[int, int], JSON] = field(default_factory=dict)
    chats: dict[int, JSON] = field(default_factory=dict)
    updates: list[JSON] = field(default_factory=list)  # every update queued, confirmed or not
    last_poll: float = 0.0  # time.time() of the latest getUpdates
    # update_id -> (time.time() it first went to the bot in a getUpdates answer, the update)
    handed: dict[int, tuple[float, JSON]] = field(default_factory=dict)
    _pending: list[JSON] = field(default_factory=list)
    _next_update_id: int = 1
    _failures: deque[Failure] = field(default_factory=deque)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def bot_id(self) -> int:
        prefix = self.token.split(":", 1)[0]
        return int(prefix) if prefix.isdigit() else 666

    def record_call(self, method: str, params: JSON, arrived: float | None = None) -> None:
        self.calls.append(ApiCall(method, params, time.time(), arrived))

    def calls_of(self, method: str) -> list[ApiCall]:
        return [call for call in list(self.calls) if call.method == method]

    def bot_commands(self, scope: str = "default", language_code: str = "") -> list[JSON]:
        """The commands set for `scope` (its "type") and language, as getMyCommands answers."""
        return list(self.commands.get((scope, language_code), []))

    def remember_chat(self, chat: JSON) -> None:
        self.chats[int(chat["id"])] = chat

    # Updates: kept until the bot confirms them with a higher getUpdates offset.

    def add_update(self, update: JSON) -> int:
        with self._lock:
            update_id = self._next_update_id
            self._next_update_id += 1
            self._pending.append({"update_id": update_id, **update})
            self.updates.append(self._pending[-1])
            return update_id

    def pending_updates(self, offset: int) -> list[JSON]:
        """Drops updates below `offset` (confirmed) and returns the rest, oldest first."""
        with self._lock:
            if offset > 0:
                self._pending = [u for u in self._pending if u["update_id"] >= offset]
            return list(self._pending)

    def hand_out(self, updates: list[JSON]) -> list[JSON]:
        """Notes when each update first went to the bot (see `handed`); returns them."""
        now = time.time()
        with self._lock:
            for update in updates:
                self.handed.setdefault(update["update_id"], (now, update))
        return updates

    def drop_pending_updates(self) -> None:
        with self._lock:
            self._pending.clear()

    # Failures injected by tests.

    def fail_next(self, failure: Failure, times: int = 1) -> None:
        with self._lock:
            self._failures.extend([failure] * times)

    def take_failure(self, method: str) -> Failure | None:
        with self._lock:
            for failure in self._failures:
                if failure.method == method:
                    self._failures.remove(failure)
                    return failure
            return None
