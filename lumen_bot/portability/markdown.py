"""The readable side of an archive: a README, the Arc, and one Markdown file per session.

These files are for the person; the JSON is what an import reads. Both are covered by
the manifest's digests, so a changed Markdown file also marks the export as changed.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lumen_bot.harness.model import TurnKind
from lumen_bot.portability.records import ArchivedSession, ArchivedTurn, PersonArchive
from lumen_bot.texts import text

_SURROGATE = re.compile("[\ud800-\udfff]")
_SPEAKERS = {
    TurnKind.UNSCREENED: "export_you",
    TurnKind.MESSAGE: "export_you",
    TurnKind.CRISIS: "export_you",
    TurnKind.REPLY: "export_lumen",
    TurnKind.RESOURCES: "export_lumen_resources",
    TurnKind.OFFER: "export_lumen_offer",
}


def readable_files(
    archive: PersonArchive, created_at: datetime, *, passphrase: bool
) -> dict[str, bytes]:
    """File name -> bytes, in the order they go into the ZIP. The words around the
    person's own are in the language they last wrote with (the profile's `locale`)."""
    profile = dict(archive.profile)
    zone, lang = _zone(profile.get("timezone")), profile.get("locale")
    readme = text("export_readme", lang, created=_when(created_at.isoformat(), zone), zone=zone.key)
    files = {
        "README.md": readme + (text("export_readme_protected", lang) if passphrase else ""),
        "arc.md": _arc(archive, zone, lang),
    }
    notebooks = {n.session_number: n.text for n in archive.notebooks}
    for session in archive.sessions:
        notebook = notebooks.get(session.number)
        files[session_file(session.number)] = _session(session, notebook, zone, lang)
    # A lone surrogate (text stored before platforms cleaned it) reads as "�" here;
    # the JSON keeps it exactly.
    return {name: _SURROGATE.sub("\ufffd", text).encode("utf-8") for name, text in files.items()}


def session_file(number: int) -> str:
    return f"sessions/session-{number:03d}.md"


def _arc(archive: PersonArchive, zone: ZoneInfo, lang: str | None) -> str:
    arc = archive.current_arc
    if arc is None:
        return f"# {text('export_arc', lang)}\n\n{text('export_arc_none', lang)}\n"
    written = text(
        "export_arc_version", lang, version=str(arc.version), written=_when(arc.created_at, zone)
    )
    return f"# {text('export_arc', lang)}\n\n_{written}_\n\n{arc.text}\n"


def _session(
    session: ArchivedSession, notebook: str | None, zone: ZoneInfo, lang: str | None
) -> str:
    began = _when(session.opened_at, zone)
    when = (
        text("export_session_closed", lang, began=began, closed=_when(session.closed_at, zone))
        if session.closed_at
        else text("export_session_began", lang, began=began)
    )
    lines = [
        f"# {text('export_session', lang, number=str(session.number))}",
        "",
        f"_{when}_",
        "",
        f"## {text('export_conversation', lang)}",
        "",
    ]
    lines.extend(_turn(turn, zone, lang) for turn in session.turns)
    if not session.turns:
        lines.append(f"_{text('export_no_messages', lang)}_\n")
    notes = notebook or f"_{text('export_no_notebook', lang)}_"
    lines += [f"## {text('export_notebook', lang)}", "", notes, ""]
    return "\n".join(lines)


def _turn(turn: ArchivedTurn, zone: ZoneInfo, lang: str | None) -> str:
    return f"**{text(_SPEAKERS[turn.kind], lang)}** · {_when(turn.at, zone)}\n\n{turn.text}\n"


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _when(stored: str, zone: ZoneInfo) -> str:
    return f"{datetime.fromisoformat(stored).astimezone(zone):%Y-%m-%d %H:%M}"
