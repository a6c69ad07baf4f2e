"""200 people at once through the emulator, the LLM taking a second per reply; one person floods.

Asserts what must hold (every message answered, in order per person, the flood
held to its sender) and prints figures (not timed assertions): Lumen's own time
from a message reaching Telegram to its LLM request, and CPU per turn.
"""

from __future__ import annotations

import asyncio
import os
import time
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
    sent_at: dict[str, float] = {}

    async def talk(person: TelegramUser) -> None:
        for n in (1, 2):
            text = f"person {person.user_id} says {n}"
            sent_at[text] = time.time()
            await person.send_text(text)
            await person.wait_for_bot_messages(1, timeout=180)

    async def flood() -> None:
        for n in range(FLOOD):
            text = f"flood {n}"
            sent_at[text] = time.time()
            await flooder.send_text(text)

    started = time.monotonic()
    await asyncio.gather(flood(), *(talk(person) for person in people))
    elapsed = time.monotonic() - started
    cpu = cpu_seconds(bot.pid) - cpu_before

    turns = [r for r in llm.requests if r.body.get("system") and "MENTOR_TURN" in r.text]
    latency = {}
    for request in turns:
        last = request.body["messages"][-1]["content"][0]["text"]
        for text in last.split("\n\n"):
            if text in sent_at and text not in latency:
                latency[text] = (request.at - sent_at[text]) * 1000
    others = [ms for text, ms in latency.items() if text.startswith("person")]
    assert len(others) == 2 * PEOPLE, "every person's every message reached the mentor"
    for person in people:
        asked = [
            r.text.rsplit(f"person {person.user_id} says ", 1)[-1][:1]
            for r in turns
            if f"person {person.user_id} says" in r.body["messages"][-1]["content"][0]["text"]
        ]
        assert asked == ["1", "2"], "in order per person"
    with capsys.disabled():
        print(  # noqa: T201 - a benchmark's figures, shown with the test result
            f"\nload: {PEOPLE} people x 2 messages + a flood of {FLOOD}, LLM 1 s per reply:"
            f" {elapsed:.1f} s wall, {len(turns)} LLM turns,"
            " message → LLM request (emulator and proxy included)"
            f" p50 {percentile(others, 50):.0f} ms"
            f" p99 {percentile(others, 99):.0f} ms,"
            f" CPU {1000 * cpu / max(1, len(turns)):.1f} ms per turn"
        )
