"""A time zone from what a person gives: an IANA name, a city, or a shared location.

All offline: names come from the tz database on this machine (`tzdata` where the
system has none), other cities' names from `places.py` (GeoNames), places from
`tzfpy`'s built-in map. A place is turned into a zone and forgotten here; only
the zone name leaves this module.
"""

from __future__ import annotations

import zoneinfo
from functools import cache
from importlib import resources

import tzfpy

from lumen_bot.places import squash, zone_of_place

# Areas whose zones are named after a city; the rest are legacy names ("US/Eastern",
# "Japan") that still work when given in full, but are never guessed from a city.
CITY_AREAS = frozenset(
    {
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    }
)
NOT_ZONES = frozenset({"localtime", "posixrules", "Factory"})


def zone_named(text: str) -> str | None:
    """The IANA zone a person means by `text`, or None.

    A full name in any case ("europe/berlin"), or a city, matched without case, spaces,
    accents or punctuation: first to the last part of a zone name ("new york", "São
    Paulo", "St. John's"), then to the cities of `places.py`, in any of their names
    ("Barcelona", "München", "Москва", "मुंबई"). Words after a comma are dropped
    ("Berlin, Germany").
    """
    wanted = text.split(",", 1)[0].strip()
    if not wanted:
        return None
    by_name, by_city = _zone_index()
    found = by_name.get(wanted.lower()) or by_city.get(squash(wanted))
    if found is not None:
        return found
    place = zone_of_place(wanted)
    return by_name.get(place.lower()) if place else None  # a zone this machine knows


def zone_at(latitude: float, longitude: float) -> str | None:
    """The zone of a place (a shared location), or None where the map has none."""
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        return None
    by_name, _ = _zone_index()
    return by_name.get(tzfpy.get_tz(longitude, latitude).lower())


@cache
def _zone_index() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-case full name -> name, squashed city -> name), built once.

    Where two names share a city (America/Buenos_Aires is a link to
    America/Argentina/Buenos_Aires; Asia/Istanbul to Europe/Istanbul), the canonical
    name wins, then the more specific, then the first in order: the same rules
    either way, and the same choice every time.
    """
    names = sorted(zoneinfo.available_timezones() - NOT_ZONES)
    canonical = _canonical_names()
    by_name = {name.lower(): name for name in names}
    by_city: dict[str, str] = {}
    for name in sorted(names, key=lambda n: (n not in canonical, -n.count("/"), n)):
        area, _, rest = name.partition("/")
        if area in CITY_AREAS and rest:
            by_city.setdefault(squash(rest.rsplit("/", 1)[-1]), name)
    return by_name, by_city


def _canonical_names() -> frozenset[str]:
    """The zones tzdata's zone1970.tab lists (not links); empty if it is missing."""
    try:
        table = resources.files("tzdata.zoneinfo").joinpath("zone1970.tab").read_text("utf-8")
    except (ModuleNotFoundError, OSError):
        return frozenset()
    rows = (line.split("\t") for line in table.splitlines() if not line.startswith("#"))
    return frozenset(row[2] for row in rows if len(row) > 2)
