"""An in-process Bot API for benchmarks: answers instantly and notes when drafts are sent."""

from __future__ import annotations

import itertools
import json
import time
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT = {"id": 42, "is_bot": True, "first_name": "Lumen", "username": "lumen_bench_bot"}


class OfflineBotApi(BaseRequest):
    """python-telegram-bot's request layer answered in memory (no sockets)."""

    def __init__(self) -> None:
        self.first_draft_at: float | None = None
        self.calls: list[str] = []
        self._ids = itertools.count(1000)

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
        self.calls.append(name)
        if name == "sendMessageDraft" and self.first_draft_at is None:
            self.first_draft_at = time.perf_counter()
        params = request_data.parameters if request_data else {}
        result: object = True
        if name == "getMe":
            result = BOT
        elif name in ("sendMessage", "editMessageText"):
            result = {
                "message_id": next(self._ids),
                "date": int(time.time()),
                "chat": {"id": int(str(params.get("chat_id", 0))), "type": "private"},
                "text": params.get("text", ""),
            }
        return 200, json.dumps({"ok": True, "result": result}).encode()
