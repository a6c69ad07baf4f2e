"""A harness wired with the real store on a temp file and fakes at the LLM and platform edges."""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from lumen_bot.app import wire_harness
from lumen_bot.harness.closing import Closer, ClosingPolicy
from lumen_bot.harness.limits import LimitPolicy
from lumen_bot.harness.memory import Memory
from lumen_bot.harness.mentor import Mentor, MentorPolicy
from lumen_bot.harness.model import PersonKey, TurnKind
from lumen_bot.harness.privacy import Forgetting, InsightsChoice, Retention
from lumen_bot.harness.prompts import PromptBook, default_prompts_dir
from lumen_bot.harness.reminders import Pace, Reminders
from lumen_bot.harness.retries import RetryPolicy
from lumen_bot.harness.review import Reports, Review
from lumen_bot.harness.rhythm import RhythmPolicy
from lumen_bot.harness.store_ports import NewTurn
from lumen_bot.harness.tasks import TaskGroup
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.sqlite import SqliteStore
from tests.fakes import FakeClock, FakeLLM, RecordingNotifier

# the answer retries' waits whole, not spread: tests count them (test_backoff.py checks
# the spread)
WHOLE_WAITS = RetryPolicy(draw=lambda: 0.0)


def profile_on_disk(data_dir: Path) -> bytes:
    """The one person's sealed profile as it lies in the database file."""
    with closing(sqlite3.connect(data_dir / "lumen.db")) as db:
        row = db.execute("SELECT body FROM profiles").fetchone()
    assert row is not None
    return bytes(row[0])


@dataclass
class Harness:
    store: SqliteStore
    llm: FakeLLM
    clock: FakeClock
    notifier: RecordingNotifier
    closer: Closer
    mentor: Mentor
    tasks: TaskGroup
    prompts: PromptBook
    reports: Reports
    review: Review
    reminders: Reminders
    forgetting: Forgetting
    retention: Retention
    insights: InsightsChoice

    async def background_done(self) -> None:
        """Wait for the background work running now (a language written after an
        answer, a closing) to end."""
        while len(self.tasks):  # noqa: ASYNC110 - a TaskGroup has no event to wait on
            await asyncio.sleep(0.01)

    async def store_unanswered_crisis(
        self, who: PersonKey, text: str, *, third_party: bool = False, hurt_by_others: bool = False
    ) -> None:
        """A crisis stored with its verdict whose resources never arrived (say the process
        died while sending them): the person's next message must send them first."""
        person = await self.store.person(who, self.clock.now())
        session = await self.store.open_session(person.id, self.clock.now())
        await self.store.append_turn(
            person.id,
            session.id,
            NewTurn(
                "user",
                TurnKind.CRISIS,
                text,
                self.clock.now(),
                level="crisis",
                third_party=third_party,
                hurt_by_others=hurt_by_others,
            ),
        )

    memory: Memory


class make_harness:  # lower case: reads as a context-manager factory, like open()
    def __init__(
        self,
        tmp_path: Path,
        llm: FakeLLM | None = None,
        admins: tuple[PersonKey, ...] = (),
        *,
        fallback_model: str | None = None,
        limits: LimitPolicy | None = None,
        rhythm: RhythmPolicy | None = None,
        pace: Pace | None = None,
        retention_days: int = 0,
    ) -> None:
        self._retention_days = retention_days
        self._rhythm = rhythm
        self._pace = pace or Pace(per_second=10_000)
        self._limits = limits
        self._admins = admins
        self._fallback_model = fallback_model
        self._tmp = tmp_path
        self._llm = llm or FakeLLM()
        self._store = SqliteStore(
            tmp_path / "lumen.db",
            tmp_path / "keys.db",
            Keyring.load_or_create(tmp_path / "keyring.json"),
        )
        self._tasks = TaskGroup()

    async def __aenter__(self) -> Harness:
        store = await self._store.__aenter__()
        try:
            return self._wire(store)
        except BaseException:
            await self._store.__aexit__(None, None, None)
            raise

    def _wire(self, store: SqliteStore) -> Harness:
        clock = FakeClock()
        notifier = RecordingNotifier()
        prompts = PromptBook.load(default_prompts_dir())
        services = wire_harness(
            store=store,
            rhythms=store,
            privacy=store,
            retention_days=self._retention_days,
            memories=store,
            rhythm_policy=self._rhythm,
            pace=self._pace,
            review=store.review,
            admins=self._admins,
            limits=self._limits,
            llm=self._llm,
            notifier=notifier,
            clock=clock,
            tasks=self._tasks,
            prompts=prompts,
            mentor_policy=MentorPolicy(
                context_budget=140_000,
                max_tokens=500,
                seed=1,
                typing_every_s=0.01,
                fallback_model=self._fallback_model,
                retry=WHOLE_WAITS,
            ),
            closing_policy=ClosingPolicy(max_tokens=1000, retry_base_s=0.01, retry_max_s=0.05),
        )
        return Harness(
            store,
            self._llm,
            clock,
            notifier,
            services.closer,
            services.mentor,
            self._tasks,
            prompts,
            services.reports,
            services.review,
            services.reminders,
            services.forgetting,
            services.retention,
            services.insights,
            services.memory,
        )

    async def __aexit__(self, *exc: object) -> None:
        await self._tasks.aclose(grace_s=1)
        await self._store.__aexit__(None, None, None)
