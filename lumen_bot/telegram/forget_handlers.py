"""The person's say over their data in Telegram: /forget (with a last offer to export),
/retention and /insights, each with buttons.

Register these before `TelegramHandlers`: its catch-all for unknown buttons would
otherwise take their presses. A press in someone else's chat never arrives here
(`handlers._ignored`); a second press, or a stale one, deletes nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from lumen_bot import texts
from lumen_bot.errors import DeliveryFailed
from lumen_bot.harness.clock import SystemClock
from lumen_bot.harness.commands import whole_number
from lumen_bot.harness.locks import KeyedLocks
from lumen_bot.harness.model import PersonKey
from lumen_bot.harness.ports import Clock
from lumen_bot.harness.privacy import (
    RETENTION_CHOICES,
    Forgetting,
    InsightsChoice,
    Retention,
    RetentionChoice,
)
from lumen_bot.harness.store_ports import Store
from lumen_bot.logs import events
from lumen_bot.telegram.bot import TelegramApp
from lumen_bot.telegram.delivery import deliver
from lumen_bot.telegram.handlers import PRIVATE, Context
from lumen_bot.telegram.reply import PLATFORM

log = events(__name__)

EXPORT = "privacy:export"  # answered by the export handler, not here
CONFIRM = "forget:confirm"
CANCEL = "forget:cancel"
RETENTION = "retention:"
INSIGHTS = "insights:"
CONFIRM_WITHIN = timedelta(minutes=15)  # a /forget menu older than this deletes nothing
CLOCK_SLACK = timedelta(seconds=5)  # Telegram's clock against ours


class ForgetHandlers:
    """Bound-method handlers for /forget, /retention and /insights."""

    def __init__(
        self,
        forgetting: Forgetting,
        retention: Retention,
        insights: InsightsChoice,
        people: Store,
        *,
        clock: Clock | None = None,
    ) -> None:
        self._forgetting = forgetting
        self._retention = retention
        self._insights = insights
        self._people = people
        self._clock = clock or SystemClock()
        self._pressing = KeyedLocks()  # one press at a time per person: a double tap is one

    def register(self, app: TelegramApp) -> None:
        app.add_handler(CommandHandler("forget", self.on_forget, filters=PRIVATE))
        app.add_handler(CommandHandler("retention", self.on_retention, filters=PRIVATE))
        app.add_handler(CommandHandler("insights", self.on_insights, filters=PRIVATE))
        app.add_handler(CallbackQueryHandler(self.on_forget_button, pattern="^forget:"))
        app.add_handler(CallbackQueryHandler(self.on_retention_button, pattern=f"^{RETENTION}"))
        app.add_handler(CallbackQueryHandler(self.on_insights_button, pattern=f"^{INSIGHTS}"))

    # -- /forget ---------------------------------------------------------------

    async def on_forget(self, update: Update, context: Context) -> None:
        """What will be deleted, that it is final, and three buttons (export first)."""
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        lang = user.language_code
        if await self._people.find_person(PersonKey(PLATFORM, str(user.id))) is None:
            await _send(message, texts.text("forget_nothing", lang))
            return
        buttons = InlineKeyboardMarkup(
            [
                [_button("forget_button_export", EXPORT, lang)],
                [_button("forget_button_confirm", CONFIRM, lang)],
                [_button("forget_button_cancel", CANCEL, lang)],
            ]
        )
        await _send(message, texts.text("forget_ask", lang), buttons)

    async def on_forget_button(self, update: Update, context: Context) -> None:
        query, user = update.callback_query, update.effective_user
        if query is None or user is None:
            return
        await query.answer()
        lang = user.language_code
        if query.data != CONFIRM:
            await _edit(query, texts.text("forget_cancelled", lang))
            return
        key = PersonKey(PLATFORM, str(user.id))
        async with self._pressing.hold(user.id):
            person = await self._people.find_person(key)
            if person is None:
                await _edit(query, texts.text("forget_nothing", lang))
                return
            if self._stale(query, person.created_at):
                await _edit(query, texts.text("forget_stale", lang))
                return
            await _edit(query, texts.text("forget_working", lang))
            forgotten = await self._forgetting.forget(key)
        log.info("forget_confirmed", done=forgotten)
        chat_id = query.message.chat.id if query.message is not None else user.id
        bot = context.bot
        await deliver(
            lambda: bot.send_message(chat_id, texts.text("forget_done", lang)),
            what="forget_done",
            idempotent=False,
        )

    def _stale(self, query: CallbackQuery, person_since: datetime) -> bool:
        """A menu too old to act on, or one from before the person began anew."""
        if query.message is None:
            return True
        sent = query.message.date
        return self._clock.now() - sent > CONFIRM_WITHIN or sent + CLOCK_SLACK < person_since

    # -- /retention ------------------------------------------------------------

    async def on_retention(self, update: Update, context: Context) -> None:
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        choice = await self._retention.choice(await self._person_id(user.id))
        lang = user.language_code
        await _send(message, _retention_text(choice, lang), _retention_buttons(choice, lang))

    async def on_retention_button(self, update: Update, context: Context) -> None:
        query, user = update.callback_query, update.effective_user
        if query is None or user is None:
            return
        await query.answer()
        raw = (query.data or "").removeprefix(RETENTION)
        days = None if raw == "off" else whole_number(raw)
        if raw != "off" and days is None:
            return  # not a button we make
        if days is not None and days not in RETENTION_CHOICES:
            return  # not a button we make
        async with self._pressing.hold(user.id):
            choice = await self._retention.choose(await self._person_id(user.id), days)
        lang = user.language_code
        await _edit(query, _retention_text(choice, lang), _retention_buttons(choice, lang))

    # -- /insights -------------------------------------------------------------

    async def on_insights(self, update: Update, context: Context) -> None:
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        counted = await self._insights.counted(await self._person_id(user.id))
        lang = user.language_code
        await _send(message, _insights_text(counted, lang), _insights_buttons(counted, lang))

    async def on_insights_button(self, update: Update, context: Context) -> None:
        query, user = update.callback_query, update.effective_user
        if query is None or user is None:
            return
        await query.answer()
        raw = (query.data or "").removeprefix(INSIGHTS)
        if raw not in ("on", "off"):
            return
        counted = raw == "on"
        async with self._pressing.hold(user.id):
            await self._insights.choose(await self._person_id(user.id), counted)
        lang = user.language_code
        await _edit(query, _insights_text(counted, lang), _insights_buttons(counted, lang))

    async def _person_id(self, user_id: int) -> int:
        person = await self._people.person(PersonKey(PLATFORM, str(user_id)), self._clock.now())
        return person.id


def _retention_text(choice: RetentionChoice, lang: str | None) -> str:
    effective = choice.effective
    lines = [
        texts.text("retention_days", lang, days=str(effective))
        if effective
        else texts.text("retention_kept", lang)
    ]
    if choice.global_days and effective == choice.global_days != choice.personal:
        # Why it is not (only) the person's own choice: Lumen's setting is shorter.
        lines.append(texts.text("retention_global", lang, days=str(choice.global_days)))
    lines.append(texts.text("retention_about", lang))
    return "\n\n".join(lines)


def _retention_buttons(choice: RetentionChoice, lang: str | None) -> InlineKeyboardMarkup:
    def mark(label: str, chosen: bool) -> str:
        return f"✓ {label}" if chosen else label

    row = [
        InlineKeyboardButton(
            mark(texts.text("retention_button_off", lang), choice.personal is None),
            callback_data=f"{RETENTION}off",
        )
    ]
    row += [
        InlineKeyboardButton(
            mark(texts.text("retention_button_days", lang, days=str(d)), choice.personal == d),
            callback_data=f"{RETENTION}{d}",
        )
        for d in RETENTION_CHOICES
    ]
    return InlineKeyboardMarkup([row[:2], row[2:]])


def _insights_text(counted: bool, lang: str | None) -> str:
    return texts.text("insights_on" if counted else "insights_off", lang)


def _insights_buttons(counted: bool, lang: str | None) -> InlineKeyboardMarkup:
    on = texts.text("insights_button_on", lang)
    off = texts.text("insights_button_off", lang)
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(f"✓ {on}" if counted else on, callback_data=f"{INSIGHTS}on"),
                InlineKeyboardButton(
                    off if counted else f"✓ {off}", callback_data=f"{INSIGHTS}off"
                ),
            ]
        ]
    )


def _button(key: str, data: str, lang: str | None) -> InlineKeyboardButton:
    return InlineKeyboardButton(texts.text(key, lang), callback_data=data)


async def _send(message: Message, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    await deliver(
        lambda: message.get_bot().send_message(message.chat_id, text, reply_markup=markup),
        what="privacy_choice",
        idempotent=False,
    )


async def _edit(
    query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Show the outcome in place of the menu (its buttons gone, or the new choice ticked)."""
    menu = query.message
    if not isinstance(menu, Message) or not menu.is_accessible:
        return
    try:
        await deliver(lambda: menu.edit_text(text, reply_markup=markup), what="privacy_menu")
    except DeliveryFailed:
        log.info("privacy_menu_not_updated")
