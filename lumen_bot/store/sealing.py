"""Sealing record bodies under their owner's data key, bound to table, record and column."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field

import aiosqlite

from lumen_bot.errors import DecryptionError, KeyringError, RecordDamaged, StoreError
from lumen_bot.logs import events
from lumen_bot.store.crypto import open_sealed, record_aad, seal
from lumen_bot.store.keys import KeyStore

log = events(__name__)


@dataclass(frozen=True, slots=True)
class DataKey:
    """A person's newest data key, looked up on the event loop, so that a transaction
    run whole on SQLite's thread (`Database.write`) can seal without awaiting."""

    person_id: int
    version: int
    key: bytes = field(repr=False)  # never in a log line or a traceback's repr

    def seal(self, table: str, record: int, column: str, text: str) -> bytes:
        aad = record_aad(
            owner=self.person_id,
            table=table,
            record=record,
            column=column,
            key_version=self.version,
        )
        return seal(self.key, text.encode("utf-8", "surrogatepass"), aad)

    def insert(
        self, raw: sqlite3.Connection, table: str, columns: Mapping[str, object], text: str
    ) -> int:
        """`Sealer.insert` inside a `Database.write` transaction."""
        record = raw.execute(_insert_sql(table, columns), (*columns.values(), b"", 0)).lastrowid
        if record is None:
            raise StoreError(f"insert into {table} returned no row id")
        raw.execute(
            _reseal_sql(table), (self.seal(table, record, "body", text), self.version, record)
        )
        return record


class Sealer:
    """Seals and opens the `body` of rows in any table of the content database."""

    def __init__(self, keys: KeyStore) -> None:
        self._keys = keys

    async def current(self, person_id: int) -> DataKey:
        """The key new records of this person are sealed under."""
        version, key = await self._keys.current(person_id)
        return DataKey(person_id, version, key)

    async def seal(
        self, person_id: int, table: str, record: int, column: str, text: str
    ) -> tuple[bytes, int]:
        key = await self.current(person_id)
        return key.seal(table, record, column, text), key.version

    async def open(
        self, person_id: int, table: str, record: int, column: str, blob: bytes, version: int
    ) -> str:
        aad = record_aad(
            owner=person_id, table=table, record=record, column=column, key_version=version
        )
        try:
            key = await self._keys.key(person_id, version)
            try:
                return open_sealed(key, blob, aad).decode("utf-8", "surrogatepass")
            except DecryptionError as exc:
                raise RecordDamaged(str(exc)) from None
        except (DecryptionError, KeyringError) as exc:
            # ids only: which record of whose, so an operator can find it (docs/reliability.md)
            log.error(  # noqa: TRY400 - an event with ids; no traceback in the log
                "record_unreadable",
                person=person_id,
                table=table,
                record=record,
                key_version=version,
                error=type(exc).__name__,
            )
            raise

    async def insert(
        self,
        tx: aiosqlite.Connection,
        person_id: int,
        table: str,
        columns: dict[str, object],
        text: str,
    ) -> int:
        """Insert a row, then seal its body bound to the new row id, in one transaction."""
        cursor = await tx.execute(_insert_sql(table, columns), (*columns.values(), b"", 0))
        record = cursor.lastrowid
        if record is None:
            raise StoreError(f"insert into {table} returned no row id")
        body, version = await self.seal(person_id, table, record, "body", text)
        await tx.execute(_reseal_sql(table), (body, version, record))
        return record


def _insert_sql(table: str, columns: Mapping[str, object]) -> str:
    """An INSERT with an empty body: the body's seal names the row id it gets."""
    names = ", ".join([*columns, "body", "key_version"])
    marks = ", ".join("?" * (len(columns) + 2))
    return f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608 - fixed names


def _reseal_sql(table: str) -> str:
    return f"UPDATE {table} SET body = ?, key_version = ? WHERE rowid = ?"  # noqa: S608
