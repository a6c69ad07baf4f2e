"""The mentor's answer to what waits in a session: screen, assemble, stream, review, deliver.

Data flow of one answer (DESIGN.md): the screen sees every waiting message before
any LLM call; a crisis is answered with resources and never reaches the LLM; the
mentor's answer passes the output review, is stored before it is delivered, and
the turns are marked answered after.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable
from dataclasses import replace
from enum import Enum

from lumen_bot.errors import (
    AnswerCancelled,
    LLMBusy,
    LLMEmptyAnswer,
    LLMStreamBroken,
    LLMUnavailable,
    LumenError,
)
from lumen_bot.harness.context import SessionContext, speaker_and_text
from lumen_bot.harness.context_cache import ContextCache
from lumen_bot.harness.conversation import fit_messages, to_messages
from lumen_bot.harness.crisis import Concern, CrisisDesk, concern_in
from lumen_bot.harness.flags import FlagDetail, FlagSource
from lumen_bot.harness.limits import PersonLimits
from lumen_bot.harness.model import Person, Session, Turn, TurnKind
from lumen_bot.harness.ports import (
    Clock,
    LLMRequest,
    OutputReviewer,
    PartDelivered,
    ReplyChannel,
    SystemBlock,
)
from lumen_bot.harness.prompts import PromptBook
from lumen_bot.harness.quality import better, judge, visible
from lumen_bot.harness.review import CONTEXT_TURNS
from lumen_bot.harness.store_ports import NewTurn, ReviewStore, Store, UnreadableTurn
from lumen_bot.harness.streaming import AnswerStream
from lumen_bot.logs import events
from safety.screening import Screening

log = events(__name__)

SAFE_REPLACEMENT = (
    "I'd rather not answer that the way I started to. Can you tell me a little more "
    "about what you need right now?"
)


# LLM failures that pass (an outage, an overload, a broken or empty answer, a request the
# API refused until the operator sets it right): the message stays stored and Lumen
# tries again by itself.
PASSING_FAILURES = (LLMUnavailable, LLMBusy, LLMStreamBroken, LLMEmptyAnswer)


class Outcome(Enum):
    """What became of the waiting messages."""

    DONE = "done"  # answered, or nothing was waiting (or only a crisis)
    HELD = "held"  # a per-person limit held the answer back; the messages stay stored
    FAILED = "failed"  # the LLM could not answer now (a passing failure): try again later


def _undelivered(turn: Turn) -> bool:
    """A reply stored but never delivered (the process died in between)."""
    return turn.role == "mentor" and turn.kind is TurnKind.REPLY and turn.answered_at is None


def offers_end(reply: str) -> bool:
    """The mentor suggested closing the session: the person gets a button for it."""
    return "/end" in reply


class Answerer:
    """Answers one person's waiting messages, once; the caller holds their answering lock."""

    def __init__(
        self,
        *,
        store: Store,
        review: ReviewStore,
        crisis: CrisisDesk,
        review_output: OutputReviewer,
        limits: PersonLimits,
        concern_addendum: str,
        prompts: PromptBook,
        clock: Clock,
        contexts: ContextCache,
        stream: AnswerStream,
        max_tokens: int,
        message_budget: int,
        fallback_model: str | None,
    ) -> None:
        self._store = store
        self._review = review
        self._crisis = crisis
        self._review_output = review_output
        self._limits = limits
        self._concern_addendum = concern_addendum
        self._prompts = prompts
        self._clock = clock
        self._contexts = contexts
        self._stream = stream
        self._max_tokens = max_tokens
        self._message_budget = message_budget
        self._fallback_model = fallback_model
        self._system = f"{prompts.mentor.text}\n\n{prompts.safety_policy.text}"

    async def answer(
        self,
        person: Person,
        session: Session,
        reply: ReplyChannel,
        *,
        locale: str | None,
        live: bool = True,
    ) -> Outcome:
        """Screen what is unscreened, give crisis resources, then answer what waits.

        `live`: the person is waiting for this answer, so a limit or a failure is told
        to them. A retry Lumen makes on its own (`live=False`) stays quiet unless it
        answers: they were told already that their message is kept.
        """
        started = time.perf_counter()
        read = await self._store.read_session(person.id, session.id)
        screened, crises, recording = await self._crisis.screen_for_answer(person, read.turns)
        try:
            return await self._answer_screened(
                person,
                session,
                screened,
                crises,
                read.unreadable,
                recording,
                reply,
                locale,
                started,
                live,
            )
        finally:
            await recording  # no verdict is left behind, whatever happened

    async def _settle_unreadable(
        self, session: Session, unreadable: tuple[UnreadableTurn, ...], reply: ReplyChannel
    ) -> None:
        """An owed turn that no longer opens (damaged at rest) cannot be answered. Rather
        than wait on it for ever, leaving the person unanswered without a word, Lumen
        says so, asks them to send it again, and counts it as answered."""
        if not unreadable:
            return
        if any(turn.role == "user" for turn in unreadable):
            await reply.notice("message_unreadable")
        await self._store.mark_answered([t.id for t in unreadable], self._clock.now())
        log.warning("owed_turn_unreadable", session=session.id, turns=len(unreadable))

    async def _answer_screened(
        self,
        person: Person,
        session: Session,
        screened: tuple[Turn, ...],
        crises: list[tuple[Turn, Screening]],
        unreadable: tuple[UnreadableTurn, ...],
        recording: Awaitable[object],
        reply: ReplyChannel,
        locale: str | None,
        started: float,
        live: bool,
    ) -> Outcome:
        """The rest of `answer`, once the waiting messages are screened; their verdicts
        (`recording`) reach the disk before anything reads the turns again, and before
        the answer is stored."""
        if crises or any(_undelivered(t) for t in screened):
            await recording
        await self._crisis.answer(person, session, crises, reply, locale=locale)
        await self._settle_unreadable(session, unreadable, reply)
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
            return Outcome.DONE  # answered together with an earlier message, or only a crisis
        if not await self._within_limits(person, waiting, reply, live=live):
            return Outcome.HELD
        concern = concern_in(waiting)
        context = await self._contexts.get(person, session)
        request = self._turn_request(context, screened, concern=concern)
        prep_ms = (time.perf_counter() - started) * 1000
        try:
            text = await self._useful_answer(request, reply, waiting, locale=locale)
        except AnswerCancelled:
            log.info("turn_dropped_for_end", session=session.id)
            return Outcome.DONE  # the waiting messages go into the closing notebook unanswered
        except PASSING_FAILURES as exc:
            log.warning("turn_failed", session=session.id, error=type(exc).__name__, live=live)
            if live:
                await reply.notice(exc.user_message)  # "I've kept it and will answer"
            return Outcome.FAILED
        except LumenError as exc:
            log.warning("turn_failed", session=session.id, error=type(exc).__name__, live=live)
            await reply.notice(exc.user_message)
            return Outcome.DONE  # not a failure that passes: the messages wait for the next one
        text = await self._reviewed(person, session, screened, text, locale=locale)
        await recording
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
        await reply.final(text, offer_end=offers_end(text), on_part=self._part_recorder(mentor))
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
            prep_ms=round(prep_ms, 2),
        )
        return Outcome.DONE

    async def _deliver_stored_reply(self, turns: tuple[Turn, ...], reply: ReplyChannel) -> bool:
        """A reply stored but never delivered (the process died in between) is delivered
        now, once, instead of asking the LLM again; it answers the messages up to the one
        it replied to."""
        stored = next((t for t in turns if _undelivered(t)), None)
        if stored is None:
            return False
        await reply.final(
            stored.text,
            offer_end=offers_end(stored.text),
            skip=stored.parts_delivered,
            on_part=self._part_recorder(stored),
        )
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

    def _part_recorder(self, reply: Turn | None) -> PartDelivered | None:
        """Records how many parts of a long reply reached the person, so a delivery that
        stops half-way resumes after them (`_deliver_stored_reply`) instead of sending
        them twice."""
        if reply is None:
            return None
        turn_id = reply.id

        async def record(parts: int) -> None:
            await self._store.mark_parts_delivered(turn_id, parts)

        return record

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
        log.warning("reply_replaced", session=session.id)  # the reasons are sealed in the flag
        return replacement

    def _turn_request(
        self, context: SessionContext, turns: tuple[Turn, ...], *, concern: Concern | None
    ) -> LLMRequest:
        system = [SystemBlock(self._system), SystemBlock(context.text, cache=True)]
        if concern is Concern.HELPER:
            system.append(SystemBlock(self._prompts.helper_addendum.text))
        elif concern is Concern.HURT:
            system.append(SystemBlock(self._prompts.hurt_addendum.text))
        elif concern is Concern.WITNESS:
            system.append(SystemBlock(self._prompts.witness_addendum.text))
        elif concern is Concern.SELF:
            system.append(SystemBlock(self._concern_addendum))
        return LLMRequest(
            purpose="turn",
            system=tuple(system),
            messages=fit_messages(
                to_messages(turns, max_chars=self._limits.policy.max_input_chars),
                self._message_budget,
            ),
            max_tokens=self._max_tokens,
            cache_last_message=True,
        )

    async def _within_limits(
        self, person: Person, waiting: list[Turn], reply: ReplyChannel, *, live: bool
    ) -> bool:
        """Held back by a limit, messages stay stored and are answered with the next one
        (or, for a retry, at a later attempt)."""
        now = self._clock.now()
        if not self._limits.allow_answer(person.id, now):
            log.info("rate_limited", person=person.id, live=live)
            if live:
                await reply.notice("slow_down")
            return False
        if not self._limits.allow_llm_call(person.id, now):
            log.info("daily_cap_reached", person=person.id, live=live)
            if live:
                await reply.notice("daily_limit")
            return False
        if live and any(len(t.text) > self._limits.policy.max_input_chars for t in waiting):
            await reply.notice("long_message")  # a retry: they heard it at the first attempt
        return True

    async def _useful_answer(
        self, request: LLMRequest, reply: ReplyChannel, waiting: list[Turn], *, locale: str | None
    ) -> str:
        """The answer without thinking blocks; a useless one (empty, one character, an echo)
        is asked for once more from the fallback model, and the better of the two kept."""
        said = "\n\n".join(t.text for t in waiting)
        session_id = waiting[0].session_id
        first = visible(await self._stream.text(session_id, request, reply, locale), final=True)
        verdict = judge(first, said=said)
        if verdict.useful:
            return first
        log.warning("answer_useless", reasons=",".join(verdict.reasons))
        retry = replace(request, model=self._fallback_model)
        second = visible(await self._stream.text(session_id, retry, reply, locale), final=True)
        chosen = better(first, second, said=said)
        if not judge(chosen, said=said).useful:
            raise LLMEmptyAnswer("no useful answer from either model")
        return chosen
