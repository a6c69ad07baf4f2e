"""A person being hurt by someone: the mentor's addendum and the lines they are offered."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from lumen_bot.harness.crisis import Concern, concern_in
from lumen_bot.harness.model import Inbound, PersonKey, Turn, TurnKind
from safety.resources import concern_resources
from tests.fakes import RecordingReply
from tests.wiring import Harness

ALICE = PersonKey("telegram", "1001")
HURT = "my husband hits me when he drinks"
OWN_CONCERN = "Honestly I feel like a burden to everyone lately"
ABUSE_LINE = "National Domestic Violence Hotline"
CRISIS_LINE = "988 Suicide & Crisis Lifeline"


async def say(h: Harness, text: str) -> RecordingReply:
    reply = RecordingReply()
    await h.mentor.handle(Inbound(ALICE, text, h.clock.now(), locale="en-US"), reply)
    return reply


async def stored(h: Harness) -> list[Turn]:
    data = await h.store.export(ALICE)
    assert data is not None
    return [t for _, turns in data.sessions for t in turns]


def turn(level: str, *, hurt: bool = False, third_party: bool = False) -> Turn:
    at = datetime(2026, 11, 2, tzinfo=UTC)
    return Turn(
        1, 1, "user", TurnKind.MESSAGE, "x", at,
        level=level, third_party=third_party, hurt_by_others=hurt,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        ((turn("concern", hurt=True),), Concern.HURT),
        ((turn("concern"), turn("concern", hurt=True)), Concern.HURT),
        ((turn("concern", third_party=True), turn("concern", hurt=True)), Concern.HURT),
        ((turn("none", hurt=True), turn("concern")), Concern.SELF),
        ((turn("concern", hurt=True, third_party=True),), Concern.WITNESS),
        (
            (turn("concern", third_party=True), turn("concern", hurt=True, third_party=True)),
            Concern.WITNESS,
        ),
        ((turn("concern", hurt=True, third_party=True), turn("concern")), Concern.SELF),
    ],
    ids=[
        "hurt",
        "hurt and own distress",
        "hurt and someone else's",
        "only a concern counts",
        "someone else hurt",
        "someone else hurt, before a helper's worry",
        "own distress, before someone else hurt",
    ],
)
def test_being_hurt_comes_first_among_messages_answered_together(
    turns: tuple[Turn, ...], expected: Concern
) -> None:
    assert concern_in(turns) is expected


def test_the_offer_for_someone_being_hurt_names_the_abuse_line_first_and_a_crisis_line() -> None:
    offer = concern_resources(country="US", lang="en", hurt_by_others=True)
    assert ABUSE_LINE in offer and CRISIS_LINE in offer
    assert offer.index(ABUSE_LINE) < offer.index(CRISIS_LINE)
    assert ABUSE_LINE not in concern_resources(country="US", lang="en")


def test_without_abuse_lines_for_the_country_the_offer_is_the_usual_one() -> None:
    assert concern_resources(country=None, lang="en", hurt_by_others=True) == concern_resources(
        country=None, lang="en"
    )


async def test_someone_being_hurt_gets_the_hurt_addendum_and_the_abuse_line_once(
    harness: Harness,
) -> None:
    first = await say(harness, HURT)
    (request,) = harness.llm.requests
    assert request.system[-1].text == harness.prompts.hurt_addendum.text
    assert first.of("plain") == [concern_resources(country="US", lang="en-US", hurt_by_others=True)]
    message, answer, offer = await stored(harness)
    assert (message.level, message.hurt_by_others, message.third_party) == ("concern", True, False)
    assert (offer.kind, offer.hurt_by_others) == (TurnKind.OFFER, True)
    assert answer.kind is TurnKind.REPLY

    again = await say(harness, "he hit me again last week")
    assert harness.llm.requests[-1].system[-1].text == harness.prompts.hurt_addendum.text
    assert again.of("plain") == [], "offered once per session"
    own = await say(harness, OWN_CONCERN)
    assert harness.llm.requests[-1].system[-1].text == harness.prompts.concern_addendum.text
    assert own.of("plain") == [], "the abuse offer named a crisis line too"


async def test_own_distress_offered_first_then_being_hurt_still_gets_the_abuse_line(
    harness: Harness,
) -> None:
    own = await say(harness, OWN_CONCERN)
    assert own.of("plain") == [concern_resources(country="US", lang="en-US")]
    hurt = await say(harness, HURT)
    assert [ABUSE_LINE in text for text in hurt.of("plain")] == [True]


async def test_a_crisis_of_being_hurt_now_counts_as_the_offer(harness: Harness) -> None:
    crisis = await say(harness, "he's outside my door with a knife")
    (resources,) = crisis.of("crisis")
    assert ABUSE_LINE in resources
    later = await say(harness, HURT)
    assert later.of("plain") == [], "the crisis resources named the abuse line already"


async def test_a_crisis_stored_as_being_hurt_still_names_the_abuse_line_when_read_again(
    harness: Harness,
) -> None:
    """Resources that never arrived are sent with the next message. The stored verdict
    keeps the abuse lines in them even when the words, read again without the messages
    that came before, no longer show who is hurting the person."""
    own_crisis = "I have the pills ready and I'm going to take them all tonight"
    await harness.store_unanswered_crisis(ALICE, own_crisis, hurt_by_others=True)
    reply = await say(harness, "are you there?")
    (resources,) = reply.of("crisis")
    assert ABUSE_LINE in resources and CRISIS_LINE in resources
    assert resources.index(CRISIS_LINE) < resources.index(ABUSE_LINE), "their own crisis first"
    crisis, given = (await stored(harness))[:2]
    assert (crisis.kind, given.kind, given.hurt_by_others) == (
        TurnKind.CRISIS,
        TurnKind.RESOURCES,
        True,
    )


WITNESS = "my stepdad hits my little sister"


async def test_someone_else_being_hurt_gets_the_witness_addendum_and_the_abuse_line_once(
    harness: Harness,
) -> None:
    """Not the helper's words about asking whether someone is thinking of suicide: the
    person may live with the violence, so they are asked whether they are safe, and
    offered the line for abuse and violence first."""
    first = await say(harness, WITNESS)
    (request,) = harness.llm.requests
    assert request.system[-1].text == harness.prompts.witness_addendum.text
    assert harness.prompts.helper_addendum.text not in [block.text for block in request.system]
    [offer_text] = first.of("plain")
    assert offer_text == concern_resources(country="US", lang="en-US", hurt_by_others=True)
    assert "thinking about suicide" not in offer_text
    message, _, offer = await stored(harness)
    assert (message.level, message.hurt_by_others, message.third_party) == ("concern", True, True)
    assert (offer.kind, offer.hurt_by_others, offer.third_party) == (TurnKind.OFFER, True, True)

    again = await say(harness, "my stepdad hit my sister again last week")
    assert harness.llm.requests[-1].system[-1].text == harness.prompts.witness_addendum.text
    assert again.of("plain") == [], "offered once per session"


async def test_after_the_witness_offer_being_hurt_or_own_distress_is_not_offered_again(
    harness: Harness,
) -> None:
    """The witness was offered the abuse line first and a crisis line: the very words a
    person being hurt, or in distress, would be offered next."""
    await say(harness, WITNESS)
    hurt = await say(harness, HURT)
    assert harness.llm.requests[-1].system[-1].text == harness.prompts.hurt_addendum.text
    assert hurt.of("plain") == [], "the same offer, once per session"
    own = await say(harness, OWN_CONCERN)
    assert own.of("plain") == []


async def test_after_a_crisis_about_someone_else_own_distress_still_gets_its_offer(
    harness: Harness,
) -> None:
    """Those resources spoke to a helper about the other person's danger now."""
    crisis = await say(harness, "my dad is going to kill my mom tonight")
    assert crisis.of("crisis")
    own = await say(harness, OWN_CONCERN)
    assert own.of("plain") == [concern_resources(country="US", lang="en-US")]
