"""Retention: raw transcripts of closed sessions go after N days; notebooks and Arc stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from lumen_bot.harness.model import Inbound, PersonKey
from lumen_bot.harness.privacy import RetentionChoice
from tests.fakes import RecordingReply
from tests.wiring import Harness, make_harness

ALICE = PersonKey("telegram", "1001")
BOB = PersonKey("telegram", "1002")


async def session(h: Harness, who: PersonKey, text: str) -> int:
    """One session with one message, closed (notebook and Arc written); the person id."""
    await h.mentor.handle(Inbound(who, text, h.clock.now()), RecordingReply())
    await h.mentor.end(who, RecordingReply())
    person = await h.store.person(who, h.clock.now())
    await h.closer.settle(person.id, wait_s=5)
    return person.id


async def turns_by_session(h: Harness, who: PersonKey) -> list[int]:
    exported = await h.store.export(who)
    assert exported is not None
    return [len(turns) for _, turns in exported.sessions]


async def test_the_global_retention_deletes_old_transcripts_and_keeps_notebooks_and_arc(
    tmp_path: Path,
) -> None:
    async with make_harness(tmp_path, retention_days=30) as h:
        await session(h, ALICE, "an old conversation about the harbour")
        h.clock.advance(days=20)
        await session(h, ALICE, "a newer one about the hills")
        h.clock.advance(days=11)  # the first closed 31 days ago, the second 11
        await h.mentor.handle(Inbound(ALICE, "today", h.clock.now()), RecordingReply())
        assert await h.retention.sweep() == 1
        assert await turns_by_session(h, ALICE) == [0, 2, 2], "the open session is untouched"
        exported = await h.store.export(ALICE)
        assert exported is not None
        assert len(exported.notebooks) == 2 and len(exported.arcs) == 2
        assert await h.retention.sweep() == 0, "nothing more to do"


async def test_a_persons_own_retention_applies_to_them_alone(tmp_path: Path) -> None:
    async with make_harness(tmp_path) as h:  # global retention off
        alice = await session(h, ALICE, "mine")
        await session(h, BOB, "his")
        await h.retention.choose(alice, 30)
        h.clock.advance(days=31)
        assert await h.retention.sweep() == 1
        assert await turns_by_session(h, ALICE) == [0]
        assert await turns_by_session(h, BOB) == [2]


@pytest.mark.parametrize(("global_days", "personal", "expected"), [(365, 30, 30), (30, 365, 30)])
async def test_the_shorter_of_global_and_personal_retention_wins(
    tmp_path: Path, global_days: int, personal: int, expected: int
) -> None:
    async with make_harness(tmp_path, retention_days=global_days) as h:
        alice = await session(h, ALICE, "words")
        choice = await h.retention.choose(alice, personal)
        assert choice == RetentionChoice(personal, global_days) and choice.effective == expected
        h.clock.advance(days=expected - 1)
        assert await h.retention.sweep() == 0, "not yet"
        h.clock.advance(days=2)
        assert await h.retention.sweep() == 1


async def test_off_everywhere_keeps_everything(tmp_path: Path) -> None:
    async with make_harness(tmp_path) as h:
        alice = await session(h, ALICE, "words")
        assert (await h.retention.choice(alice)).effective is None
        h.clock.advance(days=3650)
        assert await h.retention.sweep() == 0
        assert await turns_by_session(h, ALICE) == [2]


async def test_only_the_choices_offered_can_be_set(tmp_path: Path) -> None:
    async with make_harness(tmp_path) as h:
        alice = await session(h, ALICE, "words")
        with pytest.raises(ValueError, match="retention"):
            await h.retention.choose(alice, 1)
        assert (await h.retention.choose(alice, None)).effective is None


async def test_the_next_session_starts_from_notebooks_and_arc_without_the_expired_transcript(
    tmp_path: Path,
) -> None:
    async with make_harness(tmp_path, retention_days=30) as h:
        await session(h, ALICE, "the lighthouse keeper's story")
        h.clock.advance(days=31)
        assert await h.retention.sweep() == 1
        h.llm.requests.clear()
        reply = RecordingReply()
        await h.mentor.handle(Inbound(ALICE, "hello again", h.clock.now()), reply)
        assert reply.of("final"), "the mentor answers"
        context = h.llm.requests[-1].system[1].text
        assert "lighthouse" not in context, "the raw transcript is gone"
        assert "# Transcript" not in context, "no empty transcript heading either"
        assert "Someone curious" in context, "the Arc is there"
        assert "We talked." in context, "the notebook is there"
