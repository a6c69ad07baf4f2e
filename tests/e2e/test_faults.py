"""Each LLM fault, injected by a protocol-speaking server: the person gets an answer or our
words, never an error text; the turn stays stored and Lumen answers it later by itself; the
log names the fault, never the words."""

from __future__ import annotations

import asyncio

import pytest

from .llm_proxy import Fault, LlmProxy
from .processes import LumenFactory
from .telegram_records import Failure
from .telegram_user import TelegramUser, TelegramWorld

pytestmark = pytest.mark.e2e

SAID = "a sentence only this person wrote"


@pytest.mark.parametrize(
    ("faults", "expect"),
    [
        ([Fault.overloaded(retry_after=1)], "MENTOR-MARKER"),  # the SDK retries after 1 s
        ([Fault.server_error()], "MENTOR-MARKER"),
        ([Fault.overloaded(), Fault.overloaded(), Fault.overloaded()], "need a moment"),
        ([Fault.server_error()] * 3, "can't reach my thoughts"),
        ([Fault.mid_stream_error(after_deltas=3)], "lost my words"),
        ([Fault.empty_reply()], "MENTOR-MARKER"),  # retried once, then answered
        ([Fault.empty_reply(), Fault.empty_reply()], "lost my words"),
        ([Fault.slow(6)], "MENTOR-MARKER"),  # past LUMEN_LLM_TIMEOUT once: the SDK retries
        ([Fault.slow(6)] * 3, "can't reach my thoughts"),  # every attempt times out
        ([Fault.refused()], "can't reach my thoughts"),  # a wrong key: kept for a retry
    ],
    ids=[
        "529 once",
        "500 once",
        "529 past retries",
        "500 past retries",
        "error event mid-stream",
        "empty answer once",
        "empty answer twice",
        "timeout once",
        "timeout past retries",
        "401 refused",
    ],
)
async def test_llm_faults_end_in_an_answer_or_our_words(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
    faults: list[Fault],
    expect: str,
) -> None:
    bot = lumen_process(env={"LUMEN_LLM_TIMEOUT": "3", "LUMEN_LLM_MAX_RETRIES": "2"})
    await telegram.wait_until_polling(timeout=60)
    for fault in faults:
        llm.inject(fault)
    await telegram_user.send_text(SAID)
    [reply] = await telegram_user.wait_for_bot_messages(1, timeout=60)
    assert expect in reply.text
    for internal in ("overloaded", "error", "529", "500", "Exception"):
        assert internal not in reply.text
    assert bot.stop() == 0
    log = bot.output()
    assert SAID not in log, "the log holds events and ids, never what was written"
    if "MENTOR-MARKER" not in expect:
        assert "turn_failed" in log, "the fault path is logged as an event"
        assert "will answer it as soon as I can" in reply.text, "what Lumen really does"
        assert "no need to send it again" in reply.text
    if any(fault.kind == "refused" for fault in faults):
        assert "llm_refused purpose=turn status=401 type=authentication_error" in log, (
            "the operator learns which setting to fix"
        )


async def test_after_a_failure_lumen_answers_by_itself_once(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    """The person does not write again: the rhythm beat tries again (the first retry fails
    too), the answer arrives once, and the message is in the conversation once."""
    bot = lumen_process(
        env={
            "LUMEN_LLM_MAX_RETRIES": "0",
            "LUMEN_ANSWER_RETRY_BASE": "1",
            "LUMEN_RHYTHM_TICK": "0.5",
        }
    )
    await telegram.wait_until_polling(timeout=60)
    llm.inject(Fault.server_error(), times=2)  # the person's attempt and the first retry
    await telegram_user.send_text(SAID)
    sorry, answer = await telegram_user.wait_for_bot_messages(2, timeout=60)
    assert "will answer it as soon as I can" in sorry.text
    assert "MENTOR-MARKER" in answer.text
    await telegram_user.assert_no_bot_messages(within=3)
    tries = llm.requests_containing(SAID)
    assert [r.fault is not None for r in tries] == [True, True, False]
    assert tries[-1].conversation.count(SAID) == 1, "answered once, never doubled"
    assert bot.stop() == 0
    log = bot.output()
    assert log.count("answer_retry ") == 2 and "answer_retry_planned" in log
    assert SAID not in log


async def test_an_answer_telegram_would_not_take_arrives_later_by_itself_once(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
    llm: LlmProxy,
) -> None:
    """Telegram answers 502 to the answer and to both of Lumen's quick retries: the answer
    is stored, so Lumen sends it again later on its own, without a new LLM call and without
    asking the person to try again (they would have written it twice)."""
    bot = lumen_process(env={"LUMEN_ANSWER_RETRY_BASE": "1", "LUMEN_RHYTHM_TICK": "0.5"})
    await telegram.wait_until_polling(timeout=60)
    telegram_user.records.fail_next(Failure("sendMessage", 502, "Bad Gateway"), times=3)
    await telegram_user.send_text(SAID)
    [answer] = await telegram_user.wait_for_bot_messages(1, timeout=60)
    assert "MENTOR-MARKER" in answer.text
    await telegram_user.assert_no_bot_messages(within=3)
    sends = [c for c in list(telegram_user.records.calls) if c.method == "sendMessage"]
    assert len(sends) == 4, "three refused, then the answer once"
    assert len(llm.requests_containing(SAID)) == 1, "the stored answer, not a second one"
    assert bot.stop() == 0
    log = bot.output()
    assert "answer_undelivered" in log and "stored_reply_delivered" in log
    assert SAID not in log


CONFLICT = Failure(
    "getUpdates",
    409,
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running",
)


async def test_a_second_process_taking_over_the_updates_stops_this_one_in_good_order(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    telegram_user: TelegramUser,
) -> None:
    """Telegram answers 409 Conflict to the process whose updates another `lumen run`
    of the same bot now fetches. That process finishes what it holds (the message it
    fetched is answered), then stops and says why in one line, not a traceback."""
    bot = lumen_process()
    await telegram.wait_until_polling(timeout=60)
    telegram_user.records.fail_next(CONFLICT)
    await telegram_user.send_text(SAID)  # ends the long poll; the next one meets the 409
    [answer] = await telegram_user.wait_for_bot_messages(1, timeout=60)
    assert "MENTOR-MARKER" in answer.text
    for _ in range(300):
        if bot.returncode is not None:
            break
        await asyncio.sleep(0.1)
    assert bot.returncode == 3, "stopped by itself, with its own exit status"
    log = bot.output()
    assert "lumen: another process now fetches this bot's updates" in log
    assert "Traceback" not in log and "updates_taken_over" in log and "bot_stopped" in log
    assert SAID not in log
