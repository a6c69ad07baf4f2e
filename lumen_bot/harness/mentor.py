"""The mentor's side of a conversation: admit each message, then answer it in its turn.

Data flow of one message (DESIGN.md): the turn is stored encrypted before
anything else happens to it; then, under the person's answering lock, `answer.py`
screens it, answers a crisis with resources, and streams, stores and delivers the
mentor's answer. This module owns the per-person locks, and with them `/end`,
forgetting, resuming after a restart, trying again an answer the LLM could not
give, and closing sessions left quiet.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from lumen_bot.errors import (
    DecryptionError,
    DeliveryFailed,
    KeyringError,
    LumenError,
    PersonUnreachable,
)
from lumen_bot.harness.answer import Answerer, Outcome
from lumen_bot.harness.closing import Closer
from lumen_bot.harness.context_cache import ContextCache
from lumen_bot.harness.crisis import CrisisDesk
from lumen_bot.harness.locales import Locales
from lumen_bot.harness.locks import KeyedLocks
from lumen_bot.harness.model import Inbound, Person, PersonKey, Session, TurnKind
from lumen_bot.harness.ports import Channels, Clock, ReplyChannel
from lumen_bot.harness.reminders import Reminders
from lumen_bot.harness.retries import OwedAnswer, OwedAnswers, RetryPolicy
from lumen_bot.harness.store_ports import NewTurn, ReviewStore, Store
from lumen_bot.harness.streaming import AnswerStream
from lumen_bot.logs import events

log = events(__name__)


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
    # when an answer the LLM could not give is tried again (`retry_owed`)
    retry: RetryPolicy = field(default_factory=RetryPolicy)


class Mentor:
    """Serves every person: one at a time per person, many people at once."""

    def __init__(
        self,
        *,
        store: Store,
        review: ReviewStore,
        crisis: CrisisDesk,
        clock: Clock,
        closer: Closer,
        reminders: Reminders,
        contexts: ContextCache,
        stream: AnswerStream,
        answerer: Answerer,
        locales: Locales,
        policy: MentorPolicy,
    ) -> None:
        self._store = store
        self._review = review
        self._crisis = crisis
        self._clock = clock
        self._closer = closer
        self._reminders = reminders
        self._contexts = contexts  # dropped when a session closes or a person is forgotten
        self._stream = stream  # an answer still streaming is cancelled by /end
        self._answerer = answerer
        self._locales = locales  # what a restart, a retry or a quiet close speaks
        self._policy = policy
        self._intake = KeyedLocks()
        self._answering = KeyedLocks()
        self._owed = OwedAnswers(policy.retry)  # answers to try again (retry_owed)

    @property
    def held_locks(self) -> int:
        """Per-person locks alive now (held or awaited); zero when everyone is idle."""
        return len(self._intake) + len(self._answering)

    @property
    def owed_answers(self) -> int:
        """People whose answer the LLM could not give yet and who wait for a retry."""
        return len(self._owed)

    async def handle(self, inbound: Inbound, reply: ReplyChannel) -> None:
        """Store the message at once, then answer it in its turn, exactly once.

        Two locks per person: a short one around storing, so a message is on disk
        before it waits for anything, and a long one around answering, so one
        person's messages are answered in order. Messages that arrive while the
        mentor is still answering are stored at once and answered together next.
        """
        try:
            async with self._intake.hold(inbound.person):
                arrival = await self._store.arrival(inbound.person, self._clock.now())
                person = arrival.person
                if await self._blocked(person, arrival.block, inbound.text, reply):
                    return
                admitted = await self._admit(person, arrival.session, inbound)
        finally:
            if inbound.on_admitted is not None:
                inbound.on_admitted()  # the platform may now confirm it has the message
        if admitted is None:
            return
        session, after_idle = admitted
        if after_idle:
            await reply.notice("new_session_after_idle")
        async with self._answering.hold(inbound.person):
            try:
                outcome = await self._answerer.answer(person, session, reply, locale=inbound.locale)
            except PersonUnreachable:
                raise
            except DeliveryFailed:
                # Stored but not (wholly) delivered: a retry delivers it, from the first
                # part that did not arrive. "Try again" would have them write it twice.
                log.warning("answer_undelivered", session=session.id)
                outcome = Outcome.FAILED
            self._owed.after(
                outcome,
                inbound.person,
                session.id,
                inbound.locale,
                now=self._clock.now(),
                live=True,
            )
        # after the answer, not beside it: a first message's way to the LLM stays as short
        self._locales.heard(person.id, inbound.locale)

    async def _blocked(
        self,
        person: Person,
        block: tuple[datetime, bool] | None,
        text: str,
        reply: ReplyChannel,
    ) -> bool:
        """A person an admin blocked hears so once, and is otherwise ignored (nothing
        stored), unless they write of a crisis: that is answered as from anyone."""
        if block is None or block[0] <= self._clock.now():
            return False
        if self._crisis.comes_before_a_block(text):
            log.info("crisis_from_blocked_person", person=person.id)
            return False
        if not block[1]:
            await reply.notice("blocked")
            await self._review.mark_block_notified(person.id)
        log.info("message_from_blocked_person", person=person.id)
        return True

    async def _admit(
        self, person: Person, session: Session | None, inbound: Inbound
    ) -> tuple[Session, bool] | None:
        """Store the message (encrypted, unscreened); None if it was answered before.

        Also says whether this message begins a new session after the last one
        closed for quiet (so the person can be told): yesterday's conversation never
        silently continues into today's.
        """
        now = self._clock.now()
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
        self._contexts.drop(session.id)
        self._closer.start(job)
        log.info("session_closed_for_quiet", person=session.person_id, session=session.id)

    async def close_idle(self, channel: Channels) -> int:
        """Close every session that has been quiet for `idle_after`; returns how many.

        Messages still unscreened are screened first (a crisis among them is answered
        through `channel`); a session with an answer still owed is left to finish.
        """
        now = self._clock.now()
        closed = 0
        for stale in await self._store.idle_sessions(now - self._reminders.policy.idle_after):
            try:
                closed += await self._close_if_idle(stale, channel, now)
            except LumenError as exc:  # one person's unreadable record stops nobody else
                log.warning("idle_close_failed", session=stale.id, error=type(exc).__name__)
        return closed

    async def _close_if_idle(self, stale: Session, channel: Channels, now: datetime) -> int:
        key = await self._store.person_key(stale.person_id)
        async with self._intake.hold(key), self._answering.hold(key):
            session = await self._store.active_session(stale.person_id)
            if session is None or session.id != stale.id or not self._is_idle(session, now):
                return 0  # they wrote in the meantime
            person = await self._store.person(key, now)
            turns = await self._store.session_turns(person.id, session.id)
            screened, crises = await self._crisis.screen_unscreened(person, turns)
            locale = await self._locales.of(person.id)
            await self._crisis.answer(person, session, crises, channel(key, locale), locale=locale)
            if any(t.answered_at is None and t.kind is TurnKind.MESSAGE for t in screened):
                return 0  # an answer is owed; a retry, the next message or resume gives it
            await self._close_for_quiet(session)
            return 1

    async def resume(self, channel: Channels) -> int:
        """After a restart: answer every stored message that was never answered, once.

        Messages older than `resume_max_age` are not answered out of the blue: the
        person is told the thread was lost and asked to go on. A crisis among them
        still gets its resources. Returns how many sessions were resumed.
        """
        pending = await self._store.unanswered()
        for session, newest in pending:
            try:
                key = await self._store.person_key(session.person_id)
                person = await self._store.person(key, self._clock.now())
                locale = await self._locales.of(person.id)
                reply = channel(key, locale)
            except LumenError as exc:  # one person's unreadable record stops nobody else
                log.warning("resume_failed", session=session.id, error=type(exc).__name__)
                continue
            async with self._answering.hold(key):
                try:
                    await self._answer_owed(
                        person, session, newest, reply, locale=locale, live=True
                    )
                except LumenError as exc:
                    log.warning("resume_failed", session=session.id, error=type(exc).__name__)
                    if isinstance(exc, DeliveryFailed) and not isinstance(exc, PersonUnreachable):
                        self._owed.failed(key, session.id, None, self._clock.now())  # again later
            log.info("session_resumed", person=person.id, session=session.id)
        return len(pending)

    async def retry_owed(self, channel: Channels, *, ahead: timedelta = timedelta(0)) -> int:
        """Try again the answers the LLM could not give, whose time has come (the rhythm
        beat calls this). Each runs under its person's answering lock, so never beside
        another answer to them; different people at once. Returns how many were tried.

        `ahead`: the retries due within this time (the beat's interval) are taken now, and
        each starts at its own time. The waits are spread apart (`backoff.py`) so that
        people who failed in the same outage do not meet the LLM in one burst; starting
        all of a beat's retries together would gather them again.

        The same path as `resume`: what waits is answered once, or, once the newest
        waiting message is older than `resume_max_age`, the person hears the thread was
        lost. A retry that fails again stays quiet and plans the next, later attempt.
        """
        now = self._clock.now()
        due = self._owed.take_due(now + ahead)
        results = await asyncio.gather(
            *(self._retry(owed, channel, after_s=(owed.due - now).total_seconds()) for owed in due),
            return_exceptions=True,
        )
        for owed, result in zip(due, results, strict=True):
            if isinstance(result, Exception):
                log.error(
                    "answer_retry_crashed", session=owed.session_id, error=type(result).__name__
                )
        return len(due)

    async def _retry(
        self,
        owed: OwedAnswer,
        channel: Channels,
        *,
        after_s: float = 0.0,
    ) -> None:
        if after_s > 0:
            await asyncio.sleep(after_s)  # its own time within the beat (see `retry_owed`)
        self._owed.started(owed)
        async with self._answering.hold(owed.person):
            try:
                person = await self._store.find_person(owed.person)
                session = await self._store.active_session(person.id) if person else None
                if person is None or session is None or session.id != owed.session_id:
                    log.info("answer_retry_dropped", session=owed.session_id)  # closed meanwhile
                    return
                read = await self._store.read_session(person.id, session.id)
                waiting = [t.at for t in read.turns if t.answered_at is None]
                waiting += [t.at for t in read.unreadable]  # the answer tells them
                if not waiting:
                    return  # answered together with a later message
                log.info("answer_retry", session=session.id, failures=owed.failures)
                locale = owed.locale or await self._locales.of(person.id)
                await self._answer_owed(
                    person,
                    session,
                    max(waiting),
                    channel(owed.person, locale),
                    locale=locale,
                    live=False,
                    failures=owed.failures,
                )
            except PersonUnreachable:
                log.info("answer_retry_dropped", session=owed.session_id)  # they blocked the bot
            except (DecryptionError, KeyringError) as exc:  # no attempt will open it
                log.warning(
                    "answer_retry_dropped", session=owed.session_id, error=type(exc).__name__
                )
            except Exception as exc:  # noqa: BLE001 - they were told "no need to send it again"
                # whatever failed (the LLM, the platform, the store), try again later;
                # `resume_max_age` ends it with "I lost the thread"
                log.warning(
                    "answer_retry_failed", session=owed.session_id, error=type(exc).__name__
                )
                self._owed.failed(
                    owed.person,
                    owed.session_id,
                    owed.locale,
                    self._clock.now(),
                    failures_before=owed.failures,
                )

    async def _answer_owed(
        self,
        person: Person,
        session: Session,
        newest: datetime,
        reply: ReplyChannel,
        *,
        locale: str | None,
        live: bool,
        failures: int = 0,
    ) -> None:
        """Answer what waits in a session (the caller holds the answering lock), unless
        its newest waiting message is too old to be answered out of the blue."""
        if self._clock.now() - newest > self._policy.resume_max_age:
            await self._lost_thread(person, session, reply, locale)
            self._owed.settled(person.key)
            return
        outcome = await self._answerer.answer(person, session, reply, locale=locale, live=live)
        self._owed.after(
            outcome,
            person.key,
            session.id,
            locale,
            now=self._clock.now(),
            live=live,
            failures=failures,
        )

    async def _lost_thread(
        self, person: Person, session: Session, reply: ReplyChannel, locale: str | None
    ) -> None:
        read = await self._store.read_session(person.id, session.id)
        screened, crises = await self._crisis.screen_unscreened(person, read.turns)
        await self._crisis.answer(person, session, crises, reply, locale=locale)
        stale = [t.id for t in screened if t.answered_at is None and t.kind is not TurnKind.CRISIS]
        stale += [t.id for t in read.unreadable]  # lost with the thread
        if stale:
            await reply.notice("lost_thread")
            await self._store.mark_answered(stale, self._clock.now())

    async def set_country(self, person_key: PersonKey, code: str) -> str | None:
        """`/country XX`: the code if Lumen has crisis lines there, else None."""
        person = await self._store.person(person_key, self._clock.now())
        return await self._crisis.set_country(person, code)

    async def _cancel_answer(self, person_key: PersonKey) -> None:
        person = await self._store.find_person(person_key)
        session = await self._store.active_session(person.id) if person else None
        if session is not None and self._stream.cancel(session.id):
            log.info("answer_cancelled_by_end", session=session.id)

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
            locale = await self._locales.of(person.id)
            await self._crisis.answer(person, session, crises, reply, locale=locale)
            job = await self._store.begin_closing(session.id, self._clock.now(), by)
            self._contexts.drop(session.id)
            self._owed.settled(person_key)  # what waits goes into the notebook
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
                self._owed.settled(person_key)
                try:
                    yield
                finally:
                    self._contexts.clear()
