"""The `lumen` command and an install's files: it starts only with the keyring that opens
the data, reads only where there is data (and creates nothing there), makes a new install
private, and says in one line what is wrong with a path."""

from __future__ import annotations

import base64
import os
import stat
import subprocess
from pathlib import Path

import pytest

from lumen_bot.store.crypto import Keyring
from tests.integration.test_cli import closed_port, lumen
from tests.integration.test_keys_cli import two_lives

LLM = {"ANTHROPIC_API_KEY": "test", "ANTHROPIC_BASE_URL": "http://127.0.0.1:9"}


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The command failed with one line on stderr and no traceback; that line."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    return line


def chat(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`lumen chat` with nothing typed: it starts, then leaves at the end of its input."""
    return lumen(tmp_path, "chat", **LLM, **env)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# -- the keyring ---------------------------------------------------------------------


async def test_a_missing_keyring_beside_wrapped_keys_is_refused_and_none_is_made(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    await two_lives(data)
    (data / "keyring.json").unlink()
    keys_before = (data / "keys.db").read_bytes()

    line = one_line(chat(tmp_path, LUMEN_DATA_DIR=str(data)))
    assert f"no keyring file at {data / 'keyring.json'}" in line
    assert "holds 2 data key(s)" in line and "LUMEN_KEYRING_FILE" in line
    assert not (data / "keyring.json").exists(), "no new keyring"

    typo = tmp_path / "keyrnig.json"  # a wrong LUMEN_KEYRING_FILE is the same mistake
    line = one_line(chat(tmp_path, LUMEN_DATA_DIR=str(data), LUMEN_KEYRING_FILE=str(typo)))
    assert f"no keyring file at {typo}" in line
    assert not typo.exists()
    assert (data / "keys.db").read_bytes() == keys_before


async def test_a_keyring_that_does_not_open_the_data_keys_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    await two_lives(data)
    other = Keyring.load_or_create(tmp_path / "elsewhere" / "keyring.json")
    Keyring(other.keys, data / "keyring.json").replace_file()  # another install's keyring

    line = one_line(chat(tmp_path, LUMEN_DATA_DIR=str(data)))
    assert f"the keyring ({data / 'keyring.json'}) does not open the data keys" in line
    assert "LUMEN_KEYRING_FILE" in line

    master = base64.b64encode(os.urandom(32)).decode()
    line = one_line(chat(tmp_path, LUMEN_DATA_DIR=str(data), LUMEN_MASTER_KEY=master))
    assert "the keyring (LUMEN_MASTER_KEY) does not open the data keys" in line

    result = lumen(tmp_path, "keys", "status", LUMEN_DATA_DIR=str(data))
    assert result.returncode == 1
    assert "v1: wraps 2 data key(s) -- DO NOT OPEN with this keyring's key" in result.stdout
    line = one_line(lumen(tmp_path, "keys", "rotate", LUMEN_DATA_DIR=str(data)))
    assert "does not open the data keys" in line
    assert sorted(Keyring.load(data / "keyring.json").keys) == [1], "no key was added to it"


async def test_the_right_keyring_starts_the_bot_on_existing_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    await two_lives(data)
    result = chat(tmp_path, LUMEN_DATA_DIR=str(data))
    assert result.returncode == 0, result.stderr


# -- a new install -------------------------------------------------------------------


def test_a_new_install_is_made_private(tmp_path: Path) -> None:
    data = tmp_path / "new" / "data"
    result = chat(tmp_path, LUMEN_DATA_DIR=str(data))
    assert result.returncode == 0, result.stderr
    assert names(data) == ["keyring.json", "keys.db", "lumen.db"]
    assert {name: mode(data / name) for name in names(data)} == {
        "keyring.json": 0o600,
        "keys.db": 0o600,
        "lumen.db": 0o600,
    }
    assert mode(data) == 0o700 and mode(tmp_path / "new") == 0o700
    # (a folder that was there keeps its mode: tests/unit/store/test_database.py)


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


@pytest.mark.parametrize("command", ["run", "chat"])
async def test_starting_over_people_whose_key_store_is_missing_is_refused(
    tmp_path: Path, command: str
) -> None:
    """`lumen run` and `lumen chat` may start a new install, but never new keys under a
    history: a new key store would leave everything stored unreadable."""
    data = tmp_path / "data"
    await two_lives(data)
    (data / "keys.db").unlink()
    telegram = {"LUMEN_TELEGRAM_TOKEN": "1:test", "LUMEN_TELEGRAM_API_URL": "http://127.0.0.1:9"}
    line = one_line(lumen(tmp_path, command, LUMEN_DATA_DIR=str(data), **LLM, **telegram))
    assert f"{data / 'keys.db'} is missing beside lumen.db, which holds 2 person(s)" in line
    assert "restore it from the backup of the keys" in line
    assert not (data / "keys.db").exists(), "no new key store"


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
