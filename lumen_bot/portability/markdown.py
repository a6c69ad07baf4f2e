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

README = """\
# Your Lumen export

This is everything Lumen holds about you, as of {created}.

- `sessions/` — one file per session: what you and Lumen said, in order, and the
  notebook Lumen wrote when the session closed.
- `arc.md` — the Arc: Lumen's long-term understanding of you, as it stands now.
- `lumen-export.json` — the same history, complete, for a computer to read. Send this
  whole file back to Lumen (with /import) to bring your history back.
- `manifest.json` — a fingerprint of every file and a seal, so Lumen can tell whether
  anything in the export was changed. A changed export cannot be imported.

Times are shown in {zone}.
{passphrase}"""

PROTECTED_NOTE = """
This export was protected with a passphrase you chose. Keep that passphrase safe:
nobody, not even Lumen's operators, can recover it or open the file without it.
"""

_SURROGATE = re.compile("[\ud800-\udfff]")
_SPEAKERS = {
    TurnKind.UNSCREENED: "You",
    TurnKind.MESSAGE: "You",
    TurnKind.CRISIS: "You",
    TurnKind.REPLY: "Lumen",
    TurnKind.RESOURCES: "Lumen (crisis resources)",
    TurnKind.OFFER: "Lumen (support offered)",
}


def readable_files(
    archive: PersonArchive, created_at: datetime, *, passphrase: bool
) -> dict[str, bytes]:
    """File name -> bytes, in the order they go into the ZIP."""
    zone = _zone(dict(archive.profile).get("timezone"))
    files = {
        "README.md": README.format(
            created=_when(created_at.isoformat(), zone),
            zone=zone.key,
            passphrase=PROTECTED_NOTE if passphrase else "",
        ),
        "arc.md": _arc(archive, zone),
    }
    notebooks = {n.session_number: n.text for n in archive.notebooks}
    for session in archive.sessions:
        files[session_file(session.number)] = _session(session, notebooks.get(session.number), zone)
    # A lone surrogate (text stored before platforms cleaned it) reads as "�" here;
    # the JSON keeps it exactly.
    return {name: _SURROGATE.sub("\ufffd", text).encode("utf-8") for name, text in files.items()}


def session_file(number: int) -> str:
    return f"sessions/session-{number:03d}.md"


def _arc(archive: PersonArchive, zone: ZoneInfo) -> str:
    arc = archive.current_arc
    if arc is None:
        return "# The Arc\n\nNo Arc yet: Lumen writes it when a session closes.\n"
    written = _when(arc.created_at, zone)
    return f"# The Arc\n\n_Version {arc.version}, written {written}._\n\n{arc.text}\n"


def _session(session: ArchivedSession, notebook: str | None, zone: ZoneInfo) -> str:
    lines = [
        f"# Session {session.number}",
        "",
        f"_Began {_when(session.opened_at, zone)}"
        + (f", closed {_when(session.closed_at, zone)}._" if session.closed_at else "._"),
        "",
        "## Conversation",
        "",
    ]
    lines.extend(_turn(turn, zone) for turn in session.turns)
    if not session.turns:
        lines.append("_No messages._\n")
    lines += ["## Lumen's notebook", "", notebook or "_No notebook for this session._", ""]
    return "\n".join(lines)


def _turn(turn: ArchivedTurn, zone: ZoneInfo) -> str:
    return f"**{_SPEAKERS[turn.kind]}** · {_when(turn.at, zone)}\n\n{turn.text}\n"


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _when(stored: str, zone: ZoneInfo) -> str:
    return f"{datetime.fromisoformat(stored).astimezone(zone):%Y-%m-%d %H:%M}"
