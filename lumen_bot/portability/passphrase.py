"""Passphrase protection: the whole ZIP under AES-256-GCM, keyed by scrypt.

File layout: a 41-byte header, then the ciphertext and its tag. The header is the
magic, a format version, the KDF (1 = scrypt) with log2(N), r and p, a 16-byte salt
and the 96-bit nonce; all of it is the associated data, so changing a parameter fails
to open like changing the ciphertext does. scrypt at N=2^17, r=8 takes 128 MiB and
about half a second: it runs off the event loop, at most `concurrency` at a time.
"""

from __future__ import annotations

import asyncio
import secrets
import struct
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from lumen_bot.errors import ArchiveTooLarge, ArchiveUnreadable, WrongPassphrase

MAGIC = b"LUMENENC"
FORMAT = 1
KDF_SCRYPT = 1
_HEADER = struct.Struct(">8sBBBBB16s12s")
HEADER_BYTES = _HEADER.size
MIN_PASSPHRASE = 10  # characters: a few words, not a PIN
MAX_PASSPHRASE = 1_000
MAX_KDF_MEMORY = 256 * 2**20  # a header asking for more is refused before any work


@dataclass(frozen=True, slots=True)
class ScryptParams:
    log2_n: int = 17
    r: int = 8
    p: int = 1

    @property
    def memory(self) -> int:
        return 128 * self.r * ((1 << self.log2_n) + self.p)

    def usable(self) -> bool:
        return (
            14 <= self.log2_n <= 22
            and 1 <= self.r <= 32
            and 1 <= self.p <= 4
            and self.memory <= MAX_KDF_MEMORY
        )


def is_locked(data: bytes) -> bool:
    """Whether `data` is a passphrase-protected export (by its magic)."""
    return data.startswith(MAGIC)


def normalized(passphrase: str) -> bytes:
    """The same words typed on another device give the same key (NFC, outer spaces off)."""
    return unicodedata.normalize("NFC", passphrase.strip()).encode("utf-8", "surrogatepass")


class PassphraseBox:
    """Locks and unlocks exports; owns the limit on scrypt runs at once."""

    def __init__(self, params: ScryptParams | None = None, *, concurrency: int = 2) -> None:
        self._params = params or ScryptParams()
        self._slots = asyncio.Semaphore(concurrency)

    async def lock(self, data: bytes, passphrase: str) -> bytes:
        async with self._slots:
            return await asyncio.to_thread(_lock, data, normalized(passphrase), self._params)

    async def unlock(self, data: bytes, passphrase: str) -> bytes:
        async with self._slots:
            return await asyncio.to_thread(_unlock, data, normalized(passphrase))


def _key(passphrase: bytes, salt: bytes, params: ScryptParams) -> bytes:
    return Scrypt(salt=salt, length=32, n=1 << params.log2_n, r=params.r, p=params.p).derive(
        passphrase
    )


def _lock(data: bytes, passphrase: bytes, params: ScryptParams) -> bytes:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    header = _HEADER.pack(MAGIC, FORMAT, KDF_SCRYPT, params.log2_n, params.r, params.p, salt, nonce)
    return header + AESGCM(_key(passphrase, salt, params)).encrypt(nonce, data, header)


def _unlock(data: bytes, passphrase: bytes) -> bytes:
    if len(data) < HEADER_BYTES + 16:
        raise ArchiveUnreadable("too short for a protected export")
    header = data[:HEADER_BYTES]
    magic, version, kdf, log2_n, r, p, salt, nonce = _HEADER.unpack(header)
    if magic != MAGIC or version != FORMAT or kdf != KDF_SCRYPT:
        raise ArchiveUnreadable("not a protected export this Lumen knows")
    params = ScryptParams(log2_n, r, p)
    if not params.usable():
        raise ArchiveTooLarge("the export asks for more scrypt work than Lumen allows")
    try:
        return AESGCM(_key(passphrase, salt, params)).decrypt(nonce, data[HEADER_BYTES:], header)
    except InvalidTag:
        raise WrongPassphrase("the passphrase does not open this export") from None
