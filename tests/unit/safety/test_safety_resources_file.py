"""config/crisis_resources.yaml: complete, sourced, validated at load, and honest about gaps."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from safety import Category, Evidence, Level, Screening
from safety.resources import (
    DEFAULT_RESOURCES,
    MESSAGE_LANGS,
    ResourceFileError,
    crisis_message,
    helper_message,
    load_resources,
)

CONFIG = Path(__file__).parents[3] / "config" / "crisis_resources.yaml"
REQUIRED: tuple[str, ...] = ("US", "GB", "IE", "CA", "AU", "IN", "BR", "MX", "ES", "DE")
REQUIRED += ("FR", "RU", "UA", "ID", "TR", "IR", "EG", "PH", "NG")
REQUIRED_LANGS = ("en", "es", "pt", "ru", "uk", "de", "fr", "id", "tr", "ar", "fa", "hi")


def _raw() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    return data


def _entries(raw: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every sourced entry: each country's emergency and each of its lines."""
    out = [("fallback.directory", raw["fallback"]["directory"])]
    for code, country in raw["countries"].items():
        out.append((f"{code}.emergency", country["emergency"]))
        out += [(f"{code}.{line['name']}", line) for line in country.get("lines", [])]
    return out


def test_file_is_versioned_with_an_update_date() -> None:
    raw = _raw()
    assert isinstance(raw["version"], int)
    assert raw["version"] >= 1
    assert isinstance(raw["updated"], date)


@pytest.mark.parametrize("code", REQUIRED)
def test_every_required_country_is_present_with_an_emergency_number(code: str) -> None:
    country = _raw()["countries"][code]
    assert country["emergency"]["numbers"], code
    assert all(n.strip() for n in country["emergency"]["numbers"])
    assert load_resources().countries[code].emergency_numbers


def test_every_line_and_emergency_number_has_a_source_and_a_verification_status() -> None:
    raw = _raw()
    for where, entry in _entries(raw):
        assert str(entry.get("source", "")).startswith(("https://", "http://")), where
        if entry.get("verified", True):
            assert isinstance(entry.get("verified_on"), date), where
            assert entry["verified_on"] <= raw["updated"], where
        else:
            assert "verified_on" not in entry, where
            assert entry.get("note"), f"{where}: say why it is unverified"


def test_the_file_admits_what_it_could_not_verify() -> None:
    unverified = [where for where, e in _entries(_raw()) if e.get("verified") is False]
    assert unverified  # TR 182, EG 16328 and NG MANI could not be confirmed


@pytest.mark.parametrize(
    ("country", "unverified_number"), [("TR", "182"), ("EG", "16328"), ("NG", "0809 111 6264")]
)
def test_unverified_lines_are_never_shown_to_a_person(country: str, unverified_number: str) -> None:
    crisis = Screening(
        Level.CRISIS,
        (Category.SUICIDE_SELF_HARM,),
        "en",
        (Evidence("t", Level.CRISIS, Category.SUICIDE_SELF_HARM, 0, 1),),
    )
    for lang in MESSAGE_LANGS:
        assert unverified_number not in crisis_message(crisis, country=country, lang=lang)
        assert unverified_number not in helper_message(country=country, lang=lang)


def test_people_are_only_sent_to_https_addresses() -> None:
    for where, entry in _entries(_raw()):
        for key in ("url", "chat_url"):
            if entry.get(key):
                assert entry[key].startswith("https://"), where


def test_messages_exist_in_every_required_language() -> None:
    assert set(REQUIRED_LANGS) <= set(MESSAGE_LANGS)


def test_the_packaged_copy_is_the_config_file_in_a_checkout() -> None:
    assert DEFAULT_RESOURCES.resolve() == CONFIG.resolve()
    assert load_resources().countries.keys() == load_resources(CONFIG).countries.keys()


def test_loader_takes_a_path_and_reads_a_minimal_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "resources.yaml"
    path.write_text(
        """
version: 7
updated: 2026-11-21
fallback:
  directory:
    {name: Dir, url: "https://dir.example", source: "https://d.example", verified_on: 2026-11-21}
countries:
  ZZ:
    name: Testland
    emergency: {numbers: ["999"], source: "https://e.example", verified_on: 2026-11-21}
    lines:
      - {name: Line, phone: ["1"], languages: [en], source: "https://l.example",
         verified_on: 2026-11-21}
      - {name: Gap, phone: ["2"], languages: [en], source: "https://l.example",
         verified: false, note: unsure}
""",
        encoding="utf-8",
    )
    book = load_resources(path)
    assert (book.version, book.updated) == (7, date(2026, 11, 21))
    zz = book.countries["ZZ"]
    assert [line.name for line in zz.lines] == ["Line"]  # the unverified one is dropped
    assert zz.emergency_numbers == ("999",)


def _mutate(raw: dict[str, Any], change: str) -> dict[str, Any]:
    raw = copy.deepcopy(raw)
    gb = raw["countries"]["GB"]
    if change == "line without source":
        del gb["lines"][0]["source"]
    elif change == "verified line without date":
        del gb["lines"][0]["verified_on"]
    elif change == "unverified line without note":
        gb["lines"][0].update(verified=False)
        del gb["lines"][0]["verified_on"]
        gb["lines"][0].pop("note", None)
    elif change == "misspelt field":
        gb["lines"][0]["phon"] = gb["lines"][0].pop("phone")
    elif change == "no way to reach a line":
        del gb["lines"][0]["phone"]
    elif change == "lower-case country code":
        raw["countries"]["gb"] = raw["countries"].pop("GB")
    elif change == "no emergency number":
        gb["emergency"]["numbers"] = []
    elif change == "bad hours":
        gb["lines"][0]["hours"] = "always"
    elif change == "http chat address":
        gb["lines"][0]["chat_url"] = "http://insecure.example"
    elif change == "alias to an unknown country":
        raw["aliases"]["XX"] = "QQ"
    elif change == "no version":
        del raw["version"]
    elif change == "one name for two countries":
        raw["countries"]["IE"]["also_called"] = ["The United kingdom"]  # GB's name
    return raw


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ("line without source", "countries.GB.lines.0.source"),
        ("verified line without date", "countries.GB.lines.0"),
        ("unverified line without note", "countries.GB.lines.0"),
        ("misspelt field", "countries.GB.lines.0.phon"),
        ("no way to reach a line", "countries.GB.lines.0"),
        ("lower-case country code", "countries.gb"),
        ("no emergency number", "countries.GB.emergency.numbers"),
        ("bad hours", "countries.GB.lines.0.hours"),
        ("http chat address", "countries.GB.lines.0.chat_url"),
        ("alias to an unknown country", "unknown countries ['QQ']"),
        ("no version", "version"),
        ("one name for two countries", "is given to GB and IE"),
    ],
)
def test_loader_rejects_a_malformed_file_naming_the_path_and_the_field(
    tmp_path: Path, change: str, field: str
) -> None:
    path = tmp_path / "crisis_resources.yaml"
    path.write_text(yaml.safe_dump(_mutate(_raw(), change), allow_unicode=True), encoding="utf-8")
    with pytest.raises(ResourceFileError) as caught:
        load_resources(path)
    assert str(path) in str(caught.value)
    assert field in str(caught.value)


def test_loader_rejects_text_that_is_not_yaml_and_a_missing_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("countries: [unclosed", encoding="utf-8")
    with pytest.raises(ResourceFileError, match="not valid YAML"):
        load_resources(broken)
    with pytest.raises(ResourceFileError, match="cannot read"):
        load_resources(tmp_path / "absent.yaml")
