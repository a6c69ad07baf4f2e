"""A person's profile (country, time zone, rhythm, language: one sealed row) damaged on
the disk costs them their settings for a while, never crisis care or an answer: the
crisis lines follow their language, answers go on, reminders are held back, and the row
is never overwritten, so a restore can bring it back."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from lumen_bot.errors import RecordDamaged
from lumen_bot.harness.locales import Locales
from lumen_bot.harness.model import Inbound, PersonKey
from tests.fakes import RecordingReply
from tests.wiring import Harness, make_harness, profile_on_disk

ALICE = PersonKey("telegram", "3001")
CRISIS = "tengo las pastillas listas y esta noche me las voy a tomar todas"


def damage_profile(tmp_path: Path) -> bytes:
    """One flipped bit: the row's seal no longer opens, its key still does."""
    sealed = bytearray(profile_on_disk(tmp_path))
    sealed[-1] ^= 0x01
    with closing(sqlite3.connect(tmp_path / "lumen.db")) as db, db:
        db.execute("UPDATE profiles SET body = ?", (bytes(sealed),))
    return bytes(sealed)


async def say(h: Harness, text: str) -> RecordingReply:
    reply = RecordingReply()
    await h.mentor.handle(Inbound(ALICE, text, h.clock.now(), locale="es-MX"), reply)
    return reply


async def person_with_a_damaged_profile(tmp_path: Path) -> bytes:
    async with make_harness(tmp_path) as h:
        await say(h, "hola")
        person = await h.store.person(ALICE, h.clock.now())
        await h.mentor.set_country(ALICE, "ES")
        await h.reminders.set_rhythm(person.id, await h.reminders.rhythm(person.id))
    return damage_profile(tmp_path)


async def test_a_crisis_gets_the_lines_of_the_persons_language(tmp_path: Path) -> None:
    await person_with_a_damaged_profile(tmp_path)
    async with make_harness(tmp_path) as h:
        reply = await say(h, CRISIS)
        (lines,) = reply.of("crisis")
        assert "911" in lines, "Mexico's, from es-MX: the country chosen (Spain) is unreadable"
        assert h.llm.requests == [], "a crisis never reaches the LLM"


async def test_answers_go_on_and_reminders_are_held_back(tmp_path: Path) -> None:
    damaged = await person_with_a_damaged_profile(tmp_path)
    async with make_harness(tmp_path) as h:
        reply = await say(h, "sigo aquí")
        assert reply.of("final"), "answered"
        await h.mentor.end(ALICE, RecordingReply())
        person = await h.store.person(ALICE, h.clock.now())
        await h.closer.settle(person.id, wait_s=5)
        h.clock.advance(days=30)
        await h.reminders.tick()
        assert [k for _, k in h.notifier.notices if k.startswith("reminder")] == []
        with pytest.raises(RecordDamaged):  # a change says it cannot be made ...
            await h.reminders.pause(person.id)
        await h.background_done()  # the language heard is not written either
    assert profile_on_disk(tmp_path) == damaged, "... and the row is left for a restore"


async def test_the_language_falls_back_to_english_and_is_read_again_later(
    tmp_path: Path,
) -> None:
    await person_with_a_damaged_profile(tmp_path)
    async with make_harness(tmp_path) as h:
        person = await h.store.person(ALICE, h.clock.now())
        locales = Locales(h.store.review, h.tasks)
        assert await locales.of(person.id) is None
        locales.heard(person.id, "es")  # a message in Spanish: spoken at once ...
        assert await locales.of(person.id) == "es"
        await h.background_done()  # ... though it cannot be written
        assert await locales.of(person.id) is None, "not held as written: tried again later"
