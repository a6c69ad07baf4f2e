"""One person's record that no longer opens (a damaged turn in the real database file)
stops neither that person nor anyone else: the turn is set aside, the conversation goes
on without it, the log names ids only, and everyone else is served as usual."""

from __future__ import annotations

import itertools
import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from lumen_bot.harness.model import Inbound, PersonKey, TurnKind
from lumen_bot.harness.store_ports import NewTurn
from lumen_bot.telegram.handlers import TelegramHandlers
from lumen_bot.texts import text
from tests.fakes import RecordingReply
from tests.offline_bot_api import OfflineBotApi, offline_application
from tests.wiring import Harness, make_harness

ALICE, BOB = 4242, 4343
ANSWERED = "Thank you for telling me. What matters most here?"
SECRET = "the words only Alice wrote"
_ids = itertools.count(1)


def damage_first_turn_of(database: Path, person_id: int) -> int:
    """Flip one bit in the middle of the person's first stored turn, as a bad disk
    sector or a botched restore would; returns the turn's id."""
    with sqlite3.connect(database) as db:
        turn_id, body = db.execute(
            "SELECT id, body FROM turns WHERE person_id = ? ORDER BY id LIMIT 1", (person_id,)
        ).fetchone()
        damaged = bytearray(body)
        damaged[len(damaged) // 2] ^= 0x01
        db.execute("UPDATE turns SET body = ? WHERE id = ?", (bytes(damaged), turn_id))
    return int(turn_id)


def message(user: int, said: str) -> dict[str, Any]:
    return {
        "update_id": next(_ids),
        "message": {
            "message_id": next(_ids),
            "date": 1_795_000_000,
            "chat": {"id": user, "type": "private"},
            "from": {"id": user, "is_bot": False, "first_name": "A", "language_code": "en"},
            "text": said,
        },
    }


def sent_to(api: OfflineBotApi, user: int) -> list[str]:
    return [str(p["text"]) for p in api.calls_of("sendMessage") if int(p["chat_id"]) == user]


async def person_id(h: Harness, user: int) -> int:
    found = await h.store.find_person(PersonKey("telegram", str(user)))
    assert found is not None
    return found.id


async def test_telegram_keeps_serving_the_person_and_everyone_else(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    api = OfflineBotApi()
    async with make_harness(tmp_path) as h:
        app = offline_application(api)
        TelegramHandlers(h.mentor, h.reports, stream_interval_s=0).register(app)
        async with app:

            async def send(user: int, said: str) -> None:
                await app.process_update(Update.de_json(message(user, said), app.bot))

            await send(ALICE, SECRET)
            await send(BOB, "hello")
            turn = damage_first_turn_of(tmp_path / "lumen.db", await person_id(h, ALICE))

            await send(ALICE, "are you there?")
            await send(ALICE, "still there?")
            await send(BOB, "and now?")

    assert sent_to(api, ALICE) == [ANSWERED] * 3, "the conversation goes on without it"
    assert text("record_unreadable", "en") not in sent_to(api, ALICE)
    assert sent_to(api, BOB) == [ANSWERED, ANSWERED], "the others as usual"
    [last] = [r for r in h.llm.requests if "still there?" in r.messages[-1].text]
    said = [m.text for m in last.messages]
    assert "still there?" in said[-1] and not any(SECRET in m for m in said), "set aside"
    log = "\n".join(r.getMessage() for r in caplog.records)
    assert f"record_unreadable person=1 table=turns record={turn}" in log
    assert f"turn_set_aside person=1 session=1 turn={turn}" in log
    assert "handler_failed" not in log
    for words in (SECRET, "are you there?", "failed authentication"):
        assert words not in log, "events and ids only"


async def test_the_rhythm_beat_and_a_restart_go_on_for_everyone_else(tmp_path: Path) -> None:
    """Closing quiet sessions and resuming after a restart go on for everyone: Alice's
    unreadable turn is set aside, her quiet session closes like Bob's (it is not left
    open for ever), and both are answered after a restart."""
    people = (PersonKey("telegram", str(ALICE)), PersonKey("telegram", str(BOB)))
    async with make_harness(tmp_path) as h:
        for who in people:
            await h.mentor.handle(
                Inbound(who, f"{who.external_id} says hi", h.clock.now()), RecordingReply()
            )
        damage_first_turn_of(tmp_path / "lumen.db", await person_id(h, ALICE))
        h.clock.advance(hours=13)
        assert await h.mentor.close_idle(h.notifier.channel) == 2, "both quiet sessions closed"
        for who in people:
            found = await h.store.find_person(who)
            assert found is not None and await h.store.active_session(found.id) is None

    async with make_harness(tmp_path) as h:  # both write again; the process dies before answering
        for who in people:
            person = await h.store.person(who, h.clock.now())
            session = await h.store.active_session(person.id) or await h.store.open_session(
                person.id, h.clock.now()
            )
            await h.store.append_turn(
                person.id,
                session.id,
                NewTurn("user", TurnKind.UNSCREENED, "after the crash", h.clock.now()),
            )
    async with make_harness(tmp_path) as h:
        assert await h.mentor.resume(h.notifier.channel) == 2
        for who in people:
            assert h.notifier.channels[who].of("final") == [ANSWERED], "each answered once"
