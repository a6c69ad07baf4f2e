"""Crisis resources by country, and the plain-text messages a person in crisis sees at once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import yaml

from safety.lexicon import DATA_DIR
from safety.screening import Category, Level, Screening

_LANGS: Final = ("en", "es")  # message templates exist for these; others get English


@dataclass(frozen=True, slots=True)
class Line:
    """One service a person can reach: "988 Suicide & Crisis Lifeline", "call or text 988"."""

    name: str
    contact: str
    url: str | None = None

    def render(self) -> str:
        return f"- {self.name}: {self.contact}"


@dataclass(frozen=True, slots=True)
class CrisisResources:
    """What to offer in one country; `country` is None for the international fallback."""

    country: str | None
    emergency: str  # "911", or a phrase such as "your local emergency number"
    lines: tuple[Line, ...]
    danger_lines: tuple[Line, ...]  # domestic abuse services
    directory: Line  # findahelpline.com: helplines for every country

    @property
    def is_fallback(self) -> bool:
        return self.country is None


@dataclass(frozen=True, slots=True)
class _Country:
    emergency: str
    lines: tuple[Line, ...]
    danger_lines: tuple[Line, ...]


def _read(name: str) -> dict[str, Any]:
    data = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise TypeError(f"{name}: top level must be a mapping")
    return data


def _line(spec: Mapping[str, Any]) -> Line:
    url = spec.get("url")
    return Line(str(spec["name"]), str(spec["contact"]), None if url is None else str(url))


def _load() -> tuple[dict[str, _Country], dict[str, str], Line]:
    data = _read("resources.yaml")
    countries = {
        str(code).upper(): _Country(
            emergency=str(spec["emergency"]),
            lines=tuple(_line(x) for x in spec.get("lines") or ()),
            danger_lines=tuple(_line(x) for x in spec.get("danger_lines") or ()),
        )
        for code, spec in dict(data["countries"]).items()
    }
    aliases = {str(k).upper(): str(v).upper() for k, v in dict(data.get("aliases") or {}).items()}
    return countries, aliases, _line(data["fallback"]["directory"])


_COUNTRIES, _ALIASES, _DIRECTORY = _load()
_MESSAGES: Final = _read("messages.yaml")


def _lang(lang: str | None) -> str:
    base = (lang or "en").lower().replace("_", "-").split("-")[0]
    return base if base in _LANGS else "en"


def _country_code(country: str | None, lang: str | None) -> str | None:
    code = (country or "").strip().upper()
    if not code and lang and len(parts := lang.replace("_", "-").split("-")) > 1:
        code = parts[-1].upper()  # a locale such as "en-GB" names the region
    code = _ALIASES.get(code, code)
    return code if code in _COUNTRIES else None


def resources_for(country: str | None, lang: str | None = None) -> CrisisResources:
    """The services for `country` (ISO 3166-1 alpha-2, or a locale's region via `lang`).

    Unknown or missing country: the international fallback, which names the local
    emergency number and findahelpline.com.
    """
    code = _country_code(country, lang)
    if code is None:
        text = _MESSAGES[_lang(lang)]
        return CrisisResources(None, str(text["fallback_emergency"]), (), (), _DIRECTORY)
    found = _COUNTRIES[code]
    return CrisisResources(code, found.emergency, found.lines, found.danger_lines, _DIRECTORY)


def _render_lines(
    found: CrisisResources, lines: tuple[Line, ...], lang: str, indent: str = ""
) -> str:
    text = _MESSAGES[lang]
    if found.is_fallback or not lines:
        common = "\n".join(f"{indent}- {x}" for x in text["fallback_lines"])
        return f"{indent}{text['fallback_intro']}\n{common}"
    return "\n".join(indent + line.render() for line in lines)


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


def crisis_message(screening: Screening, *, country: str | None = None) -> str:
    """The short, warm, plain-text message a person in crisis gets at once, instead of the LLM.

    It says that they matter, that Lumen is an AI mentor who can't help in an emergency,
    and asks them to reach a person now, with the numbers for `country` (or the
    international fallback). Danger, harm to others and medical emergencies put the
    emergency number first; a message about someone else speaks to the helper.
    """
    lang = _lang(screening.lang)
    found = resources_for(country, lang)
    variant = _variant(screening)
    lines = found.lines
    if variant == "danger_from_others":
        lines = found.danger_lines + found.lines
    elif variant == "medical_emergency" and Category.SUICIDE_SELF_HARM not in screening.categories:
        lines = ()
    if variant == "medical_emergency" and not lines:
        variant = "medical_emergency_only"
    text = _MESSAGES[lang]
    return str(text[variant]).format(
        emergency=found.emergency,
        lines=_render_lines(found, lines, lang),
        list_intro=text["list_intro"],
    )


def helper_message(*, country: str | None = None, lang: str | None = None) -> str:
    """For someone worried about another person: how to ask, stay, and connect them to help."""
    code = _lang(lang)
    found = resources_for(country, lang)
    return str(_MESSAGES[code]["helper"]).format(
        emergency=found.emergency, lines=_render_lines(found, found.lines, code, indent="  ")
    )


def concern_addendum() -> str:
    """System-prompt text for a `concern` turn: acknowledge, ask about safety, stay a coach."""
    return str(_MESSAGES["concern_addendum"])
