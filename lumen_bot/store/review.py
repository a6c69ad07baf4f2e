"""Flags, blocks, person profiles and the append-only audit log, on the content database."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from typing import Any

import aiosqlite

from lumen_bot.errors import StoreError
from lumen_bot.harness.flags import (
    FORGOTTEN,
    AuditEntry,
    Flag,
    FlagDetail,
    FlagSource,
    FlagStatus,
    Severity,
)
from lumen_bot.store.db import Database, from_text, require_time, to_text
from lumen_bot.store.privacy import FORGOTTEN_BODY
from lumen_bot.store.sealing import Sealer

# The range of an SQLite INTEGER: a larger number (typed by an admin) names no row, and
# SQLite cannot even be asked about it (OverflowError).
SQLITE_MIN, SQLITE_MAX = -(2**63), 2**63 - 1
# Changes of one profile read at the same moment each win once, so a few attempts suffice;
# a bound keeps a write that can never match (a damaged row) from trying for ever.
PROFILE_ATTEMPTS = 8


def block_of(row: aiosqlite.Row | None) -> tuple[datetime, bool] | None:
    """A row of `blocks` (until, notified) as `blocked_until` gives it, or None."""
    if row is None:
        return None
    until = from_text(row["until"])
    return (until, bool(row["notified"])) if until else None


class SqliteReviewStore:
    """Implements `harness.store_ports.ReviewStore`."""

    def __init__(self, db: Database, sealer: Sealer) -> None:
        self._db = db
        self._sealer = sealer

    # -- flags ---------------------------------------------------------------

    async def add_flag(
        self,
        *,
        person_id: int,
        session_id: int | None,
        source: FlagSource,
        detail: FlagDetail,
        at: datetime,
        status: FlagStatus = FlagStatus.OPEN,
    ) -> int:
        async with self._db.transaction() as tx:
            return await self._sealer.insert(
                tx,
                person_id,
                "flags",
                {
                    "person_id": person_id,
                    "session_id": session_id,
                    "source": source.value,
                    "severity": int(Severity[source.name]),
                    "status": status.value,
                    "created_at": to_text(at),
                    "updated_at": to_text(at),
                },
                _detail_json(detail),
            )

    async def flag(self, flag_id: int) -> Flag | None:
        if not SQLITE_MIN <= flag_id <= SQLITE_MAX:  # no such id can exist (nor be bound)
            return None
        row = await self._db.fetchone("SELECT * FROM flags WHERE id = ?", (flag_id,))
        return None if row is None else await self._flag(row)

    async def flags(self, status: FlagStatus = FlagStatus.OPEN, limit: int = 20) -> list[Flag]:
        """The queue: most severe first, then newest."""
        rows = await self._db.fetchall(
            "SELECT * FROM flags WHERE status = ? ORDER BY severity DESC, id DESC LIMIT ?",
            (status.value, limit),
        )
        return [await self._flag(row) for row in rows]

    async def update_flag(
        self,
        flag: Flag,
        *,
        status: FlagStatus,
        at: datetime,
        detail: FlagDetail | None = None,
    ) -> Flag:
        async with self._db.transaction() as tx:
            if detail is not None:
                body, version = await self._sealer.seal(
                    flag.person_id, "flags", flag.id, "body", _detail_json(detail)
                )
                await tx.execute(
                    "UPDATE flags SET body = ?, key_version = ? WHERE id = ?",
                    (body, version, flag.id),
                )
            await tx.execute(
                "UPDATE flags SET status = ?, updated_at = ? WHERE id = ?",
                (status.value, to_text(at), flag.id),
            )
        updated = await self.flag(flag.id)
        if updated is None:
            raise StoreError("flag vanished during update")
        return updated

    async def close_flag(self, flag_id: int, status: FlagStatus, at: datetime) -> bool:
        """Move an open flag to `status`; False, and nothing changed, if it is not open
        (closed already, by this admin or another a moment ago)."""
        row = await self._db.change(
            "UPDATE flags SET status = ?, updated_at = ? WHERE id = ? AND status = ? RETURNING id",
            (status.value, to_text(at), flag_id, FlagStatus.OPEN.value),
        )
        return row is not None

    async def _flag(self, row: aiosqlite.Row) -> Flag:
        body = bytes(row["body"])
        if body == FORGOTTEN_BODY:  # the person used /forget: the clear fields remain
            detail = FlagDetail(reason=FORGOTTEN)
        else:
            text = await self._sealer.open(
                int(row["person_id"]),
                "flags",
                int(row["id"]),
                "body",
                body,
                int(row["key_version"]),
            )
            detail = _detail(json.loads(text))
        return Flag(
            id=int(row["id"]),
            person_id=int(row["person_id"]),
            session_id=row["session_id"],
            source=FlagSource(row["source"]),
            severity=Severity(int(row["severity"])),
            status=FlagStatus(row["status"]),
            created_at=require_time(row["created_at"]),
            updated_at=require_time(row["updated_at"]),
            detail=detail,
        )

    # -- the audit log ---------------------------------------------------------

    async def audit(
        self, *, at: datetime, actor: str, action: str, target: str, detail: str | None = None
    ) -> None:
        """Append one entry: who did what to which flag or person, and when. No content."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                (to_text(at), actor, action, target, detail),
            )

    async def audit_entries(self, limit: int = 50) -> list[AuditEntry]:
        rows = await self._db.fetchall("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", (limit,))
        return [
            AuditEntry(
                int(r["id"]),
                require_time(r["at"]),
                r["actor"],
                r["action"],
                r["target"],
                r["detail"],
            )
            for r in rows
        ]

    # -- blocks ----------------------------------------------------------------

    async def block(self, person_id: int, until: datetime) -> None:
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO blocks (person_id, until, notified) VALUES (?, ?, 0)"
                " ON CONFLICT (person_id) DO UPDATE SET until = excluded.until, notified = 0",
                (person_id, to_text(until)),
            )

    async def blocked_until(self, person_id: int) -> tuple[datetime, bool] | None:
        """Until when the person is blocked, and whether they were told; None if never."""
        row = await self._db.fetchone(
            "SELECT until, notified FROM blocks WHERE person_id = ?", (person_id,)
        )
        return block_of(row)

    async def mark_block_notified(self, person_id: int) -> None:
        async with self._db.transaction() as tx:
            await tx.execute("UPDATE blocks SET notified = 1 WHERE person_id = ?", (person_id,))

    # -- profiles ----------------------------------------------------------------

    async def profile(self, person_id: int) -> dict[str, str]:
        """A person's own settings (their country, ...), sealed like everything they say."""
        return (await self._profile_as_read(person_id))[0]

    async def update_profile(
        self, person_id: int, change: Callable[[dict[str, str]], dict[str, str] | None]
    ) -> dict[str, str]:
        """Apply `change` to the profile as stored and store what it returns (None: leave it
        as it is); returns the profile as it now stands.

        The profile is one sealed body, so two changes read at once (a language heard
        while `/country` is answered) would each write back the other's old value. The
        write names the sealed body it was read as, and when another change came first,
        `change` runs again on the new profile; no lock, so no write waits for this one.
        """
        for _ in range(PROFILE_ATTEMPTS):
            profile, as_read = await self._profile_as_read(person_id)
            changed = change(dict(profile))
            if changed is None or changed == profile:
                return profile
            body, version = await self._sealer.seal(
                person_id, "profiles", person_id, "body", json.dumps(changed, ensure_ascii=False)
            )
            if as_read is None:
                sql = (
                    "INSERT INTO profiles (person_id, body, key_version) VALUES (?, ?, ?)"
                    " ON CONFLICT (person_id) DO NOTHING"
                )
                params: tuple[object, ...] = (person_id, body, version)
            else:
                sql = (
                    "UPDATE profiles SET body = ?, key_version = ? WHERE person_id = ? AND body = ?"
                )
                params = (body, version, person_id, as_read)
            if await self._db.write(_rows_changed(sql, params)) == 1:
                return changed
        raise StoreError("the profile kept changing while it was written")

    async def _profile_as_read(self, person_id: int) -> tuple[dict[str, str], bytes | None]:
        row = await self._db.fetchone(
            "SELECT body, key_version FROM profiles WHERE person_id = ?", (person_id,)
        )
        if row is None:
            return {}, None
        body = bytes(row["body"])
        text = await self._sealer.open(
            person_id, "profiles", person_id, "body", body, int(row["key_version"])
        )
        loaded: dict[str, str] = json.loads(text)
        return loaded, body


def _rows_changed(sql: str, params: tuple[object, ...]) -> Callable[[sqlite3.Connection], int]:
    """One statement for `Database.write`, answering how many rows it changed."""

    def run(raw: sqlite3.Connection) -> int:
        return raw.execute(sql, params).rowcount

    return run


def _detail_json(detail: FlagDetail) -> str:
    return json.dumps(asdict(detail), ensure_ascii=False)


def _detail(raw: dict[str, Any]) -> FlagDetail:
    return FlagDetail(
        reason=raw["reason"],
        level=raw.get("level"),
        evidence=tuple(raw.get("evidence", ())),
        reported=raw.get("reported"),
        note=raw.get("note"),
        context=tuple((str(a), str(b)) for a, b in raw.get("context", ())),
    )
