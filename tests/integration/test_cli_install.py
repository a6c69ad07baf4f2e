"""The `lumen` command and an install's files: the commands that read what is stored
read only where there is data (and create nothing there), and a path that cannot be
a data directory is named in one line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.integration.test_cli import closed_port, lumen
from tests.integration.test_keys_cli import two_lives

LLM = {"ANTHROPIC_API_KEY": "test", "ANTHROPIC_BASE_URL": "http://127.0.0.1:9"}


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The command failed with one line on stderr and no traceback; that line."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    return line


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# -- commands that read or review what is stored ---------------------------------------

READING = [
    ("flags", "list"),
    ("flags", "audit"),
    ("flags", "show", "1"),
    ("flags", "resolve", "1"),
    ("insights",),
    ("keys", "status"),
    ("keys", "rotate"),
    ("export", "--user", "1"),
]


@pytest.mark.parametrize("command", READING, ids=[" ".join(c) for c in READING])
def test_a_reading_command_where_there_is_no_data_says_so_and_creates_nothing(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """Run in the wrong directory (LUMEN_DATA_DIR unset: `.lumen` here)."""
    result = lumen(tmp_path, *command)
    assert result.returncode == 2
    line = one_line(result)
    assert line.startswith(f"lumen: no Lumen data at {tmp_path / '.lumen'}: set LUMEN_DATA_DIR")
    assert names(tmp_path) == [], "no install was made"


def test_an_empty_data_directory_is_no_data_and_stays_empty(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for command in (("flags", "list"), ("keys", "status"), ("insights",)):
        line = one_line(lumen(tmp_path, *command, LUMEN_DATA_DIR=str(data)))
        assert line.startswith(f"lumen: no Lumen data at {data}")
    assert names(data) == []


async def test_a_content_database_without_its_key_store_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    await two_lives(data)
    (data / "keys.db").unlink()
    line = one_line(lumen(tmp_path, "flags", "list", LUMEN_DATA_DIR=str(data)))
    assert f"{data / 'keys.db'} is missing" in line
    assert not (data / "keys.db").exists()


# -- a data directory that cannot be ----------------------------------------------------


def bad_directories(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """LUMEN_DATA_DIR values that cannot be a data directory, and what starting says."""
    (tmp_path / "a-file").write_text("not a directory")
    bad = {
        "a file": (tmp_path / "a-file", "is a file, not a directory"),
        "under a file": (
            tmp_path / "a-file" / "data",
            "cannot be created: part of its path is a file, not a directory",
        ),
    }
    if Path("/proc/self").is_dir():  # Linux: no directory can be made in /proc
        bad["in /proc"] = (Path("/proc/nope"), "cannot be created: the system refused it")
    return bad


@pytest.mark.parametrize("command", ["run", "chat", "flags"])
def test_a_data_directory_that_cannot_be_is_one_line_naming_it(
    tmp_path: Path, command: str
) -> None:
    args = {"run": ("run",), "chat": ("chat",), "flags": ("flags", "list")}[command]
    settings = {
        **LLM,
        "LUMEN_TELEGRAM_TOKEN": "1:test",
        "LUMEN_TELEGRAM_API_URL": f"http://127.0.0.1:{closed_port()}",
    }
    for path, problem in bad_directories(tmp_path).values():
        result = lumen(tmp_path, *args, LUMEN_DATA_DIR=str(path), **settings)
        assert result.returncode == 2
        line = one_line(result)
        assert str(path) in line, line
        if command == "flags" and path.name != "a-file":
            assert "no Lumen data at" in line  # nothing there to read: the same answer
        else:
            assert problem in line and "set LUMEN_DATA_DIR" in line
