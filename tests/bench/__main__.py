"""`python -m tests.bench`: run every benchmark and print its figures."""

from __future__ import annotations

import asyncio

from tests.bench import burst, reminders, screen_speed, turn_overhead

if __name__ == "__main__":
    asyncio.run(turn_overhead.main())
    asyncio.run(burst.main())
    asyncio.run(reminders.main())
    screen_speed.main([])
