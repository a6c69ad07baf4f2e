"""Lumen's own words: crisis care, and what Lumen says in a conversation, speak every
language the crisis resources speak, and a translation keeps what its English names."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from lumen_bot import texts
from lumen_bot.harness.commands import country_code
from lumen_bot.harness.flags import REPORT_REASONS
from lumen_bot.harness.rhythm import When
from safety.resources import MESSAGE_LANGS

CRISIS_CARE = (
    "talk_now_button",
    "safe_now_button",
    "safe_now",
    "blocked",
    "end_button",
    "text_only",  # what Lumen cannot read may be a crisis: it names the emergency number
)

# What Lumen says in its own words while a person is talking to it: a fault, a limit, a
# lost thread, a report. Someone writing in their language hears these in it too.
IN_CONVERSATION = (
    "mentor_unavailable",
    "mentor_busy",
    "words_lost",
    "slow_down",
    "daily_limit",
    "long_message",
    "lost_thread",
    "something_went_wrong",
    "caption_only",
    "private_only",
    "message_unreadable",
    "record_unreadable",
    "no_session_to_end",
    "session_closing",
    "new_session_after_idle",
    "end_button_stale",
    "report_reason",
    "report_thanks",
    "report_already",
    *(f"report_{reason}" for reason in REPORT_REASONS),
)

# Around a session: where crisis lines come from, its close, the reminders after it.
AROUND_SESSIONS = (
    "country_set",
    "country_ask",
    "country_unknown",
    "closing_delayed",
    "closing_next_time",
    "session_closed_plain",
    "reminder",
    "reminder_thread",
    "reminder_last",
    "reminder_last_thread",
    "session_closed",
    "session_closed_no_reminder",
    "when_around",
    "when_utc",
    "nothing_to_cancel",
    "cancelled",
)

OTHER_LANGS = sorted(set(MESSAGE_LANGS) - {"en"})


# Every message said in each language the crisis resources speak, by where it is heard.
TRANSLATED = {
    "around crisis resources": CRISIS_CARE,
    "in a conversation": IN_CONVERSATION,
    "around a session": AROUND_SESSIONS,
    # /start carries the safety statement (not a therapist, not an emergency service)
    "what Lumen is and how words are kept": ("start", "help", "privacy"),
}


@pytest.mark.parametrize("lang", OTHER_LANGS)
@pytest.mark.parametrize("heard", TRANSLATED)
def test_lumens_words_are_in_each_language_the_crisis_resources_speak(
    heard: str, lang: str
) -> None:
    for key in TRANSLATED[heard]:
        assert texts.text(key, lang) != texts.text(key, "en"), (key, lang)


TERMINAL_ONLY = ("session_closed_terminal",)  # `lumen chat` speaks English
THE_SAME_IN_EVERY_LANGUAGE = ("export_lumen",)  # Lumen's name, as the export's speaker


@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_every_message_a_person_can_get_in_telegram_is_in_each_of_those_languages(
    lang: str,
) -> None:
    """Also the settings and one's own data: /remind, /timezone, /pause, /forget,
    /retention, /insights, /memory, /export and /import, so that nobody deletes
    everything, or sets a passphrase, on words they cannot read; and the readable files
    of an export."""
    untranslated = [
        key
        for key in texts.BY_LANGUAGE["en"]
        if key not in TERMINAL_ONLY + THE_SAME_IN_EVERY_LANGUAGE
        and texts.text(key, lang) == texts.text(key, "en")
    ]
    assert untranslated == []


@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_the_command_menu_names_every_command_in_each_of_those_languages(lang: str) -> None:
    english = texts.commands()
    menu = texts.commands(lang)
    assert [name for name, _ in menu] == [name for name, _ in english]
    for (name, about), (_, in_english) in zip(menu, english, strict=True):
        assert about != in_english, (lang, name)
        assert 1 <= len(about) <= 256, "Telegram's limit for a command's description"


def test_every_language_the_resources_speak_has_its_words() -> None:
    assert sorted(texts.BY_LANGUAGE) == sorted(MESSAGE_LANGS)
    assert sorted(texts.MENU_LANGUAGES) == sorted(OTHER_LANGS)


def _kept(words: str) -> list[str]:
    """What a translation must carry over unchanged: fields filled in, commands, file
    names, the name Lumen, emoji."""
    fields = re.findall(r"\{\w+\}", words)
    commands = re.findall(r"/[a-z]+\b", words) + re.findall(r"`[^`]+`", words)
    names = re.findall(r"\bLumen\b", words)
    emoji = re.findall(r"[\U0001F300-\U0001FAFF]", words)
    return sorted(fields + commands + names + emoji)


@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_a_translation_keeps_the_fields_commands_name_and_emoji_of_its_english(
    lang: str,
) -> None:
    english = texts.BY_LANGUAGE["en"]
    for key, words in texts.BY_LANGUAGE[lang].items():
        assert key in english, f"{lang}: {key} is no message"
        assert _kept(words) == _kept(english[key]), (lang, key)


@pytest.mark.parametrize("code", ["pt-BR", "PT", "pt_br", "pt-br"])
def test_a_regional_or_capitalised_code_finds_its_language(code: str) -> None:
    assert texts.text("safe_now_button", code) == texts.text("safe_now_button", "pt")


def test_a_language_without_translations_falls_back_to_english() -> None:
    assert texts.text("safe_now", "ja") == texts.text("safe_now", "en")


@pytest.mark.parametrize("lang", ["en", *OTHER_LANGS])
def test_every_example_the_country_question_gives_is_one_country_accepts(lang: str) -> None:
    """Names and codes alike: a person who copies an example is understood."""
    examples = re.findall(r"/country ([A-Z]\w*)", texts.text("country_ask", lang))
    assert len(examples) == 3
    assert [country_code(said) for said in examples] == ["BR", "GB", "DE"]


NINE_UTC = datetime(2026, 11, 5, 9, 0, tzinfo=UTC)  # a Thursday


def test_a_moment_is_said_in_the_persons_zone_and_utc_says_so() -> None:
    in_berlin = When(NINE_UTC, ZoneInfo("Europe/Berlin"), zone_known=True)
    in_utc = When(NINE_UTC, ZoneInfo("UTC"), zone_known=False)
    said = texts.text("session_closed", "en", when=in_berlin)
    assert "our next one: Thursday 5 November, around 10:00. " in said
    said = texts.text("session_closed", "en", when=in_utc)
    assert "Thursday 5 November, around 09:00 UTC (/timezone shows times in yours)" in said


@pytest.mark.parametrize(
    ("lang", "day"),
    [
        ("es", "jueves, 5 de noviembre, hacia las 10:00"),
        ("de", "Donnerstag, 5. November, gegen 10:00"),
        ("ru", "четверг, 5 ноября, около 10:00"),  # the month in the genitive
        ("ar", "الخميس، 5 نوفمبر، نحو الساعة 10:00"),
    ],
)
def test_a_sessions_close_names_the_next_time_in_the_persons_language(lang: str, day: str) -> None:
    in_madrid = When(NINE_UTC, ZoneInfo("Europe/Madrid"), zone_known=True)
    assert day in texts.text("session_closed", lang, when=in_madrid)


def test_words_a_language_lacks_are_said_in_english_with_their_moment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not half and half: an English sentence gets an English date."""
    monkeypatch.delitem(texts.BY_LANGUAGE["es"], "session_closed")
    in_berlin = When(NINE_UTC, ZoneInfo("Europe/Berlin"), zone_known=True)
    said = texts.text("session_closed", "es", when=in_berlin)
    assert said == texts.text("session_closed", "en", when=in_berlin)
    assert "Thursday 5 November, around 10:00" in said
    assert texts.text("no_session_to_end", "es") != texts.text("no_session_to_end", "en")


def test_an_empty_translation_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Telegram refuses an empty message: a blank translation is no translation."""
    monkeypatch.setitem(texts.BY_LANGUAGE["de"], "mentor_busy", "")
    assert texts.text("mentor_busy", "de") == texts.text("mentor_busy", "en")


def test_a_key_that_names_no_message_is_an_apology_in_the_persons_language() -> None:
    assert texts.text("no_such_message", "fr") == texts.text("something_went_wrong", "fr")


@pytest.mark.parametrize("code", ["zh-hans", "xx", "", None])
def test_a_language_lumen_does_not_speak_gets_english_dates_too(code: str | None) -> None:
    in_berlin = When(NINE_UTC, ZoneInfo("Europe/Berlin"), zone_known=True)
    assert texts.text("session_closed", code, when=in_berlin) == texts.text(
        "session_closed", "en", when=in_berlin
    )


def test_a_moment_without_its_offset_is_refused() -> None:
    """Read as the host's local time, it would name the wrong hour."""
    with pytest.raises(ValueError, match="offset"):
        When(datetime(2026, 11, 5, 9, 0), ZoneInfo("Europe/Berlin"), zone_known=True)  # noqa: DTZ001


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("es", "allí es ahora la 01:05.", "allí son ahora las 02:05."),
        ("pt", "agora é 01:05 aí.", "agora são 02:05 aí."),
    ],
)
def test_one_oclock_takes_the_singular_where_the_language_says_so(
    lang: str, one: str, two: str
) -> None:
    assert texts.text("timezone_set", lang, zone="Europe/Madrid", time="01:05").endswith(one)
    assert texts.text("timezone_set", lang, zone="Europe/Madrid", time="02:05").endswith(two)


def test_the_singular_follows_each_time_of_a_message_on_its_own() -> None:
    said = texts.text("rhythm_quiet", "es", time="23:30", start="21:00", end="01:00")
    assert said.startswith("Las 23:30 caen dentro")
    assert said.endswith("esperará hasta la 01:00.")
    said = texts.text("rhythm_quiet", "pt", time="01:30", start="21:00", end="09:00")
    assert said.startswith("O horário da 01:30 cai")
    assert said.endswith("até as 09:00.")


@pytest.mark.parametrize("lang", sorted(texts.ONE_OCLOCK))
def test_every_singular_form_has_a_plural_to_replace(lang: str) -> None:
    """A form no message holds would be a rule that never applies (a message reworded)."""
    templates = list(texts.BY_LANGUAGE[lang].values())
    for plural, _ in texts.ONE_OCLOCK[lang]:
        assert any(
            plural.format("{" + field + "}") in t
            for t in templates
            for field in ("time", "start", "end")
        ), plural
