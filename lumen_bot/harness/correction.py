"""Applying a person's correction of their Arc: screen, rewrite, review, store, show.

The correction is stored sealed before this runs (see `memory.py`). Then:
the screen sees it before any LLM call, and a crisis takes the crisis path
(the message joins the conversation as a crisis: resources at once, a flag,
never the LLM). Otherwise the LLM rewrites the Arc with the correction
(`prompts/arc_correct`), the rewrite passes the output review, and it is stored
as the next Arc version. If another Arc version was stored meanwhile (a session's
closing), the rewrite is made again from that one: nothing either wrote is lost.
An LLM failure leaves the correction stored; it is retried with backoff, and
after a restart, until it is done.
"""

from __future__ import annotations

import asyncio
import random
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import timedelta

from lumen_bot.errors import DailyLimitReached, LLMEmptyAnswer, StoreError
from lumen_bot.harness.arc_sections import section_named
from lumen_bot.harness.backoff import wait_after
from lumen_bot.harness.flags import FlagDetail, FlagSource
from lumen_bot.harness.limits import PersonLimits
from lumen_bot.harness.locales import Locales
from lumen_bot.harness.model import Arc, Inbound
from lumen_bot.harness.ports import (
    LLM,
    ChatMessage,
    Clock,
    LLMRequest,
    Notifier,
    OutputReviewer,
    ReplyChannel,
    Screener,
    SystemBlock,
)
from lumen_bot.harness.prompts import PromptBook
from lumen_bot.harness.quality import visible
from lumen_bot.harness.store_ports import Correction, MemoryStore, ReviewStore, Store
from lumen_bot.harness.tasks import TaskGroup
from lumen_bot.logs import events

log = events(__name__)

# Where a correction the screen reads as a crisis goes: the mentor's own path for a
# message (stored as a turn, resources at once, a flag; never the LLM).
CrisisRoute = Callable[[Inbound, ReplyChannel], Awaitable[None]]

_CLOSING_TAG = re.compile(r"</\s*correction\s*>", re.I)


@dataclass(frozen=True, slots=True)
class CorrectionPolicy:
    max_tokens: int
    retry_base_s: float
    retry_max_s: float
    rebases: int = 3  # rewrites redone in a row because another Arc version came first
    draw: Callable[[], float] = random.random  # spreads the waits apart (see backoff.py)

    def backoff(self, attempts: int) -> timedelta:
        """The wait after attempt number `attempts + 1` failed (see backoff.py)."""
        return wait_after(
            attempts + 1,
            base=timedelta(seconds=self.retry_base_s),
            cap=timedelta(seconds=self.retry_max_s),
            draw=self.draw,
        )


class Corrector:
    """Runs corrections: the first attempt while the person waits, retries in background."""

    def __init__(
        self,
        *,
        store: Store,
        memory: MemoryStore,
        review: ReviewStore,
        llm: LLM,
        prompts: PromptBook,
        screen: Screener,
        review_output: OutputReviewer,
        crisis_route: CrisisRoute,
        notifier: Notifier,
        locales: Locales,
        clock: Clock,
        tasks: TaskGroup,
        limits: PersonLimits,
        policy: CorrectionPolicy,
    ) -> None:
        self._store = store
        self._memory = memory
        self._review = review
        self._llm = llm
        self._prompts = prompts
        self._screen = screen
        self._review_output = review_output
        self._crisis_route = crisis_route
        self._notifier = notifier
        self._locales = locales
        self._clock = clock
        self._tasks = tasks
        self._limits = limits
        self._policy = policy
        self._running: set[int] = set()  # correction ids being applied, now or in background

    async def apply_now(
        self, correction: Correction, reply: ReplyChannel, *, locale: str | None
    ) -> None:
        """The first attempt, answering in `reply`; if it fails, the person is told their
        words are kept, and the correction is retried in the background."""
        if correction.id in self._running:
            return
        self._running.add(correction.id)
        try:
            postponed = await self._attempt(correction, reply, locale=locale, acknowledge=True)
        finally:
            self._running.discard(correction.id)
        if postponed is not None:
            await _quietly(reply.notice("memory_correction_delayed"), "correction_delay_untold")
            self._start(postponed)

    async def resume(self) -> int:
        """Start every correction received but not applied (after a restart)."""
        pending = await self._memory.pending_corrections()
        for correction in pending:
            self._start(correction)
        return len(pending)

    def _start(self, correction: Correction) -> None:
        if correction.id in self._running:
            return
        self._running.add(correction.id)
        task = self._tasks.spawn(self._retry(correction), name=f"correction-{correction.id}")
        task.add_done_callback(lambda _: self._running.discard(correction.id))

    async def _retry(self, correction: Correction) -> None:
        key = await self._store.person_key(correction.person_id)
        locale = await self._locales.of(correction.person_id)
        reply = self._notifier.channel(key, locale)
        pending: Correction | None = correction
        while pending is not None:
            if pending.next_attempt_at is not None:
                delay = (pending.next_attempt_at - self._clock.now()).total_seconds()
                if delay > 0:
                    await asyncio.sleep(delay)
            pending = await self._attempt(pending, reply, locale=locale, acknowledge=False)

    async def _attempt(
        self, correction: Correction, reply: ReplyChannel, *, locale: str | None, acknowledge: bool
    ) -> Correction | None:
        """One try; None when the correction is finished (or gone), else the postponed one."""
        try:
            await self._apply(correction, reply, locale=locale, acknowledge=acknowledge)
        except Exception as exc:  # noqa: BLE001 - a durable correction retries whatever failed
            now = self._clock.now()
            if isinstance(exc, DailyLimitReached):
                until = PersonLimits.next_day(now)
            else:
                until = now + self._policy.backoff(correction.attempts)
            log.warning(
                "correction_retry",
                correction=correction.id,
                attempt=correction.attempts + 1,
                error=type(exc).__name__,
            )
            try:
                return await self._memory.postpone_correction(correction, until, type(exc).__name__)
            except Exception as failed:  # noqa: BLE001 - the store may be what failed
                log.warning(
                    "correction_postpone_failed",
                    correction=correction.id,
                    error=type(failed).__name__,
                )
                return replace(correction, attempts=correction.attempts + 1, next_attempt_at=until)
        return None

    async def _apply(
        self, correction: Correction, reply: ReplyChannel, *, locale: str | None, acknowledge: bool
    ) -> None:
        text = correction.text or ""
        screening = self._screen(text)
        if screening.is_crisis:
            await self._to_crisis_care(correction, reply, locale)
            return
        if acknowledge:
            await _quietly(reply.notice("memory_correction_received"), "correction_ack_untold")
        for _ in range(self._policy.rebases):
            base = await self._store.latest_arc(correction.person_id)
            if base is None:  # deleted meanwhile: nothing left to correct
                await self._memory.end_correction(correction, "refused")
                log.info("correction_without_arc", correction=correction.id)
                return
            rewrite, model = await self._rewrite(base, correction)
            verdict = self._review_output(rewrite, lang=locale)
            if not verdict.ok:
                await self._refuse(correction, rewrite, verdict.reasons, verdict.evidence, reply)
                return
            arc = Arc(
                version=base.version + 1,
                text=rewrite,
                created_at=self._clock.now(),
                prompt_version=self._prompts.arc_correct.id,
                model=model,
            )
            if await self._memory.save_corrected_arc(correction, arc):
                log.info(
                    "arc_corrected",
                    person=correction.person_id,
                    correction=correction.id,
                    arc_version=arc.version,
                )
                await self._show(arc, correction.section, reply)
                return
            log.info("correction_rebased", correction=correction.id, arc_version=base.version)
        raise StoreError("the Arc kept changing under the correction")

    async def _to_crisis_care(
        self, correction: Correction, reply: ReplyChannel, locale: str | None
    ) -> None:
        """Handed to the mentor's path as a message (stored once, by its source key, so a
        retry after a crash does not store it twice), then the correction ends."""
        key = await self._store.person_key(correction.person_id)
        inbound = Inbound(
            person=key,
            text=correction.text or "",
            at=correction.received_at or self._clock.now(),
            source_key=correction.source_key or f"correction:{correction.id}",
            locale=locale,
        )
        await self._crisis_route(inbound, reply)
        await self._memory.end_correction(correction, "crisis")
        log.info("correction_crisis", person=correction.person_id, correction=correction.id)

    async def _rewrite(self, base: Arc, correction: Correction) -> tuple[str, str]:
        words = _CLOSING_TAG.sub("</ correction>", correction.text or "")
        section = correction.section or "(the opening, before the first heading)"
        content = (
            f"<current_arc>\n{base.text}\n</current_arc>\n\n"
            f"<section>{section}</section>\n\n"
            f"<correction>\n{words}\n</correction>"
        )
        request = LLMRequest(
            purpose="arc",
            system=(SystemBlock(self._prompts.arc_correct.text),),
            messages=(ChatMessage("user", content),),
            max_tokens=self._policy.max_tokens,
        )
        if not self._limits.allow_llm_call(correction.person_id, self._clock.now()):
            log.info("daily_cap_reached", person=correction.person_id, correction=correction.id)
            raise DailyLimitReached("the daily cap holds the correction until tomorrow")
        completion = await self._llm.complete(request)
        text = visible(completion.text, final=True).strip()
        if not text:
            raise LLMEmptyAnswer("empty correction")
        return text, completion.model

    async def _refuse(
        self,
        correction: Correction,
        rewrite: str,
        reasons: tuple[str, ...],
        evidence: tuple[tuple[str, int, int], ...],
        reply: ReplyChannel,
    ) -> None:
        """A rewrite that fails the output review is not stored: the Arc stays as it was,
        the rewrite is sealed in a flag for admins, and the person is told."""
        await self._review.add_flag(
            person_id=correction.person_id,
            session_id=None,
            source=FlagSource.OUTPUT,
            detail=FlagDetail(
                reason=",".join(reasons),
                evidence=tuple(f"{rule}: «{rewrite[start:end]}»" for rule, start, end in evidence),
                reported=rewrite,
                context=(("Them", correction.text or ""),),
            ),
            at=self._clock.now(),
        )
        await self._memory.end_correction(correction, "refused")
        log.warning("correction_refused", correction=correction.id, reasons=",".join(reasons))
        await _quietly(reply.notice("memory_correction_refused"), "correction_refusal_untold")

    async def _show(self, arc: Arc, heading: str, reply: ReplyChannel) -> None:
        """The corrected section as it reads now (the whole Arc if its heading changed).
        Shown at most once: the Arc is stored, a lost message is not worth a retry."""
        section = section_named(arc.text, heading) if heading else None
        try:
            await reply.notice("memory_corrected")
            await reply.final(section.text if section else arc.text)
        except Exception as exc:  # noqa: BLE001 - stored; the person can read it in /memory
            log.warning("correction_unshown", arc_version=arc.version, error=type(exc).__name__)


async def _quietly(sending: Awaitable[None], event: str) -> None:
    """Send a notice whose loss changes nothing stored."""
    try:
        await sending
    except Exception as exc:  # noqa: BLE001 - only words of ours were lost
        log.warning(event, error=type(exc).__name__)
