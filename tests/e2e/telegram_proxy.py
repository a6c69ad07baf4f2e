"""Adjusting reverse proxy: makes telegram-test-api 4.2.1 answer like the real Bot API.

The bot under test talks to this proxy (`{url}/bot<TOKEN>/<method>`,
`{url}/file/bot<TOKEN>/<path>`); the proxy forwards what the emulator does well and
answers the rest itself, recording it per token in `BotRecords`.

Quirks of the emulator, found by reading its source and running python-telegram-bot
against it, and what the proxy does about each:

- getMe lacks `is_bot` (PTB refuses the answer): added, with an id taken from the token.
- Bot messages it returns carry `date` in milliseconds: the proxy builds the Message
  itself (seconds), with `from` (missing) and the real chat (the emulator says
  "private" for every chat, also groups); the emulator's result also echoes request
  fields (`chat_id`, `parse_mode`, ...), which the proxy leaves out.
- Updates carry `botToken` inside `message` and callback queries lack `chat_instance`:
  removed and added; any millisecond `date` becomes seconds.
- getUpdates ignores `timeout`, `offset` and `limit`, and marks updates read as soon as
  it answers, so an update is lost if the bot dies before handling it: the proxy
  long-polls the emulator and keeps every update until a higher `offset` confirms it,
  numbering updates itself (so it can also inject updates). `deleteWebhook` with
  `drop_pending_updates` drops them.
- editMessageText/ReplyMarkup, answerCallbackQuery, deleteMessage, setWebhook answer
  `null`: the proxy answers the edited Message or `true`. An edit of an unknown
  message or with unchanged content succeeds silently in the emulator: the proxy
  answers Telegram's 400 "message to edit not found" / "message is not modified".
- parse_mode is stored as raw text: the proxy parses MarkdownV2 and HTML into text and
  entities (tests see what a user would), and answers Telegram's 400 "can't parse
  entities" for broken markup, "message text is empty", "message is too long".
  `entities` sent by the bot pass through unchanged.
- Unknown methods (sendChatAction, sendMessageDraft, set/get/deleteMyCommands,
  sendDocument, sendPhoto, getFile, getChat, ...) answer HTTP 500: answered here (see
  telegram_local) and recorded; file downloads are served from `uploads`. A method
  nobody emulates answers 400 "method X is not emulated by <this file>".
- Messages to a chat that never wrote to the bot are stored anyway: answered with
  400 "chat not found", as Telegram does. Drafts to a group are refused too.
- It has no non-text user messages, edited messages or membership updates, but its
  client's /sendMessage stores any fields: `TelegramUser.send_photo` sends a `photo`;
  anything else is injected (`inject_update`, or POST /_proxy/bot<TOKEN>/inject), as
  `TelegramUser.edit_last_message` and `TelegramWorld.post_in_channel` do.
- It drops messages after 60 s: serve.js keeps them for a day.
- Its answers are UTF-8 JSON, which cannot hold a lone surrogate ("\\ud800"): the proxy
  answers with every non-ASCII character escaped, so such text reaches the bot as the
  escape (`TelegramUser` sends ASCII JSON to the emulator for the same reason).
- Its client's /getUpdates (the user's inbox) shows an edit only if the message was
  not yet read: edits are in `BotRecords.edits` and `BotRecords.messages`.
- Message ids are unique (one counter for user and bot messages) and `entities` of
  user messages pass through; commands need the client's /sendCommand (with a
  bot_command entity), which `TelegramUser.send_command` uses.

Tests can also make the next call of a method fail (`BotRecords.fail_next`), e.g. a
429 with retry_after or a 403 "bot was blocked by the user".
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from . import telegram_local
from .telegram_local import TRUE_METHODS, Handler
from .telegram_markup import MAX_CAPTION_LENGTH, MarkupError, render
from .telegram_records import JSON, BotRecords, Edit, SentFile
from .telegram_wire import (
    ApiError,
    AsciiJSONResponse,
    bad_request,
    bot_user,
    chat_of,
    fix_message,
    read_params,
    without_none,
)
from .wire_tap import arrived_at

POLL_INTERVAL = 0.05


class TelegramProxy:
    """The proxy's state and ASGI app; serve `app` with `BackgroundServer`."""

    def __init__(self, emulator_url: str) -> None:
        self.emulator_url = emulator_url
        self.url = ""  # where the bot reaches the proxy; set by whoever serves `app`
        self.bots: dict[str, BotRecords] = {}
        self.uploads: dict[str, bytes] = {}  # file_id -> bytes, for getFile and downloads
        self._client: httpx.AsyncClient | None = None
        self._pull_lock: asyncio.Lock | None = None
        self.closing = False  # set before shutdown: pending long polls answer at once
        self._handlers: dict[str, Handler] = {
            **telegram_local.HANDLERS,
            "getMe": self._get_me,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message,
            "editMessageReplyMarkup": self._edit_message,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "sendDocument": self._send_file,
            "sendPhoto": self._send_file,
            "getFile": self._get_file,
        }
        self.app = Starlette(
            routes=[
                Route("/bot{token}/{method}", self._api, methods=["GET", "POST"]),
                Route("/file/bot{token}/{path:path}", self._download, methods=["GET"]),
                Route("/_proxy/bot{token}/inject", self._inject, methods=["POST"]),
            ],
            lifespan=self._lifespan,
        )

    def records(self, token: str) -> BotRecords:
        """The records of one bot token (created on first use, from either thread)."""
        return self.bots.setdefault(token, BotRecords(token))  # setdefault: atomic

    def inject_update(self, token: str, update: JSON) -> int:
        """Queues an update (without update_id) the emulator cannot make; returns its id."""
        rec = self.records(token)
        for value in update.values():
            if isinstance(value, dict) and isinstance(value.get("chat"), dict):
                rec.remember_chat(value["chat"])  # message, edited_message, my_chat_member
        return rec.add_update(update)

    @asynccontextmanager
    async def _lifespan(self, _app: Starlette) -> AsyncIterator[None]:
        self._pull_lock = asyncio.Lock()
        async with httpx.AsyncClient(base_url=self.emulator_url, timeout=10.0) as client:
            self._client = client
            yield

    # HTTP endpoints

    async def _api(self, request: Request) -> Response:
        token, method = request.path_params["token"], request.path_params["method"]
        try:
            params = await read_params(request)
            result = await self._call(self.records(token), method, params, request)
        except ApiError as error:
            return error.response()
        except MarkupError as error:
            return bad_request(str(error)).response()
        return AsciiJSONResponse({"ok": True, "result": result})

    async def _call(self, rec: BotRecords, method: str, params: JSON, request: Request) -> Any:
        if method == "getUpdates":
            rec.last_poll = time.time()
        else:
            rec.record_call(method, params, arrived_at(request.headers))
        failure = rec.take_failure(method)
        if failure is not None:
            raise ApiError(failure.error_code, failure.description, failure.retry_after)
        if method in TRUE_METHODS:
            return True
        if method == "getUpdates":
            return await self._get_updates(rec, params, request.is_disconnected)
        handler = self._handlers.get(method)
        if handler is None:
            raise bad_request(f"method {method} is not emulated by {__file__}; add it there")
        return await handler(rec, params)

    async def _download(self, request: Request) -> Response:
        file_id = request.path_params["path"].rsplit("/", 1)[-1].split(".", 1)[0]
        if file_id not in self.uploads:
            return JSONResponse({"ok": False, "error_code": 404, "description": "Not Found"}, 404)
        return Response(self.uploads[file_id], media_type="application/octet-stream")

    async def _inject(self, request: Request) -> Response:
        update_id = self.inject_update(request.path_params["token"], await request.json())
        return JSONResponse({"ok": True, "result": update_id})

    async def _emulator(self, token: str, method: str, body: JSON) -> Any:
        assert self._client is not None, "the proxy's lifespan has not started"
        response = await self._client.post(f"/bot{token}/{method}", json=body)
        data = response.json()
        if response.status_code >= 500 or not data.get("ok"):
            description = data.get("description") or data.get("message") or response.text
            raise ApiError(data.get("error_code", response.status_code), description)
        return data.get("result")

    # Updates

    async def _get_updates(
        self, rec: BotRecords, params: JSON, disconnected: Callable[[], Awaitable[bool]]
    ) -> list[JSON]:
        """Long-polls: answers as soon as updates exist, or at the timeout, or if the bot left."""
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 50.0)
        while True:
            await self._pull(rec)
            pending = rec.pending_updates(offset)
            if pending or time.monotonic() >= deadline or self.closing or await disconnected():
                return rec.hand_out(pending[:limit])
            await asyncio.sleep(POLL_INTERVAL)

    async def _pull(self, rec: BotRecords) -> None:
        """Moves the emulator's new updates into the proxy's queue, fixed up."""
        assert self._pull_lock is not None
        async with self._pull_lock:
            for update in await self._emulator(rec.token, "getUpdates", {}):
                update.pop("update_id", None)
                rec.add_update(self._fix_update(rec, update))

    def _fix_update(self, rec: BotRecords, update: JSON) -> JSON:
        for key in ("message", "edited_message"):
            if key in update:
                update[key] = fix_message(update[key])
                rec.remember_chat(update[key]["chat"])
        query = update.get("callback_query")
        if query is not None:
            query.pop("botToken", None)
            message = query.get("message")
            if message is not None:
                query["message"] = fix_message(message)
            chat_id = message["chat"]["id"] if message else query["from"]["id"]
            query.setdefault("chat_instance", str(chat_id))
        return update

    async def _delete_webhook(self, rec: BotRecords, params: JSON) -> bool:
        await self._emulator(rec.token, "deleteWebhook", params)
        if params.get("drop_pending_updates"):
            await self._pull(rec)
            rec.drop_pending_updates()
        return True

    # Identity

    async def _get_me(self, rec: BotRecords, params: JSON) -> JSON:
        me: JSON = await self._emulator(rec.token, "getMe", params)
        return {
            **me,
            **bot_user(rec),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    # Messages

    async def _send_message(self, rec: BotRecords, params: JSON) -> JSON:
        chat = chat_of(rec, params.get("chat_id"))
        text, entities = render(
            params.get("text"), params.get("parse_mode"), params.get("entities")
        )
        body = without_none(
            {
                "chat_id": chat["id"],
                "text": text,
                "entities": entities or None,
                "reply_markup": params.get("reply_markup"),
                "date": int(time.time()),
            }
        )
        return await self._store_bot_message(rec, chat, body)

    async def _store_bot_message(self, rec: BotRecords, chat: JSON, body: JSON) -> JSON:
        """Forwards a bot message to the emulator (the user's inbox) and builds the Message."""
        result = await self._emulator(rec.token, "sendMessage", body)
        message: JSON = {
            "message_id": result["message_id"],
            "from": bot_user(rec),
            "chat": chat,
            "date": body["date"],
            **{k: v for k, v in body.items() if k not in ("chat_id", "date", "reply_markup")},
        }
        markup = body.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        rec.messages[(chat["id"], message["message_id"])] = message
        return message

    async def _edit_message(self, rec: BotRecords, params: JSON) -> JSON:
        chat = chat_of(rec, params.get("chat_id"))
        key = (chat["id"], int(params.get("message_id") or 0))
        old = rec.messages.get(key)
        if old is None:
            raise bad_request("message to edit not found")
        new = dict(old)
        if "text" in params:
            text, entities = render(
                params["text"], params.get("parse_mode"), params.get("entities")
            )
            new["text"] = text
            new.pop("entities", None)
            if entities:
                new["entities"] = entities
        new.pop("reply_markup", None)
        if isinstance(params.get("reply_markup"), dict):
            new["reply_markup"] = params["reply_markup"]
        if all(new.get(k) == old.get(k) for k in ("text", "entities", "reply_markup")):
            raise bad_request(
                "message is not modified: specified new message content and reply markup"
                " are exactly the same as a current content and reply markup of the message"
            )
        await self._emulator(
            rec.token,
            "editMessageText",
            without_none(
                {
                    "chat_id": chat["id"],
                    "message_id": key[1],
                    "text": new.get("text"),
                    "entities": new.get("entities"),
                    "reply_markup": new.get("reply_markup"),
                }
            ),
        )
        new["edit_date"] = int(time.time())
        rec.messages[key] = new
        rec.edits.append(
            Edit(
                chat["id"],
                key[1],
                new.get("text"),
                tuple(new.get("entities", ())),
                new.get("reply_markup"),
            )
        )
        return new

    async def _delete_message(self, rec: BotRecords, params: JSON) -> bool:
        chat_id, message_id = int(params.get("chat_id") or 0), int(params.get("message_id") or 0)
        try:
            await self._emulator(
                rec.token, "deleteMessage", {"chat_id": chat_id, "message_id": message_id}
            )
        except ApiError:
            raise bad_request("message to delete not found") from None
        rec.messages.pop((chat_id, message_id), None)
        rec.deleted.append((chat_id, message_id))
        return True

    async def _send_file(self, rec: BotRecords, params: JSON) -> JSON:
        kind = "photo" if "photo" in params else "document"
        chat = chat_of(rec, params.get("chat_id"))
        upload = params.get(kind)
        if isinstance(upload, str) and upload.startswith("attach://"):
            upload = params.get(upload.removeprefix("attach://"))
        filename, content = upload if isinstance(upload, tuple) else (str(upload), b"")
        caption, caption_entities = render(
            params.get("caption"),
            params.get("parse_mode"),
            params.get("caption_entities"),
            limit=MAX_CAPTION_LENGTH,
            allow_empty=True,
        )
        file_id = f"bot-{kind}-{len(self.uploads) + 1}"
        self.uploads[file_id] = content
        media: Any = {"file_id": file_id, "file_unique_id": file_id, "file_size": len(content)}
        if kind == "photo":
            media = [{**media, "width": 1, "height": 1}]
        else:
            media |= {"file_name": filename, "mime_type": "application/octet-stream"}
        body = without_none(
            {
                "chat_id": chat["id"],
                kind: media,
                "caption": caption or None,
                "caption_entities": caption_entities or None,
                "date": int(time.time()),
            }
        )
        message = await self._store_bot_message(rec, chat, body)
        rec.files.append(
            SentFile(chat["id"], message["message_id"], kind, filename, content, caption or None)
        )
        return message

    async def _get_file(self, _rec: BotRecords, params: JSON) -> JSON:
        file_id = str(params.get("file_id"))
        if file_id not in self.uploads:
            raise bad_request("invalid file_id")
        size = len(self.uploads[file_id])
        path = f"files/{file_id}.bin"
        return {"file_id": file_id, "file_unique_id": file_id, "file_size": size, "file_path": path}

    # Methods the emulator answers with null

    async def _set_webhook(self, rec: BotRecords, params: JSON) -> bool:
        await self._emulator(rec.token, "setWebhook", params)
        return True

    async def _answer_callback_query(self, rec: BotRecords, params: JSON) -> bool:
        await self._emulator(rec.token, "answerCallbackQuery", params)
        rec.callback_answers.append(params)
        return True
