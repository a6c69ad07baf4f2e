"""Crisis care for the harness: the `CrisisCare` port implemented with safety's resources."""

from __future__ import annotations

from safety import crisis_message, helper_message, resources_for
from safety.resources import concern_resources, country_for, crisis_language, spoken
from safety.screening import Screening

DIRECTORY = "https://findahelpline.com"


class SafetyCare:
    """Words, links and lines for a person in crisis or distress, by country and language."""

    def country(self, chosen: str | None, locale: str | None) -> str | None:
        """The country the person chose, else a careful guess from their Telegram language
        ("pt-br" → BR, "uk" → UA); a language spoken in many countries names none."""
        return country_for(chosen, locale)

    def knows(self, country: str) -> bool:
        return resources_for(country).country is not None

    def crisis_message(self, screening: Screening, country: str | None, lang: str | None) -> str:
        """The person's own crisis, or, when `screening.third_party`, someone else's:
        then the emergency number comes first, and the words speak to the helper."""
        return crisis_message(screening, country=country, lang=lang)

    def language(self, screening: Screening, lang: str | None) -> str:
        return crisis_language(screening, lang)

    def speaks(self, lang: str | None) -> bool:
        return spoken(lang) is not None

    def help_url(self, country: str | None) -> str:
        """A page listing the lines to reach now: the country's, or every country's."""
        if country and self.knows(country):
            return f"{DIRECTORY}/countries/{country.lower()}"
        return DIRECTORY

    def concern_offer(
        self, country: str | None, lang: str | None, *, hurt_by_others: bool = False
    ) -> str:
        return concern_resources(country=country, lang=lang, hurt_by_others=hurt_by_others)

    def helper_offer(self, country: str | None, lang: str | None) -> str:
        return helper_message(country=country, lang=lang)
