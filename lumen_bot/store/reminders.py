"""Reminders on SQLite: one row per person, the table itself the schedule.

Nothing is held in memory between ticks: a tick asks the `reminders_due` index
for what is due, so starting with 100,000 people costs one indexed query, and a
restart can neither forget a reminder nor send one twice (`sending` rows found
at start count as sent).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, cast

import aiosqlite

from lumen_bot.harness.store_ports import Reminder
from lumen_bot.store.db import Database, from_text, to_text
from lumen_bot.store.sealing import Sealer

State = Literal["none", "scheduled", "sending"]


class ReminderRecords:
    """The part of `SqliteStore` the rhythm of sessions reads and writes."""

    _db: Database
    _sealer: Sealer

    async def reminder(self, person_id: int) -> Reminder | None:
        row = await self._db.fetchone("SELECT * FROM reminders WHERE person_id = ?", (person_id,))
        return None if row is None else await self._reminder(row)

    async def schedule_reminder(
        self, person_id: int, due: datetime, window_end: datetime, thread: str | None
    ) -> None:
        body, version = (
            await self._sealer.seal(person_id, "reminders", person_id, "body", thread)
            if thread
            else (None, None)
        )
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO reminders (person_id, state, due_at, window_end, body, key_version)"
                " VALUES (?, 'scheduled', ?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET"
                " state = 'scheduled', due_at = excluded.due_at,"
                " window_end = excluded.window_end, body = excluded.body,"
                " key_version = excluded.key_version",
                (person_id, to_text(due), to_text(window_end), body, version),
            )

    async def cancel_reminder(self, person_id: int) -> None:
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE reminders SET state = 'none', due_at = NULL, window_end = NULL"
                " WHERE person_id = ? AND state = 'scheduled'",
                (person_id,),
            )

    async def came_back(self, person_id: int) -> None:
        await self._db.change(  # every session's first message: one trip
            "UPDATE reminders SET state = 'none', due_at = NULL, window_end = NULL,"
            " ignored = 0, unreachable_at = NULL WHERE person_id = ?",
            (person_id,),
        )

    async def claim_due(self, now: datetime, limit: int) -> tuple[Reminder, ...]:
        async with self._db.transaction() as tx:
            rows = list(
                await tx.execute_fetchall(
                    "SELECT * FROM reminders WHERE state = 'scheduled' AND due_at <= ?"
                    " ORDER BY due_at LIMIT ?",
                    (to_text(now), limit),
                )
            )
            await tx.executemany(
                "UPDATE reminders SET state = 'sending' WHERE person_id = ?",
                [(row["person_id"],) for row in rows],
            )
        return tuple([await self._reminder(row, state="sending") for row in rows])

    async def settle_reminder(
        self, person_id: int, *, sent: bool, next_due: tuple[datetime, datetime] | None
    ) -> None:
        due, end = (to_text(next_due[0]), to_text(next_due[1])) if next_due else (None, None)
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE reminders SET ignored = ignored + ?, due_at = ?, window_end = ?,"
                " state = CASE WHEN ? IS NULL THEN 'none' ELSE 'scheduled' END"
                " WHERE person_id = ? AND state = 'sending'",
                (1 if sent else 0, due, end, due, person_id),
            )

    async def mark_unreachable(self, person_id: int, at: datetime) -> None:
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE reminders SET state = 'none', due_at = NULL, window_end = NULL,"
                " unreachable_at = ? WHERE person_id = ?",
                (to_text(at), person_id),
            )

    async def recover_sending(self) -> int:
        async with self._db.transaction() as tx:
            cursor = await tx.execute(
                "UPDATE reminders SET state = 'none', due_at = NULL, window_end = NULL,"
                " ignored = ignored + 1 WHERE state = 'sending'"
            )
            return cursor.rowcount

    async def scheduled_reminders(self) -> int:
        row = await self._db.fetchone("SELECT COUNT(*) FROM reminders WHERE state = 'scheduled'")
        return 0 if row is None else int(row[0])

    async def _reminder(self, row: aiosqlite.Row, state: State | None = None) -> Reminder:
        person_id = int(row["person_id"])
        thread = None
        if row["body"] is not None:
            thread = await self._sealer.open(
                person_id,
                "reminders",
                person_id,
                "body",
                bytes(row["body"]),
                int(row["key_version"]),
            )
        return Reminder(
            person_id=person_id,
            state=state or cast(State, row["state"]),
            due_at=from_text(row["due_at"]),
            window_end=from_text(row["window_end"]),
            ignored=int(row["ignored"]),
            unreachable=row["unreachable_at"] is not None,
            thread=thread,
        )
