"""Language guessing by script and function words, and the script rewrites behind it."""

# ruff: noqa: RUF001 - the test sentences are Cyrillic and Turkish, whose letters look Latin

from __future__ import annotations

import pytest

from safety import Level, screen
from safety.detect import script_of
from safety.lexicon import LexiconError, compile_lexicon, load_common, load_lexicon
from safety.normalize import Normalizer, fold
from safety.rules import CUES, SINCERE
from safety.screen import SUPPORTED, Screen
from safety.translit import Abugida, LetterMap

COMMON = load_common()
SCREEN = Screen(COMMON, {lang: load_lexicon(lang, COMMON) for lang in SUPPORTED})


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("plain words", "latin"),
        ("Привет, как дела", "cyrillic"),
        ("ok привет как дела", "cyrillic"),
        ("أريد أن أنام", "arabic"),
        ("मैं ठीक हूँ", "devanagari"),
        ("café crème", "latin"),
    ],
)
def test_the_script_with_most_letters_wins(text: str, script: str) -> None:
    assert script_of(fold(text)) == script


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I think I need some help with my week", "en"),
        ("no sé qué hacer con mi vida, estoy muy cansada", "es"),
        ("eu não sei o que fazer, estou muito cansada", "pt"),
        ("ich weiß nicht, was ich machen soll, ich bin so müde", "de"),
        ("je ne sais pas quoi faire, je suis tellement fatiguée", "fr"),
        ("aku gak tau harus gimana, capek banget", "id"),
        ("ne yapacağımı bilmiyorum, çok yorgunum", "tr"),
        ("я не знаю, что мне делать, я очень устала", "ru"),
        ("ya ne znayu chto mne delat, ochen ustala", "ru"),
        ("я не знаю, що мені робити, я дуже втомилася", "uk"),
        ("لا أعرف ماذا أفعل، أنا متعبة جدا", "ar"),
        ("نمی‌دونم چیکار کنم، خیلی خسته‌ام", "fa"),
        ("मुझे नहीं पता क्या करूँ", "hi"),
        ("mujhe nahi pata kya karun, bahut thak gayi hun", "hi"),
    ],
)
def test_a_sentence_is_guessed_in_its_language(text: str, lang: str) -> None:
    choice = SCREEN.choose(text)
    assert choice.langs[0] == lang
    assert "en" in choice.langs  # English slang is read in every language


def test_a_short_message_with_no_clear_language_is_read_by_every_language_that_could_fire() -> None:
    choice = SCREEN.choose("tomei 30 comprimidos")
    assert not choice.sure
    # ru, hi and tr respell (tr its spoken verb endings): always read
    assert {"en", "pt", "ru", "hi", "tr"} <= set(choice.langs)
    assert "id" not in choice.langs  # no Indonesian anchor or slang word in it
    assert {"ar", "fa"}.isdisjoint(choice.langs)  # nor Arabizi or Finglish
    result = screen("tomei 30 comprimidos")
    assert (result.level, result.lang) == (Level.CRISIS, "pt")


@pytest.mark.parametrize(
    "text",
    [
        "como esta tudo? nada, tomei 30 comprimidos",  # como, esta, nada: Spanish too
        "no quarto, no chão, tomei 30 comprimidos",  # "no": Spanish too
    ],
)
def test_words_spanish_and_portuguese_share_do_not_make_portuguese_read_as_spanish(
    text: str,
) -> None:
    result = screen(text)
    assert (result.level, result.lang) == (Level.CRISIS, "pt")


def test_a_message_mixing_languages_is_read_in_each_that_has_words_in_it() -> None:
    text = "so tired and i'm done, quiero morir"
    choice = SCREEN.choose(text)
    assert choice.langs[0] == "en" and "es" in choice.langs and not choice.sure
    assert "tr" not in choice.langs, "a language with no word here is not read"
    result = screen(text)
    assert (result.level, result.lang) == (Level.CONCERN, "es")


def test_the_parts_of_a_link_are_no_language_s_words() -> None:
    text = (
        "how do i get through this week, any tips? "
        "https://open.example.com/list?si=abc https://www.example.com/a?si=def"
    )
    assert SCREEN.choose(text).langs == ("en",)


def test_a_crisis_made_with_an_earlier_message_is_reported_in_the_language_that_made_it() -> None:
    result = screen("voy a tomarme todas esta noche", recent=("tengo un frasco de pastillas",))
    assert (result.level, result.lang) == (Level.CRISIS, "es")


@pytest.mark.parametrize(
    "text", ["m3 qu1ero mor1r", "qu!ero mor!r", "q u i e r o morir", "-m o r i r hoy", "m o r i r"]
)
def test_hidden_words_keep_every_language_of_the_script(text: str) -> None:
    latin = {lang for lang in SCREEN.languages() if "latin" in SCREEN.lexicon(lang).scripts}
    assert len(latin) == 11  # Arabic and Persian are typed in Latin letters too
    assert set(SCREEN.choose(text).langs) == latin


def test_a_given_language_overrides_the_guess_within_its_script() -> None:
    assert SCREEN.choose("ya no quiero vivir", lang="pt").langs == ("pt", "en")
    assert screen("ya no quiero vivir", lang="es").lang == "es"


def test_a_language_setting_that_does_not_fit_the_script_cannot_hide_a_crisis() -> None:
    result = screen("я покончу с собой сегодня", lang="en")
    assert result.level is Level.CRISIS
    assert result.lang == "en"  # the setting names the language of the reply


def test_cyrillic_transliteration_and_cyrillic_meet_in_one_spelling() -> None:
    normalize = Normalizer(COMMON, load_lexicon("ru", COMMON))
    for text in ("хочу покончить с собой", "xochu pokonchit' s soboj", "khochu pokonchit s soboy"):
        assert normalize(fold(text)).text == "hochu pokonchit s soboi"


def test_devanagari_and_hinglish_meet_in_one_spelling() -> None:
    normalize = Normalizer(COMMON, load_lexicon("hi", COMMON))
    for text in ("मैं मरना चाहता हूँ", "main marna chahta hoon", "main maarna chaahta hun"):
        assert normalize(fold(text)).text == "main marna chahta hun"


@pytest.mark.parametrize(
    ("word", "roman"),
    [("मर", "mar"), ("करना", "karna"), ("चाहता", "chahta"), ("आत्महत्या", "atmahatya"),
     ("ख़ुदकुशी", "khudkushi"), ("नफ़रत", "nafrat"), ("मैं", "main"), ("नहीं", "nahin")],
)  # fmt: skip
def test_devanagari_is_romanised_with_schwa_deletion(word: str, roman: str) -> None:
    abugida = load_lexicon("hi", COMMON).abugida
    assert abugida is not None
    assert abugida.romanize(word) == roman


def test_a_nukta_letter_typed_as_one_character_is_romanised_as_the_pair() -> None:
    # U+095B (one character, as some keyboards type it) and U+091C U+093C (the pair)
    abugida = load_lexicon("hi", COMMON).abugida
    assert abugida is not None
    assert abugida.romanize("\u095bिंदगी") == abugida.romanize("\u091c\u093cिंदगी") == "zindgi"


def test_spans_of_romanised_and_mapped_words_point_at_what_was_written() -> None:
    text = "Мне плохо. Я покончу с собой"
    (item,) = screen(text).evidence[:1]
    assert text[item.start : item.end] == "покончу с собой"
    text = "आज रात मैं आत्महत्या कर लूँगा"
    (item,) = [e for e in screen(text).evidence if e.rule == "hi.suicide.intent"]
    assert text[item.start : item.end] == "आत्महत्या कर लूँगा"


def test_letter_maps_and_abugidas_reject_malformed_tables() -> None:
    with pytest.raises(ValueError, match="single characters"):
        LetterMap.build({"ab": "x"})
    with pytest.raises(ValueError, match="one letter"):
        Abugida.build({"consonants": {"कख": "k"}})
    data = {
        "lang": "xx",
        "respell": [["(unclosed", "x"]],
        "negation": {"words": [], "hedge": "(?!)", "strong": "(?!)", "after": "(?!)"},
        "cues": {k: "(?!)" for k in (*CUES, SINCERE)},
        "rules": [],
    }
    with pytest.raises(LexiconError, match="respell"):
        compile_lexicon(data, COMMON)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ana mesh 3arfa a3mel eh delwa2ty", "ar"),  # Egyptian Arabizi
        ("shu badde a3mel halla2, ya3ni kteer ta3bane", "ar"),  # Levantine
        ("dige nemitunam, kheili khaste shodam", "fa"),  # Finglish
        ("emshab chera hame chi inghadr sakhte", "fa"),
    ],
)
def test_arabic_and_persian_typed_in_latin_letters_are_read_as_arabic_and_persian(
    text: str, lang: str
) -> None:
    choice = SCREEN.choose(text)
    assert choice.langs[0] == lang
    assert choice.sure
