"""The answer as the LLM writes it: typing, reviewed previews, and a stream `/end` can cancel.

Each answer streams in a task of its own, kept by session, so closing a session
cancels the task, which closes the HTTP stream and aborts the request upstream.
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
    """Streams answers from the LLM to people, one cancellable task per session."""

    def __init__(self, *, llm: LLM, review_output: OutputReviewer, typing_every_s: float) -> None:
        self._llm = llm
        self._review_output = review_output
        self._typing_every_s = typing_every_s
        self._inflight: dict[int, asyncio.Task[str]] = {}  # session id -> answer streaming

    async def text(
        self, session_id: int, request: LLMRequest, reply: ReplyChannel, locale: str | None
    ) -> str:
        """Stream in a task of its own, so `/end` can cancel it: cancelling the task closes
        the HTTP stream, which aborts the request upstream."""
        task = asyncio.get_running_loop().create_task(
            self._stream(request, reply, locale=locale), name=f"answer-{session_id}"
        )
        self._inflight[session_id] = task
        try:
            return await task
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if current is not None and current.cancelling():
                raise  # we were cancelled ourselves (shutdown), not the answer
            raise AnswerCancelled("closed while answering") from None
        finally:
            self._inflight.pop(session_id, None)

    def cancel(self, session_id: int) -> bool:
        """Cancel the session's answer if one is streaming; whether one was."""
        task = self._inflight.get(session_id)
        if task is None or task.done():
            return False
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
