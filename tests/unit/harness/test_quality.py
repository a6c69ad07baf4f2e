"""Useless answers: thinking stripped, empties and echoes caught, one retry with the fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from lumen_bot.harness.model import Inbound, PersonKey
from lumen_bot.harness.ports import LLMRequest
from lumen_bot.harness.quality import better, judge, visible
from tests.fakes import FakeLLM, RecordingReply
from tests.wiring import make_harness

ALICE = PersonKey("telegram", "1001")
SAID = "I keep putting off the conversation with my manager"


@pytest.mark.parametrize(
    ("raw", "final", "shown"),
    [
        ("<think>plan the reply</think>Hello there", True, "Hello there"),
        ("<thinking>a</thinking> Hi <think>b</think>you", True, "Hi you"),
        ("<think>the whole answer, never closed", True, "the whole answer, never closed"),
        ("Start of answer <think>and then hidden", True, "Start of answer"),
        ("<think>still thinking", False, ""),
        ("Plain answer", False, "Plain answer"),
    ],
)
def test_thinking_never_shows_and_an_unclosed_tag_does_not_swallow_the_answer(
    raw: str, final: bool, shown: str
) -> None:
    assert visible(raw, final=final) == shown


@pytest.mark.parametrize(
    ("answer", "reason"),
    [("", "empty"), (".", "single_character"), (SAID.upper() + "!", "echo")],
)
def test_useless_answers_are_recognised(answer: str, reason: str) -> None:
    verdict = judge(answer, said=SAID)
    assert not verdict.useful and reason in verdict.reasons


def test_a_real_answer_is_useful_and_preferred() -> None:
    answer = "What makes that conversation feel heavy?"
    assert judge(answer, said=SAID).useful
    assert judge("Yes.", said="Yes.").useful, "a short answer is not an echo by chance"
    assert better("", answer, said=SAID) == answer
    assert better(SAID, answer, said=SAID) == answer


async def test_a_useless_answer_is_retried_once_with_the_fallback_model(tmp_path: Path) -> None:
    def script(request: LLMRequest) -> list[str]:
        if request.model == "fallback-model":
            return ["What is the smallest first step?"]
        return ["<think>I should echo</think>", SAID]

    llm = FakeLLM(script=script)
    async with make_harness(tmp_path, llm, fallback_model="fallback-model") as h:
        reply = RecordingReply()
        await h.mentor.handle(Inbound(ALICE, SAID, h.clock.now()), reply)
        assert [r.model for r in llm.requests] == [None, "fallback-model"]
        assert reply.of("final") == ["What is the smallest first step?"]


async def test_when_both_answers_are_useless_the_person_gets_a_short_apology(
    tmp_path: Path,
) -> None:
    async with make_harness(tmp_path, FakeLLM(script=lambda r: ["<think>", "…"])) as h:
        reply = RecordingReply()
        await h.mentor.handle(Inbound(ALICE, SAID, h.clock.now()), reply)
        assert len(h.llm.requests) == 2
        assert reply.of("final") == []
        assert reply.of("notice") == ["words_lost"]
