"""Forgetting a person, expiring old transcripts, and the clear facts insights count.

Forgetting runs in an order that is safe to interrupt anywhere: a durable marker,
then the person's data keys are destroyed (from that moment nothing of theirs
decrypts, from the live files or an old copy of the content database), then their
rows are deleted in one transaction and both WAL files are truncated. A kill after
the marker is finished at the next start (`unfinished_forgetting`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from datetime import datetime
from pathlib import Path

import aiosqlite
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from lumen_bot.harness.flags import FlagStatus
from lumen_bot.harness.insights import SessionFacts
from lumen_bot.harness.model import PersonKey, SessionState
from lumen_bot.harness.privacy import Forgotten
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.db import Database, existing_uri, require_time, to_text
from lumen_bot.store.keys import KeyStore

FORGOTTEN_PLATFORM = "forgotten"  # what a forgotten person's `people` row keeps
FORGOTTEN_BODY = b"forgotten"  # a flag body whose sealed content went with the key
AUDIT_ACTOR = "person"  # the person themselves asked to be forgotten


async def held_people(path: Path) -> int:
    """How many people (not forgotten) the content database at `path` holds; 0 if there
    is none. Read without creating or changing anything, before the store is opened."""
    uri = existing_uri(path)
    if uri is None:
        return 0
    async with aiosqlite.connect(uri, uri=True) as conn:
        try:
            rows = await conn.execute_fetchall(
                "SELECT COUNT(*) FROM people WHERE platform != ?", (FORGOTTEN_PLATFORM,)
            )
        except sqlite3.OperationalError:  # no table yet: a database never migrated
            return 0
    return int(next(iter(rows))[0])


def block_ref(keyring: Keyring, kek_version: int, platform: str, external_id: str) -> str:
    """A keyed, non-reversible reference to a platform id, for a block that outlives
    /forget. Keyed by a secret derived from a KEK (outside the database): a plain hash
    of a Telegram id is undone by trying every id, a keyed one needs the keyring."""
    secret = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"lumen-block-ref").derive(
        keyring.kek(kek_version)
    )
    digest = hmac.new(secret, f"{platform}|{external_id}".encode(), hashlib.sha256).hexdigest()
    return f"{kek_version}:{digest}"


def carry_block(raw: sqlite3.Connection, person_id: int, refs: list[str], at: datetime) -> None:
    """A new person whose platform id was blocked before they forgot: blocked again,
    until the same time. Run in the transaction that creates the person, so no crash
    between the two can let the block lapse."""
    marks = ", ".join("?" * len(refs))
    found = raw.execute(
        f"SELECT MAX(until) FROM blocked_refs WHERE ref IN ({marks})",  # noqa: S608
        refs,
    ).fetchone()
    if found is None or found[0] is None:
        return
    raw.execute(f"DELETE FROM blocked_refs WHERE ref IN ({marks})", refs)  # noqa: S608
    if require_time(found[0]) > at:
        raw.execute(
            "INSERT OR IGNORE INTO blocks (person_id, until, notified) VALUES (?, ?, 0)",
            (person_id, found[0]),
        )


class PrivacyRecords:
    """The part of `SqliteStore` that forgets people, expires transcripts and holds the
    clear privacy choices (retention, insights)."""

    _db: Database
    _keys: KeyStore

    # -- forgetting ------------------------------------------------------------

    async def begin_forgetting(self, person_id: int, at: datetime) -> None:
        """The point of no return: a durable marker, then the data keys destroyed."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT OR IGNORE INTO forgetting (person_id, started_at) VALUES (?, ?)",
                (person_id, to_text(at)),
            )
        await self._keys.destroy(person_id)

    async def unfinished_forgetting(self) -> tuple[int, ...]:
        rows = await self._db.fetchall("SELECT person_id FROM forgetting ORDER BY person_id")
        return tuple(int(row[0]) for row in rows)

    async def finish_forgetting(self, person_id: int, at: datetime) -> Forgotten:
        """Delete every row of the person's in one transaction, keep for admins only the
        clear fields of their flags, carry an active block over as a keyed reference,
        audit it without content, and truncate both WAL files. Idempotent."""
        await self._keys.destroy(person_id)  # again: a retry may come after a crash
        async with self._db.transaction() as tx:
            rows = list(
                await tx.execute_fetchall(
                    "SELECT platform, external_id FROM people WHERE id = ?", (person_id,)
                )
            )
            if not rows or rows[0]["platform"] == FORGOTTEN_PLATFORM:
                await tx.execute("DELETE FROM forgetting WHERE person_id = ?", (person_id,))
                return Forgotten(person_id, 0, block_kept=False)
            platform, external_id = rows[0]["platform"], rows[0]["external_id"]
            block_kept = await self._keep_block(tx, person_id, platform, external_id, at)
            flags_kept = await self._strip_flags(tx, person_id)
            for table in (
                "turns",
                "notebooks",
                "arcs",
                "arc_corrections",
                "closing_jobs",
                "reminders",
                "profiles",
            ):
                await tx.execute(
                    f"DELETE FROM {table} WHERE person_id = ?",  # noqa: S608 - fixed names
                    (person_id,),
                )
            await tx.execute("DELETE FROM sessions WHERE person_id = ?", (person_id,))
            # The row itself stays, emptied: flags kept for admins still point at someone,
            # and the number is never given to a new person (who must not inherit a flag).
            await tx.execute(
                "UPDATE people SET platform = ?, external_id = ?, created_at = ?,"
                " retention_days = NULL, insights = 0 WHERE id = ?",
                (FORGOTTEN_PLATFORM, secrets.token_hex(16), to_text(at), person_id),
            )
            await tx.execute("DELETE FROM forgetting WHERE person_id = ?", (person_id,))
            await tx.execute(
                "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                (
                    to_text(at),
                    AUDIT_ACTOR,
                    "forget",
                    f"person:{person_id}",
                    f"flags_kept={flags_kept} block_kept={int(block_kept)}",
                ),
            )
        await self._db.checkpoint()
        return Forgotten(person_id, flags_kept, block_kept)

    async def _strip_flags(self, tx: aiosqlite.Connection, person_id: int) -> int:
        """Flags keep source, severity, status and times; the sealed body (unreadable now)
        becomes a content-free marker. A draft report no admin has seen goes entirely."""

        await tx.execute(
            "DELETE FROM flags WHERE person_id = ? AND status = ?",
            (person_id, FlagStatus.DRAFT.value),
        )
        cursor = await tx.execute(
            "UPDATE flags SET body = ?, key_version = 0, session_id = NULL WHERE person_id = ?",
            (FORGOTTEN_BODY, person_id),
        )
        return cursor.rowcount

    async def _keep_block(
        self,
        tx: aiosqlite.Connection,
        person_id: int,
        platform: str,
        external_id: str,
        at: datetime,
    ) -> bool:
        """A block still running outlives /forget, under a keyed reference (never the id)."""

        rows = list(
            await tx.execute_fetchall(
                "SELECT until FROM blocks WHERE person_id = ? AND until > ?",
                (person_id, to_text(at)),
            )
        )
        await tx.execute("DELETE FROM blocks WHERE person_id = ?", (person_id,))
        if not rows:
            return False
        keyring = self._keys.keyring  # the live keyring: a rotation may have added a KEK
        ref = block_ref(keyring, keyring.current_version, platform, external_id)
        await tx.execute(
            "INSERT INTO blocked_refs (ref, until) VALUES (?, ?)"
            " ON CONFLICT (ref) DO UPDATE SET until = MAX(until, excluded.until)",
            (ref, rows[0]["until"]),
        )
        return True

    def _block_refs(self, key: PersonKey) -> list[str]:
        """The references a block on this platform id may be kept under, one per KEK."""
        keyring = self._keys.keyring
        return [block_ref(keyring, v, key.platform, key.external_id) for v in sorted(keyring.keys)]

    # -- retention ---------------------------------------------------------------

    async def retention_days(self, person_id: int) -> int | None:
        row = await self._db.fetchone(
            "SELECT retention_days FROM people WHERE id = ?", (person_id,)
        )
        return None if row is None or row[0] is None else int(row[0])

    async def set_retention_days(self, person_id: int, days: int | None) -> None:
        async with self._db.transaction() as tx:
            await tx.execute("UPDATE people SET retention_days = ? WHERE id = ?", (days, person_id))

    async def expire_transcripts(self, now: datetime, global_days: int, limit: int) -> int:
        """Delete the turns of up to `limit` closed sessions (notebook written) that closed
        longer ago than the shorter of the global and the person's retention. Returns
        how many sessions lost their transcript; notebooks and the Arc stay."""
        async with self._db.transaction() as tx:
            rows = list(
                await tx.execute_fetchall(
                    "SELECT s.id FROM sessions s JOIN people p ON p.id = s.person_id"
                    " WHERE s.state = ? AND (p.retention_days IS NOT NULL OR ? > 0)"
                    " AND julianday(s.closed_at) < julianday(?) - CASE"
                    "   WHEN p.retention_days IS NULL THEN ?"
                    "   WHEN ? <= 0 THEN p.retention_days"
                    "   ELSE MIN(p.retention_days, ?) END"
                    " AND EXISTS (SELECT 1 FROM notebooks n WHERE n.session_id = s.id)"
                    " AND EXISTS (SELECT 1 FROM turns t WHERE t.session_id = s.id)"
                    " ORDER BY s.id LIMIT ?",
                    (
                        SessionState.CLOSED.value,
                        global_days,
                        to_text(now),
                        global_days,
                        global_days,
                        global_days,
                        limit,
                    ),
                )
            )
            await tx.executemany(
                "DELETE FROM turns WHERE session_id = ?", [(row["id"],) for row in rows]
            )
        if rows:
            await self._db.checkpoint()
        return len(rows)

    # -- insights ------------------------------------------------------------------

    async def insights_choice(self, person_id: int) -> bool:
        """Whether the person's sessions count in the aggregate report (yes by default)."""
        row = await self._db.fetchone("SELECT insights FROM people WHERE id = ?", (person_id,))
        return row is not None and bool(row[0])

    async def set_insights_choice(self, person_id: int, counted: bool) -> None:
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE people SET insights = ? WHERE id = ?", (int(counted), person_id)
            )

    async def session_facts(self) -> tuple[tuple[SessionFacts, ...], ...]:
        """Clear facts of every session of every person who is counted, grouped by person
        (oldest first) but without their ids: times, how it closed, how many turns, and
        whether a crisis was flagged in it. Nothing is decrypted."""
        rows = await self._db.fetchall(
            "SELECT s.person_id, s.state, s.opened_at, s.last_activity_at, s.closed_by,"
            " (SELECT COUNT(*) FROM turns t WHERE t.session_id = s.id) AS turns,"
            " EXISTS (SELECT 1 FROM flags f WHERE f.session_id = s.id AND f.source = 'crisis')"
            "   AS crisis"
            " FROM sessions s JOIN people p ON p.id = s.person_id"
            " WHERE p.insights = 1 AND p.platform != ?"
            " ORDER BY s.person_id, s.number",
            (FORGOTTEN_PLATFORM,),
        )
        people: dict[int, list[SessionFacts]] = {}
        for row in rows:
            people.setdefault(int(row["person_id"]), []).append(
                SessionFacts(
                    state=SessionState(row["state"]),
                    opened_at=require_time(row["opened_at"]),
                    last_activity_at=require_time(row["last_activity_at"]),
                    closed_by=row["closed_by"],
                    turns=int(row["turns"]),
                    crisis=bool(row["crisis"]),
                )
            )
        return tuple(tuple(sessions) for sessions in people.values())
