"""The `lumen` command and an install's files: the commands that read what is stored
read only where there is data, and create nothing there."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.integration.test_cli import lumen
from tests.integration.test_keys_cli import two_lives


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
