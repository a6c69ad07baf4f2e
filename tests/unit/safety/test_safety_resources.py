"""Crisis resources and the messages a person sees: real numbers, warm words, right emphasis."""

from __future__ import annotations

import re

import pytest
import yaml

from safety import (
    Category,
    Evidence,
    Level,
    Screening,
    crisis_message,
    helper_message,
    resources_for,
    screen,
)
from safety.lexicon import DATA_DIR
from safety.resources import (
    MESSAGE_LANGS,
    concern_resources,
    country_for,
    country_named,
    country_shown,
    load_resources,
)

TEXTS = yaml.safe_load((DATA_DIR / "messages.yaml").read_text(encoding="utf-8"))
BOOK = load_resources()
COUNTRIES = sorted(BOOK.countries)

# Methods and means that safe-messaging guidance keeps out of crisis messages.
METHOD_WORDS = {
    "en": "pills overdose rope noose hang hanging jump bridge knife gun firearm razor blade "
    "poison bleach cut cutting wrist suffocate",
    "es": "pastillas sobredosis cuerda ahorcar saltar puente cuchillo pistola veneno cortar",
    "pt": "comprimidos remédios overdose corda enforcar pular ponte faca arma veneno cortar",
    "de": "Tabletten Überdosis Strick erhängen springen Brücke Messer Waffe Gift",
    "fr": "médicaments surdose corde pendre sauter pont couteau arme poison",
    "ru": "таблетки передозировка верёвка повеситься прыгнуть мост нож оружие яд",
    "uk": "пігулки передозування мотузка повіситися стрибнути міст ніж зброя отрута",
    "id": "pil overdosis tali gantung lompat jembatan pisau senjata racun",
    "tr": "hap ip asmak atlamak köprü bıçak silah zehir",  # noqa: RUF001 Turkish dotless i
    "ar": "حبوب حبل شنق قفز جسر سكين سلاح سم",
    "fa": "قرص طناب پریدن پل چاقو اسلحه سم",
    "hi": "गोलियाँ ओवरडोज़ रस्सी फाँसी कूद पुल चाकू बंदूक ज़हर",
}
METHOD_RE = re.compile(
    r"(?<!\w)(?:{})(?!\w)".format("|".join(w for ws in METHOD_WORDS.values() for w in ws.split())),
    re.IGNORECASE,
)


def _crisis(
    category: Category = Category.SUICIDE_SELF_HARM,
    *,
    third_party: bool = False,
    lang: str = "en",
    also: tuple[Category, ...] = (),
) -> Screening:
    evidence = (Evidence("test.rule", Level.CRISIS, category, 0, 4),)
    return Screening(Level.CRISIS, (category, *also), lang, evidence, third_party=third_party)


def _all_messages() -> list[tuple[str, str, str]]:
    """(label, lang, text) for every message kind, country (and fallback) and language."""
    out = []
    for lang in MESSAGE_LANGS:
        for country in [None, *COUNTRIES]:
            where = f"{country}/{lang}"
            for category in Category:
                text = crisis_message(_crisis(category), country=country, lang=lang)
                out.append((f"crisis {category.value} {where}", lang, text))
            text = crisis_message(_crisis(third_party=True), country=country, lang=lang)
            out.append((f"third party {where}", lang, text))
            out.append((f"helper {where}", lang, helper_message(country=country, lang=lang)))
            out.append((f"concern {where}", lang, concern_resources(country=country, lang=lang)))
    return out


ALL_MESSAGES = _all_messages()


# -- choosing the country ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("explicit", "language_code", "expected"),
    [
        ("DE", "pt-br", "DE"),  # the person's choice wins
        ("gb", None, "GB"),
        ("UK", "uk", "GB"),  # an alias for the country, not the Ukrainian language
        (" fr ", "en", "FR"),
        ("NZ", None, "NZ"),
        (None, "pt-br", "BR"),
        (None, "en-gb", "GB"),
        (None, "en-GB", "GB"),
        (None, "es_MX", "MX"),
        (None, "zh-hant-tw", "TW"),  # a script subtag is skipped, the region used
        (None, "uk", "UA"),
        (None, "id", "ID"),
        (None, "tr", "TR"),
        (None, "fa", "IR"),
        (None, "de", "DE"),
        (None, "hi", "IN"),
        (None, "en", None),  # spoken as a first language in many countries
        (None, "es", None),
        (None, "fr", None),
        (None, "ar", None),
        (None, "pt", None),
        (None, "ru", None),
        (None, "es-419", None),  # a region of numbers is not a country
        (None, None, None),
        ("", "", None),
        ("Narnia", "tr", "TR"),  # not a code: fall back to the guess
        (None, "it", "IT"),  # a language of one member state of the EU: its 112
        (None, "pl", "PL"),
        (None, "nl", None),  # spoken in the Netherlands and Belgium
        (None, "ja", "JP"),
        (None, "nb", "NO"),
    ],
)
def test_country_for_prefers_the_choice_then_the_telegram_language(
    explicit: str | None, language_code: str | None, expected: str | None
) -> None:
    assert country_for(explicit, language_code) == expected


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("gb", "GB"),
        (" GB ", "GB"),
        ("it", "IT"),  # a code with no lines here: the international list
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("the UK", "GB"),
        ("usa", "US"),
        ("Spain", "ES"),
        ("ESPAÑA", "ES"),
        ("espana", "ES"),
        ("united  states", "US"),
        ("New Zealand", "NZ"),
        ("Deutschland", "DE"),
        ("Germany", "DE"),
        ("Brasil", "BR"),
        ("brazil", "BR"),
        ("россия", "RU"),
        ("Україна", "UA"),
        ("Ukraine", "UA"),
        ("turkiye", "TR"),
        ("ایران", "IR"),
        ("مصر", "EG"),
        ("भारत", "IN"),
        ("Narnia", None),
        ("Italy", "IT"),
        ("Japan", "JP"),
        ("日本", "JP"),
        ("Chile", "CL"),
        ("Kenya", None),  # not in the file: the person is asked for the code
        ("i want to kill myself", None),
        ("de ch", None),
        ("", None),
    ],
)
def test_country_named_takes_a_code_an_alias_or_a_name(said: str, code: str | None) -> None:
    assert country_named(said) == code


def test_a_country_is_read_back_by_its_own_name_and_code() -> None:
    assert country_shown("ES") == "España (ES)"
    assert country_shown("KE") == "KE", "not in the file: the code alone"


@pytest.mark.parametrize(("country", "lang"), [("UK", None), (None, "en-GB"), ("gb", "es")])
def test_resources_for_understands_aliases_and_locale_regions(
    country: str | None, lang: str | None
) -> None:
    assert resources_for(country, lang).country == "GB"


@pytest.mark.parametrize("country", [None, "", "ZZ", "Narnia"])
def test_unknown_country_gets_the_international_fallback(country: str | None) -> None:
    found = resources_for(country)
    assert found.is_fallback
    assert found.emergency == "your local emergency number"
    assert found.directory.url == "https://findahelpline.com"


# -- what the messages say ------------------------------------------------------------


def test_gb_crisis_message_names_samaritans_with_hours_and_999() -> None:
    text = crisis_message(screen("I'm going to kill myself tonight"), country="GB")
    assert "Samaritans: call 116 123 (24/7)" in text
    assert "Shout: text SHOUT to 85258 (24/7)" in text
    assert "call 999" in text


def test_lines_say_how_to_reach_them_call_text_and_chat() -> None:
    text = crisis_message(_crisis(), country="US")
    lifeline = "988 Suicide & Crisis Lifeline: call or text 988, chat: https://988lifeline.org/chat"
    assert lifeline in text
    assert "Crisis Text Line: text HOME to 741741 (24/7)" in text
    au = crisis_message(_crisis(), country="AU")
    assert "Lifeline: call 13 11 14, text 0477 13 11 14" in au


def test_lines_with_limited_or_unknown_hours_say_so_or_claim_nothing() -> None:
    text = crisis_message(_crisis(), country="IR", lang="fa")
    assert "1480 (08:00\N{EN DASH}24:00)" in text
    assert "تلفن 123\n" in text + "\n"  # no hours stated by any source: none claimed


@pytest.mark.parametrize("country", [None, "", "ZZ"])
def test_unknown_country_gets_the_fallback_message(country: str | None) -> None:
    text = crisis_message(screen("I'm going to kill myself tonight"), country=country)
    assert "findahelpline.com" in text
    assert "call your local emergency number" in text
    assert "🇺🇸 988 Suicide & Crisis Lifeline" in text  # common examples, flagged
    assert "🇬🇧 Samaritans: call 116 123 (24/7) · emergency 999" in text


def test_a_country_without_a_verified_line_gets_the_directory_and_its_emergency_number() -> None:
    text = crisis_message(_crisis(), country="TR", lang="tr")
    assert "findahelpline.com" in text
    assert "112 numaralı hattı arayın" in text  # noqa: RUF001 Turkish dotless i


def test_a_portuguese_crisis_message_is_in_portuguese() -> None:
    text = crisis_message(screen("I'm going to kill myself tonight"), country="BR", lang="pt-br")
    assert text.startswith("Fico muito feliz que você tenha me contado. Você importa")
    assert "não um serviço de emergência" in text
    assert "CVV \N{EN DASH} Centro de Valorização da Vida: ligue 188" in text
    assert "(24 horas)" in text
    assert "ligue para o 192" in text
    assert "call" not in text


def test_a_spanish_screening_gets_a_spanish_message_with_spanish_services() -> None:
    text = crisis_message(screen("hoy me voy a matar", lang="es"), country="ES")
    assert "Tú importas" in text
    assert "mentor de IA" in text
    assert "Línea 024: llama al 024 (24 h)" in text
    assert "llama al 112" in text


def test_lang_overrides_the_screened_language_and_unknown_languages_get_english() -> None:
    spanish = screen("hoy me voy a matar", lang="es")
    assert "You matter" in crisis_message(spanish, country="US", lang="en-US")
    assert "You matter" in crisis_message(_crisis(), country="US", lang="ja")


@pytest.mark.parametrize("lang", MESSAGE_LANGS)
@pytest.mark.parametrize("country", [None, "GB", "DE", "IN", "TR"])
def test_every_crisis_message_says_you_matter_not_an_emergency_service_and_reach_a_person(
    lang: str, country: str | None
) -> None:
    t = TEXTS[lang]
    text = crisis_message(_crisis(), country=country, lang=lang)
    for part in (t["matter_self"], t["not_service"], t["list_intro"]):
        assert part in text
    found = BOOK.get(country)  # the message functions take the country as chosen: no guess
    if found is None:
        assert t["fallback_emergency"] in text
    else:
        numbers = f" {t['or']} ".join(found.emergency_numbers)
        assert t["emergency_numbers"].format(numbers=numbers) in text


@pytest.mark.parametrize(
    ("category", "opening", "number"),
    [
        (Category.DANGER_FROM_OTHERS, "Your safety comes first", "999"),
        (Category.HARM_TO_OTHERS, "If you feel you might hurt someone", "999"),
        (Category.MEDICAL_EMERGENCY, "This sounds like a medical emergency", "999"),
    ],
)
def test_danger_harm_and_medical_messages_put_the_emergency_number_first(
    category: Category, opening: str, number: str
) -> None:
    text = crisis_message(_crisis(category, also=(Category.SUICIDE_SELF_HARM,)), country="GB")
    first = text.split("\n\n")[0]
    assert first.startswith(opening)
    assert f"call {number}" in first
    assert text.index(number) < text.index("Samaritans")
    assert "You matter" in text
    assert "not an emergency service" in text


def test_danger_and_medical_use_the_police_and_medical_numbers_where_they_differ() -> None:
    br = crisis_message(_crisis(Category.DANGER_FROM_OTHERS), country="BR", lang="pt")
    assert "ligue já para o 190" in br.split("\n\n")[0]
    fr = crisis_message(_crisis(Category.MEDICAL_EMERGENCY), country="FR", lang="fr")
    assert "Appelle le 15" in fr.split("\n\n")[0]


def test_danger_message_lists_the_domestic_abuse_line_before_crisis_lines() -> None:
    text = crisis_message(_crisis(Category.DANGER_FROM_OTHERS), country="US")
    assert text.index("National Domestic Violence Hotline") < text.index("988 Suicide")
    assert "call 1-800-799-7233, text START to 88788" in text


def test_danger_with_no_country_gives_examples_of_abuse_lines_not_crisis_lines() -> None:
    text = crisis_message(_crisis(Category.DANGER_FROM_OTHERS), country=None)
    assert "🇺🇸 National Domestic Violence Hotline: call 1-800-799-7233" in text
    assert "🇬🇧 National Domestic Abuse Helpline (Refuge)" in text
    assert "988 Suicide" not in text and "Samaritans" not in text
    assert "🇨🇦 9-8-8 Suicide Crisis Helpline" in text  # no abuse line stored for Canada
    own = crisis_message(_crisis(), country=None)  # their own crisis: the crisis lines
    assert "🇺🇸 988 Suicide & Crisis Lifeline" in own and "Domestic" not in own


def test_a_medical_emergency_without_self_harm_is_only_the_emergency_number() -> None:
    text = crisis_message(_crisis(Category.MEDICAL_EMERGENCY), country="GB")
    assert "call 999 now" in text
    assert "Samaritans" not in text


def test_crisis_about_someone_else_speaks_to_the_helper() -> None:
    text = crisis_message(screen("my friend just took 40 pills"), country="US")
    assert text.startswith("If they're in danger right now, call 911 now.")
    assert "you matter too" in text
    assert "These services also guide people who are helping someone." in text


def test_someone_else_in_danger_from_someone_gets_the_police_and_the_abuse_lines() -> None:
    """A person watching someone being hurt is a helper, told of the lines for abuse and
    violence before the crisis lines, and of the police number where it differs."""
    text = crisis_message(screen("he is beating my mom right now"), country="US")
    assert text.startswith("If they're in danger right now, call 911 now.")
    assert "you matter too" in text
    assert text.index("National Domestic Violence Hotline") < text.index("988 Suicide")
    de = crisis_message(screen("he is beating my mom right now"), country="DE", lang="de")
    assert "110" in de.split("\n\n")[0]
    fallback = crisis_message(screen("he is beating my mom right now"), country=None)
    assert "🇬🇧 National Domestic Abuse Helpline (Refuge)" in fallback
    worry = crisis_message(screen("my friend just took 40 pills"), country="US")
    assert "Domestic" not in worry  # someone else's overdose: the crisis lines only


def test_helper_message_tells_helpers_to_ask_directly_and_names_services() -> None:
    text = helper_message(country="AU")
    assert "Ask them directly" in text
    assert "  - Lifeline: call 13 11 14" in text
    assert "call 000" in text


def test_concern_resources_offer_one_line_and_the_emergency_number() -> None:
    text = concern_resources(country="DE", lang="de")
    assert text.count("\n- ") == 1
    assert "TelefonSeelsorge: Telefon 0800 111 0 111 oder 0800 111 0 222" in text
    assert "Im Notfall wähle die 112." in text
    fallback = concern_resources(lang="fa")
    assert "findahelpline.com" in fallback
    assert "شماره اورژانس محلی" in fallback


def test_every_message_is_non_empty_plain_text_with_every_placeholder_filled() -> None:
    kinds = len(Category) + 3  # each crisis category, third party, helper, concern
    assert len(ALL_MESSAGES) == len(MESSAGE_LANGS) * (len(COUNTRIES) + 1) * kinds
    for label, _, text in ALL_MESSAGES:
        assert text.strip(), label
        # no Markdown: a star only in a short code such as Chile's *4141
        assert not re.search(r"[_`<>\[\]{}]|\*(?!\d)", text), label
        assert len(text) < 1500, label  # short enough to read in a crisis


def test_no_message_names_a_method_or_a_means() -> None:
    for label, _, text in ALL_MESSAGES:
        assert not METHOD_RE.search(text), (label, METHOD_RE.search(text))


def test_the_method_word_check_would_catch_one() -> None:
    assert METHOD_RE.search("take the pills")
    assert METHOD_RE.search("нож")
    assert not METHOD_RE.search("pilih salah satu")  # Indonesian "choose", not "pil"
