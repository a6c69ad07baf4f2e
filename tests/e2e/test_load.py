"""200 people at once through the emulator, the LLM taking a second per reply; one person floods.

Asserts what must hold (every message answered, in order per person, the flood
held to its sender) and prints figures (not timed assertions): CPU per turn, and
the time from a message to its LLM request measured from three points. Lumen's
own time starts when the proxy hands the update to the bot in getUpdates; from
"stored by the emulator" it also includes the proxy's 50 ms polling of the
emulator and any wait for the bot's next getUpdates; from "pressed send" also
the emulator's own intake, which is slow with 200 people writing at once.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections import Counter
from pathlib import Path

import pytest

from .llm_proxy import Fault, LlmProxy
from .processes import LumenFactory
from .telegram_user import TelegramUser, TelegramWorld

pytestmark = pytest.mark.e2e

PEOPLE = int(os.environ.get("LUMEN_LOAD_PEOPLE", "200"))
FLOOD = 20  # messages the flooding person sends back to back


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime + stime
    return ticks / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def test_two_hundred_people_at_once_all_answered_in_order(
    lumen_process: LumenFactory,
    telegram: TelegramWorld,
    llm: LlmProxy,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bot = lumen_process()
    await telegram.wait_until_polling(timeout=60)
    llm.inject(Fault.slow(1.0), times=10 * PEOPLE)
    people = [telegram.user() for _ in range(PEOPLE)]
    flooder: TelegramUser = telegram.user()
    assert bot.pid is not None
    cpu_before = cpu_seconds(bot.pid)
    sent_at: dict[str, float] = {}  # the person pressed send
    stored_at: dict[str, float] = {}  # the emulator has it (its sendMessage answered)
    records = telegram.records

    def answers(person: TelegramUser) -> int:
        return sum(1 for chat, _ in list(records.messages) if chat == person.chat_id)

    async def send(person: TelegramUser, text: str) -> None:
        sent_at[text] = time.time()
        await person.send_text(text)
        stored_at[text] = time.time()

    async def talk(person: TelegramUser) -> None:
        # Each person waits for the answer before writing again. They watch the proxy's
        # record of what the bot sent instead of polling the emulator every 50 ms: 200
        # such readers cost the emulator and this process more CPU than the bot has.
        for n in (1, 2):
            await send(person, f"person {person.user_id} says {n}")
            deadline = time.monotonic() + 180
            while answers(person) < n:
                assert time.monotonic() < deadline, f"no answer {n} for {person.user_id}"
                await asyncio.sleep(0.1)

    async def flood() -> None:
        for n in range(FLOOD):
            await send(flooder, f"flood {n}")

    started = time.monotonic()
    await asyncio.gather(flood(), *(talk(person) for person in people))
    elapsed = time.monotonic() - started
    cpu = cpu_seconds(bot.pid) - cpu_before
    for person in people:  # what the people's own chats show, through the emulator
        assert len(await person.wait_for_bot_messages(2, timeout=30)) == 2

    handed_at = {
        update["message"]["text"]: at
        for at, update in records.handed.values()
        if "message" in update
    }
    turns = [r for r in llm.requests if r.body.get("system") and "MENTOR_TURN" in r.text]
    asked_at: dict[str, float] = {}
    for request in turns:
        last = request.body["messages"][-1]["content"][0]["text"]
        for text in last.split("\n\n"):
            asked_at.setdefault(text, request.at)
    others = [text for text in asked_at if text.startswith("person")]
    assert len(others) == 2 * PEOPLE, "every person's every message reached the mentor"
    for person in people:
        asked = [
            r.text.rsplit(f"person {person.user_id} says ", 1)[-1][:1]
            for r in turns
            if f"person {person.user_id} says" in r.body["messages"][-1]["content"][0]["text"]
        ]
        assert asked == ["1", "2"], "in order per person"

    def spans(since: dict[str, float]) -> str:
        ms = [(asked_at[text] - since[text]) * 1000 for text in others]
        return f"p50 {percentile(ms, 50):.0f} ms p99 {percentile(ms, 99):.0f} ms"

    intake = [(stored_at[t] - sent_at[t]) * 1000 for t in others]
    calls = Counter(call.method for call in records.calls)
    with capsys.disabled():
        print(  # noqa: T201 - a benchmark's figures, shown with the test result
            f"\nload: {PEOPLE} people x 2 messages + a flood of {FLOOD}, LLM 1 s per reply:"
            f" {elapsed:.1f} s wall, {len(turns)} LLM turns,"
            f" CPU {1000 * cpu / max(1, len(turns)):.1f} ms per turn;"
            f" Bot API calls: {calls['sendMessage']} messages,"
            f" {calls['sendMessageDraft']} drafts, {calls['sendChatAction']} typing hints"
            f"\n  message handed to the bot in getUpdates -> its LLM request: {spans(handed_at)}"
            f"\n  message stored by the emulator -> its LLM request: {spans(stored_at)}"
            f"\n  person pressed send -> its LLM request: {spans(sent_at)}"
            f" (the emulator took p50 {percentile(intake, 50):.0f} ms"
            f" p99 {percentile(intake, 99):.0f} ms to store it)"
        )
