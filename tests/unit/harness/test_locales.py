"""What Lumen says outside a message speaks the language the person last wrote with, also
after a restart: the locale is kept in the sealed profile, written only when it changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from lumen_bot.harness.model import Inbound, PersonKey
from tests.fakes import RecordingReply
from tests.unit.harness.test_resume import crash_after_storing
from tests.wiring import Harness, make_harness, profile_on_disk

ALICE = PersonKey("telegram", "1001")  # the person `crash_after_storing` writes as
DUE = datetime(2026, 11, 5, 9, 0, tzinfo=UTC)  # the first reminder after a session


async def write(h: Harness, text: str, locale: str | None) -> None:
    await h.mentor.handle(Inbound(ALICE, text, h.clock.now(), locale=locale), RecordingReply())
    await h.background_done()  # the locale is written after the answer


async def test_a_thread_lost_in_a_restart_is_told_in_the_persons_language(
    tmp_path: Path,
) -> None:
    async with make_harness(tmp_path) as h:
        await write(h, "hola", "es")
        await crash_after_storing(h, "lo que escribí justo antes")
    async with make_harness(tmp_path) as h:
        h.clock.advance(days=2)  # too old to be answered out of the blue
        await h.mentor.resume(h.notifier.channel)
        assert h.notifier.channels[ALICE].of("notice") == ["lost_thread"]
        assert h.notifier.locales == [(ALICE, "es")]


async def test_a_reminder_after_a_restart_speaks_the_language_last_written_in(
    tmp_path: Path,
) -> None:
    async with make_harness(tmp_path) as h:
        await write(h, "hola", "es")
        await write(h, "olá, mudei o idioma do Telegram", "pt-BR")
        await h.mentor.end(ALICE, RecordingReply())
        person = await h.store.person(ALICE, h.clock.now())
        await h.closer.settle(person.id, wait_s=5)
        assert (ALICE, "pt-BR") in h.notifier.locales, "the closing notes, too"
    async with make_harness(tmp_path) as h:
        h.clock.current = DUE + timedelta(minutes=1)
        assert await h.reminders.tick() == 1
        assert [key for _, key in h.notifier.notices] == ["reminder_thread"]
        assert h.notifier.locales == [(ALICE, "pt-BR")]


async def test_the_locale_is_sealed_and_written_only_when_it_changes(tmp_path: Path) -> None:
    async with make_harness(tmp_path) as h:
        await write(h, "hola", "es")
        first = profile_on_disk(tmp_path)
        assert b"locale" not in first, "sealed, not in clear"
        await write(h, "¿sigues ahí?", "es")
        assert profile_on_disk(tmp_path) == first, "the same language: nothing written"
        await write(h, "no language this time", None)
        assert profile_on_disk(tmp_path) == first, "no locale: nothing changes"
    async with make_harness(tmp_path) as h:
        await write(h, "otra vez", "es")
        assert profile_on_disk(tmp_path) == first, "after a restart: read, found the same"
        await write(h, "now in English", "en")
        assert profile_on_disk(tmp_path) != first
        person = await h.store.person(ALICE, h.clock.now())
        assert (await h.store.review.profile(person.id))["locale"] == "en"


async def test_a_person_never_heard_is_spoken_to_in_english(tmp_path: Path) -> None:
    async with make_harness(tmp_path) as h:
        await crash_after_storing(h, "written without a locale")
    async with make_harness(tmp_path) as h:
        h.clock.advance(days=2)
        await h.mentor.resume(h.notifier.channel)
        assert h.notifier.locales == [(ALICE, None)]
