"""One person's record that no longer opens (a damaged turn in the real database file)
stops neither that person nor anyone else: the turn is set aside, the conversation goes
on without it, the log names ids only, and everyone else is served as usual. A message
damaged before it was answered is not waited on for ever: the person is told, once."""

from __future__ import annotations

import itertools
import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from lumen_bot.errors import LLMError, LLMUnavailable
from lumen_bot.harness.model import Inbound, PersonKey, TurnKind
from lumen_bot.harness.ports import LLMRequest
from lumen_bot.harness.store_ports import NewTurn
from lumen_bot.telegram.handlers import TelegramHandlers
from lumen_bot.texts import text
from tests.fakes import FakeLLM, RecordingReply
from tests.offline_bot_api import OfflineBotApi, offline_application
from tests.wiring import Harness, make_harness

ALICE, BOB = 4242, 4343
ANSWERED = "Thank you for telling me. What matters most here?"
SECRET = "the words only Alice wrote"
_ids = itertools.count(1)


def damage_first_turn_of(database: Path, person_id: int, *, newest: bool = False) -> int:
    """Flip one bit in the middle of the person's first (or newest) stored turn, as a
    bad disk sector or a botched restore would; returns the turn's id."""
    with sqlite3.connect(database) as db:
        turn_id, body = db.execute(
            "SELECT id, body FROM turns WHERE person_id = ?"
            " ORDER BY CASE WHEN ? THEN -id ELSE id END LIMIT 1",
            (person_id, newest),
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
    # the others as usual (what the screen makes of "and now?" may add a line of support)
    assert sent_to(api, BOB).count(ANSWERED) == 2, "the others as usual"
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


async def store_unanswered(h: Harness, who: PersonKey, said: str) -> None:
    """What a kill -9 between storing a message and answering it leaves behind."""
    person = await h.store.person(who, h.clock.now())
    session = await h.store.active_session(person.id) or await h.store.open_session(
        person.id, h.clock.now()
    )
    await h.store.append_turn(
        person.id, session.id, NewTurn("user", TurnKind.UNSCREENED, said, h.clock.now())
    )


ALICE_KEY = PersonKey("telegram", str(ALICE))


async def test_a_message_damaged_before_its_answer_is_named_once_not_waited_on_for_ever(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The only message waiting no longer opens: after a restart Alice hears that it
    could not be read and is asked to send it again, once; the next start does not
    visit her session again, and nothing of it reaches the LLM or the log."""
    caplog.set_level(logging.INFO)
    async with make_harness(tmp_path) as h:
        await h.mentor.handle(Inbound(ALICE_KEY, "hello", h.clock.now()), RecordingReply())
        await store_unanswered(h, ALICE_KEY, SECRET)
        damage_first_turn_of(tmp_path / "lumen.db", await person_id(h, ALICE), newest=True)
    async with make_harness(tmp_path) as h:
        assert await h.mentor.resume(h.notifier.channel) == 1
        alice = h.notifier.channels[ALICE_KEY]
        assert alice.of("notice") == ["message_unreadable"], "told, not left in silence"
        assert alice.of("final") == [], "nothing to answer"
        assert not [r for r in h.llm.requests if r.purpose == "turn"]
    async with make_harness(tmp_path) as h:
        assert await h.mentor.resume(h.notifier.channel) == 0, "settled: not visited again"
        assert ALICE_KEY not in h.notifier.channels
    log = "\n".join(r.getMessage() for r in caplog.records)
    assert "owed_turn_unreadable person" not in log and "owed_turn_unreadable session=1" in log
    assert SECRET not in log


async def test_the_notice_comes_before_the_answer_to_what_can_be_read(tmp_path: Path) -> None:
    """A damaged message and a readable one after it wait together: the person hears
    first that one could not be read, then the answer to the other."""
    async with make_harness(tmp_path) as h:
        await h.mentor.handle(Inbound(ALICE_KEY, "hello", h.clock.now()), RecordingReply())
        await store_unanswered(h, ALICE_KEY, SECRET)
        damage_first_turn_of(tmp_path / "lumen.db", await person_id(h, ALICE), newest=True)
        await store_unanswered(h, ALICE_KEY, "and one more thing")
    async with make_harness(tmp_path) as h:
        await h.mentor.resume(h.notifier.channel)
        said = [e for e in h.notifier.channels[ALICE_KEY].events if e[0] in ("notice", "final")]
        assert said == [("notice", "message_unreadable"), ("final", ANSWERED)]
        [request] = [r for r in h.llm.requests if r.purpose == "turn"]
        assert request.messages[-1].text == "and one more thing"
        assert not any(SECRET in m.text for m in request.messages)


async def test_a_retry_whose_message_was_damaged_meanwhile_tells_the_person(
    tmp_path: Path,
) -> None:
    """The LLM failed, a retry is planned, and the message is damaged before it comes:
    the retry tells Alice instead of dropping quietly as if it had been answered."""
    failures = [1]

    def flaky(request: LLMRequest) -> list[str] | LLMError:
        if request.purpose == "turn" and failures[0] > 0:
            failures[0] -= 1
            return LLMUnavailable("connection refused")
        return [ANSWERED]

    async with make_harness(tmp_path, FakeLLM(script=flaky)) as h:
        live = RecordingReply()
        await h.mentor.handle(Inbound(ALICE_KEY, SECRET, h.clock.now()), live)
        assert live.of("notice") == ["mentor_unavailable"]
        damage_first_turn_of(tmp_path / "lumen.db", await person_id(h, ALICE))
        h.clock.advance(minutes=5)
        assert await h.mentor.retry_owed(h.notifier.channel) == 1
        assert h.notifier.channels[ALICE_KEY].of("notice") == ["message_unreadable"]
        assert h.mentor.owed_answers == 0
        assert len([r for r in h.llm.requests if r.purpose == "turn"]) == 1, "never sent"


async def test_an_old_damaged_message_is_lost_with_the_thread(tmp_path: Path) -> None:
    """Past `resume_max_age` the usual "I lost the thread" covers a damaged message
    too, and it is settled with the rest."""
    async with make_harness(tmp_path) as h:
        await h.mentor.handle(Inbound(ALICE_KEY, "hello", h.clock.now()), RecordingReply())
        await store_unanswered(h, ALICE_KEY, SECRET)
        damage_first_turn_of(tmp_path / "lumen.db", await person_id(h, ALICE), newest=True)
    async with make_harness(tmp_path) as h:
        h.clock.advance(days=2)
        assert await h.mentor.resume(h.notifier.channel) == 1
        assert h.notifier.channels[ALICE_KEY].of("notice") == ["lost_thread"]
        assert await h.mentor.resume(h.notifier.channel) == 0
