"""Sealing record bodies under their owner's data key, bound to table, record and column."""

from __future__ import annotations

import aiosqlite

from lumen_bot.errors import StoreError
from lumen_bot.store.crypto import open_sealed, record_aad, seal
from lumen_bot.store.keys import KeyStore


class Sealer:
    """Seals and opens the `body` of rows in any table of the content database."""

    def __init__(self, keys: KeyStore) -> None:
        self._keys = keys

    async def seal(
        self, person_id: int, table: str, record: int, column: str, text: str
    ) -> tuple[bytes, int]:
        version, key = await self._keys.current(person_id)
        aad = record_aad(
            owner=person_id, table=table, record=record, column=column, key_version=version
        )
        return seal(key, text.encode("utf-8", "surrogatepass"), aad), version

    async def open(
        self, person_id: int, table: str, record: int, column: str, blob: bytes, version: int
    ) -> str:
        key = await self._keys.key(person_id, version)
        aad = record_aad(
            owner=person_id, table=table, record=record, column=column, key_version=version
        )
        return open_sealed(key, blob, aad).decode("utf-8", "surrogatepass")

    async def insert(
        self,
        tx: aiosqlite.Connection,
        person_id: int,
        table: str,
        columns: dict[str, object],
        text: str,
    ) -> int:
        """Insert a row, then seal its body bound to the new row id, in one transaction."""
        names = ", ".join([*columns, "body", "key_version"])
        marks = ", ".join("?" * (len(columns) + 2))
        cursor = await tx.execute(
            f"INSERT INTO {table} ({names}) VALUES ({marks})",  # noqa: S608 - fixed names
            (*columns.values(), b"", 0),
        )
        record = cursor.lastrowid
        if record is None:
            raise StoreError(f"insert into {table} returned no row id")
        body, version = await self.seal(person_id, table, record, "body", text)
        await tx.execute(
            f"UPDATE {table} SET body = ?, key_version = ? WHERE rowid = ?",  # noqa: S608
            (body, version, record),
        )
        return record
