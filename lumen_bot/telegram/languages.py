"""The Telegram language each person last wrote in, held in memory only.

Lumen knows a person's language from the update in hand. What it sends outside one (a
reminder, an answer held back by an outage, a session's closing notes) goes through the
notifier, which has no update: it asks here. Nothing is stored, so after a restart a
person is spoken to in English until they write again (a thread lost while Lumen was
down, too); a language code is not worth a column of personal data.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Final

from telegram import Update
from telegram.ext import TypeHandler

if TYPE_CHECKING:
    from lumen_bot.telegram.bot import TelegramApp

MOST: Final = 50_000  # people remembered; the longest unheard is forgotten first


class HeardLanguages:
    """User id → the `language_code` of their last private update, most recent kept."""

    def __init__(self, most: int = MOST) -> None:
        self._most = most
        self._by_user: OrderedDict[int, str] = OrderedDict()

    def heard(self, user_id: int, lang: str | None) -> None:
        if not lang:
            return
        self._by_user[user_id] = lang
        self._by_user.move_to_end(user_id)
        if len(self._by_user) > self._most:
            self._by_user.popitem(last=False)

    def of(self, user_id: int) -> str | None:
        return self._by_user.get(user_id)

    def register(self, app: TelegramApp) -> None:
        """Hear every update before any handler answers it (group -2: before the
        write-ahead admission in group -1, so even a redelivered update is heard)."""
        app.add_handler(TypeHandler(Update, self._on_update), group=-2)

    async def _on_update(self, update: Update, context: object) -> None:
        chat, user = update.effective_chat, update.effective_user
        if chat is not None and user is not None and chat.type == "private":
            self.heard(user.id, user.language_code)
