"""/memory in the harness: what the mentor holds about a person, and their "that's not right".

A person may read their Arc, section by section, and the list of their session
notebooks, and open any notebook. Under each Arc section they can say it is not
right: Lumen asks what, and their next message is the correction. That message is
stored sealed before anything else happens to it (`MemoryStore.receive_correction`),
then `Corrector` screens it and rewrites the Arc. The question expires after a
while, and /cancel or any command closes it: only the message right after the
question, while it is open, is taken as a correction, and it never also goes to
the mentor conversation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from lumen_bot.harness.arc_sections import ArcSection, arc_sections
from lumen_bot.harness.correction import Corrector
from lumen_bot.harness.locks import KeyedLocks
from lumen_bot.harness.model import Arc, Inbound, Notebook, PersonKey
from lumen_bot.harness.ports import Clock, ReplyChannel
from lumen_bot.harness.store_ports import MemoryStore, NotebookEntry, ReviewStore, Store
from lumen_bot.logs import events

log = events(__name__)


@dataclass(frozen=True, slots=True)
class MemoryView:
    """What /memory shows: the newest Arc in sections, and which notebooks exist."""

    arc: Arc | None
    sections: tuple[ArcSection, ...]
    notebooks: tuple[NotebookEntry, ...]


class Asked(StrEnum):
    """How "that's not right" under a section went."""

    ASKED = "asked"  # Lumen asks what is not right; the next message is the answer
    STALE = "stale"  # the Arc changed since that /memory: the button no longer fits
    BUSY = "busy"  # the last correction is still being written into the Arc
    BLOCKED = "blocked"  # an admin blocked the person for now: no LLM call for them


class Memory:
    """Reads a person's memory for them and takes their corrections of the Arc."""

    def __init__(
        self,
        *,
        store: Store,
        memory: MemoryStore,
        review: ReviewStore,
        corrector: Corrector,
        clock: Clock,
        ask_ttl: timedelta,
    ) -> None:
        self._store = store
        self._memory = memory
        self._review = review
        self._corrector = corrector
        self._clock = clock
        self._ask_ttl = ask_ttl
        self._intake = KeyedLocks()  # a question is answered by one message only

    async def view(self, key: PersonKey) -> MemoryView:
        person = await self._store.find_person(key)
        if person is None:
            return MemoryView(None, (), ())
        arc = await self._store.latest_arc(person.id)
        notebooks = await self._memory.notebook_entries(person.id)
        log.info("memory_shown", person=person.id, arc_version=arc.version if arc else None)
        return MemoryView(arc, arc_sections(arc.text) if arc else (), notebooks)

    async def notebook(self, key: PersonKey, session_number: int) -> Notebook | None:
        person = await self._store.find_person(key)
        if person is None:
            return None
        return await self._memory.notebook_by_number(person.id, session_number)

    async def ask(self, key: PersonKey, arc_version: int, index: int) -> tuple[Asked, str]:
        """ "That's not right" under section `index` of Arc `arc_version`: open the
        question. Returns how it went and the section's heading."""
        person = await self._store.find_person(key)
        arc = await self._store.latest_arc(person.id) if person else None
        if person is None or arc is None or arc.version != arc_version:
            return Asked.STALE, ""
        sections = arc_sections(arc.text)
        if not 0 <= index < len(sections):
            return Asked.STALE, ""
        if await self._blocked(person.id):
            return Asked.BLOCKED, ""
        heading = sections[index].heading
        async with self._intake.hold(key):
            asked = await self._memory.ask_correction(
                person.id, arc.version, heading, self._clock.now()
            )
        if asked is None:
            return Asked.BUSY, heading
        log.info("correction_asked", person=person.id, arc_version=arc.version, section=index)
        return Asked.ASKED, heading

    async def leave(self, key: PersonKey) -> bool:
        """/cancel or another command: an open question is closed; whether there was one."""
        person = await self._store.find_person(key)
        if person is None:
            return False
        async with self._intake.hold(key):
            dropped = await self._memory.drop_asked(person.id)
        if dropped:
            log.info("correction_left", person=person.id)
        return dropped

    async def take(self, inbound: Inbound, reply: ReplyChannel) -> bool:
        """The person's message, if it answers an open question: stored sealed at once,
        then applied (screen, rewrite, new Arc version). False: it is not a correction,
        and belongs to the conversation."""
        async with self._intake.hold(inbound.person):
            found = await self._memory.correction_for(inbound.person, inbound.source_key)
            if found is None:
                return False
            person_id = found.person_id
            if found.state == "asked" and await self._blocked(person_id):
                return False  # a blocked person's message: the mentor says so, once
            if found.state != "asked":  # this very message, delivered again
                log.info("correction_redelivered", person=person_id, correction=found.id)
                _admitted(inbound)
                return True
            if self._clock.now() - found.asked_at > self._ask_ttl:
                await self._memory.drop_asked(person_id)
                log.info("correction_expired", person=person_id)
                return False
            received = await self._memory.receive_correction(
                found, inbound.text, inbound.at, inbound.source_key
            )
            if received is None:
                return False
            _admitted(inbound)
        log.info("correction_received", person=person_id, correction=received.id)
        await self._corrector.apply_now(received, reply, locale=inbound.locale)
        return True

    async def _blocked(self, person_id: int) -> bool:
        block = await self._review.blocked_until(person_id)
        return block is not None and block[0] > self._clock.now()

    async def resume(self) -> int:
        """At start: apply every correction stored but not yet written into the Arc."""
        return await self._corrector.resume()


def _admitted(inbound: Inbound) -> None:
    if inbound.on_admitted is not None:
        inbound.on_admitted()  # stored: the platform may confirm it has the message
