"""A person's data, decrypted, as a JSON document (`lumen export`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from lumen_bot.harness.ports import PersonExport

SCHEMA_VERSION = 1


def export_document(data: PersonExport) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "person": {
            "platform": data.person.key.platform,
            "id": data.person.key.external_id,
            "created_at": _iso(data.person.created_at),
        },
        "sessions": [
            {
                "number": session.number,
                "state": session.state.value,
                "opened_at": _iso(session.opened_at),
                "closed_at": _iso(session.closed_at),
                "closed_by": session.closed_by,
                "turns": [
                    {
                        "role": turn.role,
                        "kind": turn.kind.value,
                        "text": turn.text,
                        "at": _iso(turn.at),
                        "answered_at": _iso(turn.answered_at),
                        "prompt_version": turn.prompt_version,
                    }
                    for turn in turns
                ],
            }
            for session, turns in data.sessions
        ],
        "notebooks": [
            {
                "session_number": notebook.session_number,
                "text": notebook.text,
                "created_at": _iso(notebook.created_at),
                "prompt_version": notebook.prompt_version,
                "model": notebook.model,
            }
            for notebook in data.notebooks
        ],
        "arcs": [
            {
                "version": arc.version,
                "text": arc.text,
                "created_at": _iso(arc.created_at),
                "prompt_version": arc.prompt_version,
                "model": arc.model,
            }
            for arc in data.arcs
        ],
        "arc": data.arcs[-1].text if data.arcs else None,
    }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()
