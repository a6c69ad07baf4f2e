"""Lumen's own latency per turn, and context assembly, for a person with 100 past sessions.

Added latency = from an update entering python-telegram-bot's Application to
the LLM being asked; a whole turn = until the update is handled (answer
formatted and sent, turns stored and marked). The LLM answers at once and the
Bot API is answered in memory, so neither network counts. What remains is
ours: handlers, store (SQLite with fsync, AES-GCM), screen, context, request
building, previews, formatting.
"""

from __future__ import annotations

import asyncio
import gc
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from telegram import Bot, Chat, Message, Update, User

from lumen_bot.harness.context import build_context, session_seed
from lumen_bot.harness.limits import LimitPolicy
from lumen_bot.harness.model import Arc, Notebook, PersonKey, TurnKind
from lumen_bot.harness.store_ports import NewTurn
from lumen_bot.telegram.handlers import TelegramHandlers
from tests.fakes import FakeLLM
from tests.offline_bot_api import OfflineBotApi, offline_application
from tests.wiring import Harness, make_harness

USER_ID = 5150
PAST_SESSIONS = 100
TURNS_PER_SESSION = 10
BENCH_SESSIONS = 30
LINE = "I keep coming back to the question of what I actually want from this work. " * 4


async def seed_history(h: Harness) -> int:
    person = await h.store.person(PersonKey("telegram", str(USER_ID)), h.clock.now())
    start = h.clock.now() - timedelta(days=3 * PAST_SESSIONS + 3)
    for number in range(PAST_SESSIONS):
        at = start + timedelta(days=3 * number)
        session = await h.store.open_session(person.id, at)
        for index in range(TURNS_PER_SESSION):
            role, kind = (
                ("user", TurnKind.MESSAGE) if index % 2 == 0 else ("mentor", TurnKind.REPLY)
            )
            await h.store.append_turn(person.id, session.id, NewTurn(role, kind, LINE, at))  # type: ignore[arg-type]
        job = await h.store.begin_closing(session.id, at, "end")
        notebook = Notebook(
            session.id, session.number, "## What Happened\n" + LINE * 3, at, "notebook.v1", "bench"
        )
        job = await h.store.save_notebook(person.id, notebook, job)
        job = await h.store.save_arc(
            person.id, Arc(number + 1, LINE * 10, at, "arc.v1", "bench"), job
        )
        await h.store.finish_closing(job, at)
    return person.id


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def report(name: str, values: list[float]) -> None:
    print(
        f"{name:<44} n={len(values):<4} p50={percentile(values, 50):7.2f} ms"
        f"  p99={percentile(values, 99):7.2f} ms  max={max(values):7.2f} ms"
    )


def update_for(update_id: int, text: str, bot: Bot, *, user_id: int = USER_ID) -> Update:
    """The update as python-telegram-bot builds it from the wire: bound to the bot."""
    user = User(user_id, "Bench", is_bot=False, language_code="en")
    chat = Chat(user_id, "private")
    message = Message(update_id, datetime.now(UTC), chat, from_user=user, text=text)
    return Update.de_json(Update(update_id, message=message).to_dict(), bot)


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        unlimited = LimitPolicy(burst=10**6, per_minute=10**6, daily_llm_calls=10**6)
        asked: list[float] = []

        def answer(_request: object) -> list[str]:
            asked.append(time.perf_counter())
            return ["Mm. ", "Tell me more."]

        llm = FakeLLM(script=answer)
        async with make_harness(Path(tmp), llm, limits=unlimited) as h:
            started = time.perf_counter()
            person_id = await seed_history(h)
            print(f"seeded {PAST_SESSIONS} past sessions in {time.perf_counter() - started:.1f} s")
            gc.collect()
            gc.freeze()  # as lumen_bot.app.open_core does once everything is built

            assembly = []
            for _ in range(31):
                t0 = time.perf_counter()
                history = await h.store.history(person_id)
                context = build_context(
                    history,
                    session_number=PAST_SESSIONS + 1,
                    opened_at=h.clock.now(),
                    budget=140_000,
                    seed=session_seed(0, person_id, PAST_SESSIONS + 1),
                )
                assembly.append((time.perf_counter() - t0) * 1000)
            build_only = []
            for _ in range(30):
                t0 = time.perf_counter()
                build_context(
                    history,
                    session_number=PAST_SESSIONS + 1,
                    opened_at=h.clock.now(),
                    budget=140_000,
                    seed=1,
                )
                build_only.append((time.perf_counter() - t0) * 1000)

            api = OfflineBotApi()
            app = offline_application(api, concurrent=True)
            TelegramHandlers(h.mentor, h.reports, stream_interval_s=0.5).register(app)
            first_turns: list[float] = []
            later_turns: list[float] = []
            whole_turns: list[float] = []
            update_id = 1
            async with app:
                for _ in range(BENCH_SESSIONS):
                    for turn in range(TURNS_PER_SESSION):
                        asked.clear()
                        t0 = time.perf_counter()
                        await app.process_update(
                            update_for(update_id, f"{LINE} #{update_id}", app.bot)
                        )
                        whole_turns.append((time.perf_counter() - t0) * 1000)
                        update_id += 1
                        assert len(asked) == 1, "the LLM was asked once"
                        elapsed = (asked[0] - t0) * 1000
                        (first_turns if turn == 0 else later_turns).append(elapsed)
                    session = await h.store.active_session(person_id)
                    assert session is not None
                    job = await h.store.begin_closing(session.id, h.clock.now(), "bench")
                    await h.store.finish_closing(job, h.clock.now())
                    h.clock.advance(days=3)

            print(
                f"context: {context.tokens} tokens, {context.notebooks} notebooks, "
                f"{context.transcripts} transcripts"
            )
            print(f"context assembly, first (cold) run: {assembly[0]:.2f} ms")
            report("context assembly (load + decrypt + build)", assembly[1:])
            report("context build only (in memory)", build_only)
            report("added latency (update -> LLM asked), all turns", first_turns + later_turns)
            report("added latency, first turn of a session", first_turns)
            report("added latency, later turns", later_turns)
            report("whole turn (update -> answered), all turns", whole_turns)


if __name__ == "__main__":
    asyncio.run(main())
