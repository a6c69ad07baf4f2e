"""The layers stay where DESIGN.md puts them."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).parents[2]
HARNESS = ROOT / "lumen_bot" / "harness"
FORBIDDEN_IN_HARNESS = {
    "telegram",
    "anthropic",
    "aiosqlite",
    "httpx",
    "lumen_bot.telegram",
    "lumen_bot.llm",
    "lumen_bot.store",
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_harness_imports_neither_telegram_nor_anthropic() -> None:
    sources = sorted(HARNESS.rglob("*.py"))
    assert len(sources) >= 8
    for path in sources:
        for module in imported_modules(path):
            top = {module, module.split(".")[0]}
            bad = {
                name
                for name in FORBIDDEN_IN_HARNESS
                if name in top or module.startswith(name + ".")
            }
            assert not bad, f"{path.name} imports {module}"
        text = path.read_text(encoding="utf-8")
        assert "import telegram" not in text and "import anthropic" not in text


def test_the_check_itself_catches_a_forbidden_import(tmp_path: Path) -> None:
    offender = tmp_path / "bad.py"
    offender.write_text("from telegram import Bot\nimport anthropic.types\n")
    assert {"telegram", "anthropic.types"} <= imported_modules(offender)


def test_every_module_opens_with_a_docstring() -> None:
    for package in ("lumen_bot", "safety"):
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            assert ast.get_docstring(tree), f"{path.relative_to(ROOT)} lacks a module docstring"
