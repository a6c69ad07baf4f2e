"""The ReplyChannel for one Telegram chat: typing, streamed drafts, final messages.

Partial text goes out as a `sendMessageDraft` preview (private chats). If
Telegram refuses drafts, one placeholder message is edited instead, at a
throttled pace. The final answer is always sent (or edited into the
placeholder) as real messages, split to Telegram's size limit.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ChatAction
from telegram.error import BadRequest

from lumen_bot import texts
from lumen_bot.errors import DeliveryFailed
from lumen_bot.harness.model import PersonKey
from lumen_bot.harness.ports import Field, PartDelivered
from lumen_bot.logs import events
from lumen_bot.telegram.delivery import deliver, is_not_modified
from lumen_bot.telegram.formatting import Chunk, draft_preview, plain_chunks, render
from lumen_bot.telegram.pacing import Courtesy

log = events(__name__)
PLATFORM = "telegram"
SAFE_NOW = "safe"  # callback data of the "I'm safe for now" button: "safe:<lang>"
END = "end"  # callback data of the "End session" button under a reply that suggests it


class TelegramReply:
    """Implements `harness.ports.ReplyChannel` for one private chat and one answer."""

    def __init__(
        self,
        bot: Bot,
        chat_id: int,
        *,
        draft_id: int,
        interval_s: float,
        lang: str | None = None,
        courtesy: Courtesy | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._bot = bot
        self._chat_id = chat_id
        self._draft_id = draft_id or 1  # Telegram wants a non-zero id
        self._interval_s = interval_s
        self._lang = lang
        self._courtesy = courtesy or Courtesy(monotonic=monotonic)
        self._monotonic = monotonic
        self._drafts_work = True
        self._placeholder: Message | None = None
        self._last_shown_at: float | None = None
        self._last_preview = ""

    async def typing(self) -> None:
        if not self._courtesy.take():
            return  # many people are being answered: their answers come first
        try:
            await self._bot.send_chat_action(self._chat_id, ChatAction.TYPING)
        except Exception:  # noqa: BLE001 - a lost typing hint must never cost the answer
            log.debug("typing_failed")

    async def partial(self, markdown: str) -> None:
        now = self._monotonic()
        if self._last_shown_at is not None and now - self._last_shown_at < self._interval_s:
            return
        if not self._courtesy.take():
            return  # no preview now; the next text tries again (see pacing.py)
        preview = draft_preview(markdown)
        if not preview.text.strip() or preview.text == self._last_preview:
            return
        self._last_shown_at = now
        self._last_preview = preview.text
        if self._drafts_work and await self._draft(preview):
            return
        try:
            await self._show_in_placeholder(preview)
        except DeliveryFailed:
            log.info("preview_failed")

    async def _draft(self, preview: Chunk) -> bool:
        """Show a draft; on the first refusal, switch this reply to placeholder edits."""
        try:
            await self._bot.send_message_draft(
                self._chat_id, self._draft_id, text=preview.text, entities=list(preview.entities)
            )
        except Exception as exc:  # noqa: BLE001 - any refusal: fall back to edits
            self._drafts_work = False
            log.info("draft_fallback", error=type(exc).__name__)
            return False
        return True

    async def _show_in_placeholder(
        self, chunk: Chunk, markup: InlineKeyboardMarkup | None = None
    ) -> None:
        if self._placeholder is None:
            self._placeholder = await deliver(
                lambda: self._bot.send_message(
                    self._chat_id, chunk.text, entities=list(chunk.entities), reply_markup=markup
                ),
                what="send_placeholder",
                idempotent=False,
            )
            return
        placeholder = self._placeholder

        async def edit() -> None:
            try:
                await placeholder.edit_text(
                    chunk.text, entities=list(chunk.entities), reply_markup=markup
                )
            except BadRequest as exc:
                if not is_not_modified(exc):
                    raise

        await deliver(edit, what="edit_placeholder")

    async def final(
        self,
        markdown: str,
        *,
        offer_end: bool = False,
        skip: int = 0,
        on_part: PartDelivered | None = None,
    ) -> None:
        """The answer as messages of Telegram's size (parts); the first fills the
        placeholder of a streamed preview, if there is one. Parts an earlier attempt
        delivered (`skip`) are not sent again; `on_part` hears of each part that reached
        the person while more are to follow."""
        chunks = render(markdown)
        end_button = (
            InlineKeyboardMarkup(
                [[InlineKeyboardButton(texts.text("end_button", self._lang), callback_data=END)]]
            )
            if offer_end
            else None
        )
        last = len(chunks) - 1
        for index in range(skip, len(chunks)):
            markup = end_button if index == last else None
            if index == 0 and self._placeholder is not None:
                try:
                    await self._show_in_placeholder(chunks[0], markup)
                except DeliveryFailed:  # the edit was refused: send it as a new message
                    await self._send(chunks[0], markup=markup)
            else:
                await self._send(chunks[index], markup=markup)
            if index < last and on_part is not None:
                await on_part(index + 1)

    async def plain(self, text: str) -> None:
        for part in plain_chunks(text):
            await self._send(Chunk(part, ()))

    async def crisis(self, text: str, help_url: str, *, lang: str) -> None:
        """Resources with two buttons: reach someone now, or say "I'm safe for now". The
        buttons speak the resources' language, and the second carries it, so the answer
        to it does too (`safe_now_language`)."""
        keyboard = InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(texts.text("talk_now_button", lang), url=help_url)],
                [
                    InlineKeyboardButton(
                        texts.text("safe_now_button", lang), callback_data=f"{SAFE_NOW}:{lang}"
                    )
                ],
            ]
        )
        parts = plain_chunks(text)
        for index, part in enumerate(parts):
            markup = keyboard if index == len(parts) - 1 else None
            await self._send(Chunk(part, ()), markup=markup)

    async def notice(self, key: str, **fields: Field) -> None:
        await self.plain(texts.text(key, self._lang, **fields))

    async def _send(self, chunk: Chunk, *, markup: InlineKeyboardMarkup | None = None) -> None:
        await deliver(
            lambda: self._bot.send_message(
                self._chat_id, chunk.text, entities=list(chunk.entities), reply_markup=markup
            ),
            what="send_message",
            idempotent=False,
        )


class TelegramNotifier:
    """Implements `harness.ports.Notifier`: in a private chat, chat id = user id. Lumen's
    own words speak the locale the harness names (the `language_code` the person last
    wrote with)."""

    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def send(self, person: PersonKey, markdown: str) -> None:
        await self.channel(person, None).final(markdown)  # the mentor's words, as written

    async def notice(
        self, person: PersonKey, key: str, *, locale: str | None, **fields: Field
    ) -> None:
        await self.channel(person, locale).notice(key, **fields)

    def channel(self, person: PersonKey, locale: str | None) -> TelegramReply:
        if person.platform != PLATFORM:
            raise DeliveryFailed("not a telegram person")
        user_id = int(person.external_id)
        return TelegramReply(self._bot, user_id, draft_id=1, interval_s=0, lang=locale)
