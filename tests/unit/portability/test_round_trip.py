"""An export imported into a new deployment with the same keyring is the same history."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from lumen_bot.errors import HistoryExists
from lumen_bot.harness.model import PersonKey, SessionState, TurnKind
from lumen_bot.portability.archive import pack
from lumen_bot.portability.document import parse_document, render_document
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.sqlite import SqliteStore

from .conftest import ALICE, AT, BOB, OpenStore, archives, live


async def exported_json(store: SqliteStore, key: PersonKey = ALICE) -> bytes:
    archive = await store.person_archive(key)
    assert archive is not None
    return render_document(archive)


async def test_export_then_import_then_export_gives_the_same_json_byte_for_byte(
    lived: SqliteStore, fresh: SqliteStore, keyring: Keyring
) -> None:
    original = await exported_json(lived)
    export = await archives(lived, keyring).export(ALICE)
    assert export is not None and export.filename == "lumen-export-2026-11-02.zip"

    restored = await archives(fresh, keyring).restore(ALICE, export.data)

    assert (restored.sessions, restored.notebooks, restored.arcs) == (3, 2, 2)
    assert await exported_json(fresh) == original
    text = original.decode("utf-8")
    for kept in (
        "my friend \\ud800 too",
        "09:00:00.123456+00:00",
        "mentor.v3+abc",
        '"reply_to": 1',
        '"hurt_by_others": true',
    ):
        assert kept in text


async def test_the_restored_history_reads_like_the_original_through_the_store(
    lived: SqliteStore, fresh: SqliteStore, keyring: Keyring
) -> None:
    export = await archives(lived, keyring).export(ALICE)
    assert export is not None
    await archives(fresh, keyring).restore(ALICE, export.data)
    before, after = await lived.find_person(ALICE), await fresh.find_person(ALICE)
    assert before is not None and after is not None
    old, new = await lived.history(before.id), await fresh.history(after.id)
    assert new.arc == old.arc and new.last_closed_at == old.last_closed_at
    assert [n.text for n in new.notebooks] == [n.text for n in old.notebooks]
    assert [
        [
            (t.role, t.kind, t.level, t.third_party, t.hurt_by_others, t.text, t.at, t.answered_at)
            for t in s.turns
        ]
        for s in new.transcripts
    ] == [
        [
            (t.role, t.kind, t.level, t.third_party, t.hurt_by_others, t.text, t.at, t.answered_at)
            for t in s.turns
        ]
        for s in old.transcripts
    ]
    active = await fresh.active_session(after.id)
    assert active is not None and active.number == 3
    turns = await fresh.session_turns(after.id, active.id)
    assert [t.kind for t in turns] == [TurnKind.CRISIS, TurnKind.RESOURCES, TurnKind.UNSCREENED]
    assert turns[1].reply_to == turns[0].id
    assert await fresh.review.profile(after.id) == {"country": "DE", "timezone": "Europe/Berlin"}


async def test_an_export_of_schema_version_2_reads_with_no_turn_marked_hurt(
    lived: SqliteStore,
) -> None:
    """Version 2 had no `hurt_by_others`; its exports still import."""
    document = json.loads(await exported_json(lived))
    document["schema_version"] = 2
    for session in document["sessions"]:
        for turn in session["turns"]:
            del turn["hurt_by_others"]
    older = parse_document(json.dumps(document).encode())
    newer = parse_document(await exported_json(lived))
    assert [replace(t, hurt_by_others=False) for s in newer.sessions for t in s.turns] == [
        t for s in older.sessions for t in s.turns
    ]
    assert any(t.hurt_by_others for s in newer.sessions for t in s.turns)


async def test_a_conversation_answered_out_of_storage_order_keeps_its_order(
    lived: SqliteStore, fresh: SqliteStore, keyring: Keyring
) -> None:
    """The reply to the first message of a burst was stored after the second message,
    yet reads right after the first: refs and reply_to carry that across."""
    archive = await lived.person_archive(ALICE)
    assert archive is not None
    first = archive.sessions[0].turns
    assert [(t.ref, t.reply_to) for t in first] == [(1, None), (3, 1), (2, None)]
    export = await archives(lived, keyring).export(ALICE)
    assert export is not None
    await archives(fresh, keyring).restore(ALICE, export.data)
    again = await fresh.person_archive(ALICE)
    assert again is not None and again.sessions[0].turns == first


async def test_an_import_is_refused_when_the_person_already_has_a_history(
    lived: SqliteStore, keyring: Keyring
) -> None:
    before = await exported_json(lived)
    export = await archives(lived, keyring).export(ALICE)
    assert export is not None
    with pytest.raises(HistoryExists):
        await archives(lived, keyring).restore(ALICE, export.data)
    assert await exported_json(lived) == before


async def test_a_person_known_only_by_their_settings_gets_their_history_back(
    lived: SqliteStore, fresh: SqliteStore, keyring: Keyring
) -> None:
    known = await fresh.person(ALICE, AT)
    await fresh.review.update_profile(known.id, lambda _: {"rhythm": "weekly"})
    export = await archives(lived, keyring).export(ALICE)
    assert export is not None
    restored = await archives(fresh, keyring).restore(ALICE, export.data)
    assert restored.person_id == known.id
    assert await exported_json(fresh) == await exported_json(lived)


async def test_a_session_exported_while_closing_resumes_its_closing_after_import(
    open_store: OpenStore, fresh: SqliteStore, keyring: Keyring
) -> None:
    async with open_store("closing") as store:
        person = await store.person(BOB, AT)
        session = await store.open_session(person.id, AT)
        await store.begin_closing(session.id, AT, "end")
        export = await archives(store, keyring).export(BOB)
    assert export is not None
    resumed: list[int] = []
    await archives(
        fresh, keyring, resume_closing=lambda job: resumed.append(job.session_id)
    ).restore(BOB, export.data)
    [job] = await fresh.pending_closing_jobs()
    assert job.stage == "notebook" and not job.notify and resumed == [job.session_id]
    assert (await fresh.get_session(job.session_id)).state is SessionState.CLOSING


async def test_a_failure_midway_through_an_import_leaves_nothing_behind(
    lived: SqliteStore, fresh: SqliteStore, tmp_path: Path
) -> None:
    """A reply naming a turn that comes later fails after sessions and turns were
    inserted: the one transaction rolls all of it back."""
    archive = await lived.person_archive(ALICE)
    assert archive is not None
    session = archive.sessions[0]
    broken_turn = replace(session.turns[0], ref=100, reply_to=99)
    later_session = replace(session, turns=(*session.turns, broken_turn))
    broken = replace(archive, sessions=(archive.sessions[1], later_session))
    with pytest.raises(KeyError):
        await fresh.restore_person(broken, AT)
    assert await fresh.find_person(ALICE) is None
    with sqlite3.connect(tmp_path / "fresh" / "lumen.db") as db:
        counts = [db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in _TABLES]  # noqa: S608
    assert counts == [0] * len(_TABLES)


_TABLES = ("people", "sessions", "turns", "notebooks", "arcs", "profiles", "closing_jobs")


async def test_the_archive_is_sealed_under_the_newest_key_encryption_key(
    lived: SqliteStore, keyring: Keyring
) -> None:
    archive = await lived.person_archive(ALICE)
    assert archive is not None
    rotated = Keyring({**keyring.keys, 2: b"\x02" * 32})
    assert b'"kek_version": 2' in _manifest(pack(archive, rotated, AT, passphrase=False))


async def test_a_kek_added_while_the_bot_runs_seals_the_next_export(
    lived: SqliteStore, keyring: Keyring
) -> None:
    """`lumen keys rotate` beside the running bot: its Archives, built at start, seals
    the next export under the new KEK, so retiring the old one strands no new export."""
    running = archives(lived, keyring)
    before = await running.export(ALICE)
    keyring.with_new_key().replace_file()  # what `lumen keys rotate` writes
    after = await running.export(ALICE)
    assert before is not None and after is not None
    assert b'"kek_version": 1' in _manifest(before.data)
    assert b'"kek_version": 2' in _manifest(after.data)


def _manifest(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("manifest.json")


async def test_someone_else_in_the_same_store_is_never_in_the_archive(
    lived: SqliteStore,
) -> None:
    await live(lived, BOB)
    archive = await lived.person_archive(BOB)
    assert archive is not None and archive.external_id == "1002"
    alice = await lived.person_archive(ALICE)
    assert alice is not None and len(alice.sessions) == 3 == len(archive.sessions)
    assert {t.ref for s in archive.sessions for t in s.turns} == set(range(1, 10))


@pytest.mark.parametrize("passphrase", [None, "a long enough passphrase"])
async def test_export_forget_import_in_the_same_deployment_is_byte_for_byte(
    lived: SqliteStore, keyring: Keyring, passphrase: str | None
) -> None:
    """The whole privacy cycle: the person takes their history, is forgotten (their data
    key destroyed, their rows gone), and brings it back: the same texts, times and
    versions, under a new key."""
    original = await exported_json(lived)
    person = await lived.find_person(ALICE)
    assert person is not None
    export = await archives(lived, keyring).export(ALICE, passphrase)
    assert export is not None

    await lived.begin_forgetting(person.id, AT)
    await lived.finish_forgetting(person.id, AT)
    assert await lived.find_person(ALICE) is None, "forgotten: the Telegram id is gone"

    restored = await archives(lived, keyring).restore(ALICE, export.data, passphrase)

    assert (restored.sessions, restored.notebooks, restored.arcs) == (3, 2, 2)
    assert await exported_json(lived) == original
    back = await lived.find_person(ALICE)
    assert back is not None and back.id != person.id, "a new person, with a new data key"
