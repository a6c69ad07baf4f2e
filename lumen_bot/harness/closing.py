"""Closing a session: notebook (LLM call 1), Arc rewrite (LLM call 2), parting words.

Each stage is stored before the next begins, in a durable job, so a restart
resumes where it stopped and an LLM failure retries with exponential backoff.
A session is never left half-closed: the job runs until it is done.
"""

from __future__ import annotations

import asyncio
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from lumen_bot.errors import ClosingFailed, LLMEmptyAnswer
from lumen_bot.harness.backoff import wait_after
from lumen_bot.harness.context import newest_turns_within
from lumen_bot.harness.locales import Locales
from lumen_bot.harness.model import Arc, Notebook, Turn
from lumen_bot.harness.ports import LLM, ChatMessage, Clock, LLMRequest, Notifier, SystemBlock
from lumen_bot.harness.prompts import PromptBook
from lumen_bot.harness.reminders import Reminders
from lumen_bot.harness.rhythm import When, when
from lumen_bot.harness.store_ports import ClosingJob, Store
from lumen_bot.harness.tasks import TaskGroup, cancel_and_wait
from lumen_bot.logs import events

log = events(__name__)

PARTING = re.compile(
    r"^#{1,6}\s*Parting Words\s*$(?P<body>.*?)(?=^#{1,6}\s|\Z)", re.M | re.S | re.I
)


@dataclass(frozen=True, slots=True)
class ClosingPolicy:
    max_tokens: int
    retry_base_s: float
    retry_max_s: float
    transcript_budget: int = 100_000  # tokens of the session shown to the notebook and Arc
    draw: Callable[[], float] = random.random  # spreads the waits apart (see backoff.py)

    def backoff(self, attempts: int) -> timedelta:
        """The wait after attempt number `attempts + 1` failed (see backoff.py)."""
        return wait_after(
            attempts + 1,
            base=timedelta(seconds=self.retry_base_s),
            cap=timedelta(seconds=self.retry_max_s),
            draw=self.draw,
        )


def parting_words(notebook: str) -> str | None:
    """The notebook's Parting Words section: the only part the person sees."""
    match = PARTING.search(notebook)
    if match is None:
        return None
    body = match["body"].strip()
    return body or None


class Closer:
    """Runs closing jobs, now and after restarts, one task per session."""

    def __init__(
        self,
        *,
        store: Store,
        llm: LLM,
        prompts: PromptBook,
        notifier: Notifier,
        locales: Locales,
        clock: Clock,
        policy: ClosingPolicy,
        tasks: TaskGroup,
        reminders: Reminders,
    ) -> None:
        self._store = store
        self._llm = llm
        self._prompts = prompts
        self._notifier = notifier
        self._locales = locales
        self._clock = clock
        self._policy = policy
        self._tasks = tasks
        self._reminders = reminders
        self._running: dict[int, asyncio.Task[None]] = {}
        self._by_person: dict[int, int] = {}
        self._failed_once: dict[int, asyncio.Event] = {}  # session -> an attempt failed

    def start(self, job: ClosingJob) -> None:
        """Run the job in the background (idempotent per session)."""
        if job.session_id in self._running:
            return
        task = self._tasks.spawn(self._run(job), name=f"closing-{job.session_id}")
        self._running[job.session_id] = task
        self._by_person[job.person_id] = job.session_id
        self._failed_once[job.session_id] = asyncio.Event()
        task.add_done_callback(lambda _: self._forget(job))

    def _forget(self, job: ClosingJob) -> None:
        self._running.pop(job.session_id, None)
        self._failed_once.pop(job.session_id, None)
        if self._by_person.get(job.person_id) == job.session_id:
            del self._by_person[job.person_id]

    async def stop(self, session_id: int) -> None:
        """Cancel the session's closing job, if running, and wait until it has ended (the
        person is being forgotten: no notebook or parting words may follow)."""
        task = self._running.get(session_id)
        if task is not None:
            await cancel_and_wait(task)

    async def resume(self) -> int:
        """Start every unfinished job (after a restart), trying each at once. Returns how
        many.

        The wait a failed attempt planned spaces out attempts within one run; a start is
        a new chance, and the person was told their parting words come "the next time"
        (a `lumen chat` opened again, a bot restarted after an outage), not up to
        `LUMEN_CLOSING_RETRY_MAX` later.
        """
        jobs = await self._store.pending_closing_jobs()
        now = self._clock.now()
        for job in jobs:
            self.start(replace(job, next_attempt_at=min(job.next_attempt_at, now)))
        return len(jobs)

    async def settle(self, person_id: int, wait_s: float, *, until_failure: bool = False) -> bool:
        """Wait (briefly) for a person's closing to finish, so a new session starts from
        the newest notebook and Arc when that is possible. With `until_failure`, stop
        waiting as soon as an attempt fails: the job retries on its own schedule (and
        after a restart), and a person in front of a terminal should not wait for that.
        True when no closing is left running."""
        session_id = self._by_person.get(person_id)
        task = self._running.get(session_id) if session_id is not None else None
        if session_id is None or task is None:
            return True
        failed = None
        if until_failure:
            failed = asyncio.ensure_future(self._failed_once[session_id].wait())
        waits: set[asyncio.Future[Any]] = {task} if failed is None else {task, failed}
        try:
            await asyncio.wait(waits, timeout=wait_s, return_when=asyncio.FIRST_COMPLETED)
        finally:
            if failed is not None:
                failed.cancel()
        if not task.done():
            log.info("closing_not_settled", session=session_id)
        return task.done()

    async def _run(self, job: ClosingJob) -> None:
        while job.stage != "done":
            delay = (job.next_attempt_at - self._clock.now()).total_seconds()
            if delay > 0:
                await asyncio.sleep(delay)
            try:
                job = await self._advance(job)
            except Exception as exc:  # noqa: BLE001 - a durable job retries whatever failed
                job = await self._postpone(job, type(exc).__name__)

    async def _postpone(self, job: ClosingJob, error: str) -> ClosingJob:
        """Count the failed attempt and wait for the next; if even that cannot be stored,
        keep the job in memory and retry it all the same."""
        if (failed := self._failed_once.get(job.session_id)) is not None:
            failed.set()
        until = self._clock.now() + self._policy.backoff(job.attempts)
        log.warning(
            "closing_retry",
            session=job.session_id,
            stage=job.stage,
            attempt=job.attempts + 1,
            error=error,
        )
        try:
            return await self._store.postpone_closing(job, until, error)
        except Exception as exc:  # noqa: BLE001 - the store may be the thing that failed
            log.warning("closing_postpone_failed", session=job.session_id, error=type(exc).__name__)
            return replace(job, attempts=job.attempts + 1, next_attempt_at=until)

    async def _advance(self, job: ClosingJob) -> ClosingJob:
        if job.stage == "notebook":
            return await self._notebook_stage(job)
        if job.stage == "arc":
            return await self._arc_stage(job)
        # stage "deliver": the next session is planned (idempotent), then the job is
        # done and the session closed before the person hears the parting words, once:
        # a crash or a refusal in between costs a goodbye, never a second one.
        next_time = await self._plan_next(job)
        await self._store.finish_closing(job, self._clock.now())
        if job.notify:
            await self._deliver(job, next_time)
        return replace(job, attempts=0, stage="done")

    async def _plan_next(self, job: ClosingJob) -> tuple[When, bool] | None:
        """The suggested next session, as a moment (said in words at the edge), and
        whether a reminder will come.

        None if planning failed: a closing never waits on a reminder."""
        try:
            session = await self._store.get_session(job.session_id)
            arc = await self._store.latest_arc(job.person_id)
            slot, rhythm, reminded = await self._reminders.after_close(session, arc)
        except Exception as exc:  # noqa: BLE001 - the notebook and Arc matter more
            log.warning("next_session_unplanned", session=job.session_id, error=type(exc).__name__)
            return None
        return when(slot.due, rhythm), reminded

    async def _notebook_stage(self, job: ClosingJob) -> ClosingJob:
        session = await self._store.get_session(job.session_id)
        turns = await self._store.session_turns(job.person_id, job.session_id)
        arc = await self._store.latest_arc(job.person_id)
        text, model = await self._write_notebook(turns, arc)
        notebook = Notebook(
            session_id=session.id,
            session_number=session.number,
            text=text,
            created_at=self._clock.now(),
            prompt_version=self._prompts.notebook.id,
            model=model,
        )
        log.info("notebook_written", session=session.id)
        return await self._store.save_notebook(job.person_id, notebook, job)

    async def _arc_stage(self, job: ClosingJob) -> ClosingJob:
        turns = await self._store.session_turns(job.person_id, job.session_id)
        arc = await self._store.latest_arc(job.person_id)
        notebook = await self._store.notebook_for(job.person_id, job.session_id)
        if notebook is None:
            raise ClosingFailed("notebook missing at the arc stage")
        prompt = self._prompts.arc_update if arc else self._prompts.arc_create
        text, model = await self._write_arc(prompt.text, arc, notebook, turns)
        new_arc = Arc(
            version=(arc.version + 1) if arc else 1,
            text=text,
            created_at=self._clock.now(),
            prompt_version=prompt.id,
            model=model,
        )
        log.info("arc_written", session=job.session_id, arc_version=new_arc.version)
        return await self._store.save_arc(job.person_id, new_arc, job)

    async def _deliver(self, job: ClosingJob, next_time: tuple[When, bool] | None) -> None:
        try:
            notebook = await self._store.notebook_for(job.person_id, job.session_id)
            words = parting_words(notebook.text) if notebook else None
            person = await self._store.person_key(job.person_id)
            locale = await self._locales.of(job.person_id)
            if words:
                await self._notifier.send(person, words)
            if next_time is None:
                await self._notifier.notice(person, "session_closed_plain", locale=locale)
            else:
                at, reminded = next_time
                key = "session_closed" if reminded else "session_closed_no_reminder"
                await self._notifier.notice(person, key, locale=locale, when=at)
        except Exception as exc:  # noqa: BLE001 - delivered at most once, whatever failed
            # The notebook and Arc are safe; a lost goodbye is not worth a retry loop.
            log.warning(
                "parting_words_undelivered", session=job.session_id, error=type(exc).__name__
            )
        log.info("session_closed", session=job.session_id)

    async def _write_notebook(self, turns: tuple[Turn, ...], arc: Arc | None) -> tuple[str, str]:
        parts = []
        if arc is not None:
            parts.append(f"<arc>\n{arc.text}\n</arc>")
        parts.append(
            f"<transcript>\n{_transcript(turns, self._policy.transcript_budget)}\n</transcript>"
        )
        return await self._ask("notebook", self._prompts.notebook.text, "\n\n".join(parts))

    async def _write_arc(
        self, prompt: str, arc: Arc | None, notebook: Notebook, turns: tuple[Turn, ...]
    ) -> tuple[str, str]:
        parts = []
        if arc is not None:
            parts.append(f"<current_arc>\n{arc.text}\n</current_arc>")
        parts.append(f"<notebook>\n{notebook.text}\n</notebook>")
        parts.append(
            f"<transcript>\n{_transcript(turns, self._policy.transcript_budget)}\n</transcript>"
        )
        return await self._ask("arc", prompt, "\n\n".join(parts))

    async def _ask(self, purpose: str, system: str, content: str) -> tuple[str, str]:
        request = LLMRequest(
            purpose="notebook" if purpose == "notebook" else "arc",
            system=(SystemBlock(system),),
            messages=(ChatMessage("user", content),),
            max_tokens=self._policy.max_tokens,
        )
        completion = await self._llm.complete(request)
        text = completion.text.strip()
        if not text:
            raise LLMEmptyAnswer(f"empty {purpose}")
        return text, completion.model


def _transcript(turns: tuple[Turn, ...], budget: int) -> str:
    return newest_turns_within(turns, budget) or "(no messages)"
