"""The `lumen` command run beside a bot under test, with that bot's own settings and files."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from .processes import ManagedProcess


def run_lumen(bot: ManagedProcess, *args: str) -> subprocess.CompletedProcess[str]:
    """`lumen ARGS` as an operator on the same machine would run it (a second process)."""
    command = [str(Path(sys.executable).parent / "lumen"), *args]
    return subprocess.run(
        command, env=bot.env, cwd=bot.cwd, capture_output=True, text=True, timeout=60, check=False
    )


def exported(bot: ManagedProcess, user_id: int) -> dict[str, Any]:
    """What `lumen export` says is stored, decrypted, for this person."""
    result = run_lumen(bot, "export", "--user", str(user_id))
    assert result.returncode == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


async def export(bot: ManagedProcess, user_id: int) -> dict[str, Any]:
    return await asyncio.to_thread(exported, bot, user_id)


async def lumen_flags(bot: ManagedProcess, *args: str) -> str:
    """`lumen flags ...`: the operator's view of the review queue and audit log."""
    result = await asyncio.to_thread(run_lumen, bot, "flags", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout
