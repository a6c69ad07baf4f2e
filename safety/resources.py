"""Crisis resources by country, and the plain-text messages a person in crisis sees at once.

The resources live in `config/crisis_resources.yaml` (also shipped inside the package as
`safety/data/resources.yaml`, a link to it); they are validated here at import, so a
malformed file stops the bot at start with the path and the field. Messages come from
`safety/data/messages.yaml`, in the person's language with English as the fallback.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from string import Formatter
from typing import Annotated, Any, Final, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from safety.lexicon import DATA_DIR
from safety.screening import Category, Level, Screening

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
        return self


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
        return _contact(self, _MESSAGES["en"])


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

    def get(self, code: str | None) -> CrisisResources | None:
        key = (code or "").strip().upper()
        return self.countries.get(self.aliases.get(key, key))


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
    )


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def _load_messages() -> dict[str, Any]:
    """Every language must define every English key, with the same placeholders."""
    path = DATA_DIR / "messages.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    english: dict[str, str] = data["en"]
    for lang, texts in data.items():
        if lang == "concern_addendum":
            continue
        for key, template in english.items():
            if key not in texts or _fields(str(texts[key])) != _fields(template):
                raise ResourceFileError(f"{path}: {lang}.{key}: missing or wrong placeholders")
    return dict(data)


_MESSAGES: Final = _load_messages()
MESSAGE_LANGS: Final = tuple(k for k in _MESSAGES if k != "concern_addendum")
_BOOK: Final = load_resources()

# -- choosing the country ---------------------------------------------------------------

# Bare Telegram language codes that point at one country. Ambiguous ones (en, es, fr, ar,
# pt, ru: spoken as a first language in many countries) are left out on purpose: they get
# the international fallback until the person picks a country with /country.
_LANGUAGE_COUNTRY: Final = {
    "uk": "UA",
    "id": "ID",
    "tr": "TR",
    "fa": "IR",
    "de": "DE",
    "hi": "IN",
    "tl": "PH",
    "fil": "PH",
}


def country_for(explicit: str | None, language_code: str | None) -> str | None:
    """The country to offer resources for: the person's choice, else a guess, else None.

    `explicit` is what the person chose (`/country`), an ISO 3166-1 alpha-2 code or an alias
    such as "UK"; it wins when it looks like a code. Otherwise Telegram's `language_code`
    decides: its region ("pt-br" -> BR, "en-GB" -> GB), or a language spoken mainly in one
    country ("uk" -> UA, "fa" -> IR). None means: use the international fallback.
    """
    chosen = (explicit or "").strip().upper()
    chosen = _BOOK.aliases.get(chosen, chosen)
    if re.fullmatch(r"[A-Z]{2}", chosen):
        return chosen
    parts = (language_code or "").strip().lower().replace("_", "-").split("-")
    region = next((p for p in parts[1:] if re.fullmatch(r"[a-z]{2}", p)), None)
    if region:
        return region.upper()
    return _LANGUAGE_COUNTRY.get(parts[0])


def resources_for(country: str | None, lang: str | None = None) -> CrisisResources:
    """The services for `country` (a code or alias; a locale's region in `lang` also works).

    Unknown or missing country: the international fallback, which names the local
    emergency number (in `lang`) and findahelpline.com.
    """
    return _resources(country_for(country, lang), lang)


def _resources(country: str | None, lang: str | None) -> CrisisResources:
    found = _BOOK.get(country)
    if found is not None:
        return found
    return CrisisResources(None, _texts(lang)["fallback_emergency"], (), (), _BOOK.directory)


# -- rendering ------------------------------------------------------------------------


def _lang(lang: str | None) -> str:
    base = (lang or "en").strip().lower().replace("_", "-").split("-")[0]
    return base if base in MESSAGE_LANGS else "en"


def _texts(lang: str | None) -> Mapping[str, str]:
    texts: Mapping[str, str] = _MESSAGES[_lang(lang)]
    return texts


def _either(items: Sequence[str], t: Mapping[str, str]) -> str:
    return f" {t['or']} ".join(items)


def _contact(line: Line, t: Mapping[str, str]) -> str:
    parts: list[str] = []
    if line.phones and line.text_to in line.phones and not line.text_keyword:
        parts.append(t["call_or_text"].format(number=_either(line.phones, t)))
    else:
        if line.phones:
            parts.append(t["call"].format(number=_either(line.phones, t)))
        if line.text_to and line.text_keyword:
            parts.append(t["text_keyword"].format(keyword=line.text_keyword, number=line.text_to))
        elif line.text_to:
            parts.append(t["text"].format(number=line.text_to))
    if line.chat_url:
        parts.append(t["chat"].format(url=line.chat_url))
    return ", ".join(parts)


def _render_line(line: Line, t: Mapping[str, str]) -> str:
    hours = ""
    if line.hours == "24/7":
        hours = f" ({t['h24']})"
    elif line.hours:  # a range such as "08:00-24:00"
        span = line.hours.replace("-", "\N{EN DASH}")
        hours = f" ({span})"
    return f"{line.name}: {_contact(line, t)}{hours}"


def _flag(code: str) -> str:
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in code)


def _bullets(found: CrisisResources, lines: Sequence[Line], lang: str) -> list[str]:
    """Lines as "- ..." bullets; with none to show, the directory (and, for the fallback,
    a flagged example per country commonly reached in this language)."""
    t = _texts(lang)
    if lines:
        return [f"- {_render_line(x, t)}" for x in lines]
    out = [f"- {t['directory_line']}"]
    for code in _BOOK.examples.get(lang, ()) if found.is_fallback else ():
        example = _BOOK.countries[code]
        short = t["emergency_short"].format(numbers=_either(example.emergency_numbers, t))
        first = f"{_render_line(example.lines[0], t)} · " if example.lines else ""
        out.append(f"- {_flag(code)} {first}{short}")
    return out


def _emergency(found: CrisisResources, t: Mapping[str, str], kind: str = "") -> str:
    if found.is_fallback:
        return str(t["fallback_emergency"])
    special = {"police": found.police, "medical": found.medical}.get(kind)
    numbers = (special,) if special else found.emergency_numbers
    return t["emergency_numbers"].format(numbers=_either(numbers, t))


def _variant(screening: Screening) -> str:
    """Which message: emergency first for danger, harm to others and medical emergencies."""
    if screening.third_party:
        return "third_party"
    urgent = [e.category for e in screening.evidence if e.level is Level.CRISIS]
    for category in (
        Category.MEDICAL_EMERGENCY,
        Category.DANGER_FROM_OTHERS,
        Category.HARM_TO_OTHERS,
    ):
        if category in urgent or (not urgent and category in screening.categories[:1]):
            return category.value
    return "self"


_OPENING: Final = {
    "harm_to_others": ("first_harm", "police"),
    "danger_from_others": ("first_danger", "police"),
    "medical_emergency": ("first_medical", "medical"),
    "third_party": ("first_third_party", ""),
}


def crisis_message(
    screening: Screening, *, country: str | None = None, lang: str | None = None
) -> str:
    """The short, warm, plain-text message a person in crisis gets at once, instead of the LLM.

    It says that they matter, that Lumen is an AI mentor and not an emergency service, and
    asks them to reach a person now: the crisis lines for `country` (see `country_for`)
    with hours and how to reach them, the emergency number, and one next step. Danger, harm
    to others and medical emergencies open with the emergency number; a message about
    someone else speaks to the helper. `lang` is the person's language (Telegram's
    `language_code`); without it, the language the screen detected.
    """
    code = _lang(lang or screening.lang)
    t = _texts(code)
    found = _resources(country, code)
    variant = _variant(screening)
    lines = found.lines
    if variant == "danger_from_others":
        lines = found.danger_lines + found.lines
    medical_only = (
        variant == "medical_emergency" and Category.SUICIDE_SELF_HARM not in screening.categories
    )
    listing = "\n".join(_bullets(found, lines, code))
    if variant == "self":
        emergency = _emergency(found, t)
        parts = [
            t["matter_self"],
            f"{t['not_service']} {t['list_intro']}\n{listing}",
            t["next_self"].format(emergency=emergency),
        ]
        return "\n\n".join(parts)
    key, kind = _OPENING[variant]
    first = t[key].format(emergency=_emergency(found, t, kind))
    matter = t["matter_helper"] if variant == "third_party" else t["matter"]
    if medical_only:
        return f"{first}\n\n{matter} {t['not_service']}"
    extra = f" {t['helpers_too']}" if variant == "third_party" else ""
    return f"{first}\n\n{matter} {t['not_service']}{extra} {t['list_intro']}\n{listing}"


def helper_message(*, country: str | None = None, lang: str | None = None) -> str:
    """For someone worried about another person: how to ask, stay, and connect them to help.

    `country` is the one chosen for the person (see `country_for`); `lang` their language.
    """
    code = _lang(lang)
    t = _texts(code)
    found = _resources(country, code)
    listing = "\n".join(f"  {x}" for x in _bullets(found, found.lines, code))
    return t["helper"].format(emergency=_emergency(found, t), lines=listing)


def concern_resources(*, country: str | None = None, lang: str | None = None) -> str:
    """The short "you can talk to someone" note a concern turn offers once: one line and the
    emergency number, for `country` as chosen (see `country_for`), in `lang`."""
    code = _lang(lang)
    t = _texts(code)
    found = _resources(country, code)
    listing = "\n".join(_bullets(found, found.lines[:1], code)[:1])
    return t["concern"].format(emergency=_emergency(found, t), lines=listing)


def concern_addendum() -> str:
    """System-prompt text for a `concern` turn: acknowledge, ask about safety, stay a coach."""
    return str(_MESSAGES["concern_addendum"])
