"""A day said in the person's language: "Thursday 5 November", "jueves, 5 de noviembre",
"четверг, 5 ноября". Month and weekday names, their order and their grammatical case
come from the Unicode CLDR through Babel, which ships its data: nothing is fetched.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_datetime, match_skeleton

# Lumen's English writes the day before the month, as in Britain.
_LOCALE_OF = {"en": "en_GB"}
_ENGLISH = "EEEE d MMMM"

# Weekday (E, c) and month (M, L) in full: some languages' closest pattern abbreviates.
# Quoted text ('de') is left as it is.
_PARTS = re.compile(r"('[^']*')")
_SHORT_WEEKDAY = re.compile(r"(?<![Ec])([Ec])\1{0,2}(?![Ec])")
_SHORT_MONTH = re.compile(r"(?<![ML])([ML])\1{2}(?![ML])")


def day(moment: datetime, lang: str) -> str:
    """The weekday, day and month of `moment` as `lang` (a two-letter code) writes them,
    without year or time; in English for a language Babel does not know."""
    locale = _locale(lang)
    return format_datetime(moment, _day_pattern(locale), locale=locale)


@cache
def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(_LOCALE_OF.get(lang, lang))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(_LOCALE_OF["en"])


@cache
def _day_pattern(locale: Locale) -> str:
    skeletons = locale.datetime_skeletons
    best = match_skeleton("MMMMEEEEd", skeletons)
    if best is None or best not in skeletons:
        return _ENGLISH
    parts = _PARTS.split(str(skeletons[best].pattern))
    return "".join(part if part.startswith("'") else _in_full(part) for part in parts)


def _in_full(pattern: str) -> str:
    pattern = _SHORT_WEEKDAY.sub(lambda m: m.group(1) * 4, pattern)
    return _SHORT_MONTH.sub(lambda m: m.group(1) * 4, pattern)
