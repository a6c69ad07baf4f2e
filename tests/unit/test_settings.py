"""Settings: required values named clearly, empty lines in .env mean "not set"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lumen_bot.errors import ConfigError
from lumen_bot.settings import load_settings

ROOT = Path(__file__).parents[2]


def required_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The two settings Lumen cannot start without, set to stand-ins."""
    monkeypatch.setenv("LUMEN_TELEGRAM_TOKEN", "t")
    monkeypatch.setenv("ANTHROPIC_API_KEY", "k")


def write_env(tmp_path: Path, text: str) -> Path:
    path = tmp_path / ".env"
    path.write_text(text)
    return path


def test_missing_required_settings_are_named_with_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LUMEN_TELEGRAM_TOKEN", raising=False)
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    with pytest.raises(ConfigError) as caught:
        load_settings(_env_file=write_env(tmp_path, ""))
    message = str(caught.value)
    assert "LUMEN_TELEGRAM_TOKEN is missing" in message and "BotFather" in message
    assert "ANTHROPIC_API_KEY is missing" in message


def test_the_example_env_with_blanks_loads_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LUMEN_TELEGRAM_TOKEN", "ANTHROPIC_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    example = (ROOT / ".env.example").read_text()
    example = example.replace("LUMEN_TELEGRAM_TOKEN=\n", "LUMEN_TELEGRAM_TOKEN=123:abc\n")
    example = example.replace("ANTHROPIC_API_KEY=\n", "ANTHROPIC_API_KEY=sk-test\n")
    settings = load_settings(_env_file=write_env(tmp_path, example))
    assert settings.anthropic_base_url is None
    assert settings.keyring_file is None and settings.master_key is None
    assert settings.admin_ids == frozenset()
    assert settings.context_budget == 140_000


def test_admin_ids_are_parsed_and_bad_ones_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    required_settings(monkeypatch)
    monkeypatch.setenv("LUMEN_ADMIN_IDS", "12, 34")
    assert load_settings(_env_file=None).admin_ids == frozenset({12, 34})
    monkeypatch.setenv("LUMEN_ADMIN_IDS", "alice")
    with pytest.raises(ConfigError, match="LUMEN_ADMIN_IDS is malformed"):
        load_settings(_env_file=None)


def test_lumen_run_without_settings_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LUMEN_", "ANTHROPIC_"))}
    root = str(Path(__file__).resolve().parents[2])  # this checkout's code, not an installed copy
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-m", "lumen_bot.cli", "run"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("lumen: LUMEN_TELEGRAM_TOKEN is missing")
    assert "Traceback" not in result.stderr


def test_a_reserve_that_leaves_no_room_for_context_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    required_settings(monkeypatch)
    monkeypatch.setenv("LUMEN_CONTEXT_WINDOW", "50000")
    monkeypatch.setenv("LUMEN_CONTEXT_RESERVE", "60000")
    with pytest.raises(ConfigError, match="LUMEN_CONTEXT_RESERVE must leave"):
        load_settings(_env_file=None)


def test_an_anthropic_address_that_is_not_a_web_address_is_refused_at_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    required_settings(monkeypatch)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", "http://127.0.0.1:8080")
    assert load_settings(_env_file=None).anthropic_base_url == "http://127.0.0.1:8080"
    monkeypatch.setenv("ANTHROPIC_BASE_URL", "not-a-url")
    with pytest.raises(ConfigError, match="ANTHROPIC_BASE_URL"):
        load_settings(_env_file=None)
