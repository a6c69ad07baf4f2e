"""Time zones from what a person gives: IANA names, city names, shared locations (offline)."""

from __future__ import annotations

import pytest

from lumen_bot.timezones import zone_at, zone_named


@pytest.mark.parametrize(
    ("given", "zone"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("America/New_York", "America/New_York"),
        ("UTC", "UTC"),
        ("Berlin", "Europe/Berlin"),
        ("  BERLIN ", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("New_York", "America/New_York"),
        ("newyork", "America/New_York"),
        ("São Paulo", "America/Sao_Paulo"),
        ("St. John's", "America/St_Johns"),
        ("Berlin, Germany", "Europe/Berlin"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),
        ("Istanbul", "Europe/Istanbul"),
    ],
)
def test_a_name_or_a_city_finds_its_zone(given: str, zone: str) -> None:
    assert zone_named(given) == zone


@pytest.mark.parametrize(
    ("given", "zone"),
    [
        ("Barcelona", "Europe/Madrid"),
        ("München", "Europe/Berlin"),
        ("Munchen", "Europe/Berlin"),
        ("Munich", "Europe/Berlin"),
        ("Rio de Janeiro", "America/Sao_Paulo"),
        ("Ciudad de México", "America/Mexico_City"),
        ("Delhi", "Asia/Kolkata"),
        ("Bombay", "Asia/Kolkata"),
        ("Москва", "Europe/Moscow"),
        ("Санкт-Петербург", "Europe/Moscow"),
        ("Харків", "Europe/Kyiv"),
        ("القاهرة", "Africa/Cairo"),
        ("القاهره", "Africa/Cairo"),
        ("تهران", "Asia/Tehran"),
        ("طهران", "Asia/Tehran"),
        ("मुंबई", "Asia/Kolkata"),
        ("दिल्ली", "Asia/Kolkata"),
        ("Estambul", "Europe/Istanbul"),
        ("Surabaya", "Asia/Jakarta"),
        ("Manchester, UK", "Europe/London"),
    ],
)
def test_a_city_the_zone_names_do_not_name_is_found_by_any_of_its_names(
    given: str, zone: str
) -> None:
    """Cities of 100,000 people or more, in the scripts of Lumen's languages (places.py);
    Barcelona is the larger one, in Spain, not the one in Venezuela."""
    assert zone_named(given) == zone


def test_where_two_names_share_a_city_the_canonical_one_wins() -> None:
    """America/Buenos_Aires and Asia/Istanbul are links: the same zone by another name."""
    assert zone_named("buenos_aires") == "America/Argentina/Buenos_Aires"
    assert zone_named("istanbul") == "Europe/Istanbul"


@pytest.mark.parametrize("given", ["Atlantis", "", "   ", "localtime", "Eastern", "Factory"])
def test_an_unknown_name_finds_nothing(given: str) -> None:
    assert zone_named(given) is None


def test_a_legacy_name_works_in_full_but_is_never_guessed_from_a_city() -> None:
    assert zone_named("US/Eastern") == "US/Eastern"
    assert zone_named("Pacific") is None, "an area, not a city"


def test_a_location_in_berlin() -> None:
    assert zone_at(52.52, 13.405) == "Europe/Berlin"


def test_a_location_in_new_york() -> None:
    assert zone_at(40.7128, -74.006) == "America/New_York"


def test_a_location_at_sea_gets_the_nautical_zone() -> None:
    assert zone_at(0.0, -30.0) == "Etc/GMT+2", "mid-Atlantic: UTC-2 (the sign is POSIX's)"


@pytest.mark.parametrize(("latitude", "longitude"), [(91.0, 0.0), (0.0, 181.0), (-95.0, -200.0)])
def test_a_location_off_the_globe_finds_nothing(latitude: float, longitude: float) -> None:
    assert zone_at(latitude, longitude) is None
