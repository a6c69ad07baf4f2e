"""Versioned prompt texts from `prompts/`, each with an id that pins its exact words."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from lumen_bot.errors import ConfigError

_NAME = re.compile(r"^(?P<name>[a-z_]+)\.v(?P<version>\d+)\.md$")
REQUIRED = (
    "mentor",
    "safety_policy",
    "concern_addendum",
    "helper_addendum",
    "hurt_addendum",
    "witness_addendum",
    "notebook",
    "arc_create",
    "arc_update",
    "arc_correct",
)


@dataclass(frozen=True, slots=True)
class Prompt:
    name: str
    version: int
    text: str

    @property
    def id(self) -> str:
        """`mentor.v1+1a2b3c4d`: the name, version and a digest of the exact text."""
        digest = hashlib.sha256(self.text.encode()).hexdigest()[:8]
        return f"{self.name}.v{self.version}+{digest}"


@dataclass(frozen=True, slots=True)
class PromptBook:
    """The newest version of every prompt Lumen uses."""

    mentor: Prompt
    safety_policy: Prompt
    concern_addendum: Prompt
    helper_addendum: Prompt  # instead of concern_addendum when the worry is about someone else
    hurt_addendum: Prompt  # instead of concern_addendum when someone hurts the person
    witness_addendum: Prompt  # instead of concern_addendum when someone hurts someone else
    notebook: Prompt
    arc_create: Prompt
    arc_update: Prompt
    arc_correct: Prompt  # /memory: rewrite the Arc with the person's correction

    @classmethod
    def load(cls, directory: Path) -> PromptBook:
        newest: dict[str, Prompt] = {}
        for path in sorted(directory.glob("*.md")):
            match = _NAME.match(path.name)
            if match is None:
                continue
            prompt = Prompt(
                match["name"], int(match["version"]), path.read_text(encoding="utf-8").strip()
            )
            current = newest.get(prompt.name)
            if current is None or prompt.version > current.version:
                newest[prompt.name] = prompt
        missing = [name for name in REQUIRED if name not in newest]
        if missing:
            raise ConfigError(f"prompts missing in {directory}: {', '.join(missing)}")
        return cls(**{name: newest[name] for name in REQUIRED})

    @property
    def system_id(self) -> str:
        """The id stored with mentor turns: the prompts that made up the system prompt."""
        return f"{self.mentor.id};{self.safety_policy.id}"


def default_prompts_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "prompts"
