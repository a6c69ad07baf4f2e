"""The `lumen` command as an operator meets it: one clear line, never a traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from lumen_bot.store.crypto import Keyring
from lumen_bot.store.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parents[2]


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def lumen(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`lumen ARGS` run in `tmp_path`, from this checkout's code (not whichever copy the
    interpreter has installed), with no LUMEN_ or ANTHROPIC_ setting but those given, and
    nothing to read on its input (`lumen chat` meets its end at once)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("LUMEN_", "ANTHROPIC_"))}
    base["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), base.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "lumen_bot.cli", *args],
        cwd=tmp_path,
        env={**base, **env},
        input="",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_unreachable_telegram_is_one_line_naming_the_setting(tmp_path: Path) -> None:
    result = lumen(
        tmp_path,
        "run",
        LUMEN_TELEGRAM_TOKEN="1:test",
        ANTHROPIC_API_KEY="test",
        LUMEN_TELEGRAM_API_URL=f"http://127.0.0.1:{closed_port()}",
        LUMEN_DATA_DIR=str(tmp_path / "data"),
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert "cannot reach the Telegram Bot API" in line and "LUMEN_TELEGRAM_API_URL" in line


def test_a_malformed_master_key_is_named(tmp_path: Path) -> None:
    result = lumen(
        tmp_path,
        "export",
        "--user",
        "1",
        LUMEN_MASTER_KEY="c2hvcnQ=",
        LUMEN_DATA_DIR=str(tmp_path / "data"),
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "LUMEN_MASTER_KEY must decode to exactly 32 bytes" in result.stderr


async def test_export_of_an_unknown_person_says_so(tmp_path: Path) -> None:
    keyring = Keyring.load_or_create(tmp_path / "data" / "keyring.json")
    async with SqliteStore(tmp_path / "data" / "lumen.db", tmp_path / "data" / "keys.db", keyring):
        pass  # an install with nobody in it
    result = lumen(tmp_path, "export", "--user", "404", LUMEN_DATA_DIR=str(tmp_path / "data"))
    assert result.returncode == 1
    assert result.stderr.strip() == "lumen: no person with Telegram id 404"
