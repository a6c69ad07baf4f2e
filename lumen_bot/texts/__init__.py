"""Lumen's own words to people, by message key and language: `text(key, lang)`.

English has every message (`english.py`); each other language the crisis resources speak
(`safety.resources.MESSAGE_LANGS`) has a module of its own, so that a native speaker can
review one file. They hold every message a person can get in Telegram: the words around
crisis care (its buttons, the answer to "I'm safe for now", the notice to a blocked
person, the answer to what Lumen cannot read, which names the emergency number), what
Lumen says while a person is writing to it (a fault, a limit, a report), `/start`,
`/help`, `/privacy`, the command menu, `/country`, reminders and the notes around a
session's close, and the settings and one's own data (`/remind`, `/timezone`, `/forget`,
`/memory`, `/export`, ...), and the readable files of an export. Only `lumen chat`'s own
line is English alone; a message a language lacks falls back to English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lumen_bot.harness.rhythm import When
from lumen_bot.texts import (
    arabic,
    dates,
    english,
    french,
    german,
    hindi,
    indonesian,
    persian,
    portuguese,
    russian,
    spanish,
    turkish,
    ukrainian,
)

COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "What Lumen is and how it works"),
    ("end", "Close this session; I write my notes and say goodbye"),
    ("help", "The commands"),
    ("privacy", "How your words are kept"),
    ("report", "Report something I said"),
    ("country", "Set your country for crisis lines"),
    ("remind", "How and when I remind you of our next session"),
    ("timezone", "Your time zone, so reminders come at your time"),
    ("pause", "Pause all reminders"),
    ("resume", "Turn reminders back on"),
    ("memory", "What I remember about you, and a way to correct it"),
    ("export", "Your whole history as a file"),
    ("import", "Bring back a history you exported"),
    ("forget", "Delete everything I hold about you, for good"),
    ("retention", "How long transcripts of past sessions are kept"),
    ("insights", "Count your sessions in anonymous statistics, or not"),
    ("cancel", "Leave a question I asked you"),
)

# Each language by its two-letter code; any key a language lacks is said in English.
BY_LANGUAGE: dict[str, dict[str, str]] = {
    "en": english.WORDS,
    "es": spanish.WORDS,
    "pt": portuguese.WORDS,
    "fr": french.WORDS,
    "de": german.WORDS,
    "ru": russian.WORDS,
    "uk": ukrainian.WORDS,
    "id": indonesian.WORDS,
    "tr": turkish.WORDS,
    "ar": arabic.WORDS,
    "fa": persian.WORDS,
    "hi": hindi.WORDS,
}


# Telegram's command menu in each language but English (whose menu is `COMMANDS`).
MENUS: dict[str, dict[str, str]] = {
    "es": spanish.MENU,
    "pt": portuguese.MENU,
    "fr": french.MENU,
    "de": german.MENU,
    "ru": russian.MENU,
    "uk": ukrainian.MENU,
    "id": indonesian.MENU,
    "tr": turkish.MENU,
    "ar": arabic.MENU,
    "fa": persian.MENU,
    "hi": hindi.MENU,
}
MENU_LANGUAGES = tuple(MENUS)

# Languages whose words before a time agree with it in number (see `_agreeing`).
ONE_OCLOCK: dict[str, tuple[tuple[str, str], ...]] = {
    "es": spanish.ONE_OCLOCK,
    "pt": portuguese.ONE_OCLOCK,
}
_ONE_OCLOCK_TIME = re.compile(r"0?1:[0-5]\d")


def commands(lang: str | None = None) -> tuple[tuple[str, str], ...]:
    """Telegram's command menu: every command, said in `lang` where it can be."""
    menu = MENUS.get(_code(lang), {})
    return tuple((name, menu.get(name, about)) for name, about in COMMANDS)


def text(key: str, lang: str | None = None, **values: str | When) -> str:
    """The message for a key in the person's language, falling back to English; a moment
    among `values` is said in the language of the message it goes into."""
    if key not in english.WORDS:
        return text("something_went_wrong", lang)
    code = _code(lang)
    if not BY_LANGUAGE.get(code, {}).get(key):
        code = "en"  # words the language lacks are said in English, moments and all
    found = BY_LANGUAGE[code][key]
    if not values:
        return found
    said = {name: v if isinstance(v, str) else _said_when(v, code) for name, v in values.items()}
    return _agreeing(found, code, said).format(**said)


def _agreeing(template: str, code: str, said: Mapping[str, str]) -> str:
    """`template` with the words around a time of one o'clock in the singular, where the
    language says "la 01:30" and "las 02:30" (`ONE_OCLOCK` of its module)."""
    forms = ONE_OCLOCK.get(code)
    if forms is None:
        return template
    for name, value in said.items():
        if _ONE_OCLOCK_TIME.fullmatch(value):
            field = "{" + name + "}"
            for plural, singular in forms:
                template = template.replace(plural.format(field), singular.format(field))
    return template


def _code(lang: str | None) -> str:
    """The language of a Telegram `language_code` ("pt-BR" -> "pt"), English if none."""
    return (lang or "en").replace("_", "-").split("-")[0].lower()


def _said_when(moment: When, code: str) -> str:
    """'Thursday 5 November, around 09:00' in the person's zone and language; in UTC until
    they set a zone, and then the words say so."""
    if "when_around" not in BY_LANGUAGE[code]:
        code = "en"  # the day in the same language as the words around it
    local = moment.at.astimezone(moment.zone)
    said = text("when_around", code, day=dates.day(local, code), time=f"{local:%H:%M}")
    return said if moment.zone_known else text("when_utc", code, when=said)
