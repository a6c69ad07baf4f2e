"""200 people in conversation at once through the emulator, the LLM taking a second per reply.

Asserts what must hold (every message answered, in order per person, a flood
held to its sender) and prints figures (not timed assertions): CPU per turn,
and the time from a message to its LLM request, Lumen's own part of it
starting when the proxy hands the update to the bot in getUpdates and ending
when the request is on the wire (stamped by `wire_tap`, a process of its own;
the LLM proxy, a thread of this busy test process, reads it later, and that
later time is printed beside it).

People write as people do: each starts within the first LUMEN_LOAD_RAMP_S
seconds, reads each answer and writes again after one to three seconds. In the
middle of it one person sends twenty messages back to back; the others' times
while that flood is taken in are shown beside their times outside it.
LUMEN_LOAD_RAMP_S=0 with LUMEN_LOAD_THINK_S=0 makes everyone press send in the
same instant (the herd in docs/reliability.md); tests/bench/burst.py measures
that herd without the rig sharing the machine.

This process plays the people and both proxies and keeps the clocks that start
and stop Lumen's time, and it also ran the tests before this one. Its garbage
collections walk what those tests left: they stopped it for up to 56 ms during
this test after the end-to-end tests before it, and for over 300 ms after the
screen's unit tests. A stop between starting a clock and handing the bot its
bytes is charged to Lumen. So the test sets aside what was there before it
(`gc.freeze`), and prints the longest collection this process made during it.
"""

from __future__ import annotations

import asyncio
import gc
import os
import random
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from .llm_proxy import Fault, LlmProxy
from .processes import LumenFactory
from .telegram_user import TelegramUser, TelegramWorld

pytestmark = pytest.mark.e2e

PEOPLE = int(os.environ.get("LUMEN_LOAD_PEOPLE", "200"))
MESSAGES = 3  # each person's messages, each sent after the answer to the one before
RAMP_S = float(os.environ.get("LUMEN_LOAD_RAMP_S", "2"))  # everyone has started by then
THINK_S = float(os.environ.get("LUMEN_LOAD_THINK_S", "1"))  # reading and typing: 1x to 3x this
FLOOD = 20  # messages the flooding person sends back to back
FLOOD_AT_S = 3.0  # when the flood starts: everyone is mid-conversation
# Others' messages handed to the bot within this of the flood's first count as during it.
FLOOD_WINDOW_S = 2.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime + stime
    return ticks / os.sysconf("SC_CLK_TCK")


@contextmanager
def earlier_tests_heap_set_aside() -> Iterator[list[float]]:
    """Within: the garbage collector leaves alone what this process held before
    (`gc.freeze`); yields the milliseconds each collection took meanwhile."""
    pauses: list[float] = []
    began = 0.0

    def note(phase: str, _info: dict[str, Any]) -> None:
        nonlocal began
        if phase == "start":
            began = time.perf_counter()
        else:
            pauses.append((time.perf_counter() - began) * 1000)

    gc.collect()
    gc.freeze()
    gc.callbacks.append(note)
    try:
        yield pauses
    finally:
        gc.callbacks.remove(note)
        gc.unfreeze()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def figures(ms: list[float]) -> str:
    if not ms:
        return "none"
    return f"p50 {percentile(ms, 50):.0f} ms p99 {percentile(ms, 99):.0f} ms (n={len(ms)})"


async def test_two_hundred_people_talking_at_once_all_answered_in_order(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    llm: LlmProxy,
    wire_tap: str,
    telegram_wire_tap: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bot = lumen_process(
        env={"ANTHROPIC_BASE_URL": wire_tap, "LUMEN_TELEGRAM_API_URL": telegram_wire_tap}
    )
    await telegram.wait_until_polling(timeout=60)
    llm.inject(Fault.slow(1.0), times=10 * PEOPLE)
    people = [telegram.user() for _ in range(PEOPLE)]
    flooder: TelegramUser = telegram.user()
    rng = random.Random(2026)
    starts = {person.user_id: rng.uniform(0, RAMP_S) for person in people}
    thinks = {
        person.user_id: [rng.uniform(THINK_S, 3 * THINK_S) for _ in range(MESSAGES)]
        for person in people
    }
    assert bot.pid is not None
    cpu_before = cpu_seconds(bot.pid)
    records = telegram.records

    def answers(person: TelegramUser) -> int:
        return sum(1 for chat, _ in list(records.messages) if chat == person.chat_id)

    async def talk(person: TelegramUser) -> None:
        # Each person waits for the answer before writing again. They watch the proxy's
        # record of what the bot sent instead of polling the emulator every 50 ms: 200
        # such readers cost the emulator and this process more CPU than the bot has.
        await asyncio.sleep(starts[person.user_id])
        for n in range(1, MESSAGES + 1):
            await person.send_text(f"person {person.user_id} says {n}")
            deadline = time.monotonic() + 180
            while answers(person) < n:
                assert time.monotonic() < deadline, f"no answer {n} for {person.user_id}"
                await asyncio.sleep(0.1)
            await asyncio.sleep(thinks[person.user_id][n - 1])

    async def flood() -> None:
        await asyncio.sleep(FLOOD_AT_S if RAMP_S else 0)
        for n in range(FLOOD):
            await flooder.send_text(f"flood {n}")

    with earlier_tests_heap_set_aside() as pauses:
        started = time.monotonic()
        await asyncio.gather(flood(), *(talk(person) for person in people))
        elapsed = time.monotonic() - started
    cpu = cpu_seconds(bot.pid) - cpu_before
    for person in people:  # what the people's own chats show, through the emulator
        assert len(await person.wait_for_bot_messages(MESSAGES, timeout=30)) == MESSAGES

    handed_at = {
        update["message"]["text"]: at
        for at, update in records.handed.values()
        if "message" in update
    }
    turns = [r for r in llm.requests if r.body.get("system") and "MENTOR_TURN" in r.text]
    asked_at: dict[str, float] = {}  # on the wire
    read_at: dict[str, float] = {}  # read by the LLM proxy
    for request in turns:
        assert request.arrived is not None, "every request came through the wire tap"
        last = request.body["messages"][-1]["content"][0]["text"]
        for text in last.split("\n\n"):
            asked_at.setdefault(text, request.arrived)
            read_at.setdefault(text, request.at)
    others = [text for text in asked_at if text.startswith("person")]
    assert len(others) == MESSAGES * PEOPLE, "every person's every message reached the mentor"
    sent = records.calls_of("sendMessage")
    delivered: list[float] = []  # the LLM's last byte -> the answer on the wire to Telegram
    for person in people:
        theirs = [
            r
            for r in turns
            if f"person {person.user_id} says" in r.body["messages"][-1]["content"][0]["text"]
        ]
        asked = [r.text.rsplit(f"person {person.user_id} says ", 1)[-1][:1] for r in theirs]
        assert asked == [str(n) for n in range(1, MESSAGES + 1)], "in order per person"
        answers_sent = [c for c in sent if str(c.params["chat_id"]) == str(person.chat_id)]
        for turn, answer in zip(theirs, answers_sent, strict=True):
            assert turn.answered is not None and answer.arrived is not None
            delivered.append((answer.arrived - turn.answered) * 1000)
    flooded = [asked_at[f"flood {n}"] for n in range(FLOOD) if f"flood {n}" in asked_at]
    assert flooded, "the flood was answered"
    assert len(turns) < len(others) + FLOOD, "a flood is answered in bursts, not message by message"

    added = {text: (asked_at[text] - handed_at[text]) * 1000 for text in others}
    read = [(read_at[text] - handed_at[text]) * 1000 for text in others]
    flood_from = handed_at["flood 0"]
    during = [
        ms for text, ms in added.items() if 0 <= handed_at[text] - flood_from < FLOOD_WINDOW_S
    ]
    outside = [
        ms for text, ms in added.items() if not 0 <= handed_at[text] - flood_from < FLOOD_WINDOW_S
    ]
    first = [ms for text, ms in added.items() if text.endswith(" says 1")]
    later = [ms for text, ms in added.items() if not text.endswith(" says 1")]
    calls = Counter(call.method for call in records.calls)
    with capsys.disabled():
        print(  # noqa: T201 - a benchmark's figures, shown with the test result
            f"\nload: {PEOPLE} people x {MESSAGES} messages (start within {RAMP_S:g} s,"
            f" {THINK_S:g}-{3 * THINK_S:g} s between an answer and the next message)"
            f" + a flood of {FLOOD}, LLM 1 s per reply: {elapsed:.1f} s wall,"
            f" {len(turns)} LLM turns, CPU {1000 * cpu / max(1, len(turns)):.1f} ms per turn;"
            f" Bot API calls: {calls['sendMessage']} messages,"
            f" {calls['sendMessageDraft']} drafts, {calls['sendChatAction']} typing hints"
            f"\n  handed to the bot in getUpdates -> its LLM request on the wire:"
            f" {figures([*added.values()])}"
            f"\n  ... -> the LLM proxy in this process reading it: {figures(read)}"
            f"\n  ... others' messages within {FLOOD_WINDOW_S:g} s of the flood's start:"
            f" {figures(during)}; the rest: {figures(outside)}"
            f"\n  ... a person's first message (new person, new session): {figures(first)};"
            f" their later ones: {figures(later)}"
            f"\n  the LLM's last byte -> the answer on the wire to Telegram: {figures(delivered)}"
            f"\n  this test process's garbage collections meanwhile: {len(pauses)},"
            f" the longest {max(pauses, default=0):.0f} ms"
        )
