"""People with something in every sealed table, and what each of them reads back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from lumen_bot.harness.flags import FlagDetail, FlagSource
from lumen_bot.harness.model import Arc, Notebook, PersonKey, TurnKind
from lumen_bot.harness.store_ports import NewTurn
from lumen_bot.store.sqlite import SqliteStore

AT = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Readback:
    """Every sealed thing a person has, opened: what must survive any rotation."""

    turns: tuple[str, ...]
    notebooks: tuple[str, ...]
    arcs: tuple[str, ...]
    flags: tuple[str, ...]
    profile: dict[str, str]
    thread: str | None


async def live(store: SqliteStore, key: PersonKey, *, sessions: int = 2, turns: int = 3) -> int:
    """A scripted life: closed sessions with turns, notebooks and Arcs, a report, a
    profile and a reminder thread. Returns the person's id."""
    person = await store.person(key, AT)
    name = key.external_id
    for number in range(1, sessions + 1):
        session = await store.open_session(person.id, AT)
        for index in range(turns):
            text = f"{name} says {number}.{index}"
            await store.append_turn(
                person.id, session.id, NewTurn("user", TurnKind.MESSAGE, text, AT)
            )
        job = await store.begin_closing(session.id, AT, "end")
        notebook = Notebook(session.id, number, f"{name} notebook {number}", AT, "nb.v1", "m")
        job = await store.save_notebook(person.id, notebook, job)
        job = await store.save_arc(
            person.id, Arc(number, f"{name} arc {number}", AT, "arc.v1", "m"), job
        )
        await store.finish_closing(job, AT)
    await store.review.add_flag(
        person_id=person.id,
        session_id=None,
        source=FlagSource.REPORT,
        detail=FlagDetail("unkind", note=f"{name} was hurt"),
        at=AT,
    )
    await store.review.update_profile(person.id, lambda _: {"country": "NZ", "name": name})
    await store.schedule_reminder(person.id, AT + timedelta(days=3), AT, f"{name} thread")
    return person.id


async def read_back(store: SqliteStore, key: PersonKey) -> Readback:
    """Open every sealed record of the person (raises if any does not open)."""
    exported = await store.export(key)
    assert exported is not None
    person_id = exported.person.id
    flags = [f for f in await store.review.flags(limit=1000) if f.person_id == person_id]
    reminder = await store.reminder(person_id)
    return Readback(
        turns=tuple(t.text for _, turns in exported.sessions for t in turns),
        notebooks=tuple(n.text for n in exported.notebooks),
        arcs=tuple(a.text for a in exported.arcs),
        flags=tuple(f.detail.note or "" for f in flags),
        profile=await store.review.profile(person_id),
        thread=None if reminder is None else reminder.thread,
    )
