"""A lived history on a real store, and fresh stores (same keyring) to import it into."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lumen_bot.harness.model import Arc, Notebook, PersonKey, TurnKind
from lumen_bot.harness.store_ports import NewTurn
from lumen_bot.portability.passphrase import PassphraseBox, ScryptParams
from lumen_bot.portability.service import Archives
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.sqlite import SqliteStore
from tests.fakes import FakeClock

ALICE = PersonKey("telegram", "1001")
BOB = PersonKey("telegram", "1002")
AT = datetime(2026, 11, 2, 9, 0, 0, 123456, tzinfo=UTC)  # microseconds, kept exactly

OpenStore = Callable[[str], AbstractAsyncContextManager[SqliteStore]]


@pytest.fixture
def keyring(tmp_path: Path) -> Keyring:
    return Keyring.load_or_create(tmp_path / "keyring.json")


@pytest.fixture
def open_store(tmp_path: Path, keyring: Keyring) -> OpenStore:
    """A store in its own folder (a deployment's data dir), all sharing one keyring."""

    def opener(name: str) -> AbstractAsyncContextManager[SqliteStore]:
        folder = tmp_path / name
        return SqliteStore(folder / "lumen.db", folder / "keys.db", keyring)

    return opener


@pytest.fixture
async def lived(open_store: OpenStore) -> AsyncIterator[SqliteStore]:
    """The original deployment, with Alice's two closed sessions and an open third."""
    async with open_store("original") as store:
        await live(store, ALICE)
        yield store


@pytest.fixture
async def fresh(open_store: OpenStore) -> AsyncIterator[SqliteStore]:
    """A new deployment with the same keyring and nobody in it yet."""
    async with open_store("fresh") as store:
        yield store


def archives(store: SqliteStore, keyring: Keyring, **kwargs: object) -> Archives:
    # Tests use scrypt's lightest usable cost; production's is checked in test_passphrase.
    box = PassphraseBox(ScryptParams(log2_n=14, r=8, p=1))
    return Archives(store=store, keyring=keyring, clock=FakeClock(AT), box=box, **kwargs)  # type: ignore[arg-type]


async def live(store: SqliteStore, key: PersonKey) -> None:
    """Sessions with every kind of turn, a burst answered out of storage order, a helper's
    worry, someone hurting them, a crisis, notebooks, two Arc versions, settings, and a
    lone surrogate."""
    person = await store.person(key, AT)
    at = AT
    for number in (1, 2):
        session = await store.open_session(person.id, at)
        first = await store.append_turn(
            person.id, session.id, NewTurn("user", TurnKind.UNSCREENED, f"s{number} I worry", at)
        )
        second = await store.append_turn(
            person.id,
            session.id,
            NewTurn("user", TurnKind.UNSCREENED, "and my friend \ud800 too", at),
        )
        assert first is not None and second is not None
        await store.screen_turn(
            person.id, first, TurnKind.MESSAGE, "concern", hurt_by_others=number == 2
        )
        await store.screen_turn(person.id, second, TurnKind.MESSAGE, "none", third_party=True)
        at += timedelta(seconds=1, microseconds=7)
        reply = await store.append_turn(
            person.id,
            session.id,
            NewTurn(
                "mentor",
                TurnKind.REPLY,
                "**Tell me** more",
                at,
                prompt_version="mentor.v3+abc",
                reply_to=first.id,
            ),
        )
        assert reply is not None
        await store.mark_answered([first.id, second.id, reply.id], at)
        job = await store.begin_closing(session.id, at, "end")
        job = await store.save_notebook(
            person.id, Notebook(session.id, number, f"notes {number}", at, "notebook.v1", "m1"), job
        )
        arc = Arc(number, f"## Who You Are\nArc v{number}", at, "arc_update.v2", "m2")
        job = await store.save_arc(person.id, arc, job)
        await store.finish_closing(job, at + timedelta(minutes=1))
        at += timedelta(days=3)
    session = await store.open_session(person.id, at)
    crisis = await store.append_turn(
        person.id, session.id, NewTurn("user", TurnKind.CRISIS, "a hard night", at, level="crisis")
    )
    assert crisis is not None
    await store.append_turn(
        person.id,
        session.id,
        NewTurn("mentor", TurnKind.RESOURCES, "lines", at, reply_to=crisis.id, third_party=True),
    )
    await store.append_turn(
        person.id, session.id, NewTurn("user", TurnKind.UNSCREENED, "still here", at)
    )
    await store.review.update_profile(
        person.id, lambda _: {"country": "DE", "timezone": "Europe/Berlin"}
    )
