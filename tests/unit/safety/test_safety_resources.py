"""Crisis resources and the messages a person sees: real numbers, warm words, right emphasis."""

from __future__ import annotations

import re

import pytest

from safety import (
    Category,
    Evidence,
    Level,
    Screening,
    concern_addendum,
    crisis_message,
    helper_message,
    resources_for,
    screen,
)

REQUIRED_SAYINGS = ("You matter", "AI mentor", "can't help in an emergency", "reach a person")


def _crisis(category: Category, *, third_party: bool = False, lang: str = "en") -> Screening:
    evidence = (Evidence("test.rule", Level.CRISIS, category, 0, 4),)
    return Screening(Level.CRISIS, (category,), lang, evidence, third_party=third_party)


@pytest.mark.parametrize(
    ("country", "emergency", "numbers"),
    [
        ("US", "911", ["988", "741741"]),
        ("CA", "911", ["9-8-8"]),
        ("GB", "999", ["116 123"]),
        ("IE", "112 or 999", ["116 123"]),
        ("AU", "000", ["13 11 14"]),
    ],
)
def test_known_countries_get_their_own_well_known_services(
    country: str, emergency: str, numbers: list[str]
) -> None:
    found = resources_for(country)
    assert (found.country, found.emergency) == (country, emergency)
    contacts = " ".join(line.contact for line in found.lines)
    for number in numbers:
        assert number in contacts


def test_us_lines_include_the_988_lifeline_and_crisis_text_line() -> None:
    contacts = [line.contact for line in resources_for("us").lines]
    assert "call or text 988" in contacts
    assert "text HOME to 741741" in contacts


@pytest.mark.parametrize(("country", "lang"), [("UK", None), (None, "en-GB"), ("gb", "es")])
def test_country_aliases_and_locale_regions_are_understood(
    country: str | None, lang: str | None
) -> None:
    assert resources_for(country, lang).country == "GB"


@pytest.mark.parametrize("country", [None, "", "ZZ", "Narnia"])
def test_unknown_country_gets_the_international_fallback(country: str | None) -> None:
    found = resources_for(country)
    assert found.is_fallback
    assert found.emergency == "your local emergency number"
    assert found.directory.contact == "findahelpline.com"


def test_every_listed_service_has_a_name_a_contact_and_an_https_url() -> None:
    for code in ["US", "CA", "GB", "IE", "AU", "NZ", "ES", "MX", "FR", "DE", "IN"]:
        found = resources_for(code)
        assert found.lines, code
        for line in found.lines + found.danger_lines:
            assert line.name
            assert line.contact
            assert line.url is None or line.url.startswith("https://")


@pytest.mark.parametrize("country", [None, "US", "GB", "AU"])
def test_crisis_message_says_you_matter_ai_mentor_and_reach_a_person_with_numbers(
    country: str | None,
) -> None:
    text = crisis_message(screen("I'm going to kill myself tonight"), country=country)
    for saying in REQUIRED_SAYINGS:
        assert saying in text
    assert re.search(r"\d{3}", text)


def test_fallback_crisis_message_names_the_local_emergency_number_and_findahelpline() -> None:
    text = crisis_message(screen("I'm going to kill myself tonight"))
    assert "your local emergency number" in text
    assert "findahelpline.com" in text
    assert "988" in text
    assert "116 123" in text
    assert "13 11 14" in text


@pytest.mark.parametrize(
    ("category", "first_line"),
    [
        (Category.DANGER_FROM_OTHERS, "Your safety comes first"),
        (Category.HARM_TO_OTHERS, "If you feel you might hurt someone"),
        (Category.MEDICAL_EMERGENCY, "This sounds like a medical emergency"),
    ],
)
def test_danger_harm_and_medical_messages_put_the_emergency_number_first(
    category: Category, first_line: str
) -> None:
    text = crisis_message(_crisis(category), country="GB")
    opening = text.split("\n\n")[0]
    assert opening.startswith(first_line)
    assert "999" in opening
    for saying in REQUIRED_SAYINGS:
        assert saying in text


def test_danger_message_lists_the_domestic_abuse_line_before_others() -> None:
    text = crisis_message(_crisis(Category.DANGER_FROM_OTHERS), country="US")
    assert text.index("National Domestic Violence Hotline") < text.index("988")


def test_crisis_about_someone_else_speaks_to_the_helper() -> None:
    text = crisis_message(screen("my friend just took 40 pills"), country="US")
    assert text.startswith("If they are in danger right now, call 911")
    assert "you matter too" in text


def test_helper_message_tells_helpers_to_ask_directly_and_names_services() -> None:
    text = helper_message(country="AU")
    assert "Ask them directly" in text
    assert "13 11 14" in text
    assert "000" in text


def test_spanish_screening_gets_a_spanish_message_with_spanish_services() -> None:
    text = crisis_message(screen("hoy me voy a matar", lang="es"), country="ES")
    assert "Tú importas" in text
    assert "mentor de IA" in text
    assert "024" in text
    assert "112" in text


def test_messages_are_plain_text_without_markup() -> None:
    texts = [crisis_message(_crisis(c), country=k) for c in Category for k in (None, "US")]
    texts.append(helper_message())
    for text in texts:
        assert not re.search(r"[*_`<>\[\]]", text), text
        assert "{" not in text
        assert "}" not in text


def test_concern_addendum_asks_about_safety_and_keeps_the_mentor_a_coach() -> None:
    text = concern_addendum()
    for phrase in (
        "Acknowledge",
        "Ask directly",
        "support is available",
        "Never diagnose",
        "coach",
    ):
        assert phrase in text
