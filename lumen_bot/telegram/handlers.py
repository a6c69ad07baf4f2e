"""Telegram updates in, harness calls out: private chats only, text only (for now)."""

from __future__ import annotations

from collections import OrderedDict

from telegram import Update
from telegram.ext import (
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

import safety
from lumen_bot import texts
from lumen_bot.errors import DeliveryFailed
from lumen_bot.harness.clock import SystemClock
from lumen_bot.harness.mentor import Mentor
from lumen_bot.harness.model import Inbound, PersonKey
from lumen_bot.harness.ports import Clock
from lumen_bot.logs import events
from lumen_bot.telegram.bot import TelegramApp
from lumen_bot.telegram.delivery import deliver
from lumen_bot.telegram.reply import PLATFORM, TelegramReply

log = events(__name__)

Context = ContextTypes.DEFAULT_TYPE
PRIVATE = filters.ChatType.PRIVATE
TOLD_GROUPS_MAX = 10_000  # groups we told "private chats only", remembered in memory only


class TelegramHandlers:
    """Bound-method handlers: every dependency arrives through the constructor."""

    def __init__(self, mentor: Mentor, *, stream_interval_s: float, clock: Clock | None = None):
        self._mentor = mentor
        self._interval_s = stream_interval_s
        self._clock = clock or SystemClock()
        self._told_groups: OrderedDict[int, None] = OrderedDict()

    def register(self, app: TelegramApp) -> None:
        app.add_handler(CommandHandler("start", self.on_start, filters=PRIVATE))
        app.add_handler(CommandHandler("help", self.on_help, filters=PRIVATE))
        app.add_handler(CommandHandler("privacy", self.on_privacy, filters=PRIVATE))
        app.add_handler(CommandHandler("end", self.on_end, filters=PRIVATE))
        app.add_handler(
            MessageHandler(
                PRIVATE & filters.TEXT & ~filters.COMMAND & ~filters.UpdateType.EDITED, self.on_text
            )
        )
        app.add_handler(MessageHandler(PRIVATE & filters.COMMAND, self.on_unknown_command))
        app.add_handler(
            MessageHandler(PRIVATE & ~filters.TEXT & ~filters.UpdateType.EDITED, self.on_non_text)
        )
        app.add_handler(MessageHandler(~PRIVATE, self.on_not_private))
        app.add_error_handler(self.on_error)

    def _reply(self, update: Update) -> TelegramReply | None:
        message = update.effective_message
        user = update.effective_user
        if message is None or user is None:
            return None
        return TelegramReply(
            message.get_bot(),
            message.chat_id,
            draft_id=message.message_id,
            interval_s=self._interval_s,
            lang=user.language_code,
        )

    async def _say(self, update: Update, key: str) -> None:
        reply = self._reply(update)
        if reply is not None:
            await reply.notice(key)

    async def on_start(self, update: Update, context: Context) -> None:
        await self._say(update, "start")

    async def on_help(self, update: Update, context: Context) -> None:
        await self._say(update, "help")

    async def on_privacy(self, update: Update, context: Context) -> None:
        await self._say(update, "privacy")

    async def on_unknown_command(self, update: Update, context: Context) -> None:
        """An unknown command gets the help text, unless its words carry risk: then it is
        a message like any other (screened, stored, answered)."""
        message = update.effective_message
        if message is not None and message.text and safety.screen(message.text).level.rank > 0:
            await self._handle_text(update, message.text)
            return
        await self._say(update, "help")

    async def on_end(self, update: Update, context: Context) -> None:
        reply = self._reply(update)
        user = update.effective_user
        if reply is None or user is None:
            return
        await self._mentor.end(PersonKey(PLATFORM, str(user.id)), reply)

    async def on_text(self, update: Update, context: Context) -> None:
        message = update.effective_message
        if message is not None and message.text is not None:
            await self._handle_text(update, message.text)

    async def _handle_text(self, update: Update, text: str) -> None:
        message = update.effective_message
        user = update.effective_user
        reply = self._reply(update)
        if message is None or user is None or reply is None:
            return
        if user.is_bot:
            log.info("bot_sender_ignored", update=update.update_id)
            return
        inbound = Inbound(
            person=PersonKey(PLATFORM, str(user.id)),
            text=text,
            at=message.date,
            source_key=f"tg:{message.chat_id}:{message.message_id}",
            locale=user.language_code,
        )
        await self._mentor.handle(inbound, reply)

    async def on_non_text(self, update: Update, context: Context) -> None:
        """Photos, voice, stickers, files: only text for now. A caption is text, though,
        and may say something that matters: it goes to the mentor like a message."""
        message = update.effective_message
        if message is not None and message.caption:
            await self._say(update, "caption_only")
            await self._handle_text(update, message.caption)
            return
        await self._say(update, "text_only")

    async def on_not_private(self, update: Update, context: Context) -> None:
        """Say once per group that Lumen works only in private chats; store nothing."""
        chat = update.effective_chat
        if chat is None or chat.id in self._told_groups:
            return
        self._told_groups[chat.id] = None
        if len(self._told_groups) > TOLD_GROUPS_MAX:
            self._told_groups.popitem(last=False)
        bot = context.bot
        try:
            await deliver(
                lambda: bot.send_message(chat.id, texts.text("private_only")), what="private_only"
            )
        except DeliveryFailed:
            log.info("group_notice_failed", chat_type=chat.type)

    async def on_error(self, update: object, context: Context) -> None:
        """Log the error class only (never the update: it may hold what someone wrote)."""
        error = context.error
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("handler_failed", update=update_id, error=type(error).__name__)
        chat = update.effective_chat if isinstance(update, Update) else None
        if isinstance(update, Update) and chat is not None and chat.type == "private":
            try:
                await self._say(update, "something_went_wrong")
            except DeliveryFailed:
                log.info("error_notice_failed", update=update_id)
