"""The admins' review of flags in their private chat: /flags, /flag ID and buttons.

Only Telegram ids in LUMEN_ADMIN_IDS reach these handlers; anyone else sending
/flags meets the same reply as any unknown command, so nothing hints that they exist.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, ContextTypes, filters

from lumen_bot.errors import DeliveryFailed
from lumen_bot.harness.commands import whole_number
from lumen_bot.harness.flags import Flag
from lumen_bot.harness.review import Review
from lumen_bot.logs import events
from lumen_bot.telegram.bot import TelegramApp
from lumen_bot.telegram.delivery import deliver
from lumen_bot.telegram.formatting import plain_chunks

log = events(__name__)

Context = ContextTypes.DEFAULT_TYPE
PREFIX = "admin:"
BLOCK_DAYS = 7


def render_flag(flag: Flag, *, full: bool) -> str:
    """Plain text for an admin: what, why, and (in full) the sealed context."""
    detail = flag.detail
    lines = [
        f"Flag #{flag.id} · {flag.source.value} · {flag.status.value} · "
        f"{flag.created_at:%Y-%m-%d %H:%M} UTC",
        f"person {flag.person_id} · session {flag.session_id or '-'}",
        f"reason: {detail.reason}" + (f" (level {detail.level})" if detail.level else ""),
    ]
    if detail.forgotten:
        lines.append("content: deleted — the person used /forget (their key is destroyed)")
    if detail.evidence:
        lines.append("evidence:")
        lines.extend(f"  {item}" for item in detail.evidence)
    if detail.note:
        lines.append(f"their note: «{detail.note}»")
    if full:
        if detail.reported:
            lines.append(f"reported message: «{detail.reported}»")
        if detail.context:
            lines.append("context:")
            lines.extend(f"  {speaker}: {text}" for speaker, text in detail.context)
    return "\n".join(lines)


def flag_buttons(flag: Flag) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("View context", callback_data=f"{PREFIX}view:{flag.id}"),
                InlineKeyboardButton("Resolve", callback_data=f"{PREFIX}resolve:{flag.id}"),
            ],
            [
                InlineKeyboardButton("Dismiss", callback_data=f"{PREFIX}dismiss:{flag.id}"),
                InlineKeyboardButton(
                    f"Block {BLOCK_DAYS} days", callback_data=f"{PREFIX}block:{flag.id}"
                ),
            ],
        ]
    )


class AdminHandlers:
    def __init__(self, review: Review, admin_ids: frozenset[int]) -> None:
        self._review = review
        self._admins = admin_ids

    def register(self, app: TelegramApp) -> None:
        """Admin commands go before the general handlers (group 0, registered first)."""
        if not self._admins:
            return
        only_admins = filters.ChatType.PRIVATE & filters.User(user_id=self._admins)
        app.add_handler(CommandHandler("flags", self.on_flags, filters=only_admins))
        app.add_handler(CommandHandler("flag", self.on_flag, filters=only_admins))
        app.add_handler(CallbackQueryHandler(self.on_button, pattern=f"^{PREFIX}"))

    async def on_flags(self, update: Update, context: Context) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        queue = await self._review.queue()
        bot = context.bot
        if not queue:
            await deliver(lambda: bot.send_message(chat.id, "No open flags."), what="flags")
            return
        for flag in queue:
            text = render_flag(flag, full=False)
            await deliver(
                lambda text=text, flag=flag: bot.send_message(  # type: ignore[misc]
                    chat.id, text, reply_markup=flag_buttons(flag)
                ),
                what="flags",
            )

    async def on_flag(self, update: Update, context: Context) -> None:
        chat = update.effective_chat
        user = update.effective_user
        if chat is None or user is None:
            return
        args = context.args or []
        flag_id = whole_number(args[0].lstrip("#")) if len(args) == 1 else None
        flag = None if flag_id is None else await self._review.show(flag_id, actor=_actor(user.id))
        bot = context.bot
        if flag is None:
            await deliver(
                lambda: bot.send_message(chat.id, "Usage: /flag ID (an open or closed flag)."),
                what="flag",
            )
            return
        await self._send_full(context, chat.id, flag)

    async def on_button(self, update: Update, context: Context) -> None:
        query = update.callback_query
        user = update.effective_user
        chat = update.effective_chat
        if query is None or user is None or chat is None:
            return
        if user.id not in self._admins:
            await query.answer()
            return
        action, _, raw_id = (query.data or "").removeprefix(PREFIX).partition(":")
        flag_id, actor = whole_number(raw_id), _actor(user.id)
        if flag_id is None:
            await query.answer("Unknown button.")
            return
        if action == "view":
            flag = await self._review.show(flag_id, actor=actor)
            await query.answer()
            if flag is not None:
                await self._send_full(context, chat.id, flag)
            return
        done = f"{action} done"
        if action in ("resolve", "dismiss"):
            close = self._review.resolve if action == "resolve" else self._review.dismiss
            closed = await close(flag_id, actor=actor)
            flag = None if closed is None else closed.flag
            if closed is not None and closed.already:
                done = f"already {closed.flag.status.value}, nothing changed"
        elif action == "block":
            flag = await self._review.block(flag_id, actor=actor, days=BLOCK_DAYS)
        else:
            await query.answer("Unknown button.")
            return
        if flag is None:
            await query.answer("That flag is gone.")
            return
        await query.answer(f"Flag #{flag.id}: {done}.")
        try:
            await deliver(
                lambda: query.edit_message_text(render_flag(flag, full=False)),
                what="flag_button",
            )
        except DeliveryFailed:
            log.info("flag_message_not_updated", flag=flag.id)

    async def _send_full(self, context: Context, chat_id: int, flag: Flag) -> None:
        bot = context.bot
        parts = plain_chunks(render_flag(flag, full=True))
        for index, part in enumerate(parts):
            markup = flag_buttons(flag) if index == len(parts) - 1 else None
            await deliver(
                lambda part=part, markup=markup: bot.send_message(  # type: ignore[misc]
                    chat_id, part, reply_markup=markup
                ),
                what="flag",
            )


def _actor(user_id: int) -> str:
    return f"telegram:{user_id}"
