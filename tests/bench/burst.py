"""Lumen's own latency when 200 people write at the same moment, in one process.

The load test (tests/e2e/test_load.py) measures the same through the emulator,
but there the rig shares the machine's cores with the bot. Here the Bot API is
answered in memory and the LLM holds every answer until all 200 requests have
arrived, so what is measured is only Lumen's work between an update entering
python-telegram-bot and its LLM request: intake (person, data key, session,
turn, each committed), screen, context. The real store on a temp directory,
with fsync.
"""

from __future__ import annotations

import asyncio
import gc
import os
import tempfile
import time
from pathlib import Path

from lumen_bot.harness.limits import LimitPolicy
from lumen_bot.harness.ports import LLMRequest
from lumen_bot.telegram.handlers import TelegramHandlers
from tests.bench.turn_overhead import percentile, update_for
from tests.fakes import FakeLLM
from tests.offline_bot_api import OfflineBotApi, offline_application
from tests.wiring import make_harness

PEOPLE = int(os.environ.get("LUMEN_BURST_PEOPLE", "200"))
FIRST_USER = 70_000


async def burst(round_name: str, app: object, llm: FakeLLM, first_update: int) -> None:
    """Every person sends one message at once; the LLM answers once all have asked."""
    asked: dict[int, float] = {}
    everyone_asked = asyncio.Event()
    llm.gate = everyone_asked

    def answer(request: LLMRequest) -> list[str]:
        text = request.messages[-1].text
        asked[int(text.split()[1])] = time.perf_counter()
        if len(asked) == PEOPLE:
            everyone_asked.set()
        return ["Mm. ", "Tell me more."]

    llm.script = answer
    updates = [
        update_for(first_update + n, f"person {n} says hello", app.bot, user_id=FIRST_USER + n)  # type: ignore[attr-defined]
        for n in range(PEOPLE)
    ]
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    await asyncio.gather(*(app.process_update(u) for u in updates))  # type: ignore[attr-defined]
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    ms = [(asked[n] - t0) * 1000 for n in range(PEOPLE)]
    print(
        f"{round_name:<34} p50={percentile(ms, 50):7.1f} ms  p99={percentile(ms, 99):7.1f} ms"
        f"  last={max(ms):7.1f} ms  whole burst {wall * 1000:6.0f} ms,"
        f" CPU {cpu * 1000 / PEOPLE:5.2f} ms per turn"
    )


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        unlimited = LimitPolicy(burst=10**6, per_minute=10**6, daily_llm_calls=10**6)
        llm = FakeLLM()
        async with make_harness(Path(tmp), llm, limits=unlimited) as h:
            gc.collect()
            gc.freeze()
            api = OfflineBotApi()
            app = offline_application(api, concurrent=True)
            TelegramHandlers(h.mentor, h.reports, stream_interval_s=0.5).register(app)
            print(f"burst: {PEOPLE} people write at once; time from the update to its LLM request")
            async with app:
                await burst("first message (new person)", app, llm, 1)
                await burst("second message (open session)", app, llm, 10_000)


if __name__ == "__main__":
    asyncio.run(main())
