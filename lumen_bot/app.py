"""The composition root: Settings in, every object built once and wired by constructor."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta

import safety
from lumen_bot.harness.answer import Answerer
from lumen_bot.harness.clock import SystemClock
from lumen_bot.harness.closing import Closer, ClosingPolicy
from lumen_bot.harness.context_cache import ContextCache
from lumen_bot.harness.correction import CorrectionPolicy, Corrector
from lumen_bot.harness.crisis import CrisisDesk
from lumen_bot.harness.limits import LimitPolicy, PersonLimits
from lumen_bot.harness.locales import Locales
from lumen_bot.harness.memory import Memory
from lumen_bot.harness.mentor import Mentor, MentorPolicy
from lumen_bot.harness.model import PersonKey
from lumen_bot.harness.ports import LLM, Clock, Notifier
from lumen_bot.harness.privacy import Forgetting, InsightsChoice, PrivacyStore, Retention
from lumen_bot.harness.prompts import PromptBook, default_prompts_dir
from lumen_bot.harness.reminders import Pace, Reminders
from lumen_bot.harness.retries import RetryPolicy
from lumen_bot.harness.review import Reports, Review
from lumen_bot.harness.rhythm import RhythmPolicy
from lumen_bot.harness.store_ports import MemoryStore, ReviewStore, RhythmStore, Store
from lumen_bot.harness.streaming import AnswerStream
from lumen_bot.harness.tasks import TaskGroup
from lumen_bot.harness.tokens import estimate_tokens
from lumen_bot.install import install_keyring
from lumen_bot.llm.anthropic_llm import AnthropicLLM
from lumen_bot.logs import events
from lumen_bot.settings import Settings
from lumen_bot.store.sqlite import SqliteStore
from safety.care import SafetyCare

log = events(__name__)


@dataclass(frozen=True, slots=True)
class Core:
    """Everything platform-free that a running Lumen needs."""

    settings: Settings
    store: SqliteStore
    services: Services
    tasks: TaskGroup
    notifier: Notifier

    async def resume(self) -> None:
        """At start: finish interrupted forgetting and closings, answer messages left
        unanswered, apply Arc corrections left half-done, settle reminders caught mid-send."""
        await self.services.forgetting.resume()  # first: a half-forgotten person is finished
        await self.closer.resume()
        await self.mentor.resume(self.notifier.channel)
        await self.services.memory.resume()
        await self.services.reminders.recover()

    async def keep_rhythm(self) -> None:
        """One beat of the rhythm (run on a timer): try again the answers the LLM could
        not give, close quiet sessions, send due reminders. Failures are logged and
        retried on the next beat."""
        self.retry_answers()
        try:
            await self.mentor.close_idle(self.notifier.channel)
            await self.services.reminders.tick()
            await self.services.retention.tick()
        except Exception as exc:  # noqa: BLE001 - the next beat tries again
            log.warning("rhythm_beat_failed", error=type(exc).__name__)

    def retry_answers(self) -> None:
        """Start, beside the beat, the retries due before the next beat, each at its own
        time: an answer can take as long as the LLM's timeout, and reminders must not
        wait for it. Each retry is taken off the schedule by the beat that starts it,
        so no beat starts one twice."""
        if self.mentor.owed_answers:
            beat = timedelta(seconds=self.settings.rhythm_tick_s)
            self.tasks.spawn(
                self.mentor.retry_owed(self.notifier.channel, ahead=beat), name="answer-retries"
            )

    @property
    def mentor(self) -> Mentor:
        return self.services.mentor

    @property
    def closer(self) -> Closer:
        return self.services.closer


@asynccontextmanager
async def open_store(settings: Settings, *, create: bool = True) -> AsyncIterator[SqliteStore]:
    """The install's store, opened only under a keyring that opens its data keys.

    `create`: a new install is made where there is none (`lumen run`, `chat`, `import`);
    without it the data must be there already and nothing is created (see
    `lumen_bot.install`).
    """
    keyring = await install_keyring(settings, create=create)
    async with SqliteStore(
        settings.database_file,
        settings.keystore_file,
        keyring,
        version_ttl_s=settings.key_version_ttl_s,
        create=create,
    ) as store:
        await store.check_keyring()
        yield store


def message_budget(settings: Settings, prompts: PromptBook) -> int:
    """What the reserve leaves for a session's own messages: the reserve minus the reply
    and the system prompt around the context (the longer addendum included)."""
    addendum = max(
        (
            prompts.concern_addendum.text,
            prompts.helper_addendum.text,
            prompts.hurt_addendum.text,
            prompts.witness_addendum.text,
        ),
        key=estimate_tokens,
    )
    system = estimate_tokens(
        "\n\n".join((prompts.mentor.text, prompts.safety_policy.text, addendum))
    )
    return max(1_000, settings.context_reserve - settings.max_tokens - system)


@dataclass(frozen=True, slots=True)
class Services:
    """The harness's services, wired: what adapters call."""

    mentor: Mentor
    closer: Closer
    reports: Reports
    review: Review
    reminders: Reminders
    forgetting: Forgetting
    retention: Retention
    insights: InsightsChoice
    memory: Memory


def wire_harness(
    *,
    store: Store,
    review: ReviewStore,
    llm: LLM,
    notifier: Notifier,
    clock: Clock,
    tasks: TaskGroup,
    prompts: PromptBook,
    mentor_policy: MentorPolicy,
    closing_policy: ClosingPolicy,
    rhythms: RhythmStore,
    privacy: PrivacyStore,
    memories: MemoryStore,
    admins: tuple[PersonKey, ...] = (),
    limits: LimitPolicy | None = None,
    rhythm_policy: RhythmPolicy | None = None,
    pace: Pace | None = None,
    retention_days: int = 0,
    memory_ask_ttl: timedelta = timedelta(minutes=15),
) -> Services:
    """The harness as production runs it: the real screen and crisis care included.

    Tests call this too, with fakes for the store's files, the LLM and the platform.
    """
    locales = Locales(review, tasks)  # what Lumen speaks outside a message
    reminders = Reminders(
        store=store,
        rhythms=rhythms,
        review=review,
        notifier=notifier,
        locales=locales,
        review_output=safety.review_output,
        clock=clock,
        policy=rhythm_policy or RhythmPolicy(),
        pace=pace,
    )
    closer = Closer(
        reminders=reminders,
        store=store,
        llm=llm,
        prompts=prompts,
        notifier=notifier,
        locales=locales,
        clock=clock,
        policy=closing_policy,
        tasks=tasks,
    )
    person_limits = PersonLimits(limits or LimitPolicy())  # answers and corrections alike
    crisis = CrisisDesk(
        store=store,
        review=review,
        screen=safety.screen,
        care=SafetyCare(),
        clock=clock,
        alerts=notifier,
        admins=admins,
    )
    contexts = ContextCache(
        store=store,
        closer=closer,
        reminders=reminders,
        budget=mentor_policy.context_budget,
        seed=mentor_policy.seed,
        size=mentor_policy.cached_contexts,
    )
    stream = AnswerStream(
        llm=llm, review_output=safety.review_output, typing_every_s=mentor_policy.typing_every_s
    )
    mentor = Mentor(
        store=store,
        review=review,
        crisis=crisis,
        clock=clock,
        closer=closer,
        reminders=reminders,
        contexts=contexts,
        stream=stream,
        answerer=Answerer(
            store=store,
            review=review,
            crisis=crisis,
            review_output=safety.review_output,
            limits=person_limits,
            concern_addendum=prompts.concern_addendum.text,
            prompts=prompts,
            clock=clock,
            contexts=contexts,
            stream=stream,
            max_tokens=mentor_policy.max_tokens,
            message_budget=mentor_policy.message_budget,
            fallback_model=mentor_policy.fallback_model,
        ),
        locales=locales,
        policy=mentor_policy,
    )
    corrector = Corrector(
        store=store,
        memory=memories,
        review=review,
        llm=llm,
        prompts=prompts,
        screen=safety.screen,
        review_output=safety.review_output,
        crisis_route=mentor.handle,  # a crisis in a correction is a crisis in the conversation
        notifier=notifier,
        locales=locales,
        clock=clock,
        tasks=tasks,
        limits=person_limits,
        policy=CorrectionPolicy(
            max_tokens=closing_policy.max_tokens,
            retry_base_s=closing_policy.retry_base_s,
            retry_max_s=closing_policy.retry_max_s,
        ),
    )
    return Services(
        mentor=mentor,
        closer=closer,
        reports=Reports(store=store, review=review, clock=clock),
        review=Review(review=review, clock=clock),
        reminders=reminders,
        forgetting=Forgetting(
            store=store,
            privacy=privacy,
            mentor=mentor,
            closer=closer,
            reminders=reminders,
            clock=clock,
        ),
        retention=Retention(privacy=privacy, clock=clock, global_days=retention_days),
        insights=InsightsChoice(privacy),
        memory=Memory(
            store=store,
            memory=memories,
            review=review,
            corrector=corrector,
            clock=clock,
            ask_ttl=memory_ask_ttl,
        ),
    )


def rhythm_policy(settings: Settings) -> RhythmPolicy:
    quiet_start, quiet_end = settings.quiet
    return RhythmPolicy(
        gap=timedelta(days=settings.session_gap_days),
        min_gap=timedelta(days=settings.session_min_gap_days),
        quiet_start=quiet_start,
        quiet_end=quiet_end,
        window=timedelta(hours=settings.reminder_window_h),
        idle_after=timedelta(hours=settings.idle_close_h),
        ignored_limit=settings.reminders_ignored_limit,
    )


@asynccontextmanager
async def open_core(
    settings: Settings, notifier: Notifier, *, clock: Clock | None = None
) -> AsyncIterator[Core]:
    """Open the store and the LLM client, build the harness, and close all in order."""
    clock = clock or SystemClock()
    prompts = PromptBook.load(default_prompts_dir())
    llm = AnthropicLLM(
        api_key=settings.anthropic_api_key.get_secret_value(),
        base_url=settings.anthropic_base_url,
        model=settings.model,
        timeout_s=settings.llm_timeout_s,
        max_retries=settings.llm_max_retries,
    )
    tasks = TaskGroup()
    try:
        async with open_store(settings) as store:
            services = wire_harness(
                store=store,
                rhythms=store,
                privacy=store,
                retention_days=settings.transcript_retention_days,
                memories=store,
                memory_ask_ttl=timedelta(minutes=settings.memory_ask_minutes),
                review=store.review,
                rhythm_policy=rhythm_policy(settings),
                pace=Pace(per_second=settings.reminder_rate),
                admins=tuple(
                    PersonKey("telegram", str(admin)) for admin in sorted(settings.admin_ids)
                )
                if settings.admin_crisis_alerts
                else (),
                llm=llm,
                notifier=notifier,
                clock=clock,
                tasks=tasks,
                prompts=prompts,
                mentor_policy=MentorPolicy(
                    context_budget=settings.context_budget,
                    max_tokens=settings.max_tokens,
                    seed=settings.context_seed,
                    message_budget=message_budget(settings, prompts),
                    resume_max_age=timedelta(hours=settings.resume_max_age_h),
                    fallback_model=settings.fallback_model,
                    retry=RetryPolicy(
                        base=timedelta(seconds=settings.answer_retry_base_s),
                        cap=timedelta(seconds=settings.answer_retry_max_s),
                    ),
                ),
                limits=LimitPolicy(
                    burst=settings.rate_burst,
                    per_minute=settings.rate_per_minute,
                    daily_llm_calls=settings.daily_llm_calls,
                    max_input_chars=settings.max_input_chars,
                ),
                closing_policy=ClosingPolicy(
                    max_tokens=settings.closing_max_tokens,
                    retry_base_s=settings.closing_retry_base_s,
                    retry_max_s=settings.closing_retry_max_s,
                    transcript_budget=settings.context_budget,
                ),
            )
            # What is built at start lives as long as the process (compiled safety rules,
            # prompts, the libraries): take it out of the collector's sight, so a full
            # collection never walks it (a 100 ms pause otherwise; docs/performance.md).
            gc.collect()
            gc.freeze()
            try:
                yield Core(settings, store, services, tasks, notifier)
            finally:
                await tasks.aclose()
    finally:
        await llm.aclose()
