"""AES-GCM sealing with associated data, and the keyring of key-encryption keys.

A sealed blob is ``version byte || 96-bit nonce || ciphertext || tag``. The
associated data names what the blob is (owner, table, record, column, key
version), so a ciphertext copied to any other place fails to open.
"""

from __future__ import annotations

import base64
import binascii
import fcntl
import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from lumen_bot.errors import DecryptionError, KeyringError
from lumen_bot.store.files import private_directory, why

KEY_BYTES = 32
NONCE_BYTES = 12
FORMAT = 1  # first byte of every sealed blob


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """Encrypt with a fresh random 96-bit nonce; the nonce travels with the ciphertext."""
    return seal_with_nonce(key, secrets.token_bytes(NONCE_BYTES), plaintext, aad)


def seal_with_nonce(key: bytes, nonce: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """The deterministic core of `seal`, for known-answer tests; never reuse a nonce."""
    if len(nonce) != NONCE_BYTES:
        raise ValueError("nonce must be 96 bits")
    return bytes([FORMAT]) + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, blob: bytes, aad: bytes) -> bytes:
    """Decrypt and authenticate; any mismatch raises DecryptionError."""
    if len(blob) < 1 + NONCE_BYTES + 16 or blob[0] != FORMAT:
        raise DecryptionError("sealed blob is malformed")
    nonce, body = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, body, aad)
    except InvalidTag:
        raise DecryptionError("sealed blob failed authentication") from None


def record_aad(
    *, owner: int, table: str, record: int | str, column: str, key_version: int
) -> bytes:
    """Associated data that pins a ciphertext to one cell of one person's record."""
    return f"lumen|{owner}|{table}|{record}|{column}|{key_version}".encode()


def key_aad(*, owner: int, version: int, kek_version: int) -> bytes:
    """Associated data for a wrapped data key: it unwraps for this person and version only."""
    return f"lumen-dek|{owner}|{version}|{kek_version}".encode()


@dataclass(frozen=True, slots=True)
class Keyring:
    """Versioned key-encryption keys; the newest wraps new data keys.

    A keyring read from a file remembers the file (`path`), so a running process can
    pick up a key that `lumen keys rotate` added after it started (`reloaded`). One
    from `LUMEN_MASTER_KEY` has no file and holds its single key for life.
    """

    keys: dict[int, bytes]
    path: Path | None = None

    @property
    def current_version(self) -> int:
        return max(self.keys)

    def kek(self, version: int) -> bytes:
        try:
            return self.keys[version]
        except KeyError:
            raise KeyringError(f"key-encryption key v{version} is not in the keyring") from None

    def reloaded(self) -> Keyring:
        """The keyring as its file holds it now (itself when it has no file)."""
        return self if self.path is None else Keyring.load(self.path)

    def with_new_key(self) -> Keyring:
        """This keyring plus a fresh random key as the next, newest version."""
        return Keyring(
            {**self.keys, self.current_version + 1: secrets.token_bytes(KEY_BYTES)}, self.path
        )

    def without(self, version: int) -> Keyring:
        """This keyring less one old version; the newest and the last key stay."""
        if version not in self.keys:
            raise KeyringError(f"key-encryption key v{version} is not in the keyring")
        if version == self.current_version:
            raise KeyringError(f"v{version} is the newest key-encryption key; rotate first")
        return Keyring({v: k for v, k in self.keys.items() if v != version}, self.path)

    @classmethod
    def from_master_key(cls, encoded: str) -> Keyring:
        try:
            key = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise KeyringError("LUMEN_MASTER_KEY is not valid base64") from None
        if len(key) != KEY_BYTES:
            raise KeyringError("LUMEN_MASTER_KEY must decode to exactly 32 bytes")
        return cls({1: key})

    @classmethod
    def load_or_create(cls, path: Path) -> Keyring:
        """Read the keyring file, or create it (mode 0600, in a new folder 0700) with one
        fresh key. Only for a new install: `lumen_bot.install.start_keyring` makes sure
        no data key was wrapped under a keyring that is missing."""
        if not path.exists():
            keyring = cls({1: secrets.token_bytes(KEY_BYTES)}, path)
            try:
                private_directory(path.parent)
                keyring.create_file()
            except FileExistsError:
                pass  # another process created it a moment ago: read theirs below
            except OSError as exc:
                raise KeyringError(f"keyring file {path} cannot be created: {why(exc)}") from None
            else:
                return keyring
        return cls.load(path)

    @classmethod
    def load(cls, path: Path) -> Keyring:
        """Read an existing keyring file; refuse one that others can read."""
        try:
            if path.stat().st_mode & 0o077:
                raise KeyringError(f"keyring file {path} is readable by others; chmod 600 it")
            raw = json.loads(path.read_text(encoding="utf-8"))
            keys = {int(v): base64.b64decode(k, validate=True) for v, k in raw["keys"].items()}
        except (OSError, ValueError, KeyError, TypeError, binascii.Error):
            raise KeyringError(f"keyring file {path} is unreadable or malformed") from None
        if not keys or any(len(k) != KEY_BYTES for k in keys.values()):
            raise KeyringError(f"keyring file {path} holds no usable 32-byte keys")
        return cls(keys, path)

    def create_file(self) -> None:
        """Write the keyring to its path; FileExistsError if a keyring is already there."""
        temporary = self._write_temporary()
        try:
            os.link(temporary, self._file)  # fails if another process created the keyring first
        finally:
            temporary.unlink()
        _sync_directory(self._file.parent)

    def replace_file(self) -> None:
        """Atomically replace the keyring file with this keyring.

        Readers see the old file or the new one, whole, never a mix; a crash at any
        point leaves one of the two. Callers hold `keyring_lock` so two rewrites
        cannot lose each other's keys.
        """
        temporary = self._write_temporary()
        try:
            os.replace(temporary, self._file)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        _sync_directory(self._file.parent)

    @property
    def _file(self) -> Path:
        if self.path is None:
            raise KeyringError("this keyring comes from LUMEN_MASTER_KEY and has no file")
        return self.path

    def _write_temporary(self) -> Path:
        payload = json.dumps(
            {
                "format": 1,
                "keys": {str(v): base64.b64encode(k).decode() for v, k in self.keys.items()},
            }
        )
        # Written whole to a private temporary file and synced before it takes the
        # keyring's name: no other user can read it, no crash leaves half of it.
        temporary = self._file.with_name(f".{self._file.name}.{secrets.token_hex(4)}.tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        return temporary


@contextmanager
def keyring_lock(path: Path) -> Iterator[None]:
    """Hold the keyring's lock file while reading, changing and rewriting the keyring.

    Two `lumen keys` commands at once would otherwise each add "the next" version and
    the second rename would drop the first one's key. Refuses rather than waits.
    """
    lock = path.with_name(f".{path.name}.lock")
    fd = os.open(lock, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise KeyringError(
                f"another `lumen keys` command is changing {path.name}; try again when it ends"
            ) from None
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _sync_directory(directory: Path) -> None:
    """Make a rename durable: the directory entry itself must reach the disk."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
