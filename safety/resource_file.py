"""The files crisis messages are made of, validated at import: resources and wording.

The resources live in `config/crisis_resources.yaml` (also shipped inside the package as
`safety/data/resources.yaml`, a link to it); a malformed file stops the bot at start with
the path and the field. The wording comes from `safety/data/messages.yaml`, where every
language must define every English key with the same placeholders. Choosing a country
and composing the messages is `safety/resources.py`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from string import Formatter
from typing import Annotated, Any, Final, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from safety.lexicon import DATA_DIR

# The packaged copy; in a checkout it is a link to config/crisis_resources.yaml.
DEFAULT_RESOURCES: Final = DATA_DIR / "resources.yaml"
_Url = Annotated[str, Field(pattern=r"^https?://\S+$")]  # a source may be an http page
_Https = Annotated[str, Field(pattern=r"^https://\S+$")]  # what a person is sent to
_Code = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]  # ISO 3166-1 alpha-2
_Lang = Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]  # ISO 639


class ResourceFileError(ValueError):
    """The crisis resources file is missing or malformed; the message names path and field."""


# -- the file, as a person edits it (pydantic: a boundary) -------------------------------


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Checked(_Spec):
    """Every entry says where it comes from and whether a stored page confirmed it."""

    source: _Url
    more_sources: tuple[_Url, ...] = ()
    verified: bool = True
    verified_on: date | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _provenance(self) -> _Checked:
        if self.verified and self.verified_on is None:
            raise ValueError("verified_on is required (or verified: false with a note)")
        if not self.verified and (self.verified_on is not None or not self.note):
            raise ValueError("an unverified entry needs a note and no verified_on")
        return self


class _TextSpec(_Spec):
    to: str = Field(min_length=1)
    keyword: str | None = None


class _LineSpec(_Checked):
    name: str = Field(min_length=1)
    topics: tuple[Literal["crisis", "abuse"], ...] = ("crisis",)
    phone: tuple[str, ...] = ()
    text: _TextSpec | None = None
    chat_url: _Https | None = None
    url: _Https | None = None
    languages: tuple[_Lang, ...] = Field(min_length=1)
    hours: str | None = Field(default=None, pattern=r"^(24/7|\d\d:\d\d-\d\d:\d\d)$")

    @model_validator(mode="after")
    def _reachable(self) -> _LineSpec:
        if not (self.phone or self.text or self.chat_url):
            raise ValueError("a line needs a phone, a text number or a chat_url")
        return self


class _EmergencySpec(_Checked):
    numbers: tuple[str, ...] = Field(min_length=1)
    police: str | None = None
    medical: str | None = None


class _CountrySpec(_Spec):
    name: str = Field(min_length=1)
    also_called: tuple[str, ...] = ()  # other names people write for it (/country Spain)
    emergency: _EmergencySpec
    lines: tuple[_LineSpec, ...] = ()


class _DirectorySpec(_Checked):
    name: str
    url: _Https


class _FallbackSpec(_Spec):
    directory: _DirectorySpec
    examples: dict[str, tuple[_Code, ...]] = {}  # per message language


class _FileSpec(_Spec):
    version: int = Field(ge=1)
    updated: date
    fallback: _FallbackSpec
    aliases: dict[str, _Code] = {}
    countries: dict[_Code, _CountrySpec]

    @model_validator(mode="after")
    def _known(self) -> _FileSpec:
        named = [*self.aliases.values()]
        named += [code for codes in self.fallback.examples.values() for code in codes]
        if unknown := sorted(set(named) - set(self.countries)):
            raise ValueError(f"aliases or fallback.examples name unknown countries {unknown}")
        _names(self.countries)  # no name may mean two countries
        return self


def name_key(said: str) -> str:
    """A country's name as it is compared: case, accents, dots, spacing and a leading
    "the" do not matter ("the U.K", "ESPANA" and "españa" read as written in the file)."""
    bare = "".join(
        ch for ch in unicodedata.normalize("NFKD", said.casefold()) if not unicodedata.combining(ch)
    )
    words = bare.replace(".", " ").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _names(countries: Mapping[str, _CountrySpec]) -> dict[str, str]:
    """Each country's names (its own and `also_called`), compared as `name_key` does."""
    names: dict[str, str] = {}
    for code, spec in countries.items():
        for name in (spec.name, *spec.also_called):
            key = name_key(name)
            if names.setdefault(key, code) != code:
                raise ValueError(f"the name {name!r} is given to {names[key]} and {code}")
    return names


# -- domain values --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    """One verified service a person can reach, and how: call, text, chat."""

    name: str
    phones: tuple[str, ...] = ()
    text_to: str | None = None
    text_keyword: str | None = None
    chat_url: str | None = None
    url: str | None = None
    hours: str | None = None  # "24/7", "08:00-24:00", or None when no source states them
    languages: tuple[str, ...] = ()

    @property
    def contact(self) -> str:
        """How to reach it, in English ("call or text 988, chat: https://...")."""
        return contact(self, MESSAGES["en"])


@dataclass(frozen=True, slots=True)
class CrisisResources:
    """What to offer in one country; `country` is None for the international fallback."""

    country: str | None
    emergency: str  # "112 or 999", or a phrase such as "your local emergency number"
    lines: tuple[Line, ...]  # suicide and emotional crisis lines
    danger_lines: tuple[Line, ...]  # domestic abuse and violence services
    directory: Line  # findahelpline.com: helplines for every country
    emergency_numbers: tuple[str, ...] = ()
    police: str | None = None
    medical: str | None = None
    name: str | None = None  # the country's name in its own language ("España")

    @property
    def is_fallback(self) -> bool:
        return self.country is None


@dataclass(frozen=True, slots=True)
class ResourceBook:
    """The validated file: resources per country, the fallback and its examples."""

    version: int
    updated: date
    countries: Mapping[str, CrisisResources]
    aliases: Mapping[str, str]
    directory: Line
    examples: Mapping[str, tuple[str, ...]]
    names: Mapping[str, str] = field(default_factory=dict)  # `name_key` -> code

    def get(self, code: str | None) -> CrisisResources | None:
        key = (code or "").strip().upper()
        return self.countries.get(self.aliases.get(key, key))

    def code_for(self, said: str) -> str | None:
        """The country a person means by `said`: a two-letter code ("gb", also one with
        no lines here, for the international fallback), an alias ("UK", "USA") or the
        name of a country in this file, in its own language or in English ("España",
        "spain"). None for anything else."""
        key = name_key(said)
        letters = key.replace(" ", "").upper()  # "U.K." and "u k" as "UK"
        code = self.aliases.get(letters, letters)
        if re.fullmatch(r"[A-Z]{2}", code):
            return code
        return self.names.get(key)


def _line(spec: _LineSpec) -> Line:
    text = spec.text
    return Line(
        spec.name,
        spec.phone,
        text.to if text else None,
        text.keyword if text else None,
        spec.chat_url,
        spec.url,
        spec.hours,
        spec.languages,
    )


def _country(code: str, spec: _CountrySpec, directory: Line) -> CrisisResources:
    shown = [x for x in spec.lines if x.verified]  # unverified lines are kept, never shown
    em = spec.emergency
    return CrisisResources(
        country=code,
        emergency=" or ".join(em.numbers),
        lines=tuple(_line(x) for x in shown if "crisis" in x.topics),
        danger_lines=tuple(_line(x) for x in shown if "abuse" in x.topics),
        directory=directory,
        emergency_numbers=em.numbers,
        police=em.police,
        medical=em.medical,
        name=spec.name,
    )


def _problems(path: Path, error: ValidationError) -> str:
    lines = [f"{path}: invalid crisis resources file"]
    for item in error.errors():
        loc = ".".join(str(part) for part in item["loc"]) or "(top level)"
        lines.append(f"  {loc}: {item['msg']}")
    return "\n".join(lines)


def load_resources(path: Path | None = None) -> ResourceBook:
    """Read and validate a crisis resources file (default: the packaged one).

    Raises `ResourceFileError` naming the file and every bad field.
    """
    path = (path or DEFAULT_RESOURCES).resolve()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        spec = _FileSpec.model_validate(raw)
    except OSError as exc:
        raise ResourceFileError(f"{path}: cannot read crisis resources: {exc}") from exc
    except yaml.YAMLError as exc:
        raise ResourceFileError(f"{path}: not valid YAML: {exc}") from exc
    except ValidationError as exc:
        raise ResourceFileError(_problems(path, exc)) from exc
    directory = Line(spec.fallback.directory.name, url=spec.fallback.directory.url)
    return ResourceBook(
        version=spec.version,
        updated=spec.updated,
        countries={code: _country(code, c, directory) for code, c in spec.countries.items()},
        aliases=dict(spec.aliases),
        directory=directory,
        examples=dict(spec.fallback.examples),
        names=_names(spec.countries),
    )


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def _load_messages() -> dict[str, Any]:
    """Every language must define every English key, with the same placeholders."""
    path = DATA_DIR / "messages.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    english: dict[str, str] = data["en"]
    for lang, texts in data.items():
        for key, template in english.items():
            if key not in texts or _fields(str(texts[key])) != _fields(template):
                raise ResourceFileError(f"{path}: {lang}.{key}: missing or wrong placeholders")
    return dict(data)


MESSAGES: Final = _load_messages()
MESSAGE_LANGS: Final = tuple(MESSAGES)


def either(items: Sequence[str], t: Mapping[str, str]) -> str:
    """Alternatives joined by the language's "or" ("988 or 911")."""
    return f" {t['or']} ".join(items)


def contact(line: Line, t: Mapping[str, str]) -> str:
    """How to reach a line, in the wording `t` ("call or text 988, chat: https://...")."""
    parts: list[str] = []
    if line.phones and line.text_to in line.phones and not line.text_keyword:
        parts.append(t["call_or_text"].format(number=either(line.phones, t)))
    else:
        if line.phones:
            parts.append(t["call"].format(number=either(line.phones, t)))
        if line.text_to and line.text_keyword:
            parts.append(t["text_keyword"].format(keyword=line.text_keyword, number=line.text_to))
        elif line.text_to:
            parts.append(t["text"].format(number=line.text_to))
    if line.chat_url:
        parts.append(t["chat"].format(url=line.chat_url))
    return ", ".join(parts)
