"""An in-memory Bot API at python-telegram-bot's request layer: no sockets, real PTB above it.

It records every call with its parameters, can refuse a method a number of
times with a Telegram error, and notes when the first draft was sent.
"""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import dataclass
from typing import Any

from telegram.error import TimedOut
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

BOT = {"id": 42, "is_bot": True, "first_name": "Lumen", "username": "lumen_test_bot"}


@dataclass
class Refusal:
    status: int
    description: str
    retry_after: int | None = None
    times: int = 1


class OfflineBotApi(BaseRequest):
    """Answers Bot API methods in memory, as Telegram would for a private chat."""

    def __init__(self) -> None:
        self.first_draft_at: float | None = None
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.refusals: dict[str, Refusal] = {}
        self.timeouts: dict[str, int] = {}  # method -> how many calls time out after arriving
        self._ids = itertools.count(1000)

    def refuse(self, method: str, refusal: Refusal) -> None:
        self.refusals[method] = refusal

    def calls_of(self, method: str) -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method]

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        self.calls.append((name, params))
        if self.timeouts.get(name, 0) > 0:
            self.timeouts[name] -= 1
            raise TimedOut("the answer did not come back in time")
        refusal = self.refusals.get(name)
        if refusal is not None and refusal.times > 0:
            refusal.times -= 1
            body: dict[str, Any] = {
                "ok": False,
                "error_code": refusal.status,
                "description": refusal.description,
            }
            if refusal.retry_after is not None:
                body["parameters"] = {"retry_after": refusal.retry_after}
            return refusal.status, json.dumps(body).encode()
        if name == "sendMessageDraft" and self.first_draft_at is None:
            self.first_draft_at = time.perf_counter()
        result: object = True
        if name == "getMe":
            result = BOT
        elif name in ("sendMessage", "editMessageText"):
            result = {
                "message_id": params.get("message_id") or next(self._ids),
                "date": int(time.time()),
                "chat": {"id": int(str(params.get("chat_id", 0))), "type": "private"},
                "text": params.get("text", ""),
            }
        return 200, json.dumps({"ok": True, "result": result}).encode()


def offline_application(
    api: OfflineBotApi, *, concurrent: bool = False
) -> Application[Any, Any, Any, Any, Any, Any]:
    """A real python-telegram-bot Application whose Bot API is `api`, in memory."""
    return (
        Application.builder()
        .token("1:test")
        .request(api)
        .get_updates_request(OfflineBotApi())
        .concurrent_updates(concurrent)
        .build()
    )
