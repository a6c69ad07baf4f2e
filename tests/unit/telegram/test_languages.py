"""The language each person last wrote in: the latest kept, the longest unheard forgotten."""

from __future__ import annotations

from lumen_bot.telegram.languages import HeardLanguages


def test_the_language_last_heard_is_the_one_kept() -> None:
    heard = HeardLanguages()
    heard.heard(1, "es")
    heard.heard(1, "pt-BR")
    assert heard.of(1) == "pt-BR"
    assert heard.of(2) is None, "someone never heard has no language"


def test_an_update_without_a_language_keeps_the_one_heard_before() -> None:
    heard = HeardLanguages()
    heard.heard(1, "ru")
    heard.heard(1, None)
    heard.heard(1, "")
    assert heard.of(1) == "ru"


def test_the_person_unheard_longest_is_forgotten_first() -> None:
    heard = HeardLanguages(most=2)
    heard.heard(1, "es")
    heard.heard(2, "fr")
    heard.heard(1, "es")  # heard again: now the most recent
    heard.heard(3, "de")
    assert (heard.of(1), heard.of(2), heard.of(3)) == ("es", None, "de")
