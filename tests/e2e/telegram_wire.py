"""Bot API wire format for the proxy: request parameters, error answers, users and chats."""

from __future__ import annotations

import json
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse

from .telegram_records import JSON, BotRecords

BOT_USERNAME = "LumenTestBot"

# Parameters that are plain strings; PTB JSON-encodes every other value.
_STRING_PARAMS = frozenset(
    [
        "text",
        "caption",
        "parse_mode",
        "action",
        "callback_query_id",
        "url",
        "language_code",
        "name",
        "description",
        "short_description",
        "file_id",
        "secret_token",
        "inline_message_id",
    ]
)


class ApiError(Exception):
    """A Bot API error answer: {"ok": false, "error_code": ..., "description": ...}."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after

    def response(self) -> JSONResponse:
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return JSONResponse(body, status_code=self.code)


class AsciiJSONResponse(JSONResponse):
    """JSON with every non-ASCII character escaped: a lone surrogate a person's client sent
    ("\\ud800") reaches the bot as that escape, which UTF-8 could not carry."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, separators=(",", ":")).encode("ascii")


def bad_request(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


async def read_params(request: Request) -> JSON:
    """The request's parameters, from the query, JSON, urlencoded or multipart body.

    PTB sends every value JSON-encoded as a form field; uploads become (filename, bytes).
    """
    raw: dict[str, Any] = dict(request.query_params)
    content_type = request.headers.get("content-type", "")
    body = await request.body()
    if content_type.startswith("application/json") and body:
        return {**raw, **json.loads(body)}
    if content_type.startswith("application/x-www-form-urlencoded"):
        raw.update(parse_qsl(body.decode(), keep_blank_values=True))
    elif content_type.startswith("multipart/form-data"):
        head = f"Content-Type: {content_type}\r\n\r\n".encode()
        for part in BytesParser(policy=HTTP).parsebytes(head + body).iter_parts():
            name = part.get_param("name", header="content-disposition")
            data = part.get_payload(decode=True)
            filename = part.get_filename()
            if isinstance(name, str) and isinstance(data, bytes):
                raw[name] = (filename, data) if filename is not None else data.decode()
    return {key: _decode(key, value) for key, value in raw.items()}


def _decode(key: str, value: Any) -> Any:
    if key in _STRING_PARAMS or not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value  # e.g. chat_id "@channel"


def fix_message(message: JSON) -> JSON:
    """An emulator message without its `botToken` field and with dates in seconds."""
    message = {k: v for k, v in message.items() if k != "botToken"}
    for key in ("date", "edit_date"):
        if isinstance(message.get(key), int) and message[key] > 10**11:
            message[key] //= 1000  # milliseconds -> seconds
    return message


def without_none(body: JSON) -> JSON:
    return {k: v for k, v in body.items() if v is not None}


def bot_user(rec: BotRecords) -> JSON:
    return {"id": rec.bot_id, "is_bot": True, "first_name": "Lumen", "username": BOT_USERNAME}


def chat_of(rec: BotRecords, chat_id: Any) -> JSON:
    """A chat that wrote to the bot; Telegram's 400 "chat not found" for any other."""
    try:
        return rec.chats[int(chat_id)]
    except (KeyError, TypeError, ValueError):
        raise bad_request("chat not found") from None
