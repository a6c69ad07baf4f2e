"""Per-person data-key rotation: re-encrypt every sealed record, resumably, beside the bot.

A rotation gives the person the next data-key version, then re-seals their
records under it in small batches, one transaction each. Every record names its
own `key_version`, so at any moment (a kill included) each one opens under the
key it names. The state of a rotation is the data itself: a person holding more
than one data-key version is mid-rotation, and running the job again finishes
it. The old version is deleted only when no record uses it and a running bot,
which remembers a person's newest version for `VERSION_TTL_S`, has had time to
stop sealing under it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from lumen_bot.errors import DecryptionError
from lumen_bot.store.crypto import open_sealed, record_aad, seal
from lumen_bot.store.db import Database
from lumen_bot.store.keys import KeyStore

if TYPE_CHECKING:  # the port, for typing only: importing it at run time loads the screen
    from lumen_bot.harness.ports import Clock


@dataclass(frozen=True, slots=True)
class SealedTable:
    """A table with a sealed `body`, and the column its associated data names as record."""

    name: str
    record: str


# Every sealed column of the content database. A test fails when a table with a
# `key_version` column is missing here: a record left out would be lost when the
# old key is deleted.
SEALED: tuple[SealedTable, ...] = (
    SealedTable("turns", "id"),
    SealedTable("notebooks", "session_id"),
    SealedTable("arcs", "id"),
    SealedTable("flags", "id"),
    SealedTable("profiles", "person_id"),
    SealedTable("reminders", "person_id"),
    SealedTable("arc_corrections", "id"),
)


@dataclass(frozen=True, slots=True)
class Progress:
    """Where one person's data-key rotation stands after a run of the job."""

    person_id: int
    version: int  # the data-key version records move to
    moved: int  # records re-sealed by this run
    remaining: int  # records still sealed under an older version
    finished: bool  # the older versions are deleted
    keep_until: datetime  # older versions are kept at least until then


class DataKeyRotation:
    """Runs (and resumes) data-key rotations; its own connections, like a second process."""

    def __init__(
        self,
        content: Database,
        keys: KeyStore,
        clock: Clock,
        *,
        grace: timedelta,
        batch: int = 200,
    ) -> None:
        self._content = content
        self._keys = keys
        self._clock = clock
        self._grace = grace
        self._batch = batch

    async def rotate(self, person_id: int, *, max_batches: int | None = None) -> Progress:
        """Start the person's next data-key version (unless a rotation is already under
        way) and move their records to it; `max_batches` stops early, as a kill would."""
        versions = await self._keys.data_key_versions(person_id)
        if len(versions) < 2:
            await self._keys.add_data_key(person_id, self._clock.now())
        return await self.resume(person_id, max_batches=max_batches)

    async def resume(self, person_id: int, *, max_batches: int | None = None) -> Progress:
        """Move the person's remaining records to their newest data key; once nothing
        uses the older versions and the grace time has passed, delete them."""
        versions = await self._keys.data_key_versions(person_id)
        if not versions:
            raise DecryptionError("no data key for this person")
        version = max(versions)
        keep_until = versions[version] + self._grace
        # Judged before the sweep: after the grace no process seals under an older
        # version, so a sweep that starts then leaves nothing behind it.
        settled = self._clock.now() >= keep_until
        moved = batches = 0
        while max_batches is None or batches < max_batches:
            count = await self._move_batch(person_id, version)
            if count == 0:
                break
            moved += count
            batches += 1
        remaining = await self.remaining(person_id, version)
        finished = len(versions) == 1
        if settled and remaining == 0 and not finished:
            await self._keys.drop_data_keys_before(person_id, version)
            finished = True
        return Progress(person_id, version, moved, remaining, finished, keep_until)

    async def resume_all(self) -> list[Progress]:
        """Finish every rotation under way (people holding more than one version)."""
        people = await self._keys.people_with_keys(rotating_only=True)
        return await self._each(people, self.resume)

    async def rotate_all(self) -> list[Progress]:
        """Rotate everyone's data key (or finish the rotation already under way)."""
        return await self._each(await self._keys.people_with_keys(), self.rotate)

    async def _each(
        self, people: list[int], job: Callable[[int], Awaitable[Progress]]
    ) -> list[Progress]:
        done = []
        for person_id in people:
            try:
                done.append(await job(person_id))
            except DecryptionError:
                if await self._keys.data_key_versions(person_id):
                    raise
                # Forgotten while the job ran: their keys are gone, nothing is left to move.
        return done

    async def under_way(self) -> list[Progress]:
        """Every rotation not finished yet, as it stands, without moving anything."""
        found = []
        for person_id in await self._keys.people_with_keys(rotating_only=True):
            versions = await self._keys.data_key_versions(person_id)
            version = max(versions)
            remaining = await self.remaining(person_id, version)
            found.append(
                Progress(person_id, version, 0, remaining, False, versions[version] + self._grace)
            )
        return found

    async def remaining(self, person_id: int, version: int) -> int:
        """Records of the person still sealed under a data-key version before `version`."""
        total = 0
        for table in SEALED:
            row = await self._content.fetchone(
                f"SELECT COUNT(*) FROM {table.name}"  # noqa: S608 - names from SEALED
                " WHERE person_id = ? AND key_version < ? AND body IS NOT NULL",
                (person_id, version),
            )
            total += int(row[0]) if row else 0
        return total

    async def _move_batch(self, person_id: int, version: int) -> int:
        """Re-seal up to one batch of the person's older records under `version`.

        Reading and re-sealing happen outside the write transaction; each update
        applies only if the row still holds what was read, so a record the bot
        rewrote meanwhile is simply picked up by the next batch.
        """
        new_key = await self._keys.key(person_id, version)
        updates: list[tuple[str, tuple[bytes, int, int, int, bytes]]] = []
        for table in SEALED:
            rows = await self._content.fetchall(
                f"SELECT rowid, {table.record}, body, key_version FROM {table.name}"  # noqa: S608
                " WHERE person_id = ? AND key_version < ? AND body IS NOT NULL LIMIT ?",
                (person_id, version, self._batch - len(updates)),
            )
            for rowid, record, body, old in rows:
                old_key = await self._keys.key(person_id, old)
                text = open_sealed(old_key, bytes(body), _aad(person_id, table, record, old))
                resealed = seal(new_key, text, _aad(person_id, table, record, version))
                updates.append((table.name, (resealed, version, rowid, old, bytes(body))))
            if len(updates) >= self._batch:
                break
        if not updates:
            return 0
        async with self._content.transaction() as tx:
            for name, values in updates:
                await tx.execute(
                    f"UPDATE {name} SET body = ?, key_version = ?"  # noqa: S608 - from SEALED
                    " WHERE rowid = ? AND key_version = ? AND body = ?",
                    values,
                )
        return len(updates)


def _aad(person_id: int, table: SealedTable, record: int, version: int) -> bytes:
    return record_aad(
        owner=person_id, table=table.name, record=record, column="body", key_version=version
    )
