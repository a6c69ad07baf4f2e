"""The harness's Store port on SQLite: people, sessions, turns, history and export."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Literal, Self, cast

import aiosqlite

from lumen_bot.errors import RecordDamaged, StoreError
from lumen_bot.harness.model import (
    History,
    Person,
    PersonKey,
    Session,
    SessionState,
    Transcript,
    Turn,
    TurnKind,
)
from lumen_bot.harness.store_ports import (
    Arrival,
    ClosingJob,
    NewTurn,
    PersonExport,
    SessionRead,
    UnreadableTurn,
)
from lumen_bot.logs import events
from lumen_bot.store.closing import LATEST_ARC_SQL, NOTEBOOKS_SQL, ClosingRecords, job_from_row
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.db import Database, from_text, require_time, to_text
from lumen_bot.store.keys import VERSION_TTL_S, KeyStore
from lumen_bot.store.memory import MemoryRecords
from lumen_bot.store.portability import PortableRecords
from lumen_bot.store.privacy import PrivacyRecords, carry_block
from lumen_bot.store.reminders import ReminderRecords
from lumen_bot.store.review import SqliteReviewStore, block_of
from lumen_bot.store.schema import CONTENT_MIGRATIONS
from lumen_bot.store.sealing import Sealer
from lumen_bot.store.turn_body import read_turn_body, turn_body

log = events(__name__)

PERSON_SQL = "SELECT id, created_at FROM people WHERE platform = ? AND external_id = ?"


class SqliteStore(ClosingRecords, ReminderRecords, PrivacyRecords, MemoryRecords, PortableRecords):
    """Content in one SQLite file, wrapped data keys in another (see KeyStore)."""

    def __init__(
        self,
        database: Path,
        keystore: Path,
        keyring: Keyring,
        *,
        version_ttl_s: float = VERSION_TTL_S,
        create: bool = True,
    ) -> None:
        self._db = Database(database, CONTENT_MIGRATIONS, create=create)
        self._keys = KeyStore(keystore, keyring, version_ttl_s=version_ttl_s, create=create)
        self._sealer = Sealer(self._keys)
        self.review = SqliteReviewStore(self._db, self._sealer)

    async def __aenter__(self) -> Self:
        await self._keys.__aenter__()
        try:
            await self._db.__aenter__()
        except BaseException:
            await self._keys.__aexit__(None, None, None)
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._db.__aexit__(exc_type, exc, tb)
        await self._keys.__aexit__(exc_type, exc, tb)

    async def check_keyring(self) -> None:
        """Refuse (KeyringError) a keyring that does not open the data keys already here."""
        await self._keys.check_keyring()

    # -- people and sessions ----------------------------------------------

    async def person(self, key: PersonKey, at: datetime) -> Person:
        found = await self.find_person(key)
        if found is None:
            return await self._create_person(key, at)
        await self._keys.ensure(found.id, at)
        return found

    async def _create_person(self, key: PersonKey, at: datetime) -> Person:
        refs = self._block_refs(key)

        def create(raw: sqlite3.Connection) -> sqlite3.Row | None:
            row: sqlite3.Row | None = raw.execute(
                "INSERT OR IGNORE INTO people (platform, external_id, created_at)"
                " VALUES (?, ?, ?) RETURNING id, created_at",
                (key.platform, key.external_id, to_text(at)),
            ).fetchone()
            if row is not None:
                carry_block(raw, row["id"], refs, at)  # a block outlives /forget
            return row

        row = await self._db.write(create)
        if row is None:  # created in the meantime by another task
            person = await self.find_person(key)
            if person is None:
                raise StoreError("person vanished after insert")
            await self._keys.ensure(person.id, at)
            return person
        person = _person(row, key)
        await self._keys.ensure_new(person.id, at)
        return person

    async def arrival(self, key: PersonKey, at: datetime) -> Arrival:
        found = await self._arrival(key)
        if found is None:  # someone new, or back after /forget (with the block they had)
            await self._create_person(key, at)
            found = await self._arrival(key)
            if found is None:
                raise StoreError("person vanished after insert")
        await self._keys.ensure(found.person.id, at)
        return found

    async def _arrival(self, key: PersonKey) -> Arrival | None:
        by_key = (key.platform, key.external_id)
        people, blocks, sessions = await self._db.fetch_many(
            (PERSON_SQL, by_key),
            (
                "SELECT b.until, b.notified FROM blocks b JOIN people p ON p.id = b.person_id"
                " WHERE p.platform = ? AND p.external_id = ?",
                by_key,
            ),
            (
                "SELECT s.* FROM sessions s JOIN people p ON p.id = s.person_id"
                " WHERE p.platform = ? AND p.external_id = ? AND s.state = 'active'",
                by_key,
            ),
        )
        if not people:
            return None
        return Arrival(
            _person(people[0], key),
            block_of(next(iter(blocks), None)),
            _session(sessions[0]) if sessions else None,
        )

    async def find_person(self, key: PersonKey) -> Person | None:
        row = await self._db.fetchone(PERSON_SQL, (key.platform, key.external_id))
        return None if row is None else _person(row, key)

    async def person_key(self, person_id: int) -> PersonKey:
        row = await self._db.fetchone(
            "SELECT platform, external_id FROM people WHERE id = ?", (person_id,)
        )
        if row is None:
            raise StoreError("no such person")
        return PersonKey(row["platform"], row["external_id"])

    async def active_session(self, person_id: int) -> Session | None:
        row = await self._db.fetchone(
            "SELECT * FROM sessions WHERE person_id = ? AND state = 'active'", (person_id,)
        )
        return None if row is None else _session(row)

    async def open_session(self, person_id: int, at: datetime) -> Session:
        row = await self._db.change(  # every session's first message: one trip
            "INSERT INTO sessions (person_id, number, state, opened_at, last_activity_at)"
            " SELECT ?, COALESCE(MAX(number), 0) + 1, 'active', ?, ?"
            " FROM sessions WHERE person_id = ? RETURNING *",
            (person_id, to_text(at), to_text(at), person_id),
        )
        if row is None:
            raise StoreError("session insert returned no row")
        return _session(row)

    async def latest_session(self, person_id: int) -> Session | None:
        row = await self._db.fetchone(
            "SELECT * FROM sessions WHERE person_id = ? ORDER BY number DESC LIMIT 1",
            (person_id,),
        )
        return None if row is None else _session(row)

    async def unanswered(self) -> tuple[tuple[Session, datetime], ...]:
        """Active sessions with messages or replies not yet delivered, and the newest time."""
        rows = await self._db.fetchall(
            "SELECT s.*, MAX(t.at) AS newest FROM sessions s JOIN turns t ON t.session_id = s.id"
            " WHERE s.state = 'active' AND t.answered_at IS NULL GROUP BY s.id ORDER BY s.id"
        )
        return tuple((_session(row), require_time(row["newest"])) for row in rows)

    async def get_session(self, session_id: int) -> Session:
        row = await self._db.fetchone("SELECT * FROM sessions WHERE id = ?", (session_id,))
        if row is None:
            raise StoreError("no such session")
        return _session(row)

    async def sessions_in(self, state: SessionState) -> tuple[Session, ...]:
        rows = await self._db.fetchall(
            "SELECT * FROM sessions WHERE state = ? ORDER BY id", (state.value,)
        )
        return tuple(_session(row) for row in rows)

    async def idle_sessions(self, before: datetime) -> tuple[Session, ...]:
        rows = await self._db.fetchall(
            "SELECT * FROM sessions WHERE state = 'active' AND last_activity_at < ? ORDER BY id",
            (to_text(before),),
        )
        return tuple(_session(row) for row in rows)

    async def begin_closing(
        self, session_id: int, at: datetime, closed_by: str, *, notify: bool = True
    ) -> ClosingJob:
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE sessions SET state = 'closing', closed_by = ?"
                " WHERE id = ? AND state = 'active'",
                (closed_by, session_id),
            )
            await tx.execute(
                "INSERT OR IGNORE INTO closing_jobs"
                " (session_id, person_id, stage, next_attempt_at, notify)"
                " SELECT id, person_id, 'notebook', ?, ? FROM sessions WHERE id = ?",
                (to_text(at), int(notify), session_id),
            )
        row = await self._db.fetchone(
            "SELECT * FROM closing_jobs WHERE session_id = ?", (session_id,)
        )
        if row is None:
            raise StoreError("closing job missing after insert")
        return job_from_row(row)

    # -- turns -------------------------------------------------------------

    async def append_turn(self, person_id: int, session_id: int, turn: NewTurn) -> Turn | None:
        key = await self._sealer.current(person_id)
        payload = turn_body(
            turn.kind,
            turn.level,
            turn.text,
            third_party=turn.third_party,
            hurt_by_others=turn.hurt_by_others,
        )
        columns = {
            "person_id": person_id,
            "session_id": session_id,
            "role": turn.role,
            "at": to_text(turn.at),
            "source_key": turn.source_key,
            "prompt_version": turn.prompt_version,
            "reply_to": turn.reply_to,
        }

        def store(raw: sqlite3.Connection) -> int | None:
            if (
                turn.source_key is not None
                and raw.execute(
                    "SELECT 1 FROM turns WHERE source_key = ?", (turn.source_key,)
                ).fetchone()
            ):
                return None  # a redelivered update: stored before
            turn_id = key.insert(raw, "turns", columns, payload)
            raw.execute(
                "UPDATE sessions SET last_activity_at = ? WHERE id = ?",
                (columns["at"], session_id),
            )
            return turn_id

        turn_id = await self._db.write(store)  # every message and answer: one trip
        if turn_id is None:
            return None
        return Turn(
            id=turn_id,
            session_id=session_id,
            role=turn.role,
            kind=turn.kind,
            text=turn.text,
            at=turn.at,
            prompt_version=turn.prompt_version,
            level=turn.level,
            reply_to=turn.reply_to,
            third_party=turn.third_party,
            hurt_by_others=turn.hurt_by_others,
        )

    async def session_turns(self, person_id: int, session_id: int) -> tuple[Turn, ...]:
        """The session's turns that open, in conversation order (see `read_session`)."""
        return (await self.read_session(person_id, session_id)).turns

    async def read_session(self, person_id: int, session_id: int) -> SessionRead:
        """The session's turns that open, and the owed ones that do not.

        A turn whose ciphertext no longer opens under a key that still does (a damaged
        sector, a botched restore) is set aside: logged with its ids, kept on disk as it
        is, and left out, so the conversation, `/end` and closing a quiet session go on
        without it instead of failing on it forever. One still unanswered or undelivered
        is named in `unreadable` by its plain columns, for the harness to settle. A key
        that does not open at all (`KeyringError`, or no data key) still fails: without
        it nothing of the person can be read.
        """
        rows = await self._db.fetchall(
            # Conversation order, not storage order: an answer follows the message it
            # answers, even when later messages of a burst were stored while it was written.
            "SELECT * FROM turns t WHERE t.person_id = ? AND t.session_id = ?"
            " ORDER BY COALESCE(t.reply_to, t.id), t.id",
            (person_id, session_id),
        )
        turns: list[Turn] = []
        unreadable: list[UnreadableTurn] = []
        for row in rows:
            opened = await self._turn_that_opens(row)
            if opened is not None:
                turns.append(opened)
            elif row["answered_at"] is None:
                unreadable.append(
                    UnreadableTurn(
                        int(row["id"]),
                        cast(Literal["user", "mentor"], row["role"]),
                        require_time(row["at"]),
                    )
                )
        return SessionRead(tuple(turns), tuple(unreadable))

    async def _turn_that_opens(self, row: aiosqlite.Row) -> Turn | None:
        """The row's turn, or None for a damaged one, set aside (see `read_session`)."""
        try:
            return await self._turn(row)
        except RecordDamaged:
            log.warning(
                "turn_set_aside",
                person=int(row["person_id"]),
                session=int(row["session_id"]),
                turn=int(row["id"]),
            )
            return None

    async def screen_turn(
        self,
        person_id: int,
        turn: Turn,
        kind: TurnKind,
        level: str,
        *,
        third_party: bool = False,
        hurt_by_others: bool = False,
    ) -> Turn:
        """Reseal the turn with the screen's verdict: the kind lives inside the ciphertext,
        so it is neither readable at rest nor changeable without the person's key."""
        payload = turn_body(
            kind, level, turn.text, third_party=third_party, hurt_by_others=hurt_by_others
        )
        key = await self._sealer.current(person_id)
        body = key.seal("turns", turn.id, "body", payload)
        await self._db.change(
            "UPDATE turns SET body = ?, key_version = ? WHERE id = ? AND person_id = ?",
            (body, key.version, turn.id, person_id),
        )
        return replace(
            turn, kind=kind, level=level, third_party=third_party, hurt_by_others=hurt_by_others
        )

    async def turn_by_source(self, source_key: str) -> Turn | None:
        row = await self._db.fetchone("SELECT * FROM turns WHERE source_key = ?", (source_key,))
        return None if row is None else await self._turn(row)

    async def mark_answered(self, turn_ids: Sequence[int], at: datetime) -> None:
        if not turn_ids:
            return
        rows = [(to_text(at), turn_id) for turn_id in turn_ids]

        def mark(raw: sqlite3.Connection) -> None:
            raw.executemany(
                "UPDATE turns SET answered_at = ? WHERE id = ? AND answered_at IS NULL", rows
            )

        await self._db.write(mark)

    async def mark_parts_delivered(self, turn_id: int, parts: int) -> None:
        def mark(raw: sqlite3.Connection) -> None:
            raw.execute(
                "UPDATE turns SET parts_delivered = max(parts_delivered, ?) WHERE id = ?",
                (parts, turn_id),
            )

        await self._db.write(mark)

    async def _turn(self, row: aiosqlite.Row) -> Turn:
        text = await self._sealer.open(
            int(row["person_id"]),
            "turns",
            int(row["id"]),
            "body",
            bytes(row["body"]),
            int(row["key_version"]),
        )
        body = read_turn_body(text)
        return Turn(
            id=int(row["id"]),
            session_id=int(row["session_id"]),
            role=cast(Literal["user", "mentor"], row["role"]),
            kind=body.kind,
            text=body.text,
            at=require_time(row["at"]),
            prompt_version=row["prompt_version"],
            answered_at=from_text(row["answered_at"]),
            level=body.level,
            reply_to=row["reply_to"],
            parts_delivered=int(row["parts_delivered"]),
            third_party=body.third_party,
            hurt_by_others=body.hurt_by_others,
        )

    # -- notebooks and the Arc ---------------------------------------------

    async def history(self, person_id: int) -> History:
        # One trip for everything (a session's first message waits for it), and one
        # query for every past session's turns, however many sessions there were.
        sessions, turn_rows, arc_rows, notebook_rows = await self._db.fetch_many(
            (
                "SELECT * FROM sessions WHERE person_id = ? AND state != 'active' ORDER BY number",
                (person_id,),
            ),
            (
                "SELECT t.* FROM turns t JOIN sessions s ON s.id = t.session_id"
                " WHERE t.person_id = ? AND s.state != 'active'"
                " ORDER BY t.session_id, COALESCE(t.reply_to, t.id), t.id",  # conversation order
                (person_id,),
            ),
            (LATEST_ARC_SQL, (person_id,)),
            (NOTEBOOKS_SQL, (person_id,)),
        )
        by_session: dict[int, list[Turn]] = {}
        for row in turn_rows:
            turn = await self._turn_that_opens(row)
            if turn is not None:
                by_session.setdefault(turn.session_id, []).append(turn)
        transcripts = [
            Transcript(session.number, session.opened_at, tuple(by_session.get(session.id, ())))
            for session in map(_session, sessions)
        ]
        # A session still closing (its notebook not written yet) counts from its last message.
        last_closed = max(
            (s.closed_at or s.last_activity_at for s in map(_session, sessions)), default=None
        )
        return History(
            arc=await self._arc(arc_rows[0]) if arc_rows else None,
            notebooks=tuple([await self._notebook(row) for row in notebook_rows]),
            transcripts=tuple(transcripts),
            last_closed_at=last_closed,
        )

    # -- export ------------------------------------------------------------

    async def export(self, key: PersonKey) -> PersonExport | None:
        person = await self.find_person(key)
        if person is None:
            return None
        rows = await self._db.fetchall(
            "SELECT * FROM sessions WHERE person_id = ? ORDER BY number", (person.id,)
        )
        sessions = []
        for row in rows:
            session = _session(row)
            sessions.append((session, await self.session_turns(person.id, session.id)))
        return PersonExport(
            person=person,
            sessions=tuple(sessions),
            notebooks=await self._notebooks(person.id),
            arcs=await self._arcs(person.id),
        )


def _person(row: aiosqlite.Row, key: PersonKey) -> Person:
    return Person(int(row["id"]), key, require_time(row["created_at"]))


def _session(row: aiosqlite.Row) -> Session:
    return Session(
        id=int(row["id"]),
        person_id=int(row["person_id"]),
        number=int(row["number"]),
        state=SessionState(row["state"]),
        opened_at=require_time(row["opened_at"]),
        last_activity_at=require_time(row["last_activity_at"]),
        closed_at=from_text(row["closed_at"]),
        closed_by=row["closed_by"],
    )
