"""/export and /import in Telegram: the person's history as a file in the chat, and back.

Register these before `TelegramHandlers`: its catch-alls would otherwise take the
buttons, the passphrase (as a message for the mentor!) and the file.
"""

from __future__ import annotations

import asyncio

from telegram import (
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
    User,
)
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from lumen_bot import texts
from lumen_bot.errors import ArchiveRejected, DeliveryFailed, WrongPassphrase
from lumen_bot.harness.clock import SystemClock
from lumen_bot.harness.locks import KeyedLocks
from lumen_bot.harness.model import PersonKey
from lumen_bot.harness.ports import Clock
from lumen_bot.logs import events
from lumen_bot.portability.passphrase import MIN_PASSPHRASE, is_locked, normalized
from lumen_bot.portability.service import Archives
from lumen_bot.telegram.bot import TelegramApp
from lumen_bot.telegram.delivery import deliver
from lumen_bot.telegram.handlers import PRIVATE, Context
from lumen_bot.telegram.polling import admitted
from lumen_bot.telegram.portability_waiting import (
    ExportFiles,
    PassphraseMessages,
    Waiting,
    Waits,
)
from lumen_bot.telegram.reply import PLATFORM

log = events(__name__)

MENU = "privacy:export"  # also the /forget screen's "export first" button
PLAIN = "export:plain"
PROTECTED = "export:passphrase"
MAX_DOWNLOAD_BYTES = 20 * 2**20  # what the Bot API lets a bot download
MAX_UPLOAD_BYTES = 50 * 2**20  # what the Bot API lets a bot send
DOWNLOAD_TIMEOUT_S = 60.0


class PortabilityHandlers:
    """Bound-method handlers for export and import; every dependency by constructor."""

    def __init__(self, archives: Archives, *, clock: Clock | None = None) -> None:
        self._archives = archives
        self._waits = Waits(clock or SystemClock())
        self._busy = KeyedLocks()  # one export or import at a time per person

    def register(self, app: TelegramApp) -> None:
        app.add_handler(CommandHandler("export", self.on_export, filters=PRIVATE))
        app.add_handler(CommandHandler("import", self.on_import, filters=PRIVATE))
        app.add_handler(CallbackQueryHandler(self.on_export, pattern=f"^{MENU}$"))
        app.add_handler(
            CallbackQueryHandler(self.on_export_button, pattern=f"^({PLAIN}|{PROTECTED})$")
        )
        not_edited = ~filters.UpdateType.EDITED
        app.add_handler(
            MessageHandler(
                PRIVATE & filters.TEXT & not_edited & PassphraseMessages(self._waits),
                self.on_passphrase,
            )
        )
        app.add_handler(
            MessageHandler(
                PRIVATE & filters.Document.ALL & not_edited & ExportFiles(self._waits),
                self.on_file,
            )
        )

    # -- /export --------------------------------------------------------------

    async def on_export(self, update: Update, context: Context) -> None:
        """/export, or the /forget screen's button: the two ways to export."""
        user, chat_id = update.effective_user, _chat_id(update)
        if user is None or chat_id is None:
            return
        if update.callback_query is not None:
            await update.callback_query.answer()
        lang = user.language_code
        buttons = InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(texts.text("export_button", lang), callback_data=PLAIN)],
                [
                    InlineKeyboardButton(
                        texts.text("export_passphrase_button", lang), callback_data=PROTECTED
                    )
                ],
            ]
        )
        await _send(context, chat_id, texts.text("export_menu", lang), buttons)

    async def on_export_button(self, update: Update, context: Context) -> None:
        query, user, chat_id = update.callback_query, update.effective_user, _chat_id(update)
        if query is None or user is None or chat_id is None:
            return
        await query.answer()
        if query.data == PROTECTED:
            self._waits.expect(user.id, "export")
            await _ask_passphrase(context, chat_id, "passphrase_ask", user.language_code)
            return
        await self._export(context, chat_id, user, passphrase=None)

    async def _export(
        self, context: Context, chat_id: int, user: User, passphrase: str | None
    ) -> None:
        lang = user.language_code
        async with self._busy.hold(user.id):
            export = await self._archives.export(_key(user), passphrase)
        if export is None:
            await _send(context, chat_id, texts.text("export_nothing", lang))
            return
        if len(export.data) > MAX_UPLOAD_BYTES:
            log.warning("export_too_large_for_telegram", bytes=len(export.data))
            await _send(context, chat_id, texts.text("export_too_large", lang))
            return
        key = "export_ready_protected" if passphrase is not None else "export_ready"
        caption = texts.text(key, lang, sessions=str(export.sessions))
        bot = context.bot
        await deliver(
            lambda: bot.send_document(
                chat_id, export.data, filename=export.filename, caption=caption
            ),
            what="export_file",
            idempotent=False,
        )

    # -- /import ----------------------------------------------------------------

    async def on_import(self, update: Update, context: Context) -> None:
        user, chat_id = update.effective_user, _chat_id(update)
        if user is None or chat_id is None:
            return
        self._waits.expect(user.id, "file")
        await _send(context, chat_id, texts.text("import_ask", user.language_code))

    async def on_file(self, update: Update, context: Context) -> None:
        """A Lumen export sent as a file: fetched, checked, and imported (after asking
        for its passphrase if it is protected)."""
        admitted()  # a caption, if any, is not stored: this update is handled here
        message, user = update.effective_message, update.effective_user
        if message is None or user is None or message.document is None:
            return
        lang = user.language_code
        self._waits.drop(user.id)
        document = message.document
        if document.file_size is not None and document.file_size > MAX_DOWNLOAD_BYTES:
            await _send(context, message.chat_id, texts.text("import_too_large", lang))
            return
        data = await _download(context, document.file_id)
        if data is None:
            await _send(context, message.chat_id, texts.text("import_download_failed", lang))
            return
        if is_locked(data):
            self._waits.expect(user.id, "import", document.file_id)
            await _ask_passphrase(context, message.chat_id, "import_passphrase_ask", lang)
            return
        await self._restore(context, message.chat_id, user, data, None, None)

    async def _restore(
        self,
        context: Context,
        chat_id: int,
        user: User,
        data: bytes,
        passphrase: str | None,
        waiting: Waiting | None,
    ) -> None:
        lang = user.language_code
        try:
            async with self._busy.hold(user.id):
                restored = await self._archives.restore(_key(user), data, passphrase)
        except WrongPassphrase as exc:
            again = waiting is not None and self._waits.retry(user.id, waiting)
            log.info("import_refused", reason=type(exc).__name__, retry=again)
            key = "import_wrong_passphrase_retry" if again else exc.user_message
            await _send(context, chat_id, texts.text(key, lang))
            return
        except ArchiveRejected as exc:
            log.info("import_refused", reason=type(exc).__name__)
            await _send(context, chat_id, texts.text(exc.user_message, lang))
            return
        await _send(
            context, chat_id, texts.text("import_done", lang, sessions=str(restored.sessions))
        )

    # -- the passphrase -----------------------------------------------------------

    async def on_passphrase(self, update: Update, context: Context) -> None:
        """A passphrase: deleted from the chat at once, used, and forgotten. It is never
        stored, logged, screened into a turn or shown to the LLM."""
        admitted()  # handled here, never stored: the poller may confirm it
        message, user = update.effective_message, update.effective_user
        if message is None or user is None or message.text is None:
            return
        lang = user.language_code
        await _delete(context, message)
        waiting = self._waits.current(user.id)
        if waiting is None or waiting.purpose == "file":
            await _send(context, message.chat_id, texts.text("passphrase_expired", lang))
            return
        passphrase = message.text
        if len(normalized(passphrase).decode("utf-8", "surrogatepass")) < MIN_PASSPHRASE:
            await _send(context, message.chat_id, texts.text("passphrase_too_short", lang))
            return
        self._waits.take(user.id)
        if waiting.purpose == "export":
            await self._export(context, message.chat_id, user, passphrase)
            return
        data = await _download(context, waiting.file_id or "")
        if data is None:
            await _send(context, message.chat_id, texts.text("import_download_failed", lang))
            return
        await self._restore(context, message.chat_id, user, data, passphrase, waiting)

    async def leave(self, user_id: int) -> str | None:
        """/cancel (telegram/cancel.py): drop an open passphrase prompt, if any."""
        return "portability_cancelled" if self._waits.drop(user_id) else None


def _key(user: User) -> PersonKey:
    return PersonKey(PLATFORM, str(user.id))


def _chat_id(update: Update) -> int | None:
    chat = update.effective_chat
    return chat.id if chat is not None else None


async def _download(context: Context, file_id: str) -> bytes | None:
    """The file's bytes from the Bot API, or None if Telegram would not give them."""
    bot = context.bot
    try:
        async with asyncio.timeout(DOWNLOAD_TIMEOUT_S):
            file = await deliver(lambda: bot.get_file(file_id), what="get_file")
            return bytes(await deliver(file.download_as_bytearray, what="download_file"))
    except (DeliveryFailed, TimeoutError):
        log.info("export_file_not_downloaded")
        return None


async def _delete(context: Context, message: Message) -> None:
    bot = context.bot
    try:
        await deliver(
            lambda: bot.delete_message(message.chat_id, message.message_id),
            what="delete_passphrase",
        )
    except DeliveryFailed:
        log.warning("passphrase_not_deleted")
        lang = message.from_user.language_code if message.from_user else None
        await _send(context, message.chat_id, texts.text("passphrase_not_deleted", lang))


async def _ask_passphrase(context: Context, chat_id: int, key: str, lang: str | None) -> None:
    """The prompt asks for a reply (ForceReply), so the answer names the prompt."""
    markup = ForceReply(input_field_placeholder=texts.text("passphrase_placeholder", lang))
    await _send(context, chat_id, texts.text(key, lang), markup)


async def _send(
    context: Context,
    chat_id: int,
    text: str,
    markup: InlineKeyboardMarkup | ForceReply | None = None,
) -> None:
    bot = context.bot
    await deliver(
        lambda: bot.send_message(chat_id, text, reply_markup=markup),
        what="portability",
        idempotent=False,
    )
