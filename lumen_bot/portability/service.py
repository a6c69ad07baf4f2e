"""Export and import, end to end: the store's history in, a sealed file out, and back.

Platform-free: the Telegram handlers and the `lumen export`/`lumen import` commands
both call `Archives`; they only move bytes and words.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from lumen_bot.errors import ArchiveNotYours, ArchiveTooLarge, PassphraseRequired
from lumen_bot.harness.model import PersonKey
from lumen_bot.harness.ports import Clock
from lumen_bot.harness.store_ports import ClosingJob
from lumen_bot.logs import events
from lumen_bot.portability.archive import MAX_ARCHIVE_BYTES, pack, unpack
from lumen_bot.portability.passphrase import HEADER_BYTES, PassphraseBox, is_locked
from lumen_bot.portability.records import PersonArchive, Restored
from lumen_bot.store.crypto import Keyring

log = events(__name__)


class ArchiveStore(Protocol):
    async def person_archive(self, key: PersonKey) -> PersonArchive | None: ...

    async def restore_person(
        self, archive: PersonArchive, at: datetime
    ) -> tuple[Restored, tuple[ClosingJob, ...]]: ...


@dataclass(frozen=True, slots=True)
class ExportFile:
    filename: str
    data: bytes
    sessions: int


def export_filename(at: datetime, *, protected: bool) -> str:
    return f"lumen-export-{at:%Y-%m-%d}.zip" + (".lumen" if protected else "")


class Archives:
    """Makes a person's export file and restores one; every dependency by constructor."""

    def __init__(
        self,
        *,
        store: ArchiveStore,
        keyring: Keyring,
        clock: Clock,
        box: PassphraseBox | None = None,
        resume_closing: Callable[[ClosingJob], None] | None = None,
    ) -> None:
        self._store = store
        self._keyring = keyring
        self._clock = clock
        self._box = box or PassphraseBox()
        self._resume_closing = resume_closing

    def _current_keyring(self) -> Keyring:
        """The keyring as its file holds it now: a rotation beside the running bot adds
        a KEK (new exports are sealed under it) and may retire the one loaded at start."""
        return self._keyring.reloaded()

    async def archive(self, key: PersonKey) -> PersonArchive | None:
        return await self._store.person_archive(key)

    async def export(self, key: PersonKey, passphrase: str | None = None) -> ExportFile | None:
        """The person's export file, or None if Lumen holds nothing of them."""
        archive = await self._store.person_archive(key)
        if archive is None:
            return None
        now = self._clock.now()
        data = await asyncio.to_thread(
            pack, archive, self._current_keyring(), now, passphrase=passphrase is not None
        )
        if passphrase is not None:
            data = await self._box.lock(data, passphrase)
        log.info(
            "archive_exported",
            sessions=len(archive.sessions),
            bytes=len(data),
            protected=passphrase is not None,
        )
        return ExportFile(
            export_filename(now, protected=passphrase is not None), data, len(archive.sessions)
        )

    async def restore(self, key: PersonKey, data: bytes, passphrase: str | None = None) -> Restored:
        """Check an export file and import it for `key`, whole or not at all.

        Raises an `ArchiveRejected` subclass naming what is wrong; nothing is written
        unless every check passed.
        """
        if len(data) > MAX_ARCHIVE_BYTES + HEADER_BYTES + 16:
            raise ArchiveTooLarge("the file is larger than an export can be")
        protected = is_locked(data)
        if protected:
            if passphrase is None:
                raise PassphraseRequired("the export is protected by a passphrase")
            data = await self._box.unlock(data, passphrase)
        keyring = self._current_keyring()
        archive = await asyncio.to_thread(unpack, data, keyring)
        if (archive.platform, archive.external_id) != (key.platform, key.external_id):
            raise ArchiveNotYours("the export belongs to someone else")
        restored, jobs = await self._store.restore_person(archive, self._clock.now())
        for job in jobs:
            if self._resume_closing is not None:
                self._resume_closing(job)
        log.info(
            "archive_imported",
            person=restored.person_id,
            sessions=restored.sessions,
            protected=protected,
        )
        return restored
