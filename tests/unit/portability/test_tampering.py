"""Changed, damaged, foreign and hostile files are refused, and nothing of them is written."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from lumen_bot.errors import (
    ArchiveForeign,
    ArchiveNotYours,
    ArchiveRejected,
    ArchiveTampered,
    ArchiveTooLarge,
    ArchiveUnreadable,
)
from lumen_bot.portability import archive as archive_format
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.sqlite import SqliteStore

from .conftest import ALICE, BOB, archives

Members = dict[str, bytes]


@pytest.fixture
async def exported(lived: SqliteStore, keyring: Keyring) -> bytes:
    export = await archives(lived, keyring).export(ALICE)
    assert export is not None
    return export.data


def members(data: bytes) -> Members:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def zipped(files: Members) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return buffer.getvalue()


def flip_byte(content: bytes, at: int) -> bytes:
    return content[:at] + bytes([content[at] ^ 0x01]) + content[at + 1 :]


def edited_manifest(files: Members, edit: Callable[[dict[str, object]], None]) -> Members:
    manifest = json.loads(files["manifest.json"])
    edit(manifest)
    return {**files, "manifest.json": json.dumps(manifest).encode()}


async def refused(
    fresh: SqliteStore,
    keyring: Keyring,
    tmp_path: Path,
    data: bytes,
    error: type[ArchiveRejected],
    passphrase: str | None = None,
) -> None:
    """The import raises `error`, and the fresh deployment holds nothing at all."""
    with pytest.raises(error):
        await archives(fresh, keyring).restore(ALICE, data, passphrase)
    assert await fresh.find_person(ALICE) is None
    with sqlite3.connect(tmp_path / "fresh" / "lumen.db") as db:
        for table in ("people", "sessions", "turns", "notebooks", "arcs", "profiles"):
            assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone() == (0,)  # noqa: S608


async def test_a_flipped_byte_in_the_json_is_tampering(
    exported: bytes, fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    files = members(exported)
    at = files["lumen-export.json"].index(b"Arc v2")
    files["lumen-export.json"] = flip_byte(files["lumen-export.json"], at)
    await refused(fresh, keyring, tmp_path, zipped(files), ArchiveTampered)


async def test_a_flipped_byte_in_a_markdown_file_is_tampering(
    exported: bytes, fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    files = members(exported)
    files["sessions/session-001.md"] = flip_byte(files["sessions/session-001.md"], 3)
    await refused(fresh, keyring, tmp_path, zipped(files), ArchiveTampered)


async def test_a_flipped_byte_in_the_zip_itself_is_damage(
    exported: bytes, fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    with zipfile.ZipFile(io.BytesIO(exported)) as zf:
        info = zf.getinfo("lumen-export.json")
    inside = info.header_offset + 30 + len(info.filename) + 5  # in the compressed data
    await refused(fresh, keyring, tmp_path, flip_byte(exported, inside), ArchiveTampered)


async def test_a_removed_file_is_tampering(
    exported: bytes, fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    files = members(exported)
    del files["sessions/session-002.md"]
    await refused(fresh, keyring, tmp_path, zipped(files), ArchiveTampered)


async def test_an_added_file_is_tampering(
    exported: bytes, fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    files = {**members(exported), "sessions/session-009.md": b"# I was never here"}
    await refused(fresh, keyring, tmp_path, zipped(files), ArchiveTampered)


async def test_an_edited_manifest_breaks_the_seal(
    exported: bytes, fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    """A new JSON with its digest updated in the manifest: only the seal catches it."""
    files = members(exported)
    files["lumen-export.json"] = files["lumen-export.json"].replace(b"Arc v2", b"Arc v9")
    digest = hashlib.sha256(files["lumen-export.json"]).hexdigest()

    def edit(manifest: dict[str, object]) -> None:
        manifest["files"] = {**manifest["files"], "lumen-export.json": digest}  # type: ignore[dict-item]

    await refused(fresh, keyring, tmp_path, zipped(edited_manifest(files, edit)), ArchiveTampered)


async def test_a_wrong_seal_is_tampering(
    exported: bytes, fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    def edit(manifest: dict[str, object]) -> None:
        manifest["seal"] = {**manifest["seal"], "mac": "0" * 64}  # type: ignore[dict-item]

    files = edited_manifest(members(exported), edit)
    await refused(fresh, keyring, tmp_path, zipped(files), ArchiveTampered)


async def test_an_export_sealed_by_another_deployment_is_foreign(
    lived: SqliteStore, fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    """Another keyring, also at version 1: its key id differs, so it is not ours."""
    elsewhere = Keyring({1: b"\x07" * 32})
    export = await archives(lived, elsewhere).export(ALICE)
    assert export is not None
    await refused(fresh, keyring, tmp_path, export.data, ArchiveForeign)


async def test_another_deployments_export_is_foreign_even_under_a_passphrase(
    lived: SqliteStore, fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    """A passphrase proves who made the file, not that a screen here read its turns."""
    elsewhere = Keyring({1: b"\x07" * 32})
    export = await archives(lived, elsewhere).export(ALICE, "a long enough passphrase")
    assert export is not None
    await refused(fresh, keyring, tmp_path, export.data, ArchiveForeign, "a long enough passphrase")


async def test_another_persons_export_belongs_to_someone_else(
    exported: bytes, fresh: SqliteStore, keyring: Keyring
) -> None:
    with pytest.raises(ArchiveNotYours):
        await archives(fresh, keyring).restore(BOB, exported)
    assert await fresh.find_person(BOB) is None and await fresh.find_person(ALICE) is None


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7 not an export at all",
        b"PK\x03\x04 truncated",
        zipped({"notes.txt": b"hello"}),
        zipped({"manifest.json": b'{"format": "something-else"}'}),
    ],
    ids=["not-a-zip", "broken-zip", "zip-without-manifest", "another-format"],
)
async def test_a_file_that_is_no_lumen_export_is_named_so(
    data: bytes, fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    await refused(fresh, keyring, tmp_path, data, ArchiveUnreadable)


async def test_an_export_of_another_schema_version_is_unreadable(
    exported: bytes, fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    files = edited_manifest(members(exported), lambda m: m.update(schema_version=1))
    await refused(fresh, keyring, tmp_path, zipped(files), ArchiveUnreadable)


async def test_a_zip_bomb_is_refused_by_the_bytes_it_unpacks_to(
    fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    """300 MiB of zeros packs into about 300 KiB; reading stops past the 256 MiB budget."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open("lumen-export.json", "w", force_zip64=True) as member:
            chunk = bytes(2**20)
            for _ in range(300):
                member.write(chunk)
        zf.writestr("manifest.json", b"{}")
    bomb = buffer.getvalue()
    assert len(bomb) < 2**20
    await refused(fresh, keyring, tmp_path, bomb, ArchiveTooLarge)


async def test_too_many_files_are_refused(
    fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    files = {f"sessions/session-{n:05d}.md": b"" for n in range(archive_format.MAX_FILES + 1)}
    await refused(fresh, keyring, tmp_path, zipped(files), ArchiveTooLarge)


async def test_a_file_larger_than_any_export_is_refused_unread(
    fresh: SqliteStore, keyring: Keyring, tmp_path: Path
) -> None:
    huge = b"PK\x03\x04" + bytes(archive_format.MAX_ARCHIVE_BYTES + 64)
    await refused(fresh, keyring, tmp_path, huge, ArchiveTooLarge)
