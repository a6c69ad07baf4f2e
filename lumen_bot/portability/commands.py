"""`lumen export` and `lumen import`: a person's archive from and into this deployment."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from lumen_bot.app import Core, open_store
from lumen_bot.errors import ConfigError
from lumen_bot.harness.clock import SystemClock
from lumen_bot.harness.model import PersonKey
from lumen_bot.install import load_keyring
from lumen_bot.portability.archive import MAX_ARCHIVE_BYTES
from lumen_bot.portability.document import render_document
from lumen_bot.portability.passphrase import HEADER_BYTES, MIN_PASSPHRASE, normalized
from lumen_bot.portability.service import Archives
from lumen_bot.settings import Settings

PLATFORM = "telegram"


def archives_for(core: Core) -> Archives:
    """The running bot's Archives: restored sessions that were closing resume at once."""
    return Archives(
        store=core.store,
        keyring=load_keyring(core.settings),
        clock=SystemClock(),
        resume_closing=core.closer.start,
    )


async def export_command(
    settings: Settings,
    user: str,
    out: Path | None,
    *,
    as_json: bool = False,
    passphrase_file: Path | None = None,
) -> int:
    """Without --out (or with --json): the JSON document; with --out: the export file."""
    if passphrase_file is not None and (as_json or out is None):
        raise ConfigError("--passphrase-file protects the export file: give --out, not --json")
    passphrase = _passphrase(passphrase_file)
    key = PersonKey(PLATFORM, user)
    async with open_store(settings, create=False) as store:
        archives = Archives(store=store, keyring=load_keyring(settings), clock=SystemClock())
        if as_json or out is None:
            archive = await archives.archive(key)
            data = None if archive is None else render_document(archive)
        else:
            export = await archives.export(key, passphrase)
            data = None if export is None else export.data
    if data is None:
        print(f"lumen: no person with Telegram id {user}", file=sys.stderr)  # noqa: T201
        return 1
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    descriptor = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    return 0


def import_command(
    settings: Settings, file: Path, user: str, *, passphrase_file: Path | None = None
) -> int:
    """Check the file and restore it for the person; refuses (and writes nothing) on any doubt."""
    passphrase = _passphrase(passphrase_file)
    try:
        if file.stat().st_size > MAX_ARCHIVE_BYTES + HEADER_BYTES + 16:
            raise ConfigError(f"{file} is larger than an export can be")
        data = file.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {file} ({type(exc).__name__})") from None
    return asyncio.run(_import(settings, data, user, passphrase))


async def _import(settings: Settings, data: bytes, user: str, passphrase: str | None) -> int:
    async with open_store(settings) as store:
        archives = Archives(store=store, keyring=load_keyring(settings), clock=SystemClock())
        restored = await archives.restore(PersonKey(PLATFORM, user), data, passphrase)
    print(  # noqa: T201
        f"restored {restored.sessions} session(s), {restored.notebooks} notebook(s) and"
        f" {restored.arcs} Arc version(s) for Telegram id {user}"
    )
    return 0


def _passphrase(path: Path | None) -> str | None:
    """The passphrase from a file (its first line): never from the command line, where
    other users could read it in the process list."""
    if path is None:
        return None
    try:
        first = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path} ({type(exc).__name__})") from None
    passphrase = first[0] if first else ""
    if len(normalized(passphrase).decode("utf-8", "surrogatepass")) < MIN_PASSPHRASE:
        raise ConfigError(f"the passphrase in {path} is shorter than {MIN_PASSPHRASE} characters")
    return passphrase
