"""Crisis care for the harness: the `CrisisCare` port implemented with safety's resources."""

from __future__ import annotations

from safety.resources import crisis_message, resources_for
from safety.screening import Screening

DIRECTORY = "https://findahelpline.com"

_OFFER = (
    "If things feel heavy, you don't have to carry them alone. {lines}"
    " If you're ever in danger, call {emergency}."
)


class SafetyCare:
    """Words, links and lines for a person in crisis or distress, by country."""

    def country(self, chosen: str | None, locale: str | None) -> str | None:
        """The country the person chose; else the region of their locale ("pt-BR" → BR).

        A bare language ("en", "es") names no country: the international list is safer
        than a wrong country's numbers.
        """
        if chosen:
            return chosen.upper()
        if locale and "-" in locale:
            region = locale.split("-", 1)[1].upper()
            if len(region) == 2 and resources_for(region).country is not None:
                return region
        return None

    def knows(self, country: str) -> bool:
        return resources_for(country).country is not None

    def crisis_message(self, screening: Screening, country: str | None) -> str:
        return crisis_message(screening, country=country)

    def help_url(self, country: str | None) -> str:
        """A page listing the lines to reach now: the country's, or every country's."""
        if country and resources_for(country).country is not None:
            return f"{DIRECTORY}/countries/{country.lower()}"
        return DIRECTORY

    def concern_offer(self, country: str | None, lang: str | None) -> str:
        found = resources_for(country, lang)
        if found.lines:
            lines = "; ".join(f"{line.name}: {line.contact}" for line in found.lines[:2]) + "."
        else:
            lines = f"{found.directory.name} lists free, confidential helplines: {DIRECTORY}."
        return _OFFER.format(lines=lines, emergency=found.emergency)
