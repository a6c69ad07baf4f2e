"""Background tasks with an owner: each one is referenced until done and cancelled on close."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

from lumen_bot.logs import events

log = events(__name__)
T = TypeVar("T")


async def cancel_and_wait(task: asyncio.Task[Any]) -> None:
    """Cancel a task and wait for it to end, without swallowing our own cancellation."""
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        current = asyncio.current_task()
        if current is not None and current.cancelling():
            raise


class TaskGroup:
    """Keeps a strong reference to every task it spawns and cancels them on `aclose`."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coro: Coroutine[Any, Any, T], *, name: str) -> asyncio.Task[T]:
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("task_failed", task=task.get_name(), error=type(task.exception()).__name__)

    async def aclose(self, grace_s: float = 5.0) -> None:
        """Give running tasks `grace_s` seconds, then cancel what is left."""
        pending = set(self._tasks)
        if not pending:
            return
        _, still = await asyncio.wait(pending, timeout=grace_s)
        for task in still:
            await cancel_and_wait(task)

    def __len__(self) -> int:
        return len(self._tasks)
