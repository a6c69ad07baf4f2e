"""A person's whole history read out for an export, and written back whole by an import."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from typing import Literal, cast

import aiosqlite

from lumen_bot.errors import HistoryExists, StoreError
from lumen_bot.harness.model import PersonKey, SessionState
from lumen_bot.harness.store_ports import ClosingJob
from lumen_bot.portability.records import (
    ArchivedArc,
    ArchivedNotebook,
    ArchivedSession,
    ArchivedTurn,
    PersonArchive,
    Restored,
)
from lumen_bot.store.closing import job_from_row
from lumen_bot.store.db import Database
from lumen_bot.store.keys import KeyStore
from lumen_bot.store.sealing import Sealer
from lumen_bot.store.turn_body import read_turn_body, turn_body


class PortableRecords:
    """The part of `SqliteStore` that exports and imports a person's archive."""

    _db: Database
    _keys: KeyStore
    _sealer: Sealer

    async def person_archive(self, key: PersonKey) -> PersonArchive | None:
        """Everything of one person, decrypted; None if Lumen does not know them.

        The rows are read inside one transaction, so the archive is one moment's
        history even while the person is talking; they are opened after it ends.
        """
        async with self._db.transaction() as tx:
            found = list(
                await tx.execute_fetchall(
                    "SELECT id, created_at FROM people WHERE platform = ? AND external_id = ?",
                    (key.platform, key.external_id),
                )
            )
            if not found:
                return None
            person_id = int(found[0]["id"])

            async def rows(sql: str) -> list[aiosqlite.Row]:
                return list(await tx.execute_fetchall(sql, (person_id,)))

            sessions = await rows("SELECT * FROM sessions WHERE person_id = ? ORDER BY number")
            turns = await rows("SELECT * FROM turns WHERE person_id = ? ORDER BY id")
            notebooks = await rows(
                "SELECT n.*, s.number FROM notebooks n JOIN sessions s ON s.id = n.session_id"
                " WHERE n.person_id = ? ORDER BY s.number"
            )
            arcs = await rows(
                "SELECT a.*, s.number FROM arcs a JOIN sessions s ON s.id = a.session_id"
                " WHERE a.person_id = ? ORDER BY a.version"
            )
            profile = await rows("SELECT body, key_version FROM profiles WHERE person_id = ?")
        return PersonArchive(
            platform=key.platform,
            external_id=key.external_id,
            created_at=str(found[0]["created_at"]),
            profile=await self._archived_profile(person_id, profile),
            sessions=await self._archived_sessions(person_id, sessions, turns),
            notebooks=tuple(
                [
                    ArchivedNotebook(
                        session_number=int(row["number"]),
                        text=await self._open(row, "notebooks", int(row["session_id"]), person_id),
                        created_at=str(row["created_at"]),
                        prompt_version=str(row["prompt_version"]),
                        model=str(row["model"]),
                    )
                    for row in notebooks
                ]
            ),
            arcs=tuple(
                [
                    ArchivedArc(
                        version=int(row["version"]),
                        session_number=int(row["number"]),
                        text=await self._open(row, "arcs", int(row["id"]), person_id),
                        created_at=str(row["created_at"]),
                        prompt_version=str(row["prompt_version"]),
                        model=str(row["model"]),
                    )
                    for row in arcs
                ]
            ),
        )

    async def _archived_sessions(
        self, person_id: int, sessions: list[aiosqlite.Row], turns: list[aiosqlite.Row]
    ) -> tuple[ArchivedSession, ...]:
        refs = {int(row["id"]): rank for rank, row in enumerate(turns, start=1)}
        by_session: dict[int, list[aiosqlite.Row]] = defaultdict(list)
        for row in turns:
            by_session[int(row["session_id"])].append(row)
        archived = []
        for session in sessions:
            # Conversation order, as `SqliteStore.session_turns` reads it: an answer
            # follows the message it answers.
            ordered = sorted(
                by_session[int(session["id"])],
                key=lambda r: (r["reply_to"] or r["id"], r["id"]),
            )
            archived.append(
                ArchivedSession(
                    number=int(session["number"]),
                    state=SessionState(session["state"]),
                    opened_at=str(session["opened_at"]),
                    last_activity_at=str(session["last_activity_at"]),
                    closed_at=session["closed_at"],
                    closed_by=session["closed_by"],
                    turns=tuple([await self._archived_turn(row, refs) for row in ordered]),
                )
            )
        return tuple(archived)

    async def _archived_turn(self, row: aiosqlite.Row, refs: dict[int, int]) -> ArchivedTurn:
        body = read_turn_body(await self._open(row, "turns", int(row["id"]), int(row["person_id"])))
        reply_to = row["reply_to"]
        return ArchivedTurn(
            ref=refs[int(row["id"])],
            role=cast(Literal["user", "mentor"], row["role"]),
            kind=body.kind,
            level=body.level,
            third_party=body.third_party,
            hurt_by_others=body.hurt_by_others,
            text=body.text,
            at=str(row["at"]),
            answered_at=row["answered_at"],
            prompt_version=row["prompt_version"],
            reply_to=None if reply_to is None else refs[int(reply_to)],
        )

    async def _archived_profile(
        self, person_id: int, rows: list[aiosqlite.Row]
    ) -> tuple[tuple[str, str], ...]:
        if not rows:
            return ()
        loaded: dict[str, str] = json.loads(
            await self._open(rows[0], "profiles", person_id, person_id)
        )
        return tuple(loaded.items())

    async def _open(self, row: aiosqlite.Row, table: str, record: int, owner: int) -> str:
        return await self._sealer.open(
            owner, table, record, "body", bytes(row["body"]), int(row["key_version"])
        )

    # -- import ----------------------------------------------------------------

    async def restore_person(
        self, archive: PersonArchive, at: datetime
    ) -> tuple[Restored, tuple[ClosingJob, ...]]:
        """Write an archive back, all of it in one transaction or nothing.

        Refused (`HistoryExists`) if the person has any session here: an import never
        merges. A person Lumen knows without a history (they only chose settings)
        keeps their id and takes the archive's creation time and settings. Sessions
        that were closing get their closing job back (returned, for the caller to
        start), quietly: no parting words for a session closed long ago.
        """
        key = PersonKey(archive.platform, archive.external_id)
        async with self._db.transaction() as tx:
            person_id = await self._restore_person_row(tx, key, archive.created_at)
            # The data key lives in the key store, apart: created (if missing) before
            # anything is sealed. Should this transaction roll back, an unused random
            # key stays behind for this person id, which nothing was sealed with.
            await self._keys.ensure(person_id, at)
            session_ids: dict[int, int] = {}
            for session in archive.sessions:
                cursor = await tx.execute(
                    "INSERT INTO sessions (person_id, number, state, opened_at,"
                    " last_activity_at, closed_at, closed_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        person_id,
                        session.number,
                        session.state.value,
                        session.opened_at,
                        session.last_activity_at,
                        session.closed_at,
                        session.closed_by,
                    ),
                )
                session_ids[session.number] = _row_id(cursor.lastrowid)
            await self._restore_turns(tx, person_id, archive, session_ids)
            await self._restore_closing(tx, person_id, archive, session_ids)
            await self._restore_profile(tx, person_id, archive.profile)
            jobs = await tx.execute_fetchall(
                "SELECT * FROM closing_jobs WHERE person_id = ? AND stage != 'done'",
                (person_id,),
            )
        restored = Restored(
            person_id, len(archive.sessions), len(archive.notebooks), len(archive.arcs)
        )
        return restored, tuple(job_from_row(row) for row in jobs)

    async def _restore_person_row(
        self, tx: aiosqlite.Connection, key: PersonKey, created_at: str
    ) -> int:
        found = list(
            await tx.execute_fetchall(
                "SELECT id FROM people WHERE platform = ? AND external_id = ?",
                (key.platform, key.external_id),
            )
        )
        if not found:
            cursor = await tx.execute(
                "INSERT INTO people (platform, external_id, created_at) VALUES (?, ?, ?)",
                (key.platform, key.external_id, created_at),
            )
            return _row_id(cursor.lastrowid)
        person_id = int(found[0]["id"])
        if list(
            await tx.execute_fetchall(
                "SELECT 1 FROM sessions WHERE person_id = ? LIMIT 1", (person_id,)
            )
        ):
            raise HistoryExists("the person already has a history here")
        await tx.execute("UPDATE people SET created_at = ? WHERE id = ?", (created_at, person_id))
        return person_id

    async def _restore_turns(
        self,
        tx: aiosqlite.Connection,
        person_id: int,
        archive: PersonArchive,
        session_ids: dict[int, int],
    ) -> None:
        # In the order they were first stored (ref), so new row ids keep that order and
        # conversation order (by reply_to, then id) comes out as it was.
        placed = sorted(
            ((turn, session.number) for session in archive.sessions for turn in session.turns),
            key=lambda pair: pair[0].ref,
        )
        ids: dict[int, int] = {}
        for turn, number in placed:
            ids[turn.ref] = await self._sealer.insert(
                tx,
                person_id,
                "turns",
                {
                    "person_id": person_id,
                    "session_id": session_ids[number],
                    "role": turn.role,
                    "at": turn.at,
                    "prompt_version": turn.prompt_version,
                    "reply_to": None if turn.reply_to is None else ids[turn.reply_to],
                    "answered_at": turn.answered_at,
                },
                turn_body(
                    turn.kind,
                    turn.level,
                    turn.text,
                    third_party=turn.third_party,
                    hurt_by_others=turn.hurt_by_others,
                ),
            )

    async def _restore_closing(
        self,
        tx: aiosqlite.Connection,
        person_id: int,
        archive: PersonArchive,
        session_ids: dict[int, int],
    ) -> None:
        for notebook in archive.notebooks:
            session_id = session_ids[notebook.session_number]
            body, version = await self._sealer.seal(
                person_id, "notebooks", session_id, "body", notebook.text
            )
            await tx.execute(
                "INSERT INTO notebooks (session_id, person_id, body, key_version, created_at,"
                " prompt_version, model) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    person_id,
                    body,
                    version,
                    notebook.created_at,
                    notebook.prompt_version,
                    notebook.model,
                ),
            )
        for arc in archive.arcs:
            await self._sealer.insert(
                tx,
                person_id,
                "arcs",
                {
                    "person_id": person_id,
                    "version": arc.version,
                    "session_id": session_ids[arc.session_number],
                    "created_at": arc.created_at,
                    "prompt_version": arc.prompt_version,
                    "model": arc.model,
                },
                arc.text,
            )
        written = {n.session_number for n in archive.notebooks}
        arcs_from = {a.session_number for a in archive.arcs}
        for session in archive.sessions:
            if session.state is not SessionState.CLOSING:
                continue
            stage = (
                "notebook"
                if session.number not in written
                else "arc"
                if session.number not in arcs_from
                else "deliver"
            )
            await tx.execute(
                "INSERT INTO closing_jobs (session_id, person_id, stage, next_attempt_at, notify)"
                " VALUES (?, ?, ?, ?, 0)",
                (session_ids[session.number], person_id, stage, session.last_activity_at),
            )

    async def _restore_profile(
        self, tx: aiosqlite.Connection, person_id: int, profile: tuple[tuple[str, str], ...]
    ) -> None:
        await tx.execute("DELETE FROM profiles WHERE person_id = ?", (person_id,))
        if not profile:
            return
        body, version = await self._sealer.seal(
            person_id, "profiles", person_id, "body", json.dumps(dict(profile), ensure_ascii=False)
        )
        await tx.execute(
            "INSERT INTO profiles (person_id, body, key_version) VALUES (?, ?, ?)",
            (person_id, body, version),
        )


def _row_id(value: int | None) -> int:
    if value is None:
        raise StoreError("insert returned no row id")
    return value
