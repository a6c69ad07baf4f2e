"""Worry about someone else's risk: the care a helper gets, now and after a restart."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from lumen_bot.errors import LLMBusy, LLMError
from lumen_bot.harness.crisis import Concern, concern_in
from lumen_bot.harness.flags import FlagSource
from lumen_bot.harness.model import Inbound, PersonKey, Turn, TurnKind
from safety import helper_message
from safety.resources import concern_resources
from tests.fakes import FakeLLM, RecordingReply
from tests.wiring import Harness, make_harness

ALICE = PersonKey("telegram", "1001")
THEIR_CRISIS = "my friend just took 40 pills"
THEIR_CONCERN = "my sister says she wants to end it"
OWN_CONCERN = "Honestly I feel like a burden to everyone lately"
OWN_CRISIS = "I have the pills ready and I'm going to take them all tonight"


async def say(h: Harness, text: str, locale: str | None = "en-US") -> RecordingReply:
    reply = RecordingReply()
    await h.mentor.handle(Inbound(ALICE, text, h.clock.now(), locale=locale), reply)
    return reply


async def stored(h: Harness) -> list[Turn]:
    data = await h.store.export(ALICE)
    assert data is not None
    return [t for _, turns in data.sessions for t in turns]


def turn(level: str | None, *, third_party: bool = False) -> Turn:
    at = datetime(2026, 11, 2, tzinfo=UTC)
    return Turn(1, 1, "user", TurnKind.MESSAGE, "x", at, level=level, third_party=third_party)


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        ((turn("none"), turn(None)), None),
        ((turn("concern", third_party=True), turn("none")), Concern.HELPER),
        ((turn("concern"),), Concern.SELF),
        ((turn("concern", third_party=True), turn("concern")), Concern.SELF),
    ],
    ids=["no concern", "only someone else's", "own", "own and someone else's"],
)
def test_the_persons_own_distress_comes_before_their_worry_for_another(
    turns: tuple[Turn, ...], expected: Concern | None
) -> None:
    assert concern_in(turns) is expected


async def test_someone_else_in_danger_now_gets_the_helper_crisis_message_and_a_flag(
    harness: Harness,
) -> None:
    reply = await say(harness, THEIR_CRISIS)
    assert harness.llm.requests == [], "a crisis never reaches the LLM"
    (resources,) = reply.of("crisis")
    assert resources.startswith("If they're in danger right now, call 911 now.")
    assert "you matter too" in resources and "helping someone" in resources
    (flag,) = await harness.review.queue()
    assert flag.source is FlagSource.CRISIS and flag.detail.level == "crisis"
    message, answer = await stored(harness)
    assert (message.kind, message.third_party) == (TurnKind.CRISIS, True)
    assert (answer.kind, answer.third_party) == (TurnKind.RESOURCES, True)


async def test_worry_for_another_gets_the_helper_addendum_then_helper_resources_once(
    harness: Harness,
) -> None:
    first = await say(harness, THEIR_CONCERN)
    (request,) = harness.llm.requests
    assert request.system[-1].text == harness.prompts.helper_addendum.text
    assert harness.prompts.concern_addendum.text not in [b.text for b in request.system]
    assert [event for event, _ in first.events if event in ("final", "plain")] == [
        "final",
        "plain",
    ], "the resources come after the mentor's answer"
    assert first.of("plain") == [helper_message(country="US", lang="en-US")]
    assert first.of("plain") != [concern_resources(country="US", lang="en-US")]

    again = await say(harness, "she said it again tonight, that she wants to end it")
    assert harness.llm.requests[-1].system[-1].text == harness.prompts.helper_addendum.text
    assert again.of("plain") == [], "offered once per session"
    await say(harness, "anyway, work was fine")
    assert harness.llm.requests[-1].system[-1].text != harness.prompts.helper_addendum.text


async def test_a_helper_who_then_speaks_of_their_own_distress_is_offered_their_own_support(
    harness: Harness,
) -> None:
    await say(harness, THEIR_CONCERN)
    own = await say(harness, OWN_CONCERN)
    assert harness.llm.requests[-1].system[-1].text == harness.prompts.concern_addendum.text
    assert own.of("plain") == [concern_resources(country="US", lang="en-US")]


async def test_crisis_resources_of_the_persons_own_count_as_their_offer_not_a_helpers(
    harness: Harness,
) -> None:
    await say(harness, OWN_CRISIS)
    own = await say(harness, OWN_CONCERN)
    assert own.of("plain") == [], "the crisis resources were the person's own offer"
    theirs = await say(harness, THEIR_CONCERN)
    assert theirs.of("plain") == [helper_message(country="US", lang="en-US")]


async def test_worry_for_another_answered_after_a_restart_keeps_the_helper_care(
    tmp_path: Path,
) -> None:
    """The screen's verdict is stored with the message: after a failed answer and a
    restart, the message is answered for a helper without being screened again."""
    busy = FakeLLM(script=lambda request: LLMBusy("529"))
    async with make_harness(tmp_path, busy) as h:
        reply = await say(h, THEIR_CONCERN)
        assert reply.of("notice") == ["mentor_busy"]
        (message,) = await stored(h)
        assert (message.level, message.third_party) == ("concern", True)
    answers: list[list[str] | LLMError] = [["That sounds heavy to carry."]]
    async with make_harness(tmp_path, FakeLLM(script=lambda request: answers.pop(0))) as h:
        assert await h.mentor.resume(h.notifier.channel) == 1
        (request,) = h.llm.requests
        assert request.system[-1].text == h.prompts.helper_addendum.text
        channel = h.notifier.channels[ALICE]
        assert channel.of("final") == ["That sounds heavy to carry."]
        assert channel.of("plain") == [helper_message(country="US", lang="en-US")], (
            "the lines of the locale heard before the restart"
        )


async def test_without_a_locale_the_offer_speaks_the_language_the_concern_was_said_in(
    harness: Harness,
) -> None:
    """The terminal names no language: the offer then follows the person's words, as
    crisis resources do, not English by default."""
    reply = await say(harness, "ya no quiero vivir, me quiero morir", locale=None)
    assert reply.of("plain") == [concern_resources(lang="es")]
    assert concern_resources(lang="es") != concern_resources()


async def test_a_crisis_stored_as_someone_elses_is_answered_for_a_helper_when_read_again(
    harness: Harness,
) -> None:
    """Resources that never arrived are sent again with the next message; the verdict
    stored with the crisis still speaks to the helper, even if the screen, reading the
    words again (say after its rules changed), would not hear someone else in them."""
    await harness.store_unanswered_crisis(ALICE, OWN_CRISIS, third_party=True)
    reply = await say(harness, "are you there?")
    (resources,) = reply.of("crisis")
    assert resources.startswith("If they're in danger right now")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("pt-BR", "pt"), (None, "es"), ("ja", "es")],
    ids=["the platform's language", "without one, the words'", "one Lumen does not speak"],
)
async def test_crisis_resources_name_the_language_they_are_written_in(
    harness: Harness, locale: str | None, expected: str
) -> None:
    """The buttons under the resources, and the answer to "I'm safe for now", speak the
    language the resources were written in."""
    reply = await say(harness, "me voy a matar esta noche", locale=locale)
    assert reply.of("crisis"), "a crisis in any language gets resources"
    assert reply.crisis_langs == [expected]


async def test_a_platform_language_lumen_does_not_speak_gives_way_to_the_words(
    harness: Harness,
) -> None:
    """A Chinese Telegram writing Spanish gets Spanish resources and a Spanish offer
    (Chinese names no country Lumen lists, so the international ones)."""
    concern = await say(harness, "ya no quiero vivir, me quiero morir", locale="zh")
    assert concern.of("plain") == [concern_resources(lang="es")]
    crisis = await say(harness, "me voy a matar esta noche", locale="zh")
    assert "Tú importas" in crisis.of("crisis")[0]
