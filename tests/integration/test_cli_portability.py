"""`lumen export` and `lumen import` as an operator runs them: a file out, the history back."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from lumen_bot.store.crypto import Keyring
from lumen_bot.store.sqlite import SqliteStore
from tests.integration.test_cli import lumen
from tests.unit.portability.conftest import ALICE, live

MASTER = base64.b64encode(bytes(range(32))).decode()


async def lived_deployment(data_dir: Path) -> None:
    keyring = Keyring.from_master_key(MASTER)
    async with SqliteStore(data_dir / "lumen.db", data_dir / "keys.db", keyring) as store:
        await live(store, ALICE)


def run(tmp_path: Path, data_dir: Path, *args: str) -> tuple[int, str, str]:
    result = lumen(tmp_path, *args, LUMEN_MASTER_KEY=MASTER, LUMEN_DATA_DIR=str(data_dir))
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout, result.stderr


async def test_an_export_file_imports_into_a_new_deployment_with_the_same_master_key(
    tmp_path: Path,
) -> None:
    await lived_deployment(tmp_path / "old")
    (tmp_path / "words.txt").write_text("quiet river, seven lanterns\n", encoding="utf-8")
    out = tmp_path / "alice.zip.lumen"

    code, _, err = run(
        tmp_path, tmp_path / "old", "export", "--user", "1001", "--out", str(out),
        "--passphrase-file", "words.txt",
    )  # fmt: skip
    assert code == 0, err
    assert out.read_bytes().startswith(b"LUMENENC") and out.stat().st_mode & 0o077 == 0

    code, said, err = run(
        tmp_path, tmp_path / "new", "import", str(out), "--user", "1001",
        "--passphrase-file", "words.txt",
    )  # fmt: skip
    assert code == 0, err
    assert said.strip() == (
        "restored 3 session(s), 2 notebook(s) and 2 Arc version(s) for Telegram id 1001"
    )
    old = run(tmp_path, tmp_path / "old", "export", "--user", "1001")
    new = run(tmp_path, tmp_path / "new", "export", "--user", "1001", "--json")
    assert new == old and json.loads(old[1])["schema_version"] == 3


async def test_an_import_refused_says_why_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    await lived_deployment(tmp_path / "old")
    out = tmp_path / "alice.zip"
    assert run(tmp_path, tmp_path / "old", "export", "--user", "1001", "--out", str(out))[0] == 0

    code, _, err = run(tmp_path, tmp_path / "new", "import", str(out), "--user", "1002")
    assert code == 1
    assert err.strip() == "lumen: ArchiveNotYours: the export belongs to someone else"
    code, _, err = run(tmp_path, tmp_path / "new", "export", "--user", "1002")
    assert code == 1 and "no person with Telegram id 1002" in err

    code, _, err = run(tmp_path, tmp_path / "old", "import", str(out), "--user", "1001")
    assert code == 1 and "HistoryExists" in err
