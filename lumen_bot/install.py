"""A Lumen's files as a command finds them: a new install is made private, an existing
one must be there before a command reads it, and its keyring must open its keys."""

from __future__ import annotations

import os
from pathlib import Path

from lumen_bot.errors import ConfigError, KeyringError, StoreError
from lumen_bot.settings import Settings
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.files import private_directory, why
from lumen_bot.store.keys import held_data_keys
from lumen_bot.store.privacy import held_people

CHOOSE_A_DIRECTORY = "set LUMEN_DATA_DIR to a directory this user can create and write"


async def install_keyring(settings: Settings, *, create: bool) -> Keyring:
    """Check the install's files and return its keyring.

    `create` (`lumen run`, `lumen chat`, `lumen import`): LUMEN_DATA_DIR is made if it
    is missing, and so is the keyring, if no data key was wrapped yet. Otherwise (the
    commands that read or review what is stored) the data must be there already, and
    nothing is created. Every problem is one ConfigError, KeyringError or StoreError
    line that names the path and what to do.
    """
    master = master_keyring(settings)  # a malformed master key is named before anything
    if create:
        make_data_dir(settings)
        await require_key_store(settings)
    else:
        require_data(settings)
    if master is not None:
        return master
    return await start_keyring(settings) if create else load_keyring(settings)


def existing_install(settings: Settings) -> None:
    """What a command that reads or reviews stored data checks first, before it loads
    anything heavy (the safety screen takes seconds): a master key that parses, and
    data where LUMEN_DATA_DIR says. `install_keyring` checks the same again."""
    master_keyring(settings)
    require_data(settings)


def master_keyring(settings: Settings) -> Keyring | None:
    """The keyring of LUMEN_MASTER_KEY, if it is set."""
    if settings.master_key is None:
        return None
    return Keyring.from_master_key(settings.master_key.get_secret_value())


def make_data_dir(settings: Settings) -> None:
    """LUMEN_DATA_DIR for a command that may start a new install: made (0700) if missing."""
    where = settings.data_dir
    try:
        if where.exists() and not where.is_dir():
            raise ConfigError(
                f"LUMEN_DATA_DIR {_shown(where)} is a file, not a directory: {CHOOSE_A_DIRECTORY}"
            )
        private_directory(where)
    except OSError as exc:
        raise ConfigError(
            f"LUMEN_DATA_DIR {_shown(where)} cannot be created: {why(exc)}; {CHOOSE_A_DIRECTORY}"
        ) from None
    _require_writable(where)


def require_data(settings: Settings) -> None:
    """LUMEN_DATA_DIR for a command that reads or reviews what Lumen holds: the content
    database and the key store must be there. Creates nothing."""
    where = settings.data_dir
    try:
        if where.exists() and not where.is_dir():
            raise ConfigError(
                f"LUMEN_DATA_DIR {_shown(where)} is a file, not a directory: set LUMEN_DATA_DIR"
                f" to the directory that holds {settings.database_file.name}"
            )
        found = settings.database_file.is_file()
        keys_found = settings.keystore_file.is_file()
    except OSError as exc:
        raise ConfigError(f"LUMEN_DATA_DIR {_shown(where)} cannot be read: {why(exc)}") from None
    if not found:
        raise ConfigError(
            f"no Lumen data at {_shown(where)}: set LUMEN_DATA_DIR to the directory that holds"
            f" {settings.database_file.name} (`lumen run` starts a new install)"
        )
    if not keys_found:
        raise StoreError(
            f"{settings.keystore_file} is missing beside {settings.database_file.name}: restore"
            " it from the backup of the keys; without it nothing stored can be read"
        )
    _require_writable(where)


async def require_key_store(settings: Settings) -> None:
    """A command that may start a new install refuses (StoreError) a content database
    that holds people when the key store beside it is missing: a new key store would
    give them new data keys, and everything they said before would never open again."""
    if settings.keystore_file.exists():
        return
    held = await held_people(settings.database_file)
    if held:
        raise StoreError(
            f"{settings.keystore_file} is missing beside {settings.database_file.name}, which"
            f" holds {held} person(s): restore it from the backup of the keys; new keys would"
            " leave everything stored unreadable"
        )


async def start_keyring(settings: Settings) -> Keyring:
    """The keyring file, created only for a key store that holds no data key yet.

    A missing keyring beside wrapped data keys is a wrong or lost LUMEN_KEYRING_FILE: a
    new keyring would open none of them, and would wrap new people's keys apart from
    everyone else's. Refused (KeyringError).
    """
    path = settings.keyring_path
    if not path.exists():
        held = await held_data_keys(settings.keystore_file)
        if held:
            raise KeyringError(
                f"no keyring file at {path}, but {settings.keystore_file} holds {held} data"
                " key(s) wrapped by one: set LUMEN_KEYRING_FILE to that keyring (or restore it"
                " from its backup); a new keyring would open none of them"
            )
    return Keyring.load_or_create(path)


def load_keyring(settings: Settings) -> Keyring:
    """The keyring of an install that exists: never created here."""
    master = master_keyring(settings)
    if master is not None:
        return master
    path = settings.keyring_path
    if not path.exists():
        raise KeyringError(
            f"no keyring file at {path}: set LUMEN_KEYRING_FILE to the keyring this data was"
            " made with (or restore it from its backup)"
        )
    return Keyring.load(path)


def _require_writable(where: Path) -> None:
    if not os.access(where, os.W_OK | os.X_OK):
        raise ConfigError(
            f"LUMEN_DATA_DIR {_shown(where)} is not writable by this user: run Lumen as the user"
            " who owns it, or set LUMEN_DATA_DIR to a directory this user can write"
        )


def _shown(where: Path) -> Path:
    """The directory as an absolute path: a relative one (the default, `.lumen`) depends
    on where the command was run, which is the mistake this message helps to see."""
    return where.absolute()
