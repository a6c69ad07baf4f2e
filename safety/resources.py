"""Crisis resources by country, and the plain-text messages a person in crisis sees at once.

The resources and the wording are read and validated in `safety/resource_file.py`; this
module chooses the country and composes the messages, in the person's language with
English as the fallback.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final

from safety.resource_file import (
    DEFAULT_RESOURCES,
    MESSAGE_LANGS,
    MESSAGES,
    CrisisResources,
    Line,
    ResourceBook,
    ResourceFileError,
    contact,
    either,
    load_resources,
)
from safety.screening import Category, Level, Screening

__all__ = [
    "DEFAULT_RESOURCES",
    "MESSAGE_LANGS",
    "CrisisResources",
    "Line",
    "ResourceBook",
    "ResourceFileError",
    "concern_resources",
    "country_for",
    "country_named",
    "country_shown",
    "crisis_language",
    "crisis_message",
    "helper_message",
    "load_resources",
    "message_language",
    "resources_for",
    "spoken",
]

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
    "ja": "JP",
    "ko": "KR",
    "nb": "NO",
    "nn": "NO",
    "no": "NO",
    # languages of the European Union spoken mainly in one member state
    "bg": "BG",
    "cs": "CZ",
    "da": "DK",
    "el": "GR",
    "et": "EE",
    "fi": "FI",
    "hr": "HR",
    "hu": "HU",
    "it": "IT",
    "lt": "LT",
    "lv": "LV",
    "pl": "PL",
    "ro": "RO",
    "sk": "SK",
    "sl": "SI",
    "sv": "SE",
}


def country_named(said: str) -> str | None:
    """The ISO code of the country a person names in `/country` (see
    `ResourceBook.code_for`): a code, an alias or a name; None for anything else."""
    return _BOOK.code_for(said)


def country_shown(code: str) -> str:
    """A country as a person reads it back: "España (ES)", or the code alone for a
    country the resources file does not list."""
    found = _BOOK.get(code)
    return f"{found.name} ({found.country})" if found and found.name else code


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


def spoken(lang: str | None) -> str | None:
    """The base language of `lang` (a platform language code such as "pt-BR", or a
    screen's language) if Lumen's crisis words are written in it, else None."""
    base = (lang or "").strip().lower().replace("_", "-").split("-")[0]
    return base if base in MESSAGE_LANGS else None


def message_language(lang: str | None) -> str:
    """The language Lumen's crisis words are written in for `lang`: its base language
    if Lumen speaks it, else English."""
    return spoken(lang) or "en"


def crisis_language(screening: Screening, lang: str | None = None) -> str:
    """The language `crisis_message` speaks for this screening: the person's platform
    language if Lumen speaks it, else the one the screen read the words in (a Japanese
    Telegram writing Spanish gets Spanish), else English. Buttons under it use the same."""
    return spoken(lang) or message_language(screening.lang)


def _texts(lang: str | None) -> Mapping[str, str]:
    texts: Mapping[str, str] = MESSAGES[message_language(lang)]
    return texts


def _render_line(line: Line, t: Mapping[str, str]) -> str:
    hours = ""
    if line.hours == "24/7":
        hours = f" ({t['h24']})"
    elif line.hours:  # a range such as "08:00-24:00"
        span = line.hours.replace("-", "\N{EN DASH}")
        hours = f" ({span})"
    return f"{line.name}: {contact(line, t)}{hours}"


def _flag(code: str) -> str:
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in code)


def _bullets(
    found: CrisisResources, lines: Sequence[Line], lang: str, *, danger: bool = False
) -> list[str]:
    """Lines as "- ..." bullets; with none to show, the directory (and, for the fallback,
    a flagged example per country commonly reached in this language). With `danger` (the
    person is in danger from someone now), each example names the country's line for abuse
    and violence, where it has one, and its police number, where that differs."""
    t = _texts(lang)
    if lines:
        return [f"- {_render_line(x, t)}" for x in lines]
    out = [f"- {t['directory_line']}"]
    for code in _BOOK.examples.get(lang, ()) if found.is_fallback else ():
        example = _BOOK.countries[code]
        shown = (example.danger_lines[:1] if danger else ()) or example.lines[:1]
        numbers = (example.police,) if danger and example.police else example.emergency_numbers
        short = t["emergency_short"].format(numbers=either(numbers, t))
        first = "".join(f"{_render_line(x, t)} · " for x in shown)
        out.append(f"- {_flag(code)} {first}{short}")
    return out


def _emergency(found: CrisisResources, t: Mapping[str, str], kind: str = "") -> str:
    if found.is_fallback:
        return str(t["fallback_emergency"])
    special = {"police": found.police, "medical": found.medical}.get(kind)
    numbers = (special,) if special else found.emergency_numbers
    return t["emergency_numbers"].format(numbers=either(numbers, t))


def _urgent(screening: Screening) -> list[Category]:
    """The categories of the crisis evidence, most urgent first."""
    return [e.category for e in screening.evidence if e.level is Level.CRISIS]


def _others_in_danger(screening: Screening) -> bool:
    """Someone else is in danger from a third person ("he is beating my mom"): the helper
    is told of the lines for abuse and violence and the police, as a person in danger is."""
    urgent = _urgent(screening) or list(screening.categories[:1])
    return screening.third_party and Category.DANGER_FROM_OTHERS in urgent


def _variant(screening: Screening) -> str:
    """Which message: emergency first for danger, harm to others and medical emergencies."""
    if screening.third_party:
        return "third_party"
    urgent = _urgent(screening)
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
    someone else speaks to the helper (and, when that person is in danger from someone,
    names the police and the lines for abuse and violence). `lang` is the person's
    language (Telegram's `language_code`); without it, the language the screen detected.
    """
    code = crisis_language(screening, lang)
    t = _texts(code)
    found = _resources(country, code)
    variant = _variant(screening)
    danger = variant == "danger_from_others" or _others_in_danger(screening)
    lines = found.lines
    if danger:
        lines = _unique(found.danger_lines + found.lines)
    elif screening.hurt_by_others:  # their own crisis first, and the abuse lines too
        lines = _unique(found.lines + found.danger_lines)
    medical_only = (
        variant == "medical_emergency" and Category.SUICIDE_SELF_HARM not in screening.categories
    )
    listing = "\n".join(_bullets(found, lines, code, danger=danger))
    if variant == "self":
        emergency = _emergency(found, t)
        parts = [
            t["matter_self"],
            f"{t['not_service']} {t['list_intro']}\n{listing}",
            t["next_self"].format(emergency=emergency),
        ]
        return "\n\n".join(parts)
    key, kind = _OPENING[variant]
    first = t[key].format(emergency=_emergency(found, t, "police" if danger else kind))
    matter = t["matter_helper"] if variant == "third_party" else t["matter"]
    if medical_only:
        return f"{first}\n\n{matter} {t['not_service']}"
    extra = f" {t['helpers_too']}" if variant == "third_party" else ""
    return f"{first}\n\n{matter} {t['not_service']}{extra} {t['list_intro']}\n{listing}"


def helper_message(*, country: str | None = None, lang: str | None = None) -> str:
    """For someone worried about another person: how to ask, stay, and connect them to help.

    `country` is the one chosen for the person (see `country_for`); `lang` their language.
    """
    code = message_language(lang)
    t = _texts(code)
    found = _resources(country, code)
    listing = "\n".join(f"  {x}" for x in _bullets(found, found.lines, code))
    return t["helper"].format(emergency=_emergency(found, t), lines=listing)


def concern_resources(
    *, country: str | None = None, lang: str | None = None, hurt_by_others: bool = False
) -> str:
    """The short "you can talk to someone" note a concern turn offers once: one line and the
    emergency number, for `country` as chosen (see `country_for`), in `lang`. For a person
    being hurt by someone, the country's first line for abuse and violence comes before it.
    """
    code = message_language(lang)
    t = _texts(code)
    found = _resources(country, code)
    chosen = found.lines[:1]
    if hurt_by_others:
        chosen = _unique(found.danger_lines[:1] + chosen)
    listing = "\n".join(_bullets(found, chosen, code)[: len(chosen) or 1])
    return t["concern"].format(emergency=_emergency(found, t), lines=listing)


def _unique(lines: Sequence[Line]) -> tuple[Line, ...]:
    """Each line once, in order: a line can serve both crises and abuse."""
    return tuple(dict.fromkeys(lines))
