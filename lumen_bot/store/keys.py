"""Per-person data keys, stored only wrapped, in a key store apart from the content."""

from __future__ import annotations

import secrets
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Literal, Self

import aiosqlite

from lumen_bot.errors import DecryptionError, KeyringError
from lumen_bot.store.crypto import KEY_BYTES, Keyring, key_aad, open_sealed
from lumen_bot.store.db import Database, existing_uri, to_text
from lumen_bot.store.key_rotation import KeyRotationRecords, wrap_data_key
from lumen_bot.store.schema import KEY_MIGRATIONS

# How long a person's newest data-key version is remembered before it is looked up
# again: a data-key rotation run beside the bot waits twice this before it deletes
# the old key, so nothing is sealed under a key that is gone.
VERSION_TTL_S = 60.0

# What is wrong with a KEK version the key store uses: the keyring lacks it, or holds
# a key of that version that does not unwrap the data keys (another keyring's).
KekProblem = Literal["missing", "wrong"]


async def held_data_keys(path: Path) -> int:
    """How many wrapped data keys the key store at `path` holds (0: there is none).

    Read without creating or changing anything, before any keyring is loaded: a
    keyring may be made only for a key store that holds no data key yet.
    """
    uri = existing_uri(path)
    if uri is None:
        return 0
    async with aiosqlite.connect(uri, uri=True) as conn:
        try:
            rows = await conn.execute_fetchall("SELECT COUNT(*) FROM data_keys")
        except sqlite3.OperationalError:  # no table yet: a key store never migrated
            return 0
    return int(next(iter(rows))[0])


class KeyStore(KeyRotationRecords):
    """Creates, unwraps and caches each person's data key.

    The key store is its own SQLite file, so a copy of the content database
    alone never holds a usable key; destroying a person's row here makes their
    content unreadable everywhere, old copies included.
    """

    def __init__(
        self,
        path: Path,
        keyring: Keyring,
        *,
        version_ttl_s: float = VERSION_TTL_S,
        monotonic: Callable[[], float] = time.monotonic,
        create: bool = True,
    ) -> None:
        self._path = path
        self._db = Database(path, KEY_MIGRATIONS, create=create)
        self._keyring = keyring
        self._cache: dict[tuple[int, int], bytes] = {}
        self._known: set[int] = set()
        # person id -> (newest data-key version, when it was looked up)
        self._versions: dict[int, tuple[int, float]] = {}
        self._version_ttl_s = version_ttl_s
        self._monotonic = monotonic

    async def __aenter__(self) -> Self:
        await self._db.__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._cache.clear()
        self._versions.clear()
        await self._db.__aexit__(exc_type, exc, tb)

    async def unopened_keks(self) -> dict[int, KekProblem]:
        """KEK versions whose data keys this keyring cannot unwrap, and why.

        For each KEK version the key store uses, its first and its last data key are
        unwrapped: a keyring that is not the one they were made with (one from another
        install, or a new one made by mistake) opens neither, and a key store where
        keys of two keyrings got mixed fails on one of the two. A few unwraps, at start.
        """
        rows = await self._db.fetchall(
            "SELECT person_id, version, kek_version, wrapped FROM data_keys WHERE rowid IN"
            " (SELECT MIN(rowid) FROM data_keys GROUP BY kek_version"
            " UNION SELECT MAX(rowid) FROM data_keys GROUP BY kek_version)"
        )
        problems: dict[int, KekProblem] = {}
        for person_id, version, kek_version, wrapped in rows:
            try:
                open_sealed(
                    self._kek(kek_version),
                    bytes(wrapped),
                    key_aad(owner=person_id, version=version, kek_version=kek_version),
                )
            except KeyringError:
                problems[kek_version] = "missing"
            except DecryptionError:
                problems[kek_version] = "wrong"
        return problems

    async def check_keyring(self) -> None:
        """Refuse (KeyringError) a keyring that does not open the data keys held here."""
        problems = await self.unopened_keks()
        if not problems:
            return
        source = self._keyring.path or "LUMEN_MASTER_KEY"
        missing = sorted(v for v, problem in problems.items() if problem == "missing")
        if missing and len(missing) == len(problems):
            raise KeyringError(
                f"the keyring ({source}) lacks key-encryption key"
                f" {', '.join(f'v{v}' for v in missing)}, which wraps data keys in"
                f" {self._path}: restore the keyring file that holds it"
            )
        raise KeyringError(
            f"the keyring ({source}) does not open the data keys in {self._path}: it is not"
            " the keyring they were made with; set LUMEN_KEYRING_FILE (or LUMEN_MASTER_KEY)"
            " to that one"
        )

    async def ensure(self, person_id: int, at: datetime) -> None:
        """Give a person a random 256-bit data key, wrapped by the newest KEK, if they lack one.

        Called on every `Store.person()`, so a crash between creating a person
        and their key heals on the next message.
        """
        if person_id in self._known:
            return
        row = await self._db.fetchone(
            "SELECT 1 FROM data_keys WHERE person_id = ? LIMIT 1", (person_id,)
        )
        if row is None:
            await self._create(person_id, at)
        self._known.add(person_id)

    async def ensure_new(self, person_id: int, at: datetime) -> None:
        """`ensure` for a person created a moment ago: nothing to look up first, so one
        trip to the key store (a key that is there after all is left as it is)."""
        if person_id not in self._known:
            await self._create(person_id, at)
            self._known.add(person_id)

    async def _create(self, person_id: int, at: datetime) -> None:
        """Wrap and insert a new data key in one transaction on the key store's own
        thread, by the keyring file as it is inside that transaction (see `_wrap`)."""
        data_key = secrets.token_bytes(KEY_BYTES)
        keyring = self._keyring

        def insert(raw: sqlite3.Connection) -> tuple[Keyring, bool]:
            newest = keyring.reloaded()
            kek_version, wrapped = wrap_data_key(newest, person_id, 1, data_key)
            cursor = raw.execute(
                "INSERT INTO data_keys (person_id, version, kek_version, wrapped, created_at)"
                " SELECT ?, 1, ?, ?, ? WHERE NOT EXISTS"
                " (SELECT 1 FROM data_keys WHERE person_id = ?)",
                (person_id, kek_version, wrapped, to_text(at), person_id),
            )
            return newest, cursor.rowcount == 1

        read, created = await self._db.write(insert)
        if read.current_version >= self._keyring.current_version:
            self._keyring = read  # not over a newer one loaded while the write ran
        if created:  # ours, not one made meanwhile: the first seal needs no lookup
            self._cache[(person_id, 1)] = data_key
            self._versions[person_id] = (1, self._monotonic())

    async def current(self, person_id: int) -> tuple[int, bytes]:
        """The person's newest data key and its version: new records use it.

        The version is remembered for `version_ttl_s`, then looked up again: a
        data-key rotation run by another process adds a newer version, and this
        process starts sealing with it within that time.
        """
        now = self._monotonic()
        remembered = self._versions.get(person_id)
        if remembered is not None and now - remembered[1] < self._version_ttl_s:
            version = remembered[0]
        else:
            row = await self._db.fetchone(
                "SELECT MAX(version) FROM data_keys WHERE person_id = ?", (person_id,)
            )
            if row is None or row[0] is None:
                raise DecryptionError("no data key for this person")
            version = int(row[0])
            self._versions[person_id] = (version, now)
        return version, await self.key(person_id, version)

    async def key(self, person_id: int, version: int) -> bytes:
        """Unwrap (once, then from memory) the person's data key of this version."""
        cached = self._cache.get((person_id, version))
        if cached is not None:
            return cached
        row = await self._db.fetchone(
            "SELECT kek_version, wrapped FROM data_keys WHERE person_id = ? AND version = ?",
            (person_id, version),
        )
        if row is None:
            raise DecryptionError("no data key for this person")
        kek_version = int(row["kek_version"])
        data_key = open_sealed(
            self._kek(kek_version),
            bytes(row["wrapped"]),
            key_aad(owner=person_id, version=version, kek_version=kek_version),
        )
        self._cache[(person_id, version)] = data_key
        return data_key

    async def destroy(self, person_id: int) -> None:
        """Destroy a person's data keys for good (`/forget`): their rows are deleted
        (`secure_delete` overwrites them), the WAL is checkpointed and truncated so no
        copy of a wrapped key lingers on disk, and nothing of theirs stays in memory.
        Idempotent: a retry after a crash destroys nothing twice."""
        async with self._db.transaction() as tx:
            await tx.execute("DELETE FROM data_keys WHERE person_id = ?", (person_id,))
        self._known.discard(person_id)
        self._versions.pop(person_id, None)
        for cached in [entry for entry in self._cache if entry[0] == person_id]:
            del self._cache[cached]
        await self._db.checkpoint()
