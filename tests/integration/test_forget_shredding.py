"""The shredding proof: after /forget nothing of the person decrypts, from the live files
or from a copy of the content database taken before; everyone else is untouched."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from lumen_bot.errors import DecryptionError
from lumen_bot.harness.flags import FlagSource, FlagStatus
from lumen_bot.harness.model import Inbound, PersonKey
from lumen_bot.harness.ports import LLMRequest
from lumen_bot.store.crypto import Keyring, key_aad, open_sealed, record_aad
from tests.canary import files_under, find_canary
from tests.fakes import FakeLLM, RecordingReply, default_script
from tests.wiring import Harness, make_harness

CANARY = "Velvet lantern 9021 drifts past the sleeping orchard"
ALICE = PersonKey("telegram", "5550123001")
BOB = PersonKey("telegram", "5550999002")
CRISIS = "I have the pills ready and I'm going to take them all tonight"

# Where each sealed table keeps the record id its associated data names.
RECORD_COLUMN = {
    "turns": "id",
    "notebooks": "session_id",
    "arcs": "id",
    "flags": "id",
    "profiles": "person_id",
    "reminders": "person_id",
}
Sealed = tuple[str, int, bytes, int]  # table, record, body, key version


def echoing(request: LLMRequest) -> list[str]:
    """The mentor, notebook and Arc repeat the canary, so every sealed kind carries it."""
    return [piece + f" ({CANARY})" for piece in default_script(request)]


async def say(h: Harness, who: PersonKey, text: str, n: int) -> RecordingReply:
    reply = RecordingReply()
    inbound = Inbound(who, text, h.clock.now(), source_key=f"tg:{who.external_id}:{n}")
    await h.mentor.handle(inbound, reply)
    return reply


async def live_a_life(h: Harness, who: PersonKey, offset: int) -> int:
    """Two sessions (one closed: notebook, Arc, reminder), a profile, a report and a crisis."""
    await say(h, who, f"First: {CANARY}", offset + 1)
    await h.mentor.set_country(who, "gb")
    await h.mentor.end(who, RecordingReply())
    person = await h.store.person(who, h.clock.now())
    await h.closer.settle(person.id, wait_s=5)
    h.clock.advance(days=3)
    await say(h, who, f"Again: {CANARY}", offset + 2)
    await say(h, who, CRISIS, offset + 3)
    flag_id = await h.reports.start(who, reported=f"said {CANARY}", note=f"note {CANARY}")
    assert await h.reports.choose_reason(who, flag_id, "wrong")
    await h.reports.start(who, reported="a draft never finished", note=CANARY)
    return person.id


def sealed_rows(database: Path, person_id: int) -> list[Sealed]:
    with sqlite3.connect(database) as db:
        found: list[Sealed] = []
        for table, record in RECORD_COLUMN.items():
            query = f"SELECT {record}, body, key_version FROM {table} WHERE person_id = ?"  # noqa: S608
            for rec, body, version in db.execute(query, (person_id,)):
                if body:
                    found.append((table, int(rec), bytes(body), int(version)))
        return found


def data_keys(keys_db: Path, keyring: Keyring) -> dict[tuple[int, int], bytes]:
    """Every data key a key store holds, unwrapped with the keyring."""
    with sqlite3.connect(keys_db) as db:
        rows = db.execute("SELECT person_id, version, kek_version, wrapped FROM data_keys")
        return {
            (person, version): open_sealed(
                keyring.kek(kek),
                bytes(wrapped),
                key_aad(owner=person, version=version, kek_version=kek),
            )
            for person, version, kek, wrapped in rows
        }


def wrapped_keys(keys_db: Path, person_id: int) -> list[bytes]:
    with sqlite3.connect(keys_db) as db:
        rows = db.execute("SELECT wrapped FROM data_keys WHERE person_id = ?", (person_id,))
        return [bytes(wrapped) for (wrapped,) in rows]


def opened(rows: list[Sealed], owner: int, keys: dict[tuple[int, int], bytes]) -> list[str]:
    """Every row that any of `keys` opens, as the owner's record: its plaintext."""
    texts = []
    for table, record, body, version in rows:
        aad = record_aad(
            owner=owner, table=table, record=record, column="body", key_version=version
        )
        for key in keys.values():
            try:
                texts.append(open_sealed(key, body, aad).decode())
            except DecryptionError:
                continue
    return texts


@pytest.fixture
async def forgotten(tmp_path: Path) -> tuple[Path, Path, int, int]:
    """Alice and Bob live; the data directory is copied (with its -wal) while the store is
    open; Alice forgets, and the files are copied again while still open (`after`).
    Returns the live directory, the copy from before, and both person ids."""
    live, before = tmp_path / "live", tmp_path / "before"
    async with make_harness(live, FakeLLM(script=echoing)) as h:
        alice = await live_a_life(h, ALICE, 0)
        bob = await live_a_life(h, BOB, 100)
        shutil.copytree(live, before)
        assert (before / "lumen.db-wal").stat().st_size > 0, "the copy caught a live WAL"
        assert await h.forgetting.forget(ALICE)
        # The live files as they are on disk while Lumen runs (closing would checkpoint).
        shutil.copytree(live, tmp_path / "after")
    return live, before, alice, bob


async def test_nothing_of_a_forgotten_person_decrypts_from_an_old_copy_or_the_live_files(
    forgotten: tuple[Path, Path, int, int],
) -> None:
    live, before, alice, _ = forgotten
    keyring = Keyring.load_or_create(live / "keyring.json")
    old_rows = sealed_rows(before / "lumen.db", alice)
    assert {table for table, *_ in old_rows} == set(RECORD_COLUMN), "every sealed kind copied"

    # Control: with the key store as it was, the copy opens, canary and all. This is why
    # keys.db is backed up apart from content and on a short retention (docs/privacy.md).
    assert any(
        CANARY in text for text in opened(old_rows, alice, data_keys(before / "keys.db", keyring))
    )

    live_keys = data_keys(live / "keys.db", keyring)
    assert not [key for key in live_keys if key[0] == alice], "Alice's data key is gone"
    assert opened(old_rows, alice, live_keys) == [], "no live key opens the old copy"
    left = sealed_rows(live / "lumen.db", alice)
    assert {(table, body) for table, _, body, _ in left} == {("flags", b"forgotten")}, (
        "no sealed row of hers is left: her flags hold a content-free marker"
    )

    # Deleted bytes linger nowhere: not her wrapped key in the key store's files, not her
    # ciphertexts or her Telegram id in the content database's.
    running = live.parent / "after"
    assert (running / "lumen.db-wal").exists(), "a WAL file, truncated, while running"
    live_files = [
        (name, blob)
        for directory in (running, live)
        for name, blob in files_under(directory)
        if "keyring" not in name
    ]
    for wrapped in wrapped_keys(before / "keys.db", alice):
        assert not [name for name, blob in live_files if wrapped in blob]
    for _, _, body, _ in old_rows:
        assert not [name for name, blob in live_files if body in blob]
    assert find_canary(ALICE.external_id, live_files) == []
    assert find_canary(ALICE.external_id, files_under(before)) != [], "control: it was there"


async def test_everyone_else_is_untouched_and_their_sessions_go_on(
    forgotten: tuple[Path, Path, int, int],
) -> None:
    live, _, _, bob = forgotten
    keyring = Keyring.load_or_create(live / "keyring.json")
    bob_rows = sealed_rows(live / "lumen.db", bob)
    assert len(opened(bob_rows, bob, data_keys(live / "keys.db", keyring))) == len(bob_rows)
    async with make_harness(live, FakeLLM(script=echoing)) as h:
        exported = await h.store.export(BOB)
        assert exported is not None and len(exported.sessions) == 2
        assert exported.notebooks and exported.arcs
        reply = await say(h, BOB, "still here", 200)
        assert reply.of("final"), "Bob's session goes on"


async def test_flags_keep_only_what_admins_need_and_the_audit_names_no_content(
    forgotten: tuple[Path, Path, int, int],
) -> None:
    live, before, alice, _ = forgotten
    with sqlite3.connect(before / "lumen.db") as db:
        was = db.execute(
            "SELECT id, source, severity, status, created_at, updated_at FROM flags"
            " WHERE person_id = ? AND status != 'draft' ORDER BY id",
            (alice,),
        ).fetchall()
    async with make_harness(live) as h:
        kept = [await h.store.review.flag(flag_id) for flag_id, *_ in was]
        entries = await h.store.review.audit_entries()
    assert {flag.source for flag in kept if flag} == {FlagSource.CRISIS, FlagSource.REPORT}
    for flag, (flag_id, source, severity, status, created, updated) in zip(kept, was, strict=True):
        assert flag is not None and flag.detail.forgotten, "content-free marker"
        assert (flag.id, flag.source.value, int(flag.severity), flag.status.value) == (
            flag_id,
            source,
            severity,
            status,
        )
        assert (flag.created_at.isoformat(), flag.updated_at.isoformat()) == (created, updated)
        assert flag.session_id is None
        assert flag.detail.reported is None and flag.detail.note is None
        assert flag.detail.context == () and flag.detail.evidence == ()
    with sqlite3.connect(live / "lumen.db") as db:
        drafts = db.execute(
            "SELECT COUNT(*) FROM flags WHERE person_id = ? AND status = ?",
            (alice, FlagStatus.DRAFT.value),
        ).fetchone()[0]
        (tombstone,) = db.execute(
            "SELECT platform, external_id FROM people WHERE id = ?", (alice,)
        ).fetchall()
    assert drafts == 0, "a draft no admin saw goes whole"
    assert tombstone[0] == "forgotten" and ALICE.external_id not in tombstone[1]
    (entry,) = [e for e in entries if e.action == "forget"]
    assert (entry.actor, entry.target) == ("person", f"person:{alice}")
    assert entry.detail == "flags_kept=2 block_kept=0"


async def test_a_forgotten_person_who_writes_again_starts_fresh(tmp_path: Path) -> None:
    async with make_harness(tmp_path, FakeLLM(script=echoing)) as h:
        old = await live_a_life(h, ALICE, 0)
        assert await h.forgetting.forget(ALICE)
        assert not await h.forgetting.forget(ALICE), "pressed twice: nothing left to do"
        assert await h.store.find_person(ALICE) is None
        h.llm.requests.clear()
        reply = await say(h, ALICE, "hello, is anyone there?", 50)
        assert reply.of("final")
        new = await h.store.find_person(ALICE)
        assert new is not None and new.id != old, "a new person, never the old number"
        session = await h.store.active_session(new.id)
        assert session is not None and session.number == 1
        assert h.llm.requests, "the mentor answered"
        sent = "".join(block.text for r in h.llm.requests for block in r.system)
        assert CANARY not in sent, "no old notebook, Arc or transcript in the new context"
