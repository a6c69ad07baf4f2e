"""The screen's verdict sealed with a turn: whose risk it was, kept across restarts, and
rows sealed before the verdict named it still read."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from lumen_bot.harness.model import PersonKey, Turn, TurnKind
from lumen_bot.harness.store_ports import NewTurn
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.keys import KeyStore
from lumen_bot.store.sealing import Sealer
from lumen_bot.store.sqlite import SqliteStore

AT = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
ALICE = PersonKey("telegram", "1001")


def open_store(tmp_path: Path) -> SqliteStore:
    keyring = Keyring.load_or_create(tmp_path / "keyring.json")
    return SqliteStore(tmp_path / "lumen.db", tmp_path / "keys.db", keyring)


async def first_message(store: SqliteStore, text: str) -> tuple[int, Turn]:
    """A new person's first message, stored unscreened; returns (person id, turn)."""
    alice = await store.person(ALICE, AT)
    session = await store.open_session(alice.id, AT)
    stored = await store.append_turn(
        alice.id, session.id, NewTurn("user", TurnKind.UNSCREENED, text, AT)
    )
    assert stored is not None
    return alice.id, stored


async def test_worry_for_someone_else_is_sealed_with_the_turn_and_read_after_reopening(
    tmp_path: Path,
) -> None:
    async with open_store(tmp_path) as store:
        person, stored = await first_message(store, "my sister")
        screened = await store.screen_turn(
            person, stored, TurnKind.MESSAGE, "concern", third_party=True
        )
        assert screened.third_party
        offer = NewTurn("mentor", TurnKind.OFFER, "how to help", AT, third_party=True)
        await store.append_turn(person, stored.session_id, offer)
        reply = NewTurn("mentor", TurnKind.REPLY, "an answer", AT)
        await store.append_turn(person, stored.session_id, reply)
    async with open_store(tmp_path) as store:
        turns = await store.session_turns(person, stored.session_id)
        assert [(t.kind, t.level, t.third_party) for t in turns] == [
            (TurnKind.MESSAGE, "concern", True),
            (TurnKind.OFFER, None, True),
            (TurnKind.REPLY, None, False),
        ]
    with sqlite3.connect(tmp_path / "lumen.db") as raw:
        bodies = [bytes(row[0]) for row in raw.execute("SELECT body FROM turns")]
    assert all(b"sister" not in body and b"third_party" not in body for body in bodies)


async def test_being_hurt_by_someone_is_sealed_with_the_turn_and_read_after_reopening(
    tmp_path: Path,
) -> None:
    async with open_store(tmp_path) as store:
        person, stored = await first_message(store, "he hit me")
        screened = await store.screen_turn(
            person, stored, TurnKind.MESSAGE, "concern", hurt_by_others=True
        )
        assert screened.hurt_by_others and not screened.third_party
        offer = NewTurn("mentor", TurnKind.OFFER, "a line", AT, hurt_by_others=True)
        await store.append_turn(person, stored.session_id, offer)
    async with open_store(tmp_path) as store:
        turns = await store.session_turns(person, stored.session_id)
        assert [(t.kind, t.hurt_by_others, t.third_party) for t in turns] == [
            (TurnKind.MESSAGE, True, False),
            (TurnKind.OFFER, True, False),
        ]
    with sqlite3.connect(tmp_path / "lumen.db") as raw:
        bodies = [bytes(row[0]) for row in raw.execute("SELECT body FROM turns")]
    assert all(b"hit me" not in body and b"hurt_by_others" not in body for body in bodies)


async def test_a_turn_sealed_before_the_verdict_named_whose_risk_reads_as_the_persons_own(
    tmp_path: Path,
) -> None:
    """A row stored by an earlier Lumen has no `third_party` in its sealed body."""
    async with open_store(tmp_path) as store:
        person, stored = await first_message(store, "placeholder")
    old_body = {"kind": "message", "level": "concern", "text": "an old message"}
    keyring = Keyring.load_or_create(tmp_path / "keyring.json")
    async with KeyStore(tmp_path / "keys.db", keyring) as keys:
        body, version = await Sealer(keys).seal(
            person, "turns", stored.id, "body", json.dumps(old_body)
        )
    with sqlite3.connect(tmp_path / "lumen.db") as raw:
        raw.execute(
            "UPDATE turns SET body = ?, key_version = ? WHERE id = ?", (body, version, stored.id)
        )
    async with open_store(tmp_path) as store:
        (old,) = await store.session_turns(person, stored.session_id)
    assert (old.text, old.kind, old.level, old.third_party) == (
        "an old message",
        TurnKind.MESSAGE,
        "concern",
        False,
    )
