"""What closing writes: notebooks, Arc versions and the durable closing jobs."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, cast

import aiosqlite

from lumen_bot.harness.model import Arc, Notebook
from lumen_bot.harness.store_ports import ClosingJob
from lumen_bot.store.db import Database, require_time, to_text
from lumen_bot.store.sealing import Sealer

Stage = Literal["notebook", "arc", "deliver", "done"]

# A person's notebooks, oldest first, and their newest Arc (parameter: the person's id).
NOTEBOOKS_SQL = (
    "SELECT n.*, s.number FROM notebooks n JOIN sessions s ON s.id = n.session_id"
    " WHERE n.person_id = ? ORDER BY s.number"
)
LATEST_ARC_SQL = "SELECT * FROM arcs WHERE person_id = ? ORDER BY version DESC LIMIT 1"


class ClosingRecords:
    """The part of `SqliteStore` that the closing job reads and writes."""

    _db: Database
    _sealer: Sealer

    async def _notebooks(self, person_id: int) -> tuple[Notebook, ...]:
        rows = await self._db.fetchall(NOTEBOOKS_SQL, (person_id,))
        return tuple([await self._notebook(row) for row in rows])

    async def _notebook(self, row: aiosqlite.Row) -> Notebook:
        text = await self._sealer.open(
            int(row["person_id"]),
            "notebooks",
            int(row["session_id"]),
            "body",
            bytes(row["body"]),
            int(row["key_version"]),
        )
        return Notebook(
            session_id=int(row["session_id"]),
            session_number=int(row["number"]),
            text=text,
            created_at=require_time(row["created_at"]),
            prompt_version=row["prompt_version"],
            model=row["model"],
        )

    async def latest_arc(self, person_id: int) -> Arc | None:
        row = await self._db.fetchone(LATEST_ARC_SQL, (person_id,))
        return None if row is None else await self._arc(row)

    async def notebook_for(self, person_id: int, session_id: int) -> Notebook | None:
        row = await self._db.fetchone(
            "SELECT n.*, s.number FROM notebooks n JOIN sessions s ON s.id = n.session_id"
            " WHERE n.person_id = ? AND n.session_id = ?",
            (person_id, session_id),
        )
        return None if row is None else await self._notebook(row)

    async def _arcs(self, person_id: int) -> tuple[Arc, ...]:
        rows = await self._db.fetchall(
            "SELECT * FROM arcs WHERE person_id = ? ORDER BY version", (person_id,)
        )
        return tuple([await self._arc(row) for row in rows])

    async def _arc(self, row: aiosqlite.Row) -> Arc:
        text = await self._sealer.open(
            int(row["person_id"]),
            "arcs",
            int(row["id"]),
            "body",
            bytes(row["body"]),
            int(row["key_version"]),
        )
        return Arc(
            version=int(row["version"]),
            text=text,
            created_at=require_time(row["created_at"]),
            prompt_version=row["prompt_version"],
            model=row["model"],
        )

    async def save_notebook(
        self, person_id: int, notebook: Notebook, job: ClosingJob
    ) -> ClosingJob:
        async with self._db.transaction() as tx:
            await tx.execute("DELETE FROM notebooks WHERE session_id = ?", (notebook.session_id,))
            await self._insert_notebook(tx, person_id, notebook)
            await tx.execute(
                "UPDATE closing_jobs SET stage = 'arc', attempts = 0 WHERE session_id = ?",
                (job.session_id,),
            )
        return _replace_stage(job, "arc")

    async def _insert_notebook(
        self, tx: aiosqlite.Connection, person_id: int, notebook: Notebook
    ) -> None:
        # Notebooks are keyed by session id, so the record id is known before insert.
        body, version = await self._sealer.seal(
            person_id, "notebooks", notebook.session_id, "body", notebook.text
        )
        await tx.execute(
            "INSERT INTO notebooks (session_id, person_id, body, key_version, created_at,"
            " prompt_version, model) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                notebook.session_id,
                person_id,
                body,
                version,
                to_text(notebook.created_at),
                notebook.prompt_version,
                notebook.model,
            ),
        )

    async def save_arc(self, person_id: int, arc: Arc, job: ClosingJob) -> ClosingJob:
        async with self._db.transaction() as tx:
            await self._sealer.insert(
                tx,
                person_id,
                "arcs",
                {
                    "person_id": person_id,
                    "version": arc.version,
                    "session_id": job.session_id,
                    "created_at": to_text(arc.created_at),
                    "prompt_version": arc.prompt_version,
                    "model": arc.model,
                },
                arc.text,
            )
            await tx.execute(
                "UPDATE closing_jobs SET stage = 'deliver', attempts = 0 WHERE session_id = ?",
                (job.session_id,),
            )
        return _replace_stage(job, "deliver")

    # -- closing jobs ------------------------------------------------------

    async def finish_closing(self, job: ClosingJob, at: datetime) -> None:
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE closing_jobs SET stage = 'done' WHERE session_id = ?", (job.session_id,)
            )
            await tx.execute(
                "UPDATE sessions SET state = 'closed', closed_at = ? WHERE id = ?",
                (to_text(at), job.session_id),
            )

    async def postpone_closing(self, job: ClosingJob, until: datetime, error: str) -> ClosingJob:
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE closing_jobs SET attempts = attempts + 1, next_attempt_at = ?,"
                " last_error = ? WHERE session_id = ?",
                (to_text(until), error, job.session_id),
            )
        return ClosingJob(
            job.session_id, job.person_id, job.attempts + 1, until, job.stage, job.notify
        )

    async def pending_closing_jobs(self) -> tuple[ClosingJob, ...]:
        rows = await self._db.fetchall(
            "SELECT * FROM closing_jobs WHERE stage != 'done' ORDER BY next_attempt_at"
        )
        return tuple(job_from_row(row) for row in rows)


def job_from_row(row: aiosqlite.Row) -> ClosingJob:
    return ClosingJob(
        session_id=int(row["session_id"]),
        person_id=int(row["person_id"]),
        attempts=int(row["attempts"]),
        next_attempt_at=require_time(row["next_attempt_at"]),
        stage=cast(Stage, row["stage"]),
        notify=bool(row["notify"]),
    )


def _replace_stage(job: ClosingJob, stage: Stage) -> ClosingJob:
    return ClosingJob(job.session_id, job.person_id, 0, job.next_attempt_at, stage, job.notify)
