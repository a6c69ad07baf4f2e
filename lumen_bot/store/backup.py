"""Online backups: a consistent copy of a live SQLite file, private, never overwriting."""

from __future__ import annotations

import os
from pathlib import Path

import aiosqlite

from lumen_bot.errors import StoreError


async def backup_database(source: Path, target: Path) -> None:
    """Copy `source` to a new file `target` (mode 0600) while Lumen keeps writing.

    SQLite's backup API copies every page in one step inside one read
    transaction: the copy is the database as of one moment, whatever the bot
    commits meanwhile (WAL lets it go on writing). The copy is left in rollback-
    journal mode, one self-contained file. An existing `target` is refused
    (FileExistsError), so a backup never silently replaces another.
    """
    read_only = _claim(source, target)
    try:
        async with (
            aiosqlite.connect(read_only, uri=True) as live,
            aiosqlite.connect(target) as copy,
        ):
            await live.backup(copy)
            await copy.execute("PRAGMA journal_mode=DELETE")
            await _check(copy, source.name)
    except BaseException:
        os.unlink(target)
        raise


def _claim(source: Path, target: Path) -> str:
    """Create `target` empty, private and exclusively, before SQLite opens it (so the
    copy is never readable by others, not even for a moment); return the URI that
    opens `source` read-only. A few metadata calls: run inline, before any await."""
    if not source.is_file():
        raise StoreError(f"{source} does not exist: nothing to back up")
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return f"{source.resolve().as_uri()}?mode=ro"


async def _check(copy: aiosqlite.Connection, name: str) -> None:
    [row] = await copy.execute_fetchall("PRAGMA integrity_check")
    if row[0] != "ok":
        raise StoreError(f"the copy of {name} failed SQLite's integrity check")
