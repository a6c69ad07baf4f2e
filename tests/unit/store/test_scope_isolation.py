"""Scope isolation, as a property: whatever people do, in whatever order, no store
operation ever returns one person's words to another.

Hypothesis drives a state machine over the real SQLite store: several people talk,
close sessions (notebook and Arc), set their profile, raise flags and get reminders,
some of it concurrently; every read, asked for by any person about any session,
must return only text written by that person. Each text carries its owner's tag in
characters the generated content never uses, so a leak is visible in any field.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from lumen_bot.harness.flags import FlagDetail, FlagSource
from lumen_bot.harness.model import Arc, Notebook, Person, PersonKey, TurnKind
from lumen_bot.harness.store_ports import NewTurn
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.sqlite import SqliteStore

T = TypeVar("T")
PEOPLE = 5
START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

# Content never contains the tag brackets, so a tag found in a text names its owner.
content = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="⟦⟧"),
    max_size=40,
)
who = st.integers(min_value=0, max_value=PEOPLE - 1)


def tag(index: int) -> str:
    return f"⟦p{index}⟧"


def owners(text: str) -> set[int]:
    """Every person whose tag appears in `text`."""
    return {index for index in range(PEOPLE) if tag(index) in text}


@dataclass
class Known:
    """What the machine did, to know which sessions and flags exist."""

    person: Person
    sessions: list[int] = field(default_factory=list)
    active: int | None = None
    arcs: int = 0


class ScopeIsolation(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.directory = Path(tempfile.mkdtemp(prefix="lumen-scope-"))
        self.runner = asyncio.Runner()
        self.now = START
        keyring = Keyring.load_or_create(self.directory / "keyring.json")
        self.store = SqliteStore(self.directory / "lumen.db", self.directory / "keys.db", keyring)
        self.run(self.store.__aenter__())
        self.people = [
            Known(self.run(self.store.person(PersonKey("telegram", str(9000 + i)), START)))
            for i in range(PEOPLE)
        ]
        self.flags: dict[int, int] = {}  # flag id -> the index of the person it is about

    def run(self, awaitable: Coroutine[Any, Any, T]) -> T:
        return self.runner.run(awaitable)

    def teardown(self) -> None:
        try:
            self.run(self.store.__aexit__(None, None, None))
        finally:
            self.runner.close()
            shutil.rmtree(self.directory, ignore_errors=True)

    def tick(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now

    # -- writes ---------------------------------------------------------------------

    async def _say(self, index: int, text: str) -> None:
        known = self.people[index]
        if known.active is None:
            session = await self.store.open_session(known.person.id, self.tick())
            known.active = session.id
            known.sessions.append(session.id)
        for role, kind in (("user", TurnKind.MESSAGE), ("mentor", TurnKind.REPLY)):
            await self.store.append_turn(
                known.person.id,
                known.active,
                NewTurn(role, kind, f"{tag(index)}{text}", self.tick()),  # type: ignore[arg-type]
            )

    @rule(index=who, text=content)
    def say(self, index: int, text: str) -> None:
        self.run(self._say(index, text))

    @rule(first=who, second=who, text=content)
    def say_at_once(self, first: int, second: int, text: str) -> None:
        """Two people write at the same moment: their writes interleave in the store."""

        async def both() -> None:
            await asyncio.gather(self._say(first, text), self._say(second, text))

        if first != second:
            self.run(both())

    @rule(index=who, text=content)
    def close_session(self, index: int, text: str) -> None:
        known = self.people[index]
        if known.active is None:
            return
        session_id, person_id = known.active, known.person.id
        known.active = None
        known.arcs += 1

        async def close() -> None:
            job = await self.store.begin_closing(session_id, self.tick(), "end")
            number = len(known.sessions)
            job = await self.store.save_notebook(
                person_id,
                Notebook(session_id, number, f"{tag(index)}notes {text}", self.tick(), "n", "m"),
                job,
            )
            job = await self.store.save_arc(
                person_id, Arc(known.arcs, f"{tag(index)}arc {text}", self.tick(), "a", "m"), job
            )
            await self.store.finish_closing(job, self.tick())

        self.run(close())

    @rule(index=who, text=content)
    def set_profile(self, index: int, text: str) -> None:
        self.run(
            self.store.review.update_profile(
                self.people[index].person.id, lambda _: {"note": tag(index) + text}
            )
        )

    @rule(index=who, text=content)
    def raise_flag(self, index: int, text: str) -> None:
        known = self.people[index]
        detail = FlagDetail(
            reason=f"{tag(index)}reason",
            reported=f"{tag(index)}{text}",
            context=(("person", f"{tag(index)}{text}"),),
        )
        flag_id = self.run(
            self.store.review.add_flag(
                person_id=known.person.id,
                session_id=known.active,
                source=FlagSource.REPORT,
                detail=detail,
                at=self.tick(),
            )
        )
        self.flags[flag_id] = index

    @rule(index=who, text=content)
    def schedule_reminder(self, index: int, text: str) -> None:
        due = self.tick() + timedelta(days=7)
        self.run(
            self.store.schedule_reminder(
                self.people[index].person.id, due, due + timedelta(hours=3), tag(index) + text
            )
        )

    # -- reads: every one of them, by anyone, about anyone ---------------------------

    def only(self, index: int, texts: list[str]) -> None:
        for text in texts:
            assert owners(text) <= {index}, f"person {index} was shown {owners(text)}'s words"

    @precondition(lambda self: any(k.sessions for k in self.people))
    @rule(reader=who, owner=who, pick=st.integers(min_value=0))
    def read_session(self, reader: int, owner: int, pick: int) -> None:
        """Asking for another person's session by its id returns nothing of theirs."""
        sessions = self.people[owner].sessions
        if not sessions:
            return
        session_id = sessions[pick % len(sessions)]
        person_id = self.people[reader].person.id
        turns = self.run(self.store.session_turns(person_id, session_id))
        self.only(reader, [turn.text for turn in turns])
        notebook = self.run(self.store.notebook_for(person_id, session_id))
        self.only(reader, [notebook.text] if notebook else [])
        if reader != owner:
            assert turns == () and notebook is None

    @rule(reader=who)
    def read_history(self, reader: int) -> None:
        history = self.run(self.store.history(self.people[reader].person.id))
        texts = [n.text for n in history.notebooks]
        texts += [t.text for transcript in history.transcripts for t in transcript.turns]
        texts += [history.arc.text] if history.arc else []
        self.only(reader, texts)

    @rule(reader=who)
    def read_export(self, reader: int) -> None:
        data = self.run(self.store.export(self.people[reader].person.key))
        assert data is not None and data.person.id == self.people[reader].person.id
        texts = [turn.text for _, turns in data.sessions for turn in turns]
        texts += [n.text for n in data.notebooks] + [a.text for a in data.arcs]
        self.only(reader, texts)

    @rule(reader=who)
    def read_profile_and_reminder(self, reader: int) -> None:
        person_id = self.people[reader].person.id
        profile = self.run(self.store.review.profile(person_id))
        reminder = self.run(self.store.reminder(person_id))
        self.only(reader, list(profile.values()))
        self.only(reader, [reminder.thread] if reminder and reminder.thread else [])

    @invariant()
    def every_flag_holds_only_its_own_persons_words(self) -> None:
        for flag_id, index in self.flags.items():
            flag = self.run(self.store.review.flag(flag_id))
            assert flag is not None and flag.person_id == self.people[index].person.id
            detail = flag.detail
            self.only(index, [detail.reason, detail.reported or ""])
            self.only(index, [text for _, text in detail.context])


ScopeIsolation.TestCase.settings = settings(
    max_examples=20,
    stateful_step_count=25,
    deadline=None,  # real SQLite with fsync per commit: time per step varies with the disk
    suppress_health_check=[HealthCheck.too_slow],
)
test_no_operation_returns_another_persons_data = ScopeIsolation.TestCase
