"""AnswerStream: `/end` stops an answer in the answering task, and nothing else is stopped.

The stream runs in the task that answers, so the cancellation `/end` asks for lands in
that task. These tests pin down what that task sees afterwards: an AnswerCancelled,
then a task free to go on (no cancellation left pending on it), while a cancellation
from elsewhere (shutdown) stays a cancellation.
"""

from __future__ import annotations

import asyncio

import pytest

import safety
from lumen_bot.errors import AnswerCancelled
from lumen_bot.harness.ports import ChatMessage, LLMRequest
from lumen_bot.harness.streaming import AnswerStream
from tests.fakes import FakeLLM, RecordingReply

SESSION = 7
REQUEST = LLMRequest("turn", (), (ChatMessage("user", "hello"),), max_tokens=100)


def stalling_llm() -> FakeLLM:
    llm = FakeLLM(script=lambda request: ["Thank you ", "for telling me."])
    llm.gate = asyncio.Event()  # the answer stalls after its first words
    return llm


def answer_stream(llm: FakeLLM) -> AnswerStream:
    return AnswerStream(llm=llm, review_output=safety.review_output, typing_every_s=60)


async def until_streaming(llm: FakeLLM) -> None:
    async with asyncio.timeout(5):
        while not llm.requests:  # noqa: ASYNC110 - the fake announces nothing
            await asyncio.sleep(0.005)
        await asyncio.sleep(0.01)  # past the first words, waiting on the gate


async def test_a_whole_answer_comes_back_in_the_answering_task() -> None:
    llm = FakeLLM(script=lambda request: ["Thank you ", "for telling me."])
    stream = answer_stream(llm)
    assert await stream.text(SESSION, REQUEST, RecordingReply(), None) == (
        "Thank you for telling me."
    )
    assert not stream.cancel(SESSION), "nothing streams once the answer is in"


async def test_a_cancelled_answer_aborts_upstream_and_leaves_its_task_free_to_go_on() -> None:
    llm = stalling_llm()
    stream = answer_stream(llm)
    went_on = asyncio.Event()

    async def answering() -> str:
        try:
            return await stream.text(SESSION, REQUEST, RecordingReply(), None)
        except AnswerCancelled:
            await asyncio.sleep(0.01)  # a task still cancelling would be stopped here
            went_on.set()
            return "dropped"

    task = asyncio.create_task(answering())
    await until_streaming(llm)
    assert stream.cancel(SESSION)
    assert stream.cancel(SESSION), "asked twice, it is still the one answer stopped"
    assert await task == "dropped"
    assert went_on.is_set()
    assert task.cancelling() == 0
    assert llm.cancelled == 1, "the upstream request was aborted"
    assert not stream.cancel(SESSION)


async def test_a_shutdown_while_streaming_stays_a_cancellation() -> None:
    llm = stalling_llm()
    stream = answer_stream(llm)
    task = asyncio.create_task(stream.text(SESSION, REQUEST, RecordingReply(), None))
    await until_streaming(llm)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert llm.cancelled == 1


async def test_a_shutdown_together_with_end_stays_a_cancellation() -> None:
    llm = stalling_llm()
    stream = answer_stream(llm)
    task = asyncio.create_task(stream.text(SESSION, REQUEST, RecordingReply(), None))
    await until_streaming(llm)
    assert stream.cancel(SESSION)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert not stream.cancel(SESSION)
