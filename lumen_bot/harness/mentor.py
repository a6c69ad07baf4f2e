"""The mentor's side of a conversation: store, screen, assemble, stream, deliver.

Data flow of one message (DESIGN.md): the turn is stored encrypted before
anything else happens to it; the screen sees it before any LLM call; a crisis
is answered with resources and never reaches the LLM; the mentor's answer is
stored before it is delivered, and the turns are marked answered after.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from lumen_bot.errors import AnswerCancelled, LLMEmptyAnswer, LumenError
from lumen_bot.harness.closing import Closer
from lumen_bot.harness.context import (
    SessionContext,
    build_context,
    session_seed,
    speaker_and_text,
)
from lumen_bot.harness.conversation import fit_messages, to_messages
from lumen_bot.harness.crisis import Concern, CrisisDesk, concern_in
from lumen_bot.harness.flags import FlagDetail, FlagSource
from lumen_bot.harness.limits import LimitPolicy, PersonLimits
from lumen_bot.harness.locks import KeyedLocks
from lumen_bot.harness.model import Inbound, Person, PersonKey, Session, Turn, TurnKind
from lumen_bot.harness.ports import (
    LLM,
    Clock,
    LLMRequest,
    OutputReviewer,
    ReplyChannel,
    SystemBlock,
)
from lumen_bot.harness.prompts import PromptBook
from lumen_bot.harness.quality import better, judge, visible
from lumen_bot.harness.reminders import Reminders
from lumen_bot.harness.review import CONTEXT_TURNS
from lumen_bot.harness.rhythm import CADENCE_WORDS, Rhythm
from lumen_bot.harness.store_ports import NewTurn, ReviewStore, Store
from lumen_bot.harness.tasks import cancel_and_wait
from lumen_bot.logs import events

log = events(__name__)

SETTLE_TIMEOUT_S = 45.0  # how long a new session waits for the last one's notebook
PREVIEW_STEP = 120  # characters a reply grows between two reviewed previews
SAFE_REPLACEMENT = (
    "I'd rather not answer that the way I started to. Can you tell me a little more "
    "about what you need right now?"
)


def offers_end(reply: str) -> bool:
    """The mentor suggested closing the session: the person gets a button for it."""
    return "/end" in reply


async def _keep_typing(reply: ReplyChannel, every_s: float) -> None:
    """Show typing now, then every `every_s`, until cancelled (when the first words appear)."""
    while True:
        await reply.typing()
        await asyncio.sleep(every_s)


@dataclass(frozen=True, slots=True)
class MentorPolicy:
    context_budget: int
    max_tokens: int
    seed: int
    message_budget: int = 50_000  # tokens for the session's own messages (see app.py)
    typing_every_s: float = 4.5  # a typing hint fades after about five seconds in Telegram
    cached_contexts: int = 256  # at most ~140K tokens (~0.5 MB) each
    resume_max_age: timedelta = timedelta(hours=6)  # older unanswered messages: "lost the thread"
    fallback_model: str | None = None  # asked once when an answer is useless (None: same model)


class Mentor:
    """Serves every person: one at a time per person, many people at once."""

    def __init__(
        self,
        *,
        store: Store,
        review: ReviewStore,
        llm: LLM,
        crisis: CrisisDesk,
        review_output: OutputReviewer,
        limits: LimitPolicy,
        concern_addendum: str,
        prompts: PromptBook,
        clock: Clock,
        closer: Closer,
        reminders: Reminders,
        policy: MentorPolicy,
    ) -> None:
        self._store = store
        self._review = review
        self._llm = llm
        self._crisis = crisis
        self._review_output = review_output
        self._limits_policy = limits
        self._limits = PersonLimits(limits)
        self._concern_addendum = concern_addendum
        self._prompts = prompts
        self._clock = clock
        self._closer = closer
        self._reminders = reminders
        self._policy = policy
        self._inflight: dict[int, asyncio.Task[str]] = {}  # session id -> answer streaming
        self._intake = KeyedLocks()
        self._answering = KeyedLocks()
        # Contexts of recently active sessions. Rebuilding one gives the same bytes, so
        # eviction costs a rebuild, never a cache miss at the provider; the bound keeps
        # memory flat however many sessions stay open.
        self._contexts: OrderedDict[int, SessionContext] = OrderedDict()
        self._system = f"{prompts.mentor.text}\n\n{prompts.safety_policy.text}"

    @property
    def held_locks(self) -> int:
        """Per-person locks alive now (held or awaited); zero when everyone is idle."""
        return len(self._intake) + len(self._answering)

    async def handle(self, inbound: Inbound, reply: ReplyChannel) -> None:
        """Store the message at once, then answer it in its turn, exactly once.

        Two locks per person: a short one around storing, so a message is on disk
        before it waits for anything, and a long one around answering, so one
        person's messages are answered in order. Messages that arrive while the
        mentor is still answering are stored at once and answered together next.
        """
        try:
            async with self._intake.hold(inbound.person):
                person = await self._store.person(inbound.person, self._clock.now())
                if await self._blocked(person, reply):
                    return
                admitted = await self._admit(person, inbound)
        finally:
            if inbound.on_admitted is not None:
                inbound.on_admitted()  # the platform may now confirm it has the message
        if admitted is None:
            return
        session, after_idle = admitted
        if after_idle:
            await reply.notice("new_session_after_idle")
        async with self._answering.hold(inbound.person):
            await self._answer(person, session, reply, locale=inbound.locale)

    async def _blocked(self, person: Person, reply: ReplyChannel) -> bool:
        """A person an admin blocked hears so once, and is otherwise ignored (nothing stored)."""
        block = await self._review.blocked_until(person.id)
        if block is None or block[0] <= self._clock.now():
            return False
        if not block[1]:
            await reply.notice("blocked")
            await self._review.mark_block_notified(person.id)
        log.info("message_from_blocked_person", person=person.id)
        return True

    async def _admit(self, person: Person, inbound: Inbound) -> tuple[Session, bool] | None:
        """Store the message (encrypted, unscreened); None if it was answered before.

        Also says whether this message begins a new session after the last one
        closed for quiet (so the person can be told): yesterday's conversation never
        silently continues into today's.
        """
        now = self._clock.now()
        session = await self._store.active_session(person.id)
        after_idle = False
        if session is not None and self._is_idle(session, now) and not await self._seen(inbound):
            await self._close_for_quiet(session)
            session, after_idle = None, True
        if session is None:
            if not after_idle:
                latest = await self._store.latest_session(person.id)
                after_idle = latest is not None and latest.closed_by == "idle"
            session = await self._store.open_session(person.id, now)
            await self._reminders.came_back(person.id)
            log.info("session_opened", person=person.id, session=session.id, number=session.number)
        turn = await self._store.append_turn(
            person.id,
            session.id,
            NewTurn("user", TurnKind.UNSCREENED, inbound.text, inbound.at, inbound.source_key),
        )
        if turn is not None:
            return session, after_idle
        # A redelivery. Answer it only if the first delivery was never answered.
        existing = await self._store.turn_by_source(inbound.source_key or "")
        if existing is None or existing.answered_at is not None:
            log.info("update_duplicate", person=person.id)
            return None
        log.info("update_redelivered_unanswered", person=person.id, turn=existing.id)
        return await self._store.get_session(existing.session_id), False

    async def _seen(self, inbound: Inbound) -> bool:
        """Whether this platform message was stored before (a redelivery)."""
        if inbound.source_key is None:
            return False
        return await self._store.turn_by_source(inbound.source_key) is not None

    def _is_idle(self, session: Session, now: datetime) -> bool:
        return now - session.last_activity_at > self._reminders.policy.idle_after

    async def _close_for_quiet(self, session: Session) -> None:
        """Close a session nobody wrote in for `idle_after`: the same notebook and Arc
        as `/end`, but no parting words out of the blue."""
        job = await self._store.begin_closing(session.id, self._clock.now(), "idle", notify=False)
        self._contexts.pop(session.id, None)
        self._closer.start(job)
        log.info("session_closed_for_quiet", person=session.person_id, session=session.id)

    async def close_idle(self, channel: Callable[[PersonKey], ReplyChannel]) -> int:
        """Close every session that has been quiet for `idle_after`; returns how many.

        Messages still unscreened are screened first (a crisis among them is answered
        through `channel`); a session with an answer still owed is left to finish.
        """
        now = self._clock.now()
        closed = 0
        for stale in await self._store.idle_sessions(now - self._reminders.policy.idle_after):
            key = await self._store.person_key(stale.person_id)
            async with self._intake.hold(key), self._answering.hold(key):
                session = await self._store.active_session(stale.person_id)
                if session is None or session.id != stale.id or not self._is_idle(session, now):
                    continue  # they wrote in the meantime
                person = await self._store.person(key, now)
                turns = await self._store.session_turns(person.id, session.id)
                screened, crises = await self._crisis.screen_unscreened(person, turns)
                await self._crisis.answer(person, session, crises, channel(key), locale=None)
                if any(t.answered_at is None and t.kind is TurnKind.MESSAGE for t in screened):
                    continue  # an answer is owed; resume or the next message gives it
                await self._close_for_quiet(session)
                closed += 1
        return closed

    async def _answer(
        self, person: Person, session: Session, reply: ReplyChannel, *, locale: str | None
    ) -> None:
        """Screen what is unscreened, give crisis resources, then answer what waits."""
        started = time.perf_counter()
        turns = await self._store.session_turns(person.id, session.id)
        screened, crises = await self._crisis.screen_unscreened(person, turns)
        await self._crisis.answer(person, session, crises, reply, locale=locale)
        if crises:
            screened = await self._store.session_turns(person.id, session.id)
        if await self._deliver_stored_reply(screened, reply):
            screened = await self._store.session_turns(person.id, session.id)

        waiting = [
            t
            for t in screened
            if t.role == "user" and t.kind is TurnKind.MESSAGE and t.answered_at is None
        ]
        if not waiting:
            return  # answered together with an earlier message, or only a crisis
        if not await self._within_limits(person, waiting, reply):
            return
        concern = concern_in(waiting)
        context = await self._context(person, session)
        request = self._turn_request(context, screened, concern=concern)
        prep_ms = (time.perf_counter() - started) * 1000
        try:
            text = await self._useful_answer(request, reply, waiting, locale=locale)
        except AnswerCancelled:
            log.info("turn_dropped_for_end", session=session.id)
            return  # the waiting messages go into the closing notebook unanswered
        except LumenError as exc:
            log.warning("turn_failed", session=session.id, error=type(exc).__name__)
            await reply.notice(exc.user_message)
            return
        text = await self._reviewed(person, session, screened, text, locale=locale)

        mentor = await self._store.append_turn(
            person.id,
            session.id,
            NewTurn(
                "mentor",
                TurnKind.REPLY,
                text,
                self._clock.now(),
                prompt_version=self._prompts.system_id,
                reply_to=waiting[-1].id,
            ),
        )
        await reply.final(text, offer_end=offers_end(text))
        answered = [t.id for t in waiting] + ([mentor.id] if mentor else [])
        await self._store.mark_answered(answered, self._clock.now())
        if concern is not None:
            await self._crisis.offer_once(
                person, session, screened, reply, concern=concern, locale=locale
            )
        log.info(
            "turn_answered",
            person=person.id,
            session=session.id,
            messages=len(waiting),
            concern=concern,
            prep_ms=round(prep_ms, 2),
        )

    async def _deliver_stored_reply(self, turns: tuple[Turn, ...], reply: ReplyChannel) -> bool:
        """A reply stored but never delivered (the process died in between) is delivered
        now, once, instead of asking the LLM again; it answers the messages up to the one
        it replied to."""
        stored = next(
            (
                t
                for t in turns
                if t.role == "mentor" and t.kind is TurnKind.REPLY and t.answered_at is None
            ),
            None,
        )
        if stored is None:
            return False
        await reply.final(stored.text, offer_end=offers_end(stored.text))
        covered = [
            t.id
            for t in turns
            if t.role == "user"
            and t.answered_at is None
            and t.kind is TurnKind.MESSAGE
            and stored.reply_to is not None
            and t.id <= stored.reply_to
        ]
        await self._store.mark_answered([*covered, stored.id], self._clock.now())
        log.info("stored_reply_delivered", session=stored.session_id, turn=stored.id)
        return True

    async def resume(self, channel: Callable[[PersonKey], ReplyChannel]) -> int:
        """After a restart: answer every stored message that was never answered, once.

        Messages older than `resume_max_age` are not answered out of the blue: the
        person is told the thread was lost and asked to go on. A crisis among them
        still gets its resources. Returns how many sessions were resumed.
        """
        pending = await self._store.unanswered()
        for session, newest in pending:
            key = await self._store.person_key(session.person_id)
            person = await self._store.person(key, self._clock.now())
            reply = channel(key)
            async with self._answering.hold(key):
                try:
                    if self._clock.now() - newest > self._policy.resume_max_age:
                        await self._lost_thread(person, session, reply)
                    else:
                        await self._answer(person, session, reply, locale=None)
                except LumenError as exc:
                    log.warning("resume_failed", session=session.id, error=type(exc).__name__)
            log.info("session_resumed", person=person.id, session=session.id)
        return len(pending)

    async def _lost_thread(self, person: Person, session: Session, reply: ReplyChannel) -> None:
        turns = await self._store.session_turns(person.id, session.id)
        screened, crises = await self._crisis.screen_unscreened(person, turns)
        await self._crisis.answer(person, session, crises, reply, locale=None)
        stale = [t.id for t in screened if t.answered_at is None and t.kind is not TurnKind.CRISIS]
        if stale:
            await reply.notice("lost_thread")
            await self._store.mark_answered(stale, self._clock.now())

    async def _reviewed(
        self,
        person: Person,
        session: Session,
        turns: tuple[Turn, ...],
        text: str,
        *,
        locale: str | None,
    ) -> str:
        """The reply the person may see: the mentor's own, or a safe replacement (flagged,
        with the original sealed in the flag for admins)."""
        verdict = self._review_output(text, lang=locale)
        if verdict.ok:
            return text
        replacement = verdict.replacement or SAFE_REPLACEMENT
        evidence = tuple(f"{rule}: «{text[start:end]}»" for rule, start, end in verdict.evidence)
        await self._review.add_flag(
            person_id=person.id,
            session_id=session.id,
            source=FlagSource.OUTPUT,
            detail=FlagDetail(
                reason=",".join(verdict.reasons),
                evidence=evidence,
                reported=text,
                context=tuple(speaker_and_text(t) for t in turns[-CONTEXT_TURNS:]),
            ),
            at=self._clock.now(),
        )
        log.warning("reply_replaced", session=session.id, reasons=",".join(verdict.reasons))
        return replacement

    async def _context(self, person: Person, session: Session) -> SessionContext:
        """The session's context, built once and reused byte for byte (prompt caching)."""
        cached = self._contexts.get(session.id)
        if cached is not None:
            self._contexts.move_to_end(session.id)
            return cached
        # A new session starts from the newest notebook and Arc when the last
        # closing can finish in time; otherwise from the transcript alone.
        await self._closer.settle(person.id, SETTLE_TIMEOUT_S)
        history = await self._store.history(person.id)
        rhythm = await self._reminders.rhythm(person.id)
        context = build_context(
            history,
            session_number=session.number,
            opened_at=session.opened_at,
            budget=self._policy.context_budget,
            seed=session_seed(self._policy.seed, person.id, session.number),
            rhythm=self._rhythm_words(rhythm),
            early_within=self._reminders.policy.min_gap,
        )
        self._contexts[session.id] = context
        if len(self._contexts) > self._policy.cached_contexts:
            self._contexts.popitem(last=False)
        log.info(
            "context_built",
            session=session.id,
            tokens=context.tokens,
            notebooks=context.notebooks,
            transcripts=context.transcripts,
        )
        return context

    def _rhythm_words(self, rhythm: Rhythm) -> str:
        gap = self._reminders.policy.gap.days
        return f"{CADENCE_WORDS[rhythm.cadence]}; sessions suggested about {gap} days apart"

    def _turn_request(
        self, context: SessionContext, turns: tuple[Turn, ...], *, concern: Concern | None
    ) -> LLMRequest:
        system = [SystemBlock(self._system), SystemBlock(context.text, cache=True)]
        if concern is Concern.HELPER:
            system.append(SystemBlock(self._prompts.helper_addendum.text))
        elif concern is Concern.SELF:
            system.append(SystemBlock(self._concern_addendum))
        return LLMRequest(
            purpose="turn",
            system=tuple(system),
            messages=fit_messages(
                to_messages(turns, max_chars=self._limits_policy.max_input_chars),
                self._policy.message_budget,
            ),
            max_tokens=self._policy.max_tokens,
            cache_last_message=True,
        )

    async def _within_limits(
        self, person: Person, waiting: list[Turn], reply: ReplyChannel
    ) -> bool:
        """Held back by a limit, messages stay stored and are answered with the next one."""
        now = self._clock.now()
        if not self._limits.allow_answer(person.id, now):
            log.info("rate_limited", person=person.id)
            await reply.notice("slow_down")
            return False
        if not self._limits.allow_llm_call(person.id, now):
            log.info("daily_cap_reached", person=person.id)
            await reply.notice("daily_limit")
            return False
        if any(len(t.text) > self._limits_policy.max_input_chars for t in waiting):
            await reply.notice("long_message")
        return True

    async def _useful_answer(
        self, request: LLMRequest, reply: ReplyChannel, waiting: list[Turn], *, locale: str | None
    ) -> str:
        """The answer without thinking blocks; a useless one (empty, one character, an echo)
        is asked for once more from the fallback model, and the better of the two kept."""
        said = "\n\n".join(t.text for t in waiting)
        session_id = waiting[0].session_id
        first = visible(await self._cancellable(session_id, request, reply, locale), final=True)
        verdict = judge(first, said=said)
        if verdict.useful:
            return first
        log.warning("answer_useless", reasons=",".join(verdict.reasons))
        retry = replace(request, model=self._policy.fallback_model)
        second = visible(await self._cancellable(session_id, retry, reply, locale), final=True)
        chosen = better(first, second, said=said)
        if not judge(chosen, said=said).useful:
            raise LLMEmptyAnswer("no useful answer from either model")
        return chosen

    async def _cancellable(
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

    async def _stream(self, request: LLMRequest, reply: ReplyChannel, *, locale: str | None) -> str:
        """Collect the answer, showing it as it grows; typing stays visible until it does.

        A preview is shown only after the output review passed on it, every
        PREVIEW_STEP characters; once a preview fails, no more are shown.
        """
        text = ""
        shown = 0
        previews = True
        typing = asyncio.get_running_loop().create_task(
            _keep_typing(reply, self._policy.typing_every_s)
        )
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

    async def set_country(self, person_key: PersonKey, code: str) -> str | None:
        """`/country XX`: the code if Lumen has crisis lines there, else None."""
        person = await self._store.person(person_key, self._clock.now())
        return await self._crisis.set_country(person, code)

    async def _cancel_answer(self, person_key: PersonKey) -> None:
        person = await self._store.find_person(person_key)
        session = await self._store.active_session(person.id) if person else None
        task = self._inflight.get(session.id) if session else None
        if task is not None and not task.done():
            task.cancel()
            log.info("answer_cancelled_by_end", session=session.id if session else None)

    async def end(self, person_key: PersonKey, reply: ReplyChannel, *, by: str = "end") -> bool:
        """Close the person's active session; the closing job runs in the background.

        Returns False when there was no session to close.
        """
        async with self._intake.hold(person_key):
            pass  # wait for messages sent before /end to be stored ...
        await self._cancel_answer(person_key)  # ... an answer still streaming is dropped ...
        async with self._answering.hold(person_key):  # ... and the rest answered
            person = await self._store.find_person(person_key)
            session = await self._store.active_session(person.id) if person else None
            if person is None or session is None:
                await reply.notice("no_session_to_end")
                return False
            # Nothing unscreened goes into the notebook, and no crisis goes unanswered.
            turns = await self._store.session_turns(person.id, session.id)
            _, crises = await self._crisis.screen_unscreened(person, turns)
            await self._crisis.answer(person, session, crises, reply, locale=None)
            job = await self._store.begin_closing(session.id, self._clock.now(), by)
            self._contexts.pop(session.id, None)
            await reply.notice("session_closing")
            log.info("session_closing", person=person.id, session=session.id, by=by)
        self._closer.start(job)
        return True

    @asynccontextmanager
    async def still(self, person_key: PersonKey) -> AsyncIterator[None]:
        """Hold one person still while their data is forgotten: their new messages wait
        to be stored (after, they belong to a new person), an answer streaming is
        dropped, and what was already being answered finishes first. No session context
        stays cached: a deleted session's id may be given to someone else's session."""
        async with self._intake.hold(person_key):
            await self._cancel_answer(person_key)
            async with self._answering.hold(person_key):
                try:
                    yield
                finally:
                    self._contexts.clear()
