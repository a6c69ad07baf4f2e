"""Which commands are read as messages: the same decision for Telegram and the terminal."""

from __future__ import annotations

import pytest

from lumen_bot.harness.commands import (
    LARGEST_ID,
    command_name,
    overrides_a_command,
    read_as_message,
    whole_number,
)
from safety.screening import CHAT_RULE, Category, Evidence, Level, Screening


@pytest.mark.parametrize(
    "said",
    [
        "/kms",
        "/help i want to die",
        "/end I'm going to kill myself tonight",
        "/start i have the pills ready and i'm taking them all tonight",
        "/country i want to kill myself",
    ],
)
def test_a_command_whose_words_carry_risk_is_read_as_a_message(said: str) -> None:
    assert read_as_message(said)


@pytest.mark.parametrize(
    "said", ["/end", "/end now please", "/end it please", "/help", "/country GB", "/flags"]
)
def test_an_ordinary_command_stays_a_command(said: str) -> None:
    assert not read_as_message(said)


def _found(level: Level, *rules: str) -> Screening:
    """A screening of a command's words with evidence from `rules`."""
    evidence = tuple(Evidence(r, level, Category.SUICIDE_SELF_HARM, 0, 4) for r in rules)
    return Screening(level, (Category.SUICIDE_SELF_HARM,), evidence=evidence)


def test_a_crisis_outweighs_the_command_even_when_only_the_chat_model_read_it() -> None:
    """ "/end" with words only the model weighs as a crisis gets crisis care, not a
    closed session; its concern alone lets the command run."""
    assert overrides_a_command(_found(Level.CRISIS, CHAT_RULE))
    assert overrides_a_command(_found(Level.CRISIS, "suicide.intent"))
    assert overrides_a_command(_found(Level.CONCERN, "suicide.passive"))
    assert overrides_a_command(_found(Level.CONCERN, CHAT_RULE, "suicide.passive"))
    assert not overrides_a_command(_found(Level.CONCERN, CHAT_RULE))
    assert not overrides_a_command(Screening(Level.NONE))


def test_a_report_stays_a_report_whatever_it_quotes() -> None:
    assert not read_as_message("/report you told me to kill myself")
    assert not read_as_message("/report@LumenBot I'm going to kill myself tonight")


def test_the_command_name_drops_the_slash_the_bot_name_and_the_case() -> None:
    assert command_name("/Report@LumenBot the last reply") == "report"
    assert command_name("/end") == "end"
    assert command_name("") == ""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("42", 42),
        ("007", 7),
        ("٤٢", 42),
        ("\uff14\uff12", 42),  # full-width
        (str(LARGEST_ID), LARGEST_ID),
        (str(LARGEST_ID + 1), None),
        ("9" * 5000, None),
        ("²", None),
        ("-1", None),
        ("4.2", None),
        (" 42", None),
        ("", None),
    ],
)
def test_a_whole_number_is_read_from_any_decimal_digits_and_nothing_else(
    raw: str, expected: int | None
) -> None:
    assert whole_number(raw) == expected


def test_a_whole_number_above_the_most_asked_for_names_nothing() -> None:
    assert whole_number("24", most=23) is None
    assert whole_number("23", most=23) == 23
