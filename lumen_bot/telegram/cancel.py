"""/cancel: one command that leaves whichever question Lumen has open with the person.

Several features ask a question whose answer is the person's next message (the
passphrase of an export, a correction to the Arc). Telegram runs only the first
handler that matches a command, so /cancel is registered once, here, and asks each
feature in turn to let go of its question.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from telegram import Update
from telegram.ext import CommandHandler

from lumen_bot import texts
from lumen_bot.telegram.bot import TelegramApp
from lumen_bot.telegram.delivery import deliver
from lumen_bot.telegram.handlers import PRIVATE, Context

# Given the Telegram user id, drop the feature's open question; the key of the message
# that says what was left, or None if that feature had nothing open.
Leave = Callable[[int], Awaitable[str | None]]


class CancelHandler:
    """Bound-method handler for /cancel over every feature that can ask a question."""

    def __init__(self, leavers: Sequence[Leave]) -> None:
        self._leavers = tuple(leavers)

    def register(self, app: TelegramApp) -> None:
        app.add_handler(CommandHandler("cancel", self.on_cancel, filters=PRIVATE))

    async def on_cancel(self, update: Update, context: Context) -> None:
        user, chat = update.effective_user, update.effective_chat
        if user is None or chat is None:
            return
        left = [key for leave in self._leavers if (key := await leave(user.id)) is not None]
        key = left[0] if len(left) == 1 else "cancelled" if left else "nothing_to_cancel"
        text = texts.text(key, user.language_code)
        bot = context.bot
        await deliver(lambda: bot.send_message(chat.id, text), what="cancel", idempotent=False)
