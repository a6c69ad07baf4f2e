"""What /memory reads (notebook list, one notebook) and Arc corrections, durable until applied."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, cast

import aiosqlite

from lumen_bot.errors import StoreError
from lumen_bot.harness.model import Arc, Notebook, PersonKey
from lumen_bot.harness.store_ports import Correction, CorrectionState, NotebookEntry
from lumen_bot.store.db import Database, from_text, require_time, to_text
from lumen_bot.store.sealing import Sealer

_OPEN = "state IN ('asked', 'received')"


class MemoryRecords:
    """The part of `SqliteStore` behind /memory and its corrections."""

    _db: Database
    _sealer: Sealer

    if TYPE_CHECKING:  # ClosingRecords opens notebooks; SqliteStore has both

        async def _notebook(self, row: aiosqlite.Row) -> Notebook: ...

    async def notebook_entries(self, person_id: int) -> tuple[NotebookEntry, ...]:
        # Only numbers and dates: listing the notebooks opens none of them.
        rows = await self._db.fetchall(
            "SELECT s.number, n.created_at FROM notebooks n JOIN sessions s ON s.id = n.session_id"
            " WHERE n.person_id = ? ORDER BY s.number",
            (person_id,),
        )
        return tuple(
            NotebookEntry(int(row["number"]), require_time(row["created_at"])) for row in rows
        )

    async def notebook_by_number(self, person_id: int, number: int) -> Notebook | None:
        row = await self._db.fetchone(
            "SELECT n.*, s.number FROM notebooks n JOIN sessions s ON s.id = n.session_id"
            " WHERE n.person_id = ? AND s.number = ?",
            (person_id, number),
        )
        return None if row is None else await self._notebook(row)

    # -- corrections ------------------------------------------------------------

    async def ask_correction(
        self, person_id: int, arc_version: int, section: str, at: datetime
    ) -> Correction | None:
        async with self._db.transaction() as tx:
            busy = await tx.execute_fetchall(
                "SELECT 1 FROM arc_corrections WHERE person_id = ? AND state = 'received'",
                (person_id,),
            )
            if list(busy):
                return None
            await tx.execute(
                "DELETE FROM arc_corrections WHERE person_id = ? AND state = 'asked'", (person_id,)
            )
            record = await self._sealer.insert(
                tx,
                person_id,
                "arc_corrections",
                {
                    "person_id": person_id,
                    "state": "asked",
                    "arc_version": arc_version,
                    "asked_at": to_text(at),
                },
                _body(section, None),
            )
        return Correction(record, person_id, "asked", arc_version, section, at)

    async def correction_for(self, person: PersonKey, source_key: str | None) -> Correction | None:
        row = await self._db.fetchone(
            "SELECT c.* FROM arc_corrections c JOIN people p ON p.id = c.person_id"
            " WHERE p.platform = ? AND p.external_id = ?"
            " AND (c.state = 'asked' OR c.source_key = ?) ORDER BY c.source_key IS NULL LIMIT 1",
            (person.platform, person.external_id, source_key),
        )
        return None if row is None else await self._correction(row)

    async def drop_asked(self, person_id: int) -> bool:
        async with self._db.transaction() as tx:
            cursor = await tx.execute(
                "DELETE FROM arc_corrections WHERE person_id = ? AND state = 'asked'", (person_id,)
            )
            return cursor.rowcount > 0

    async def receive_correction(
        self, correction: Correction, text: str, at: datetime, source_key: str | None
    ) -> Correction | None:
        body, version = await self._sealer.seal(
            correction.person_id,
            "arc_corrections",
            correction.id,
            "body",
            _body(correction.section, text),
        )
        async with self._db.transaction() as tx:
            cursor = await tx.execute(
                "UPDATE arc_corrections SET state = 'received', body = ?, key_version = ?,"
                " received_at = ?, source_key = ?, next_attempt_at = ?"
                " WHERE id = ? AND state = 'asked'",
                (body, version, to_text(at), source_key, to_text(at), correction.id),
            )
            if cursor.rowcount == 0:
                return None
        return Correction(
            correction.id,
            correction.person_id,
            "received",
            correction.arc_version,
            correction.section,
            correction.asked_at,
            text=text,
            source_key=source_key,
            received_at=at,
            next_attempt_at=at,
        )

    async def pending_corrections(self) -> tuple[Correction, ...]:
        rows = await self._db.fetchall(
            "SELECT * FROM arc_corrections WHERE state = 'received' ORDER BY next_attempt_at"
        )
        return tuple([await self._correction(row) for row in rows])

    async def save_corrected_arc(self, correction: Correction, arc: Arc) -> bool:
        person_id = correction.person_id
        async with self._db.transaction() as tx:
            # Optimistic: the rewrite was made from version - 1. If a closing (or anything)
            # stored a newer Arc meanwhile, nothing is written and the rewrite is redone
            # from it, so neither that Arc nor this correction is lost.
            rows = list(
                await tx.execute_fetchall(
                    "SELECT version, session_id FROM arcs WHERE person_id = ?"
                    " ORDER BY version DESC LIMIT 1",
                    (person_id,),
                )
            )
            if not rows or int(rows[0]["version"]) != arc.version - 1:
                return False
            await self._sealer.insert(
                tx,
                person_id,
                "arcs",
                {
                    "person_id": person_id,
                    "version": arc.version,
                    "session_id": int(rows[0]["session_id"]),  # the session of the Arc corrected
                    "created_at": to_text(arc.created_at),
                    "prompt_version": arc.prompt_version,
                    "model": arc.model,
                },
                arc.text,
            )
            await tx.execute(
                "UPDATE arc_corrections SET state = 'done', new_arc_version = ?"
                " WHERE id = ? AND state = 'received'",
                (arc.version, correction.id),
            )
        return True

    async def postpone_correction(
        self, correction: Correction, until: datetime, error: str
    ) -> Correction | None:
        async with self._db.transaction() as tx:
            cursor = await tx.execute(
                "UPDATE arc_corrections SET attempts = attempts + 1, next_attempt_at = ?,"
                " last_error = ? WHERE id = ? AND state = 'received'",
                (to_text(until), error, correction.id),
            )
            if cursor.rowcount == 0:
                return None
        return Correction(
            correction.id,
            correction.person_id,
            correction.state,
            correction.arc_version,
            correction.section,
            correction.asked_at,
            text=correction.text,
            source_key=correction.source_key,
            received_at=correction.received_at,
            attempts=correction.attempts + 1,
            next_attempt_at=until,
        )

    async def end_correction(self, correction: Correction, state: CorrectionState) -> None:
        if state not in ("crisis", "refused"):
            raise StoreError(f"a correction cannot end as {state}")
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE arc_corrections SET state = ? WHERE id = ? AND state = 'received'",
                (state, correction.id),
            )

    async def _correction(self, row: aiosqlite.Row) -> Correction:
        person_id = int(row["person_id"])
        sealed = await self._sealer.open(
            person_id,
            "arc_corrections",
            int(row["id"]),
            "body",
            bytes(row["body"]),
            int(row["key_version"]),
        )
        body = json.loads(sealed)
        return Correction(
            id=int(row["id"]),
            person_id=person_id,
            state=cast(CorrectionState, row["state"]),
            arc_version=int(row["arc_version"]),
            section=body["section"],
            asked_at=require_time(row["asked_at"]),
            text=body.get("text"),
            source_key=row["source_key"],
            received_at=from_text(row["received_at"]),
            attempts=int(row["attempts"]),
            next_attempt_at=from_text(row["next_attempt_at"]),
        )


def _body(section: str, text: str | None) -> str:
    return json.dumps({"section": section, "text": text}, ensure_ascii=False)
