"""The rhythm of sessions in Telegram: /remind, /timezone (or a shared location), /pause,
/resume, and the "End session" button under a reply that suggests closing.

Register these before `TelegramHandlers`: its catch-alls (unknown buttons, anything
that is not text) would otherwise take their updates.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import datetime, timedelta

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update, User
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from lumen_bot import texts
from lumen_bot.errors import DeliveryFailed
from lumen_bot.harness.clock import SystemClock
from lumen_bot.harness.locks import KeyedLocks
from lumen_bot.harness.mentor import Mentor
from lumen_bot.harness.model import PersonKey
from lumen_bot.harness.ports import Clock
from lumen_bot.harness.reminders import Reminders
from lumen_bot.harness.rhythm import Cadence, Rhythm, parse_time_of_day, when
from lumen_bot.harness.store_ports import Store
from lumen_bot.logs import events
from lumen_bot.telegram.bot import TelegramApp
from lumen_bot.telegram.delivery import deliver, is_not_modified
from lumen_bot.telegram.handlers import PRIVATE, Context
from lumen_bot.telegram.reply import END, PLATFORM, TelegramReply
from lumen_bot.telegram.rhythm_menu import ONCE, RHYTHM, chosen, keyboard, status
from lumen_bot.timezones import zone_at, zone_named

log = events(__name__)

# A reply's "End session" button is stale if the reply is older than the session that
# is open now (its own session closed since): a little slack for Telegram's clock.
STALE_SLACK = timedelta(seconds=5)


class RhythmHandlers:
    """Bound-method handlers for the rhythm; every dependency through the constructor."""

    def __init__(
        self,
        reminders: Reminders,
        mentor: Mentor,
        people: Store,
        *,
        clock: Clock | None = None,
    ) -> None:
        self._reminders = reminders
        self._mentor = mentor
        self._people = people
        self._clock = clock or SystemClock()
        # One change at a time per person: a choice is read, changed and written back,
        # and two quick presses must not undo each other.
        self._changing = KeyedLocks()

    def register(self, app: TelegramApp) -> None:
        app.add_handler(CommandHandler("remind", self.on_remind, filters=PRIVATE))
        app.add_handler(CommandHandler("timezone", self.on_timezone, filters=PRIVATE))
        app.add_handler(CommandHandler("pause", self.on_pause, filters=PRIVATE))
        app.add_handler(CommandHandler("resume", self.on_resume, filters=PRIVATE))
        app.add_handler(
            MessageHandler(
                PRIVATE & filters.LOCATION & ~filters.UpdateType.EDITED, self.on_location
            )
        )
        app.add_handler(CallbackQueryHandler(self.on_rhythm_button, pattern=f"^{RHYTHM}"))
        app.add_handler(CallbackQueryHandler(self.on_end_button, pattern=f"^{END}$"))

    async def _person_id(self, user: User) -> int:
        person = await self._people.person(PersonKey(PLATFORM, str(user.id)), self._clock.now())
        return person.id

    # -- /remind and its buttons ---------------------------------------------

    async def on_remind(self, update: Update, context: Context) -> None:
        """The menu; `/remind 7:30` or `/remind 7pm` first sets the time of day."""
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        lang = user.language_code
        args = " ".join(context.args or [])
        async with self._changing.hold(user.id):
            person_id = await self._person_id(user)
            rhythm = await self._reminders.rhythm(person_id)
            if args:
                at = parse_time_of_day(args)
                if at is None:
                    await _send(message, texts.text("remind_time_unknown", lang))
                    return
                rhythm = replace(rhythm, at=at)
                await self._reminders.set_rhythm(person_id, rhythm)
                log.info("rhythm_time_set", person=person_id)
            next_due = await self._reminders.next_reminder_at(person_id)
        await _send(message, self._status(rhythm, next_due, lang), keyboard(rhythm, lang))

    def _status(self, rhythm: Rhythm, next_due: datetime | None, lang: str | None) -> str:
        return status(rhythm, next_due, self._reminders.policy, lang)

    async def on_rhythm_button(self, update: Update, context: Context) -> None:
        """A menu button: the choice is stored, and the menu edited to show it."""
        query, user = update.callback_query, update.effective_user
        if query is None or user is None:
            return
        lang = user.language_code
        async with self._changing.hold(user.id):
            person_id = await self._person_id(user)
            rhythm = await self._reminders.rhythm(person_id)
            if (query.data or "") == RHYTHM + ONCE:
                if rhythm.cadence is Cadence.ON_REQUEST and not rhythm.paused:
                    await self._reminders.remind_once(person_id)
                    log.info("reminder_requested", person=person_id)
            elif (wanted := chosen(rhythm, query.data or "")) is None:
                await query.answer()
                return
            elif wanted != rhythm:
                rhythm = wanted
                await self._reminders.set_rhythm(person_id, rhythm)
            next_due = await self._reminders.next_reminder_at(person_id)
        text = self._status(rhythm, next_due, lang)
        menu = query.message
        if not isinstance(menu, Message) or not menu.is_accessible:  # too old to edit
            await query.answer(texts.text("rhythm_saved", lang))
            return
        await query.answer()

        async def edit() -> None:
            try:
                await menu.edit_text(text, reply_markup=keyboard(rhythm, lang))
            except BadRequest as exc:
                if not is_not_modified(exc):  # pressed twice: already showing this
                    raise

        try:
            await deliver(edit, what="rhythm_menu")
        except DeliveryFailed:
            log.info("rhythm_menu_not_updated")

    # -- /timezone and a shared location -------------------------------------

    async def on_timezone(self, update: Update, context: Context) -> None:
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        lang = user.language_code
        wanted = " ".join(context.args or []).strip()
        if not wanted:
            rhythm = await self._reminders.rhythm(await self._person_id(user))
            await _send(message, texts.text("timezone_ask", lang, zone=rhythm.tz or "UTC"))
            return
        zone = await asyncio.to_thread(zone_named, wanted)  # the first reads the city table
        if zone is None:
            await _send(message, texts.text("timezone_unknown", lang))
            return
        await self._set_zone(message, user, zone, "timezone_set")

    async def on_location(self, update: Update, context: Context) -> None:
        """A shared location sets the time zone; the place itself is neither kept nor logged."""
        message, user = update.effective_message, update.effective_user
        if message is None or user is None or message.location is None:
            return
        zone = zone_at(message.location.latitude, message.location.longitude)
        if zone is None:
            await _send(message, texts.text("timezone_location_unknown", user.language_code))
            return
        await self._set_zone(message, user, zone, "timezone_from_location")

    async def _set_zone(self, message: Message, user: User, zone: str, key: str) -> None:
        lang = user.language_code
        async with self._changing.hold(user.id):
            person_id = await self._person_id(user)
            rhythm = replace(await self._reminders.rhythm(person_id), tz=zone)
            await self._reminders.set_rhythm(person_id, rhythm)
            next_due = await self._reminders.next_reminder_at(person_id)
        log.info("timezone_set", person=person_id, by="location" if "location" in key else "name")
        now = self._clock.now().astimezone(rhythm.zone)
        lines = [texts.text(key, lang, zone=zone, time=f"{now:%H:%M}")]
        if next_due is not None and not rhythm.paused:
            lines.append(texts.text("rhythm_next", lang, when=when(next_due, rhythm)))
        await _send(message, "\n\n".join(lines))

    # -- /pause and /resume ---------------------------------------------------

    async def on_pause(self, update: Update, context: Context) -> None:
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        async with self._changing.hold(user.id):
            person_id = await self._person_id(user)
            await self._reminders.pause(person_id)
        log.info("reminders_paused", person=person_id)
        await _send(message, texts.text("reminders_paused", user.language_code))

    async def on_resume(self, update: Update, context: Context) -> None:
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        lang = user.language_code
        async with self._changing.hold(user.id):
            person_id = await self._person_id(user)
            await self._reminders.resume(person_id)
            rhythm = await self._reminders.rhythm(person_id)
            next_due = await self._reminders.next_reminder_at(person_id)
        log.info("reminders_resumed", person=person_id)
        if rhythm.cadence is Cadence.ON_REQUEST:
            said = texts.text("reminders_resumed_ask", lang)
        elif rhythm.cadence is Cadence.OFF:
            said = texts.text("reminders_resumed_off", lang)
        elif next_due is not None:
            said = texts.text("reminders_resumed_next", lang, when=when(next_due, rhythm))
        else:
            said = texts.text("reminders_resumed_later", lang)
        await _send(message, said)

    # -- the "End session" button ----------------------------------------------

    async def on_end_button(self, update: Update, context: Context) -> None:
        """What /end does, for the presser's own session; pressed again, the ordinary
        "no open session". A button under a reply from an earlier session ends nothing."""
        query, user = update.callback_query, update.effective_user
        if query is None or user is None:
            return
        await query.answer()
        key = PersonKey(PLATFORM, str(user.id))
        chat_id = query.message.chat.id if query.message is not None else user.id
        reply = TelegramReply(
            context.bot, chat_id, draft_id=1, interval_s=0, lang=user.language_code
        )
        if await self._from_earlier_session(key, query):
            await reply.notice("end_button_stale")
            return
        ended = await self._mentor.end(key, reply, by="end")
        if ended and query.message is not None and query.message.is_accessible:
            try:
                await deliver(lambda: query.edit_message_reply_markup(None), what="end_button")
            except DeliveryFailed:
                log.info("end_button_not_removed")

    async def _from_earlier_session(self, key: PersonKey, query: CallbackQuery) -> bool:
        person = await self._people.find_person(key)
        session = await self._people.active_session(person.id) if person else None
        if session is None or query.message is None:
            return False  # nothing open (the ordinary answer follows), or nothing to compare
        return query.message.date + STALE_SLACK < session.opened_at


async def _send(message: Message, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Send `text` (and buttons) to the chat `message` came from."""
    await deliver(
        lambda: message.get_bot().send_message(message.chat_id, text, reply_markup=markup),
        what="rhythm",
        idempotent=False,
    )
