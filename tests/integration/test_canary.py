"""No plaintext at rest and none in logs: a canary sent through a whole session leaks nowhere."""

from __future__ import annotations

import base64
import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from lumen_bot.harness.flags import FlagSource
from lumen_bot.harness.model import Inbound, PersonKey
from lumen_bot.harness.ports import LLMRequest
from safety import Category
from tests.canary import files_under, find_canary
from tests.fakes import FakeLLM, RecordingReply, default_script
from tests.wiring import make_harness

CANARY = "Zebra umbrella 4417 whispers over the quiet harbour"
PERSON = PersonKey("telegram", "777")


def echoing_script(request: LLMRequest) -> list[str]:
    """An LLM that repeats the canary back, so mentor turns, notebook and Arc carry it too."""
    return [piece + f" ({CANARY})" for piece in default_script(request)]


async def live_a_session(tmp_path: Path) -> None:
    async with make_harness(tmp_path, FakeLLM(script=echoing_script)) as h:
        for text in (f"I keep thinking: {CANARY}", "and then ✨ more"):
            await h.mentor.handle(Inbound(PERSON, text, h.clock.now()), RecordingReply())
        await h.mentor.end(PERSON, RecordingReply())
        person = await h.store.person(PERSON, h.clock.now())
        await h.closer.settle(person.id, wait_s=5)
        assert h.notifier.sent, "the session closed with parting words"


async def test_no_canary_in_database_files_or_logs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    caplog.set_level(logging.DEBUG)
    await live_a_session(data)
    files = files_under(data)
    names = {name for name, _ in files}
    assert {"lumen.db", "keys.db"} <= names
    logs = "\n".join(record.getMessage() for record in caplog.records).encode()
    assert b"turn_answered" in logs, "the logs were captured"
    assert find_canary(CANARY, [*files, ("logs", logs)]) == []


async def test_what_the_screen_and_the_review_found_stays_out_of_the_logs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A log line names a person by number, so it must not also say what they are going
    through: no risk category, no kind of concern, no reason a reply was withheld."""

    def mentor(request: LLMRequest) -> list[str]:
        if request.purpose == "turn" and "low" in request.messages[-1].text:
            return ["You have clinical depression; double your sertraline dose tonight."]
        return default_script(request)

    said = {
        "crisis": "I have the pills ready and I'm going to take them all tonight",
        "own distress": "Honestly I feel like a burden to everyone lately",
        "being hurt": "my husband hits me when he drinks",
        "a reply withheld": "I feel low",
    }
    caplog.set_level(logging.DEBUG)
    async with make_harness(tmp_path, FakeLLM(script=mentor)) as h:
        for number, text in enumerate(said.values()):
            await h.mentor.handle(
                Inbound(PersonKey("telegram", str(900 + number)), text, h.clock.now()),
                RecordingReply(),
            )
        flags = await h.review.queue()
    logs = "\n".join(record.getMessage() for record in caplog.records)
    for event in ("crisis_answered", "support_offered", "reply_replaced"):
        assert event in logs, f"{event} was logged: the path ran"
    (withheld,) = [f for f in flags if f.source is FlagSource.OUTPUT]
    found = {c.value for c in Category} | set(withheld.detail.reason.split(","))
    assert {word for word in found if word in logs} == set()
    assert "concern=" not in logs and "categories=" not in logs


async def test_wal_is_scanned_before_checkpoint(tmp_path: Path) -> None:
    """Copy the files while the store is still open, so the -wal is caught with content."""
    data = tmp_path / "data"
    snapshot = tmp_path / "snapshot"
    async with make_harness(data, FakeLLM(script=echoing_script)) as h:
        await h.mentor.handle(Inbound(PERSON, CANARY, h.clock.now()), RecordingReply())
        shutil.copytree(data, snapshot)
    wal = snapshot / "lumen.db-wal"
    assert wal.exists() and wal.stat().st_size > 0
    assert find_canary(CANARY, files_under(snapshot)) == []


def test_negative_control_the_scan_finds_plaintext(tmp_path: Path) -> None:
    """The same scan finds the canary in a database where it was stored in clear."""
    with sqlite3.connect(tmp_path / "plain.db") as db:
        db.execute("CREATE TABLE t (body TEXT, b BLOB)")
        db.execute("INSERT INTO t VALUES (?, ?)", (f"x {CANARY} y", CANARY.encode("utf-16-le")))
    (tmp_path / "log.txt").write_text(CANARY.encode().hex())
    (tmp_path / "b64.txt").write_bytes(base64.b64encode(b"ab" + CANARY.encode()))
    hits = find_canary(CANARY, files_under(tmp_path))
    assert any(hit.startswith("plain.db:utf-8") for hit in hits)
    assert any(hit.startswith("plain.db:utf-16-le") for hit in hits)
    assert "log.txt:hex" in hits
    assert any(hit.startswith("b64.txt:base64") for hit in hits)
