"""The key store opens only under the keyring its data keys were wrapped with: another
keyring, one lacking a version, or keys of two keyrings mixed are named, not met later."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lumen_bot.errors import KeyringError
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.keys import KeyStore, held_data_keys
from tests.unit.store.lives import AT


async def people(keys: Path, keyring: Keyring, *ids: int) -> None:
    """Data keys for these person ids, wrapped by `keyring`'s newest key."""
    async with KeyStore(keys, keyring) as store:
        for person_id in ids:
            await store.ensure(person_id, AT)


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


async def check(keys: Path, keyring: Keyring) -> None:
    async with KeyStore(keys, keyring) as store:
        await store.check_keyring()


async def test_the_keyring_that_wrapped_the_keys_passes(tmp_path: Path) -> None:
    keyring = Keyring.load_or_create(tmp_path / "keyring.json")
    await check(tmp_path / "keys.db", keyring)  # nothing wrapped yet: any keyring will do
    await people(tmp_path / "keys.db", keyring, 1, 2, 3)
    await check(tmp_path / "keys.db", Keyring.load(tmp_path / "keyring.json"))


async def test_another_keyring_is_refused_by_name(tmp_path: Path) -> None:
    await people(tmp_path / "keys.db", Keyring.load_or_create(tmp_path / "keyring.json"), 1, 2)
    other = Keyring.load_or_create(tmp_path / "other" / "keyring.json")
    with pytest.raises(KeyringError) as refused:
        await check(tmp_path / "keys.db", other)
    message = str(refused.value)
    assert str(other.path) in message and str(tmp_path / "keys.db") in message
    assert "does not open the data keys" in message and "LUMEN_KEYRING_FILE" in message


async def test_another_master_key_is_refused_by_name(tmp_path: Path) -> None:
    await people(tmp_path / "keys.db", Keyring.load_or_create(tmp_path / "keyring.json"), 1)
    with pytest.raises(KeyringError, match=r"the keyring \(LUMEN_MASTER_KEY\) does not open"):
        await check(tmp_path / "keys.db", Keyring({1: os.urandom(32)}))


async def test_a_keyring_lacking_the_version_that_wraps_keys_is_refused(tmp_path: Path) -> None:
    grown = Keyring.load_or_create(tmp_path / "keyring.json").with_new_key()
    grown.replace_file()
    await people(tmp_path / "keys.db", grown, 1)  # wrapped by v2
    older = Keyring({1: grown.keys[1]})
    with pytest.raises(KeyringError, match="lacks key-encryption key v2"):
        await check(tmp_path / "keys.db", older)


async def test_keys_of_two_keyrings_mixed_are_refused_by_either(tmp_path: Path) -> None:
    """What a keyring made by mistake used to leave: new people's keys under it, and
    everyone else's under the right one. Neither keyring opens them all."""
    first = Keyring.load_or_create(tmp_path / "keyring.json")
    await people(tmp_path / "keys.db", first, 1, 2)
    second = Keyring.load_or_create(tmp_path / "new" / "keyring.json")
    await people(tmp_path / "keys.db", second, 3)
    for keyring in (first, second):
        with pytest.raises(KeyringError, match="does not open the data keys"):
            await check(tmp_path / "keys.db", keyring)


async def test_held_data_keys_counts_without_creating_anything(tmp_path: Path) -> None:
    assert await held_data_keys(tmp_path / "keys.db") == 0
    assert names(tmp_path) == [], "no key store is made by looking"
    await people(tmp_path / "keys.db", Keyring.load_or_create(tmp_path / "keyring.json"), 1, 2)
    assert await held_data_keys(tmp_path / "keys.db") == 2
