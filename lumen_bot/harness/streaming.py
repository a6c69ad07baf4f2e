"""The answer as the LLM writes it: typing, reviewed previews, and a stream `/end` can cancel.

The answering task is kept by session while it streams, so closing a session
cancels it there: the cancellation closes the HTTP stream, which aborts the
request upstream, and is then taken back (`Task.uncancel`), so the task goes on
as if the answer had ended. The stream runs in the answering task itself, not in
a task of its own: handing the finished text from one task to another costs a
pass through the event loop's queue, which under load was up to 20 ms of the
time between the LLM's last word and the answer leaving.
"""

from __future__ import annotations

import asyncio

from lumen_bot.errors import AnswerCancelled
from lumen_bot.harness.ports import LLM, LLMRequest, OutputReviewer, ReplyChannel
from lumen_bot.harness.quality import visible
from lumen_bot.harness.tasks import cancel_and_wait

PREVIEW_STEP = 120  # characters a reply grows between two reviewed previews


async def _keep_typing(reply: ReplyChannel, every_s: float) -> None:
    """Show typing now, then every `every_s`, until cancelled (when the first words appear)."""
    while True:
        await reply.typing()
        await asyncio.sleep(every_s)


class AnswerStream:
    """Streams answers from the LLM to people; a session's answer can be cancelled."""

    def __init__(self, *, llm: LLM, review_output: OutputReviewer, typing_every_s: float) -> None:
        self._llm = llm
        self._review_output = review_output
        self._typing_every_s = typing_every_s
        self._inflight: dict[int, asyncio.Task[object]] = {}  # session id -> task streaming
        self._cancelled: set[int] = set()  # sessions whose answer `cancel` stopped

    async def text(
        self, session_id: int, request: LLMRequest, reply: ReplyChannel, locale: str | None
    ) -> str:
        """The answer's whole text. Raises AnswerCancelled if `cancel` stopped it; a
        cancellation from anywhere else (shutdown) goes on as a cancellation."""
        task = asyncio.current_task()
        if task is None:
            raise RuntimeError("AnswerStream.text runs in a task")
        self._inflight[session_id] = task
        try:
            text = await self._stream(request, reply, locale=locale)
        except asyncio.CancelledError:
            # `uncancel` counts down the cancellation `cancel` asked for; anything left
            # is someone else's (shutdown), and theirs to finish
            if session_id in self._cancelled:
                self._cancelled.discard(session_id)
                if task.uncancel() == 0:
                    raise AnswerCancelled("closed while answering") from None
            raise
        finally:
            self._inflight.pop(session_id, None)
        if session_id in self._cancelled:  # finished all the same: the cancellation was
            self._cancelled.discard(session_id)  # swallowed on the way, so take it back
            task.uncancel()
        return text

    def cancel(self, session_id: int) -> bool:
        """Cancel the session's answer if one is streaming; whether one was.

        While a session is in `_inflight`, its task is waiting inside `_stream` (only
        one task runs at a time), so the cancellation lands there."""
        task = self._inflight.get(session_id)
        if task is None or session_id in self._cancelled:
            return task is not None
        self._cancelled.add(session_id)
        task.cancel()
        return True

    async def _stream(self, request: LLMRequest, reply: ReplyChannel, *, locale: str | None) -> str:
        """Collect the answer, showing it as it grows; typing stays visible until it does.

        A preview is shown only after the output review passed on it, every
        PREVIEW_STEP characters; once a preview fails, no more are shown.
        """
        text = ""
        shown = 0
        previews = True
        typing = asyncio.get_running_loop().create_task(_keep_typing(reply, self._typing_every_s))
        await asyncio.sleep(0)  # typing goes out first, but the LLM need not wait for it
        try:
            async for delta in self._llm.stream(request):
                text += delta
                preview = visible(text, final=False)
                if not previews or not preview or (shown and len(preview) - shown < PREVIEW_STEP):
                    continue
                typing.cancel()
                if self._review_output(preview, lang=locale).ok:
                    await reply.partial(preview)
                    shown = len(preview)
                else:
                    previews = False
        finally:
            await cancel_and_wait(typing)
        return text
