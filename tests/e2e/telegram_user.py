"""The test side of Telegram: people who write to the bot and read what it sent them."""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import time
from dataclasses import dataclass
from typing import Any

import httpx

from .telegram_markup import utf16_slice
from .telegram_proxy import TelegramProxy
from .telegram_records import JSON, BotRecords, ChatAction, Draft, Edit

# A 1x1 PNG: what a user's photo "contains" when the bot downloads it.
PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
_photo_ids = itertools.count(1)
_post_ids = itertools.count(1)  # channel posts: a channel numbers its messages itself


@dataclass(frozen=True, slots=True)
class BotMessage:
    """A message the bot sent, as the person's chat shows it (text after parse_mode)."""

    message_id: int
    chat_id: int
    text: str
    entities: tuple[JSON, ...]
    reply_markup: JSON | None
    raw: JSON

    def entity_texts(self, entity_type: str) -> list[str]:
        """The pieces of text covered by entities of one type, e.g. "bold"."""
        return [
            utf16_slice(self.text, e["offset"], e["length"])
            for e in self.entities
            if e["type"] == entity_type
        ]

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback_data) of every inline button, row by row."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [(b["text"], b.get("callback_data", "")) for row in rows for b in row]


class TelegramUser:
    """One person in a private chat with the bot (chat id = user id), via the emulator;
    with `is_bot`, another bot's account writing to ours."""

    def __init__(
        self,
        *,
        client: httpx.AsyncClient,
        proxy: TelegramProxy,
        token: str,
        user_id: int,
        first_name: str,
        language_code: str,
        is_bot: bool = False,
    ) -> None:
        self._client = client
        self._proxy = proxy
        self.token = token
        self.user_id = self.chat_id = user_id
        self.first_name = first_name
        self.language_code = language_code
        self.is_bot = is_bot
        self._inbox: dict[int, list[BotMessage]] = {}

    @property
    def records(self) -> BotRecords:
        """Everything the bot did through the proxy (all chats)."""
        return self._proxy.records(self.token)

    @property
    def drafts(self) -> list[Draft]:
        return [d for d in list(self.records.drafts) if d.chat_id == self.chat_id]

    @property
    def chat_actions(self) -> list[ChatAction]:
        return [a for a in list(self.records.chat_actions) if a.chat_id == self.chat_id]

    def bot_commands(self, scope: str = "default", language_code: str = "") -> list[JSON]:
        return self.records.bot_commands(scope, language_code)

    # Writing to the bot

    def _person(self) -> JSON:
        return {
            "id": self.user_id,
            "is_bot": self.is_bot,
            "first_name": self.first_name,
            "username": f"user{self.user_id}",
            "language_code": self.language_code,
        }

    def _private_chat(self) -> JSON:
        return {
            "id": self.chat_id,
            "type": "private",
            "first_name": self.first_name,
            "username": f"user{self.user_id}",
        }

    async def send_message(self, fields: JSON, *, chat: JSON | None = None) -> None:
        """Sends a message with any fields (text, photo, voice, ...) through the emulator."""
        await self._post("/sendMessage", self._message(fields, chat))

    def _message(self, fields: JSON, chat: JSON | None) -> JSON:
        return {
            "botToken": self.token,
            "from": self._person(),
            "chat": chat or self._private_chat(),
            "date": int(time.time()),
            **fields,
        }

    async def send_text(
        self,
        text: str,
        *,
        entities: list[JSON] | None = None,
        reply_to: BotMessage | None = None,
    ) -> None:
        fields: JSON = {"text": text, **self._reply_fields(reply_to)}
        await self.send_message({**fields, **({"entities": entities} if entities else {})})

    async def send_command(self, command: str, *, reply_to: BotMessage | None = None) -> None:
        """Sends "/name args" with its bot_command entity (what makes CommandHandler fire),
        optionally as a reply to one of the bot's messages."""
        fields: JSON = {
            "text": command,
            "entities": command_entities(command),
            **self._reply_fields(reply_to),
        }
        await self._post("/sendCommand", self._message(fields, None))

    def _reply_fields(self, reply_to: BotMessage | None) -> JSON:
        """`reply_to_message`: the bot's message as the chat shows it now, else as given."""
        if reply_to is None:
            return {}
        shown = self.records.messages.get((reply_to.chat_id, reply_to.message_id))
        return {"reply_to_message": shown or {**reply_to.raw, "message_id": reply_to.message_id}}

    async def edit_last_message(self, text: str) -> None:
        """Edits this person's latest message in their chat to `text` (an edited_message
        update, which the emulator cannot make); "/word" gets its bot_command entity, as
        Telegram's servers add it."""
        sent = [
            u["message"]
            for u in list(self.records.updates)
            if "message" in u and u["message"]["chat"]["id"] == self.chat_id
        ]
        assert sent, f"user {self.user_id} has sent no message the bot received"
        edited: JSON = {**sent[-1], "text": text, "edit_date": int(time.time())}
        edited.pop("entities", None)
        if text.startswith("/"):
            edited["entities"] = command_entities(text)
        self.inject({"edited_message": edited})

    async def send_photo(self, caption: str | None = None) -> str:
        """Sends a photo (two sizes); the bot can getFile and download it. Returns its file_id."""
        file_id = f"user-photo-{next(_photo_ids)}"
        self._proxy.uploads[file_id] = PIXEL_PNG
        sizes = [
            {"file_id": file_id, "file_unique_id": f"{file_id}-s", "width": 90, "height": 90},
            {"file_id": file_id, "file_unique_id": f"{file_id}-m", "width": 320, "height": 320},
        ]
        await self.send_message({"photo": sizes, **({"caption": caption} if caption else {})})
        return file_id

    async def send_document(
        self, content: bytes, file_name: str, *, caption: str | None = None
    ) -> str:
        """Sends a file (a document) the bot can getFile and download. Returns its file_id."""
        file_id = f"user-document-{next(_photo_ids)}"
        self._proxy.uploads[file_id] = content
        document = {
            "file_id": file_id,
            "file_unique_id": f"{file_id}-u",
            "file_name": file_name,
            "mime_type": "application/zip",
            "file_size": len(content),
        }
        await self.send_message({"document": document, **({"caption": caption} if caption else {})})
        return file_id

    async def send_group_message(
        self,
        text: str,
        *,
        group_id: int = -1001,
        title: str = "Test group",
        chat_type: str = "group",
    ) -> None:
        """Sends `text` from this person in a group (or "supergroup") the bot is in."""
        await self.send_message(
            {"text": text}, chat={"id": group_id, "type": chat_type, "title": title}
        )

    async def press_button(
        self, message: BotMessage, callback_data: str, *, inaccessible: bool = False
    ) -> None:
        """Presses an inline button of `message` (a callback_query update); `inaccessible`:
        the message as Telegram gives it once it is too old for the bot (date 0, no text)."""
        shown = self.records.messages.get((message.chat_id, message.message_id))
        chat = (shown or message.raw).get("chat") or {"id": message.chat_id, "type": "private"}
        body = {
            "botToken": self.token,
            "from": self._person(),
            "message": {"chat": chat, "message_id": message.message_id, "date": 0}
            if inaccessible
            else shown or {**message.raw, "message_id": message.message_id},
            "data": callback_data,
        }
        await self._post("/sendCallback", body)

    def inject(self, update: JSON) -> int:
        """Queues an update the emulator cannot make (edited_message, my_chat_member, ...)."""
        return self._proxy.inject_update(self.token, update)

    async def _post(self, path: str, body: JSON) -> Any:
        # ASCII JSON: httpx's own encoding (UTF-8) cannot carry a lone surrogate; "\\ud800" can.
        content = json.dumps(body, separators=(",", ":"))
        response = await self._client.post(
            path, content=content, headers={"content-type": "application/json"}
        )
        response.raise_for_status()
        return response.json().get("result")

    # Reading what the bot sent

    async def wait_for_bot_messages(
        self,
        n: int = 1,
        timeout: float = 10.0,  # noqa: ASYNC109  # on timeout, the error lists what did arrive
        *,
        chat_id: int | None = None,
    ) -> list[BotMessage]:
        """The next `n` messages the bot sent to this chat (or `chat_id`), oldest first.

        Each is handed out once the proxy has recorded it too (it does so just after the
        emulator stored it), so replying to it or pressing its buttons sees it whole.
        """
        chat_id = self.chat_id if chat_id is None else chat_id
        inbox = self._inbox.setdefault(chat_id, [])
        deadline = time.monotonic() + timeout
        while len(inbox) < n or not self._recorded(inbox[:n]):
            inbox.extend(await self._fetch(chat_id))
            if len(inbox) >= n and self._recorded(inbox[:n]):
                break
            if time.monotonic() > deadline:
                raise AssertionError(self._timeout_report(n, chat_id, inbox, timeout))
            await asyncio.sleep(0.05)
        taken, inbox[:] = inbox[:n], inbox[n:]
        return taken

    def _recorded(self, messages: list[BotMessage]) -> bool:
        shown = self.records.messages
        return all((m.chat_id, m.message_id) in shown for m in messages)

    async def assert_no_bot_messages(
        self, within: float = 1.0, *, chat_id: int | None = None
    ) -> None:
        """Fails if the bot sends anything to the chat during the next `within` seconds."""
        chat_id = self.chat_id if chat_id is None else chat_id
        await asyncio.sleep(within)
        inbox = self._inbox.setdefault(chat_id, [])
        inbox.extend(await self._fetch(chat_id))
        assert not inbox, f"the bot sent {[m.text for m in inbox]} to chat {chat_id}"

    async def wait_for_edits(
        self,
        n: int = 1,
        timeout: float = 10.0,  # noqa: ASYNC109  # on timeout, the error lists the edits seen
    ) -> list[Edit]:
        """The first `n` edits of the bot's messages in this chat."""
        deadline = time.monotonic() + timeout
        while len(edits := [e for e in list(self.records.edits) if e.chat_id == self.chat_id]) < n:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {n} edit(s) in {timeout} s, got {edits}")
            await asyncio.sleep(0.05)
        return edits[:n]

    async def _fetch(self, chat_id: int) -> list[BotMessage]:
        entries = await self._post("/getUpdates", {"token": self.token, "chatId": chat_id})
        return [_bot_message(entry) for entry in entries or []]

    def _timeout_report(self, n: int, chat_id: int, got: list[BotMessage], timeout: float) -> str:
        calls = [f"{c.method}({c.params})" for c in list(self.records.calls)[-8:]]
        return (
            f"expected {n} bot message(s) in chat {chat_id} within {timeout} s,"
            f" got {len(got)}: {[m.text for m in got]}\nlast Bot API calls: {calls}"
        )


def command_entities(text: str) -> list[JSON]:
    """The bot_command entity of "/name[@bot] args" (what makes CommandHandler fire)."""
    return [{"type": "bot_command", "offset": 0, "length": len(text.split(" ", 1)[0])}]


def _bot_message(entry: JSON) -> BotMessage:
    body: JSON = entry["message"]
    return BotMessage(
        message_id=int(entry["messageId"]),
        chat_id=int(body["chat_id"]),
        text=body.get("text") or body.get("caption") or "",
        entities=tuple(body.get("entities") or body.get("caption_entities") or ()),
        reply_markup=body.get("reply_markup"),
        raw=body,
    )


class TelegramWorld:
    """One bot token's Telegram: the URL to give the bot, and people who write to it."""

    def __init__(
        self, *, proxy: TelegramProxy, api_url: str, client: httpx.AsyncClient, token: str
    ) -> None:
        self.proxy = proxy
        self.api_url = api_url
        self.token = token
        self._client = client
        self._user_ids = itertools.count(1001)

    @property
    def records(self) -> BotRecords:
        return self.proxy.records(self.token)

    async def wait_until_polling(
        self,
        since: float = 0.0,
        timeout: float = 30.0,  # noqa: ASYNC109  # the error says what was awaited
    ) -> None:
        """Waits until the bot calls getUpdates (after `since`, a time.time()): it is up."""
        deadline = time.monotonic() + timeout
        while self.records.last_poll <= since:
            if time.monotonic() > deadline:
                raise AssertionError(f"the bot did not poll for updates within {timeout} s")
            await asyncio.sleep(0.05)

    def user(
        self,
        user_id: int | None = None,
        *,
        first_name: str = "Ada",
        language_code: str = "en",
        is_bot: bool = False,
    ) -> TelegramUser:
        return TelegramUser(
            client=self._client,
            proxy=self.proxy,
            token=self.token,
            user_id=next(self._user_ids) if user_id is None else user_id,
            first_name=first_name,
            language_code=language_code,
            is_bot=is_bot,
        )

    def post_in_channel(self, text: str, *, channel_id: int, title: str = "Test channel") -> None:
        """A channel_post update (no sender: the channel speaks), which the emulator cannot make."""
        chat = {"id": channel_id, "type": "channel", "title": title}
        post = {"message_id": next(_post_ids), "date": int(time.time()), "chat": chat}
        self.proxy.inject_update(
            self.token, {"channel_post": {**post, "sender_chat": chat, "text": text}}
        )
