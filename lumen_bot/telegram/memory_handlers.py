"""/memory in Telegram: the Arc section by section, the notebooks, and "That's not right".

Register these before `TelegramHandlers`: their text handler must see a message
first, to take it as a correction when Lumen has just asked what is not right
(otherwise it goes on to the conversation, `conversation`), and their buttons
would otherwise fall to its catch-all.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update, User
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from lumen_bot import texts
from lumen_bot.harness.commands import whole_number
from lumen_bot.harness.memory import Asked, Memory
from lumen_bot.harness.model import Inbound, PersonKey
from lumen_bot.logs import events
from lumen_bot.telegram.bot import TelegramApp
from lumen_bot.telegram.delivery import deliver
from lumen_bot.telegram.formatting import Chunk, plain_chunks, render, well_formed
from lumen_bot.telegram.handlers import PRIVATE, Context
from lumen_bot.telegram.polling import admitted
from lumen_bot.telegram.reply import PLATFORM, TelegramReply

log = events(__name__)

FIX = "memory:fix:"  # + "<arc version>:<section index>": "That's not right"
NOTEBOOK = "memory:nb:"  # + "<session number>": read that session's notebook
NOTEBOOK_BUTTONS = 40  # per message: Telegram allows about a hundred buttons on one
Handler = Callable[[Update, Context], Awaitable[None]]


class MemoryHandlers:
    """Bound-method handlers for /memory and corrections; dependencies by constructor."""

    def __init__(self, memory: Memory, conversation: Handler, *, stream_interval_s: float) -> None:
        self._memory = memory
        self._conversation = conversation
        self._interval_s = stream_interval_s

    def register(self, app: TelegramApp) -> None:
        app.add_handler(CommandHandler("memory", self.on_memory, filters=PRIVATE))
        app.add_handler(CallbackQueryHandler(self.on_fix_button, pattern=f"^{FIX}"))
        app.add_handler(CallbackQueryHandler(self.on_notebook_button, pattern=f"^{NOTEBOOK}"))
        app.add_handler(
            MessageHandler(
                PRIVATE & filters.TEXT & ~filters.COMMAND & ~filters.UpdateType.EDITED,
                self.on_text,
            )
        )
        # After whatever handles a command (group 0): any command leaves an open question.
        app.add_handler(MessageHandler(PRIVATE & filters.COMMAND, self.on_any_command), group=1)

    # -- reading ----------------------------------------------------------------

    async def on_memory(self, update: Update, context: Context) -> None:
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        lang = user.language_code
        view = await self._memory.view(_key(user))
        if view.arc is None:
            await _send(message, [Chunk(texts.text("memory_no_arc", lang))])
        else:
            await _send(message, [Chunk(texts.text("memory_intro", lang))])
            for index, section in enumerate(view.sections):
                button = InlineKeyboardButton(
                    texts.text("memory_fix_button", lang),
                    callback_data=f"{FIX}{view.arc.version}:{index}",
                )
                await _send(message, render(section.text), InlineKeyboardMarkup([[button]]))
        if not view.notebooks:
            await _send(message, [Chunk(texts.text("memory_no_notebooks", lang))])
            return
        buttons = [
            InlineKeyboardButton(
                texts.text(
                    "memory_notebook_button",
                    lang,
                    number=str(entry.session_number),
                    date=_day(entry.written_at),
                ),
                callback_data=f"{NOTEBOOK}{entry.session_number}",
            )
            for entry in reversed(view.notebooks)  # the newest first
        ]
        for start in range(0, len(buttons), NOTEBOOK_BUTTONS):
            page = buttons[start : start + NOTEBOOK_BUTTONS]
            rows = [page[i : i + 2] for i in range(0, len(page), 2)]
            await _send(
                message,
                [Chunk(texts.text("memory_notebooks", lang))],
                InlineKeyboardMarkup(rows),
            )

    async def on_notebook_button(self, update: Update, context: Context) -> None:
        query, user = update.callback_query, update.effective_user
        if query is None or user is None:
            return
        await query.answer()
        message = query.message if isinstance(query.message, Message) else None
        raw = (query.data or "").removeprefix(NOTEBOOK)
        number = whole_number(raw)
        notebook = None if number is None else await self._memory.notebook(_key(user), number)
        lang = user.language_code
        chat_id = message.chat_id if message else user.id
        if notebook is None:
            await _send_to(context, chat_id, plain(texts.text("memory_notebook_missing", lang)))
            return
        title = texts.text(
            "memory_notebook_title",
            lang,
            number=str(notebook.session_number),
            date=_day(notebook.created_at),
        )
        await _send_to(context, chat_id, plain(title))
        await _send_to(context, chat_id, render(notebook.text))

    # -- correcting ---------------------------------------------------------------

    async def on_fix_button(self, update: Update, context: Context) -> None:
        """ "That's not right": Lumen asks what; the next message is the correction."""
        query, user = update.callback_query, update.effective_user
        if query is None or user is None:
            return
        await query.answer()
        version, _, index = (query.data or "").removeprefix(FIX).partition(":")
        lang = user.language_code
        arc_version, section = whole_number(version), whole_number(index)
        if arc_version is not None and section is not None:
            asked, heading = await self._memory.ask(_key(user), arc_version, section)
        else:
            asked, heading = Asked.STALE, ""
        if asked is Asked.ASKED:
            said = (
                texts.text("memory_ask", lang, section=heading)
                if heading
                else texts.text("memory_ask_opening", lang)
            )
        else:
            said = texts.text(f"memory_{asked.value}", lang)
        chat_id = query.message.chat.id if query.message is not None else user.id
        await _send_to(context, chat_id, plain(said))

    async def on_text(self, update: Update, context: Context) -> None:
        """A correction if Lumen just asked for one; otherwise the conversation's."""
        message, user = update.effective_message, update.effective_user
        if message is None or user is None or message.text is None:
            return
        inbound = Inbound(
            person=_key(user),
            text=well_formed(message.text),
            at=message.date,
            source_key=f"tg:{message.chat_id}:{message.message_id}",
            locale=user.language_code,
            on_admitted=admitted,
        )
        reply = TelegramReply(
            message.get_bot(),
            message.chat_id,
            draft_id=message.message_id,
            interval_s=self._interval_s,
            lang=user.language_code,
        )
        if await self._memory.take(inbound, reply):
            return
        await self._conversation(update, context)

    async def leave(self, user_id: int) -> str | None:
        """/cancel (telegram/cancel.py): leave an open "what's not right?", if any."""
        left = await self._memory.leave(PersonKey(PLATFORM, str(user_id)))
        return "memory_cancelled" if left else None

    async def on_any_command(self, update: Update, context: Context) -> None:
        user = update.effective_user
        if user is not None:
            await self._memory.leave(_key(user))


def _key(user: User) -> PersonKey:
    return PersonKey(PLATFORM, str(user.id))


def _day(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d}"


def plain(text: str) -> list[Chunk]:
    return [Chunk(part) for part in plain_chunks(text)]


async def _send(
    message: Message, chunks: list[Chunk], markup: InlineKeyboardMarkup | None = None
) -> None:
    await _send_chunks(message.get_bot().send_message, message.chat_id, chunks, markup)


async def _send_to(
    context: Context, chat_id: int, chunks: list[Chunk], markup: InlineKeyboardMarkup | None = None
) -> None:
    await _send_chunks(context.bot.send_message, chat_id, chunks, markup)


async def _send_chunks(
    send: Callable[..., Awaitable[object]],
    chat_id: int,
    chunks: list[Chunk],
    markup: InlineKeyboardMarkup | None,
) -> None:
    """Each chunk as one message (Telegram's size limit); the buttons under the last."""
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1

        async def call(chunk: Chunk = chunk, last: bool = last) -> object:
            return await send(
                chat_id,
                chunk.text,
                entities=list(chunk.entities),
                reply_markup=markup if last else None,
            )

        await deliver(call, what="memory", idempotent=False)
