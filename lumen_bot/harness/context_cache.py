"""Each session's context, built once from the store and reused byte for byte (prompt caching).

`context.py` decides what the context says; this module decides when it is built:
after the last session's closing settles, once per session, kept for recently
active sessions and dropped when a session closes or a person is forgotten.
"""

from __future__ import annotations

from collections import OrderedDict

from lumen_bot.harness.closing import Closer
from lumen_bot.harness.context import SessionContext, build_context, session_seed
from lumen_bot.harness.model import Person, Session
from lumen_bot.harness.reminders import Reminders
from lumen_bot.harness.rhythm import CADENCE_WORDS, Rhythm
from lumen_bot.harness.store_ports import Store
from lumen_bot.logs import events

log = events(__name__)

SETTLE_TIMEOUT_S = 45.0  # how long a new session waits for the last one's notebook


class ContextCache:
    """Contexts of recently active sessions. Rebuilding one gives the same bytes, so
    eviction costs a rebuild, never a cache miss at the provider; the bound keeps
    memory flat however many sessions stay open."""

    def __init__(
        self,
        *,
        store: Store,
        closer: Closer,
        reminders: Reminders,
        budget: int,
        seed: int,
        size: int,
    ) -> None:
        self._store = store
        self._closer = closer
        self._reminders = reminders
        self._budget = budget
        self._seed = seed
        self._size = size
        self._contexts: OrderedDict[int, SessionContext] = OrderedDict()

    async def get(self, person: Person, session: Session) -> SessionContext:
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
            budget=self._budget,
            seed=session_seed(self._seed, person.id, session.number),
            rhythm=self._rhythm_words(rhythm),
            early_within=self._reminders.policy.min_gap,
        )
        self._contexts[session.id] = context
        if len(self._contexts) > self._size:
            self._contexts.popitem(last=False)
        log.info(
            "context_built",
            session=session.id,
            tokens=context.tokens,
            notebooks=context.notebooks,
            transcripts=context.transcripts,
        )
        return context

    def drop(self, session_id: int) -> None:
        """The session closed: its context is not needed again."""
        self._contexts.pop(session_id, None)

    def clear(self) -> None:
        """Drop every context (a deleted session's id may be given to someone else's)."""
        self._contexts.clear()

    def _rhythm_words(self, rhythm: Rhythm) -> str:
        gap = self._reminders.policy.gap.days
        return f"{CADENCE_WORDS[rhythm.cadence]}; sessions suggested about {gap} days apart"
