"""The export file: a ZIP with the JSON, the readable files and a sealed manifest.

`manifest.json` lists the SHA-256 of every other file and carries a seal: an
HMAC-SHA256 over the manifest (its canonical JSON, the MAC itself left out) under an
export-sealing key derived by HKDF from one of the keyring's key-encryption keys. The
manifest names that KEK's version and a key id (a fingerprint of the sealing key, so
two deployments that both have a "version 1" are told apart). Any Lumen holding the
same keyring can check its own exports; no one without it can forge one.

Reading is bounded before anything is trusted: the file's size, the number of
members, and the bytes actually unpacked (not the sizes the ZIP declares).
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lumen_bot.errors import (
    ArchiveForeign,
    ArchiveTampered,
    ArchiveTooLarge,
    ArchiveUnreadable,
)
from lumen_bot.portability.document import (
    READABLE_SCHEMA_VERSIONS,
    SCHEMA_VERSION,
    parse_document,
    render_document,
)
from lumen_bot.portability.markdown import readable_files
from lumen_bot.portability.records import PersonArchive
from lumen_bot.store.crypto import Keyring

FORMAT = "lumen-export"
JSON_FILE = "lumen-export.json"
MANIFEST = "manifest.json"
MAX_ARCHIVE_BYTES = 64 * 2**20
MAX_UNPACKED_BYTES = 256 * 2**20
MAX_FILES = 10_000
_MEMBER = re.compile(r"README\.md|arc\.md|lumen-export\.json|sessions/session-\d{3,9}\.md")
_SEAL_INFO = b"lumen|export-seal|v1"


@dataclass(frozen=True, slots=True)
class SealKey:
    kek_version: int
    key: bytes

    @property
    def key_id(self) -> str:
        """A public fingerprint of the sealing key: names it, reveals nothing of it."""
        return hashlib.sha256(b"lumen|export-key-id|" + self.key).hexdigest()[:16]


def seal_key(keyring: Keyring, version: int) -> SealKey:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_SEAL_INFO).derive(
        keyring.kek(version)
    )
    return SealKey(version, derived)


def pack(
    archive: PersonArchive, keyring: Keyring, created_at: datetime, *, passphrase: bool
) -> bytes:
    """The ZIP's bytes, sealed under the keyring's newest KEK."""
    files = {JSON_FILE: render_document(archive)}
    files |= readable_files(archive, created_at, passphrase=passphrase)
    key = seal_key(keyring, keyring.current_version)
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "created_at": created_at.isoformat(),
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
        "seal": {"algorithm": "HMAC-SHA256", "kek_version": key.kek_version, "key_id": key.key_id},
    }
    manifest["seal"]["mac"] = _mac(key, manifest)
    files[MANIFEST] = (json.dumps(manifest, indent=2) + "\n").encode()
    stamp = created_at.timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buffer.getvalue()


def unpack(data: bytes, keyring: Keyring) -> PersonArchive:
    """Check an export and read its history; raises an `ArchiveRejected` subclass.

    Only an export this deployment sealed is taken, passphrase or not: its turns were
    screened when they were first stored here. Another Lumen's file, even one its
    owner's passphrase authenticates, could carry text no screen of ours has seen
    (docs/privacy.md).
    """
    files = _members(data)
    manifest, raw_manifest = _manifest(files.pop(MANIFEST, None))
    if set(files) != set(manifest.files):
        raise ArchiveTampered("files were added to or removed from the export")
    for name, content in files.items():
        if not hmac.compare_digest(hashlib.sha256(content).hexdigest(), manifest.files[name]):
            raise ArchiveTampered("a file of the export does not match its digest")
    if JSON_FILE not in files or any(not _MEMBER.fullmatch(name) for name in files):
        raise ArchiveUnreadable("the export's files are not a Lumen export's")
    _check_seal(raw_manifest, manifest.seal, keyring)
    return parse_document(files[JSON_FILE])


def _members(data: bytes) -> dict[str, bytes]:
    if len(data) > MAX_ARCHIVE_BYTES:
        raise ArchiveTooLarge("the file is larger than an export can be")
    if not data.startswith(b"PK\x03\x04"):
        raise ArchiveUnreadable("not a ZIP file")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
        raise ArchiveUnreadable("the ZIP's directory is damaged") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_FILES:
            raise ArchiveTooLarge("too many files in the ZIP")
        names = [info.filename for info in infos]
        if len(set(names)) != len(names):
            raise ArchiveTampered("a file name repeats in the ZIP")
        files: dict[str, bytes] = {}
        budget = MAX_UNPACKED_BYTES
        for info in infos:
            if info.flag_bits & 0x1 or info.is_dir():
                raise ArchiveUnreadable("an encrypted member or a folder entry")
            content = _read(zf, info, budget)
            budget -= len(content)
            files[info.filename] = content
    return files


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """One member, at most `budget` bytes: read one byte more to notice more. The sizes
    a ZIP declares are whoever made it's to choose, so only bytes read count."""
    try:
        with zf.open(info) as member:
            content = member.read(budget + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError):
        # A bad CRC or a broken deflate stream: bytes changed after it was made.
        raise ArchiveTampered("a file of the export is damaged") from None
    if len(content) > budget:
        raise ArchiveTooLarge("the ZIP unpacks to more than an export can be")
    return content


class _Seal(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    algorithm: Literal["HMAC-SHA256"]
    kek_version: int
    key_id: Annotated[str, Field(pattern=r"^[0-9a-f]{16}$")]
    mac: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class _Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    format: Literal["lumen-export"]
    schema_version: int
    created_at: Annotated[str, Field(max_length=64)]
    files: dict[Annotated[str, Field(max_length=64)], Annotated[str, Field(max_length=64)]]
    seal: _Seal


def _manifest(raw: bytes | None) -> tuple[_Manifest, dict[str, Any]]:
    if raw is None:
        raise ArchiveUnreadable("no manifest: not a Lumen export")
    try:
        loaded = json.loads(raw)
    except ValueError:
        raise ArchiveTampered("the manifest does not parse") from None
    if not isinstance(loaded, dict) or loaded.get("format") != FORMAT:
        raise ArchiveUnreadable("not a Lumen export")
    if loaded.get("schema_version") not in READABLE_SCHEMA_VERSIONS:
        raise ArchiveUnreadable("an export schema this Lumen does not know")
    try:
        return _Manifest.model_validate(loaded), loaded
    except ValidationError:
        raise ArchiveTampered("the manifest is malformed") from None


def _check_seal(raw_manifest: dict[str, Any], seal: _Seal, keyring: Keyring) -> None:
    ours = [
        key
        for key in (seal_key(keyring, version) for version in sorted(keyring.keys))
        if key.key_id == seal.key_id
    ]
    if not ours:
        raise ArchiveForeign("sealed by keys this Lumen does not hold")
    if seal.kek_version != ours[0].kek_version:
        raise ArchiveTampered("the seal names another key version than its key id")
    if not hmac.compare_digest(_mac(ours[0], raw_manifest), seal.mac):
        raise ArchiveTampered("the seal does not match the manifest")


def _mac(key: SealKey, manifest: dict[str, Any]) -> str:
    """HMAC-SHA256 over the manifest's canonical JSON, the MAC itself left out."""
    unsealed = {**manifest, "seal": {k: v for k, v in manifest["seal"].items() if k != "mac"}}
    canonical = json.dumps(unsealed, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hmac.new(key.key, b"lumen-export-manifest\n" + canonical.encode(), "sha256").hexdigest()
