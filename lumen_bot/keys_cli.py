"""`lumen keys ...` and `lumen backup`: rotate, retire and inspect keys; copy the database."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from lumen_bot.errors import KeyringError
from lumen_bot.harness.clock import SystemClock
from lumen_bot.install import install_keyring
from lumen_bot.settings import Settings
from lumen_bot.store.backup import backup_database
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.db import Database
from lumen_bot.store.keys import KeyStore
from lumen_bot.store.rotation import DataKeyRotation, Progress
from lumen_bot.store.schema import CONTENT_MIGRATIONS

BATCH = 200  # rows per transaction: short enough that the bot's writes wait milliseconds

MASTER_KEY_CANNOT_ROTATE = (
    "LUMEN_MASTER_KEY holds a single key-encryption key and has no file to add one to."
    " To rotate: `lumen keys to-file PATH` writes it to a new keyring file (mode 0600);"
    " then set LUMEN_KEYRING_FILE=PATH, unset LUMEN_MASTER_KEY, restart the bot, and run"
    " `lumen keys rotate` again."
)


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `keys` and `backup` subcommands, for `lumen_bot.cli`."""
    keys = commands.add_parser("keys", help="rotate, retire and inspect encryption keys")
    sub = keys.add_subparsers(dest="keys_command", required=True)
    sub.add_parser("status", help="what each key-encryption key wraps; rotations under way")
    sub.add_parser("rotate", help="add a new key-encryption key and rewrap every data key")
    retire = sub.add_parser("retire", help="remove an old key-encryption key nothing uses")
    retire.add_argument("old", type=int, metavar="OLD", help="the version to remove")
    data = sub.add_parser("rotate-data", help="re-encrypt a person's records under a new key")
    who = data.add_mutually_exclusive_group(required=True)
    who.add_argument("--user", help="the person's Telegram user id")
    who.add_argument("--all", action="store_true", help="everyone")
    resume = sub.add_parser("resume", help="finish interrupted rewraps and data-key rotations")
    for parser in (data, resume):
        parser.add_argument(
            "--wait", action="store_true", help="wait until the old data keys can be deleted"
        )
    to_file = sub.add_parser("to-file", help="write LUMEN_MASTER_KEY to a new keyring file")
    to_file.add_argument("path", type=Path, metavar="PATH")
    backup = commands.add_parser("backup", help="a consistent copy of the content database")
    backup.add_argument("out", type=Path, metavar="OUT", help="new file to write (mode 0600)")
    backup.add_argument("--keys", type=Path, metavar="KEYS_OUT", help="also copy keys.db here")


def run(settings: Settings, args: argparse.Namespace) -> int:
    if args.command == "backup":
        return asyncio.run(_backup(settings, args.out, args.keys))
    command = args.keys_command
    if command == "to-file":
        return _to_file(settings, args.path)
    if command in ("rotate", "retire") and settings.master_key is not None:
        print(f"lumen: {MASTER_KEY_CANNOT_ROTATE}", file=sys.stderr)
        return 2
    return asyncio.run(_keys(settings, args))


@dataclass(frozen=True, slots=True)
class _Opened:
    """The key store and the content database, opened as a second process beside the bot."""

    keys: KeyStore
    content: Database
    rotation: DataKeyRotation


@asynccontextmanager
async def _open(settings: Settings) -> AsyncIterator[_Opened]:
    """The install's files as they are: nothing is created (`install.require_data`)."""
    grace = timedelta(seconds=2 * settings.key_version_ttl_s)
    keyring = await install_keyring(settings, create=False)
    async with (
        KeyStore(settings.keystore_file, keyring, create=False) as keys,
        Database(settings.database_file, CONTENT_MIGRATIONS, create=False) as content,
    ):
        rotation = DataKeyRotation(content, keys, SystemClock(), grace=grace, batch=BATCH)
        yield _Opened(keys, content, rotation)


async def _keys(settings: Settings, args: argparse.Namespace) -> int:
    async with _open(settings) as opened:
        keys, rotation = opened.keys, opened.rotation
        command = args.keys_command
        if command == "status":
            return await _status(keys, rotation)
        await keys.check_keyring()  # nothing is rewrapped or re-sealed by a wrong keyring
        if command == "rotate":
            version = keys.add_kek()
            print(f"added key-encryption key v{version} to {settings.keyring_path}")
            await _rewrap(keys)
        elif command == "retire":
            try:
                await keys.retire_kek(args.old)
            except KeyringError as exc:  # in use, the newest, or not there: say which
                print(f"lumen: {exc}", file=sys.stderr)
                return 1
            print(f"removed key-encryption key v{args.old} from {settings.keyring_path}")
        elif command == "rotate-data":
            return await _rotate_data(opened, args.user, wait=args.wait)
        elif command == "resume":
            await _rewrap(keys)
            _report(await rotation.resume_all(), wait=args.wait)
            if args.wait:
                await _finish_after_grace(rotation)
    return 0


async def _rewrap(keys: KeyStore) -> None:
    total = 0
    while count := await keys.rewrap_batch(BATCH):
        total += count
    newest = keys.keyring.current_version
    print(f"rewrapped {total} data key(s) under key-encryption key v{newest}")
    usage = await keys.kek_usage()
    unused = sorted(v for v in keys.keyring.keys if v != newest and not usage.get(v))
    if unused:
        print(
            f"key-encryption key(s) {', '.join(f'v{v}' for v in unused)} now wrap nothing;"
            " `lumen keys retire OLD` removes one (old backups of keys.db need it: keep a"
            " backup of the keyring as long as you keep those)"
        )


async def _rotate_data(opened: _Opened, user: str | None, *, wait: bool) -> int:
    if user is None:
        _report(await opened.rotation.rotate_all(), wait=wait)
    else:
        row = await opened.content.fetchone(
            "SELECT id FROM people WHERE platform = ? AND external_id = ?", ("telegram", user)
        )
        if row is None:
            print(f"lumen: no person with Telegram id {user}", file=sys.stderr)
            return 1
        _report([await opened.rotation.rotate(int(row[0]))], wait=wait)
    if wait:
        await _finish_after_grace(opened.rotation)
    return 0


def _report(progress: list[Progress], *, wait: bool) -> None:
    moved = sum(p.moved for p in progress)
    finished = [p for p in progress if p.finished]
    waiting = [p for p in progress if not p.finished]
    print(
        f"data-key rotation: {len(progress)} person(s), {moved} record(s) re-encrypted,"
        f" {len(finished)} finished"
    )
    if waiting and not wait:
        until = max(p.keep_until for p in waiting).astimezone(UTC)
        print(
            f"{len(waiting)} person(s) keep their old data key until"
            f" {until:%Y-%m-%d %H:%M:%S} UTC, so a running bot stops using it first;"
            " run `lumen keys resume` after that (or pass --wait) to delete it"
        )


async def _finish_after_grace(rotation: DataKeyRotation) -> None:
    """Wait until every rotation under way may delete its old key, then finish them."""
    pending = await rotation.under_way()
    if not pending:
        return
    until = max(p.keep_until for p in pending)
    delay = (until - datetime.now(UTC)).total_seconds()
    if delay > 0:
        print(f"waiting {delay:.0f} s for running bots to stop using the old data keys...")
        await asyncio.sleep(delay)
    _report(await rotation.resume_all(), wait=True)


async def _status(keys: KeyStore, rotation: DataKeyRotation) -> int:
    """What each KEK wraps; exit 1 when the keyring does not open them all."""
    usage = await keys.kek_usage()
    unopened = await keys.unopened_keks()
    keyring = keys.keyring
    source = keyring.path or "LUMEN_MASTER_KEY"
    print(f"keyring: {source}; newest key-encryption key v{keyring.current_version}")
    for version in sorted(set(keyring.keys) | set(usage)):
        count = usage.get(version, 0)
        line = f"  v{version}: wraps {count} data key(s)"
        if version not in keyring.keys:
            line += " -- NOT IN THE KEYRING: these cannot be opened; restore the keyring"
        elif unopened.get(version) == "wrong":
            line += (
                " -- DO NOT OPEN with this keyring's key: it is not the keyring they were"
                " made with; set LUMEN_KEYRING_FILE (or LUMEN_MASTER_KEY) to that one"
            )
        elif version == keyring.current_version:
            line += " (newest)"
        elif count == 0:
            line += f" -- unused: `lumen keys retire {version}` removes it"
        else:
            line += " -- `lumen keys resume` rewraps them under the newest"
        print(line)
    people = await keys.people_with_keys()
    pending = await rotation.under_way()
    print(f"data keys: {len(people)} person(s)")
    if pending:
        remaining = sum(p.remaining for p in pending)
        print(
            f"data-key rotations under way: {len(pending)} person(s),"
            f" {remaining} record(s) still under an older data key;"
            " `lumen keys resume` finishes them"
        )
    else:
        print("data-key rotations under way: none")
    if unopened:
        print(
            "lumen: this keyring does not open every data key in the key store;"
            " the bot will not start with it",
            file=sys.stderr,
        )
        return 1
    return 0


def _to_file(settings: Settings, path: Path) -> int:
    if settings.master_key is None:
        print("lumen: LUMEN_MASTER_KEY is not set: there is no master key to move", file=sys.stderr)
        return 2
    keyring = Keyring.from_master_key(settings.master_key.get_secret_value())
    try:
        Keyring(keyring.keys, path).create_file()
    except FileExistsError:
        print(f"lumen: {path} exists; choose a new path", file=sys.stderr)
        return 1
    print(
        f"wrote the master key as v1 of a keyring file {path} (mode 0600). Next: set"
        f" LUMEN_KEYRING_FILE={path}, unset LUMEN_MASTER_KEY, restart the bot;"
        " then `lumen keys rotate`."
    )
    return 0


async def _backup(settings: Settings, out: Path, keys_out: Path | None) -> int:
    for target in (out, keys_out):
        if target is not None and target.exists():
            print(f"lumen: {target} exists; a backup never overwrites a file", file=sys.stderr)
            return 1
    try:
        await backup_database(settings.database_file, out)
        if keys_out is not None:
            await backup_database(settings.keystore_file, keys_out)
    except FileExistsError as exc:  # created by someone else since the check above
        print(f"lumen: {exc.filename} exists; a backup never overwrites a file", file=sys.stderr)
        return 1
    print(f"wrote a consistent copy of {settings.database_file} to {out} (mode 0600)")
    if keys_out is not None:
        print(
            f"wrote a copy of {settings.keystore_file} to {keys_out} (mode 0600): keep it"
            " apart from content backups, with the keyring, on a short retention"
        )
    print(
        f"The copy of {settings.database_file.name} holds no keys. Back up the keyring"
        f" ({'LUMEN_MASTER_KEY' if settings.master_key else settings.keyring_path}) and"
        f" {settings.keystore_file.name} separately, on a short retention: a content backup"
        " is readable only with them, and letting old key backups expire is what keeps"
        " forgetting a person final.",
    )
    return 0
