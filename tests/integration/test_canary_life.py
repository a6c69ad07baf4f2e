"""A whole life of one person, and the canary they told Lumen is nowhere at rest.

The person talks in two sessions, the mentor writes notebooks and Arcs (an LLM that
echoes the canary, so every kind of record carries it), they report a reply, correct
their Arc through /memory, export their history (plain and under a passphrase), the
operator rotates the key-encryption key and the person's data key, and a tampered
import is refused. Then the database files (with their -wal and -shm, copied while
open and after close), every file the process left in its temporary directory, the
logs, and the text of every exception raised are scanned for the canary in UTF-8,
UTF-16, hex and base64 (tests/canary.py; its negative control is in test_canary.py).
"""

from __future__ import annotations

import io
import logging
import shutil
import tempfile
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from lumen_bot.errors import ArchiveRejected, LumenError
from lumen_bot.harness.memory import Asked
from lumen_bot.harness.model import Inbound, PersonKey
from lumen_bot.harness.ports import LLMRequest
from lumen_bot.portability.passphrase import PassphraseBox, ScryptParams
from lumen_bot.portability.service import Archives
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.db import Database
from lumen_bot.store.keys import KeyStore
from lumen_bot.store.rotation import DataKeyRotation
from lumen_bot.store.schema import CONTENT_MIGRATIONS
from tests.canary import files_under, find_canary
from tests.fakes import FakeLLM, RecordingReply, default_script
from tests.wiring import Harness, make_harness

CANARY = "Quokka lantern 8821 hums beneath the copper bridge"
PERSON = PersonKey("telegram", "31337")
PASSPHRASE = "correct horse battery staple"


def echoing_script(request: LLMRequest) -> list[str]:
    """Every answer, notebook, Arc and correction carries the canary back."""
    return [piece + f" ({CANARY})" for piece in default_script(request)]


async def say(h: Harness, text: str) -> None:
    await h.mentor.handle(Inbound(PERSON, text, h.clock.now()), RecordingReply())


async def close_session(h: Harness) -> None:
    await h.mentor.end(PERSON, RecordingReply())
    person = await h.store.person(PERSON, h.clock.now())
    await h.closer.settle(person.id, wait_s=5)


async def rotate_keys(data: Path, h: Harness, person_id: int) -> None:
    """What `lumen keys rotate` and `lumen keys rotate-data` do, from their own
    connections (a second process) while the bot's store stays open."""
    grace = timedelta(seconds=1)
    async with (
        Database(data / "lumen.db", CONTENT_MIGRATIONS) as content,
        KeyStore(data / "keys.db", Keyring.load(data / "keyring.json")) as keys,
    ):
        keys.add_kek()
        while await keys.rewrap_batch(100):
            pass
        rotation = DataKeyRotation(content, keys, h.clock, grace=grace)
        await rotation.rotate(person_id)
        h.clock.advance(seconds=2 * grace.total_seconds())
        progress = await rotation.resume(person_id)
    assert progress.finished and progress.remaining == 0


async def live_a_life(data: Path, snapshot: Path, errors: list[BaseException]) -> None:
    async with make_harness(data, FakeLLM(script=echoing_script)) as h:
        await say(h, f"Something I never said aloud: {CANARY}")
        await say(h, "and that is all for today ✨")
        await close_session(h)

        person = await h.store.person(PERSON, h.clock.now())
        flag = await h.reports.start(PERSON, reported=f"you said {CANARY}", note=CANARY)
        assert await h.reports.choose_reason(PERSON, flag, "wrong")

        view = await h.memory.view(PERSON)
        assert view.arc is not None
        asked, _ = await h.memory.ask(PERSON, view.arc.version, 0)
        assert asked is Asked.ASKED
        correction = Inbound(PERSON, f"Not quite: {CANARY}", h.clock.now(), source_key="fix-1")
        assert await h.memory.take(correction, RecordingReply())

        archives = Archives(
            store=h.store,
            keyring=Keyring.load(data / "keyring.json"),
            clock=h.clock,
            box=PassphraseBox(ScryptParams(log2_n=14, r=8, p=1)),
        )
        plain = await archives.export(PERSON)
        locked = await archives.export(PERSON, PASSPHRASE)
        assert plain is not None and locked is not None
        with zipfile.ZipFile(io.BytesIO(plain.data)) as exported:
            document = exported.read("lumen-export.json").decode()
        assert CANARY in document, "the person's own copy holds their words"
        tampered = bytearray(plain.data)
        tampered[len(tampered) // 2] ^= 0x01
        for attempt in (
            archives.restore(PERSON, bytes(tampered)),
            archives.restore(PERSON, locked.data, "not the passphrase"),
        ):
            with pytest.raises(ArchiveRejected) as refused:
                await attempt
            errors.append(refused.value)

        await rotate_keys(data, h, person.id)
        h.clock.advance(days=3)
        await say(h, f"Back again, still thinking of {CANARY}")
        session = await h.store.active_session(person.id)
        assert session is not None
        turns = await h.store.session_turns(person.id, session.id)
        assert any(CANARY in turn.text for turn in turns), "readable after both rotations"

        history = await h.store.history(person.id)
        assert history.arc is not None and history.arc.prompt_version.startswith("arc_correct")
        assert len(history.notebooks) == 1
        shutil.copytree(data, snapshot)  # the files as they are while Lumen runs (-wal)


async def test_a_whole_life_leaves_the_canary_nowhere_at_rest(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, snapshot, temporary = tmp_path / "data", tmp_path / "snapshot", tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))  # what the process leaves
    caplog.set_level(logging.DEBUG)
    errors: list[BaseException] = []

    await live_a_life(data, snapshot, errors)

    logs = "\n".join(record.getMessage() for record in caplog.records).encode()
    for event in (b"turn_answered", b"archive_exported", b"correction_received"):
        assert event in logs, "the logs were captured"
    running = files_under(snapshot)
    assert {"lumen.db", "lumen.db-wal", "keys.db"} <= {name for name, _ in running}
    exception_texts = [
        (f"exception:{type(e).__name__}", f"{e}\n{e!r}\n{getattr(e, 'user_message', '')}".encode())
        for e in errors
    ]
    assert errors and all(isinstance(e, LumenError) for e in errors)
    blobs = [
        *[(f"running/{name}", blob) for name, blob in running],
        *[(f"closed/{name}", blob) for name, blob in files_under(data)],
        *[(f"tmp/{name}", blob) for name, blob in files_under(temporary)],
        ("logs", logs),
        *exception_texts,
    ]
    assert find_canary(CANARY, blobs) == []
