"""The readable files of an export speak the language the person last wrote with; their
own words, the JSON and the import are the same in any language."""

from __future__ import annotations

import io
import zipfile

from lumen_bot import texts
from lumen_bot.store.crypto import Keyring
from lumen_bot.store.sqlite import SqliteStore

from .conftest import ALICE, archives


async def readable(store: SqliteStore, keyring: Keyring) -> dict[str, str]:
    export = await archives(store, keyring).export(ALICE)
    assert export is not None
    with zipfile.ZipFile(io.BytesIO(export.data)) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".md")
        }


async def test_the_readable_files_are_in_the_persons_language_around_their_own_words(
    lived: SqliteStore, fresh: SqliteStore, keyring: Keyring
) -> None:
    in_english = await readable(lived, keyring)
    person = await lived.find_person(ALICE)
    assert person is not None
    await lived.review.update_profile(person.id, lambda p: {**p, "locale": "es-MX"})
    in_spanish = await readable(lived, keyring)

    assert in_spanish["README.md"].startswith(texts.text("export_readme", "es")[:30])
    assert in_spanish["arc.md"].startswith(f"# {texts.text('export_arc', 'es')}\n")
    session = in_spanish["sessions/session-001.md"]
    assert session.startswith(f"# {texts.text('export_session', 'es', number='1')}\n")
    assert f"**{texts.text('export_you', 'es')}** · " in session
    assert f"## {texts.text('export_notebook', 'es')}" in session
    assert "s1 I worry" in session and "notes 1" in session, "their own words, as written"
    assert in_english["arc.md"].startswith("# The Arc\n")
    assert in_spanish.keys() == in_english.keys()
    assert in_spanish["arc.md"] != in_english["arc.md"]

    export = await archives(lived, keyring).export(ALICE)
    assert export is not None
    restored = await archives(fresh, keyring).restore(ALICE, export.data)
    assert (restored.sessions, restored.notebooks, restored.arcs) == (3, 2, 2)
