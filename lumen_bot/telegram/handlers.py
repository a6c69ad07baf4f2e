"""Telegram updates in, harness calls out: private chats only, text only (for now)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

import safety
from lumen_bot import texts
from lumen_bot.errors import DeliveryFailed, LumenError
from lumen_bot.harness.clock import SystemClock
from lumen_bot.harness.commands import (
    QUOTING_COMMANDS,
    command_name,
    country_code,
    country_shown,
    crisis_in,
    read_as_message,
    whole_number,
)
from lumen_bot.harness.flags import REPORT_REASONS
from lumen_bot.harness.mentor import Mentor
from lumen_bot.harness.model import Inbound, PersonKey
from lumen_bot.harness.ports import Clock
from lumen_bot.harness.review import Reports
from lumen_bot.logs import events
from lumen_bot.telegram.bot import TelegramApp
from lumen_bot.telegram.delivery import deliver
from lumen_bot.telegram.formatting import well_formed
from lumen_bot.telegram.pacing import Courtesy
from lumen_bot.telegram.polling import admitted
from lumen_bot.telegram.reply import PLATFORM, SAFE_NOW, TelegramReply
from lumen_bot.telegram.told import Told
from safety.screening import Level

log = events(__name__)

Context = ContextTypes.DEFAULT_TYPE
PRIVATE = filters.ChatType.PRIVATE
REPORT = "report:"  # callback data prefix of the report reasons
TOLD_MAX = 10_000  # chats and groups remembered as told (in memory only)
# A person who sends one sticker after another hears "I can only read text" once in this.
NOTICE_QUIET = timedelta(minutes=10)


class TelegramHandlers:
    """Bound-method handlers: every dependency arrives through the constructor."""

    def __init__(
        self,
        mentor: Mentor,
        reports: Reports,
        *,
        stream_interval_s: float,
        clock: Clock | None = None,
    ) -> None:
        self._mentor = mentor
        self._reports = reports
        self._interval_s = stream_interval_s
        self._courtesy = Courtesy()  # typing hints and previews, shared by every chat
        self._clock = clock or SystemClock()
        self._told_groups = Told(self._clock, within=None, most=TOLD_MAX)
        self._told_lately = Told(self._clock, within=NOTICE_QUIET, most=TOLD_MAX)
        # A double tap is two updates handled at once; one choice at a time opens a
        # report once (choices are rare and quick, so one lock for everyone).
        self._choosing_reason = asyncio.Lock()

    def register(self, app: TelegramApp) -> None:
        app.add_handler(TypeHandler(Update, self.admit_unless_stored), group=-1)
        app.add_handler(CommandHandler("start", self.on_start, filters=PRIVATE))
        app.add_handler(CommandHandler("help", self.on_help, filters=PRIVATE))
        app.add_handler(CommandHandler("privacy", self.on_privacy, filters=PRIVATE))
        app.add_handler(CommandHandler("end", self.on_end, filters=PRIVATE))
        app.add_handler(CommandHandler("report", self.on_report, filters=PRIVATE))
        app.add_handler(CommandHandler("country", self.on_country, filters=PRIVATE))
        app.add_handler(
            CallbackQueryHandler(self.on_safe_now, pattern=f"^{SAFE_NOW}(:[a-z]{{2}})?$")
        )
        app.add_handler(CallbackQueryHandler(self.on_report_reason, pattern=f"^{REPORT}"))
        app.add_handler(CallbackQueryHandler(self.on_unknown_button))
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

    def _reply(self, update: Update, *, lang: str | None = None) -> TelegramReply | None:
        """A reply to this update's chat, in `lang` or else the person's Telegram language."""
        message = update.effective_message
        user = update.effective_user
        if message is None or user is None:
            return None
        return TelegramReply(
            message.get_bot(),
            message.chat_id,
            draft_id=message.message_id,
            interval_s=self._interval_s,
            lang=lang or user.language_code,
            courtesy=self._courtesy,
        )

    async def _say(self, update: Update, key: str, *, lang: str | None = None) -> None:
        reply = self._reply(update, lang=lang)
        if reply is not None:
            await reply.notice(key)

    async def admit_unless_stored(self, update: Update, context: Context) -> None:
        """Runs first for every update. Only a private message with words is stored by the
        harness, which admits it then; every other update is admitted at once, so the
        poller never waits on a slow command (see `telegram/polling.py`). Updates ignored
        on purpose stop here (`_ignored`), except an edit that the screen reads as a
        crisis: words added in an edit can say someone is in danger, so that edit is
        answered like a message (resources at once, never the LLM). So is a command
        whose words carry risk, whichever command it is (`read_as_message`); a
        `/report` whose line reads as a crisis gets crisis care first and then opens."""
        edited = _crisis_in_edit(update)
        if edited is not None and edited.text is not None:
            log.info("edit_screened_crisis", update=update.update_id)
            version = int(edited.edit_date.timestamp()) if edited.edit_date else 0
            await self._handle_text(update, edited.text, version=f":edit:{version}")
            raise ApplicationHandlerStop
        said = _private_command(update)
        if said is not None:
            quoting = command_name(said) in QUOTING_COMMANDS
            if read_as_message(said) or (quoting and crisis_in(said)):
                # stored before the update is admitted, like any message
                log.info("command_read_as_message", update=update.update_id)
                await self._handle_text(update, said)
                if not quoting:
                    raise ApplicationHandlerStop
        reason = _ignored(update)
        if reason is not None:
            admitted()
            log.info("update_ignored", update=update.update_id, reason=reason)
            if update.callback_query is not None:
                await update.callback_query.answer()
            raise ApplicationHandlerStop
        message = update.message
        stored_later = (
            message is not None
            and message.chat.type == "private"
            and bool(message.text or message.caption)
            and not (message.text or "").startswith("/")
        )
        if not stored_later:
            admitted()

    async def on_start(self, update: Update, context: Context) -> None:
        await self._say(update, "start")

    async def on_help(self, update: Update, context: Context) -> None:
        await self._say(update, "help")

    async def on_privacy(self, update: Update, context: Context) -> None:
        await self._say(update, "privacy")

    async def on_unknown_command(self, update: Update, context: Context) -> None:
        """An unknown command gets the help text (one whose words carry risk never gets
        here: `admit_unless_stored` hands it on as a message)."""
        await self._say(update, "help")

    async def on_end(self, update: Update, context: Context) -> None:
        reply = self._reply(update)
        user = update.effective_user
        if reply is None or user is None:
            return
        await self._mentor.end(PersonKey(PLATFORM, str(user.id)), reply)

    async def on_report(self, update: Update, context: Context) -> None:
        """`/report [a line]`, best as a reply to the message being reported (a line
        that reads as a crisis was given crisis care already, in `admit_unless_stored`)."""
        message = update.effective_message
        user = update.effective_user
        if message is None or user is None:
            return
        replied = message.reply_to_message
        reported = (
            replied.text if replied and replied.from_user and replied.from_user.is_bot else None
        )
        note = well_formed(" ".join(context.args or [])) or None
        flag_id = await self._reports.start(
            PersonKey(PLATFORM, str(user.id)), reported=reported, note=note
        )
        lang = user.language_code
        buttons = [
            [
                InlineKeyboardButton(
                    texts.text(f"report_{reason}", lang),
                    callback_data=f"{REPORT}{flag_id}:{reason}",
                )
            ]
            for reason in REPORT_REASONS
        ]
        bot = context.bot
        await deliver(
            lambda: bot.send_message(
                message.chat_id,
                texts.text("report_reason", lang),
                reply_markup=InlineKeyboardMarkup(buttons),
            ),
            what="report_reason",
        )

    async def on_report_reason(self, update: Update, context: Context) -> None:
        query = update.callback_query
        user = update.effective_user
        if query is None or user is None:
            return
        raw_id, _, reason = (query.data or "").removeprefix(REPORT).partition(":")
        async with self._choosing_reason:
            report_id = whole_number(raw_id)
            opened = report_id is not None and await self._reports.choose_reason(
                PersonKey(PLATFORM, str(user.id)), report_id, reason
            )
        lang = user.language_code
        await query.answer()
        key = "report_thanks" if opened else "report_already"
        try:
            await deliver(lambda: query.edit_message_text(texts.text(key, lang)), what="report")
        except DeliveryFailed:
            log.info("report_prompt_not_updated")

    async def on_safe_now(self, update: Update, context: Context) -> None:
        """ "I'm safe for now": a gentle word, in the language of the resources it was
        pressed under; the session goes on only when they write."""
        query = update.callback_query
        if query is None:
            return
        await query.answer()
        lang = (query.data or "").partition(":")[2] or None  # a button from before: none
        await self._say(update, "safe_now", lang=lang)

    async def on_unknown_button(self, update: Update, context: Context) -> None:
        """Old or unknown buttons are acknowledged and otherwise ignored on purpose."""
        if update.callback_query is not None:
            await update.callback_query.answer()

    async def on_country(self, update: Update, context: Context) -> None:
        user = update.effective_user
        args = context.args or []
        if user is None:
            return
        code = country_code(" ".join(args))  # a name may be words: /country New Zealand
        if code is None:
            await self._say(update, "country_ask")
            return
        known = await self._mentor.set_country(PersonKey(PLATFORM, str(user.id)), code)
        reply = self._reply(update)
        if reply is None:
            return
        if known is None:
            await reply.plain(texts.text("country_unknown", user.language_code))
        else:
            shown = country_shown(known)
            await reply.plain(texts.text("country_set", user.language_code, country=shown))

    async def on_text(self, update: Update, context: Context) -> None:
        message = update.effective_message
        if message is not None and message.text is not None:
            await self._handle_text(update, message.text)

    async def _handle_text(self, update: Update, text: str, *, version: str = "") -> None:
        message = update.effective_message
        user = update.effective_user
        reply = self._reply(update)
        if message is None or user is None or reply is None:
            return
        inbound = Inbound(
            person=PersonKey(PLATFORM, str(user.id)),
            text=well_formed(text),
            at=message.date,
            source_key=f"tg:{message.chat_id}:{message.message_id}{version}",
            locale=user.language_code,
            on_admitted=admitted,
        )
        await self._mentor.handle(inbound, reply)

    async def on_non_text(self, update: Update, context: Context) -> None:
        """Photos, voice, stickers, files: only text for now. A caption is text, though,
        and may say something that matters: it goes to the mentor like a message.

        The notice is said once per album, and once in `NOTICE_QUIET` per chat: the
        first already named the emergency number, and a row of stickers should not get
        a row of identical answers. A caption is answered every time."""
        message = update.effective_message
        if message is None:
            return
        key = "caption_only" if message.caption else "text_only"
        told: list[tuple[int | str, ...]] = [(message.chat_id, key)]
        if message.media_group_id is not None:
            told.append((message.chat_id, "album", message.media_group_id))
        if self._told_lately.should_tell(*told):
            await self._say(update, key)
        else:
            log.info("notice_not_repeated", update=update.update_id, notice=key)
        if message.caption:
            await self._handle_text(update, message.caption)

    async def on_not_private(self, update: Update, context: Context) -> None:
        """Say once per group that Lumen works only in private chats, in the language of
        whoever wrote (a channel's post has no writer: English); store nothing."""
        chat = update.effective_chat
        if chat is None or not self._told_groups.should_tell(chat.id):
            return
        writer = update.effective_user
        words = texts.text("private_only", writer.language_code if writer else None)
        bot = context.bot
        try:
            await deliver(lambda: bot.send_message(chat.id, words), what="private_only")
        except DeliveryFailed:
            log.info("group_notice_failed", chat_type=chat.type)

    async def on_error(self, update: object, context: Context) -> None:
        """Log the error class only (never the update: it may hold what someone wrote);
        the person hears the words the error names (a record that does not open is not
        "try again in a moment"), never its text. Other chats go on regardless."""
        error = context.error
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("handler_failed", update=update_id, error=type(error).__name__)
        chat = update.effective_chat if isinstance(update, Update) else None
        if isinstance(update, Update) and chat is not None and chat.type == "private":
            key = error.user_message if isinstance(error, LumenError) else "something_went_wrong"
            try:
                await self._say(update, key)
            except DeliveryFailed:
                log.info("error_notice_failed", update=update_id)


def _crisis_in_edit(update: Update) -> Message | None:
    """A person's edit of a private message, if the screen reads it as a crisis."""
    edited = update.edited_message
    user = update.effective_user
    if edited is None or edited.chat.type != "private" or not edited.text:
        return None
    if user is None or user.is_bot:
        return None
    return edited if safety.screen(edited.text).level is Level.CRISIS else None


def _private_command(update: Update) -> str | None:
    """The text of a command a person sent in their private chat, else None."""
    message = update.message
    user = update.effective_user
    if message is None or message.chat.type != "private" or not message.text:
        return None
    if user is None or user.is_bot or not message.text.startswith("/"):
        return None
    return message.text


def _ignored(update: Update) -> str | None:
    """Why an update is ignored on purpose, or None: an edit is not a new message (and an
    edit into /end must not end anything); bots answering bots loop; and a button under
    someone's private chat, pressed by anyone else, must change nothing there."""
    if update.edited_message is not None or update.edited_channel_post is not None:
        return "edit"
    user = update.effective_user
    if user is not None and user.is_bot:
        return "bot_sender"
    query = update.callback_query
    if query is not None and query.message is not None:
        chat = query.message.chat
        if chat.type == "private" and chat.id != query.from_user.id:
            return "not_their_chat"
    return None
