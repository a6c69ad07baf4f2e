"""The key store's side of key rotation: KEK versions, rewrapping, data-key versions."""

from __future__ import annotations

import secrets
from datetime import datetime
from pathlib import Path

from lumen_bot.errors import DecryptionError, KeyringError
from lumen_bot.store.crypto import KEY_BYTES, Keyring, key_aad, keyring_lock, open_sealed, seal
from lumen_bot.store.db import Database, require_time, to_text


def wrap_data_key(
    keyring: Keyring, person_id: int, version: int, data_key: bytes
) -> tuple[int, bytes]:
    """A person's data key wrapped by the keyring's newest KEK: (KEK version, wrapped)."""
    kek_version = keyring.current_version
    aad = key_aad(owner=person_id, version=version, kek_version=kek_version)
    return kek_version, seal(keyring.kek(kek_version), data_key, aad)


class KeyRotationRecords:
    """The part of `KeyStore` that rotation reads and writes.

    Every rewrap and every new data key is written in the key store's write
    transaction, which is what makes `retire_kek` safe beside a running bot.
    """

    _db: Database
    _keyring: Keyring
    _cache: dict[tuple[int, int], bytes]
    _versions: dict[int, tuple[int, float]]

    # -- key-encryption keys -------------------------------------------------

    def _kek(self, version: int) -> bytes:
        """The KEK of this version, reading the keyring file once more if a rotation
        added it after this process loaded the keyring."""
        if version not in self._keyring.keys:
            self._keyring = self._keyring.reloaded()
        return self._keyring.kek(version)

    def _wrap(self, person_id: int, version: int, data_key: bytes) -> tuple[int, bytes]:
        """Wrap a data key by the newest KEK in the keyring file *now*.

        Called inside the key store's write transaction, which `retire_kek` also
        holds while it checks that a KEK is unused and rewrites the file: so a key
        wrapped while the bot runs is either counted by the retire, or wrapped by a
        KEK the retire keeps. Wrapping is rare (a new person, a rotation); the file
        read is cheap.
        """
        self._keyring = self._keyring.reloaded()
        return wrap_data_key(self._keyring, person_id, version, data_key)

    @property
    def keyring(self) -> Keyring:
        return self._keyring

    def add_kek(self) -> int:
        """Add a fresh KEK as the newest version of the keyring file; returns its version.

        New data keys are wrapped by it at once, by this process and by a running
        bot (which reads the file whenever it wraps a key).
        """
        path = self._require_file("add a key-encryption key")
        with keyring_lock(path):
            grown = Keyring.load(path).with_new_key()
            grown.replace_file()
        self._keyring = grown
        return grown.current_version

    async def retire_kek(self, version: int) -> None:
        """Remove an old KEK from the keyring file, only if no data key uses it."""
        path = self._require_file("retire a key-encryption key")
        with keyring_lock(path):
            async with self._db.transaction() as tx:
                shrunk = Keyring.load(path).without(version)
                [row] = await tx.execute_fetchall(
                    "SELECT COUNT(*) FROM data_keys WHERE kek_version = ?", (version,)
                )
                if row[0]:
                    raise KeyringError(
                        f"key-encryption key v{version} still wraps {row[0]} data key(s);"
                        " run `lumen keys resume` (or `lumen keys rotate`) first"
                    )
                shrunk.replace_file()  # inside the transaction: see `_wrap`
        self._keyring = shrunk

    async def rewrap_batch(self, limit: int) -> int:
        """Rewrap up to `limit` data keys wrapped by an older KEK under the newest.

        One transaction per batch; run it until it returns 0. Only *older* versions
        are touched, so two rotations running at once never undo each other.
        """
        async with self._db.transaction() as tx:
            self._keyring = self._keyring.reloaded()
            newest = self._keyring.current_version
            rows = list(
                await tx.execute_fetchall(
                    "SELECT person_id, version, kek_version, wrapped FROM data_keys"
                    " WHERE kek_version < ? LIMIT ?",
                    (newest, limit),
                )
            )
            for person_id, version, old, wrapped in rows:
                data_key = open_sealed(
                    self._kek(old),
                    bytes(wrapped),
                    key_aad(owner=person_id, version=version, kek_version=old),
                )
                rewrapped = seal(
                    self._kek(newest),
                    data_key,
                    key_aad(owner=person_id, version=version, kek_version=newest),
                )
                await tx.execute(
                    "UPDATE data_keys SET kek_version = ?, wrapped = ?"
                    " WHERE person_id = ? AND version = ? AND kek_version = ?",
                    (newest, rewrapped, person_id, version, old),
                )
        return len(rows)

    async def kek_usage(self) -> dict[int, int]:
        """KEK version -> how many data keys it wraps."""
        rows = await self._db.fetchall(
            "SELECT kek_version, COUNT(*) FROM data_keys GROUP BY kek_version"
        )
        return {int(version): int(count) for version, count in rows}

    def _require_file(self, what: str) -> Path:
        if self._keyring.path is None:
            raise KeyringError(
                f"cannot {what}: LUMEN_MASTER_KEY holds one key and no file to add one to;"
                " move to a keyring file first (`lumen keys to-file PATH`, then set"
                " LUMEN_KEYRING_FILE=PATH, unset LUMEN_MASTER_KEY and restart the bot)"
            )
        return self._keyring.path

    # -- data-key versions ---------------------------------------------------

    async def add_data_key(self, person_id: int, at: datetime) -> int:
        """Give a person the next data-key version (new records are sealed under it
        once every process sees it); returns the new version."""
        async with self._db.transaction() as tx:
            [row] = await tx.execute_fetchall(
                "SELECT MAX(version) FROM data_keys WHERE person_id = ?", (person_id,)
            )
            if row[0] is None:
                raise DecryptionError("no data key for this person")
            version = int(row[0]) + 1
            await tx.execute(
                "INSERT INTO data_keys (person_id, version, kek_version, wrapped, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    person_id,
                    version,
                    *self._wrap(person_id, version, secrets.token_bytes(KEY_BYTES)),
                    to_text(at),
                ),
            )
        self._versions.pop(person_id, None)
        return version

    async def data_key_versions(self, person_id: int) -> dict[int, datetime]:
        """The person's data-key versions and when each was made."""
        rows = await self._db.fetchall(
            "SELECT version, created_at FROM data_keys WHERE person_id = ? ORDER BY version",
            (person_id,),
        )
        return {int(row["version"]): require_time(row["created_at"]) for row in rows}

    async def people_with_keys(self, *, rotating_only: bool = False) -> list[int]:
        """Person ids holding a data key; `rotating_only`: those holding more than one
        (a data-key rotation started and not finished)."""
        having = " HAVING COUNT(*) > 1" if rotating_only else ""
        rows = await self._db.fetchall(
            f"SELECT person_id FROM data_keys GROUP BY person_id{having} ORDER BY person_id"  # noqa: S608
        )
        return [int(row[0]) for row in rows]

    async def drop_data_keys_before(self, person_id: int, version: int) -> int:
        """Delete a person's data keys older than `version`; the caller has made sure
        no record is sealed under them."""
        async with self._db.transaction() as tx:
            cursor = await tx.execute(
                "DELETE FROM data_keys WHERE person_id = ? AND version < ?", (person_id, version)
            )
        for cached in [k for k in self._cache if k[0] == person_id and k[1] < version]:
            del self._cache[cached]
        return cursor.rowcount
