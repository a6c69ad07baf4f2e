"""`python -m tests.bench`: run every benchmark and print its figures."""

from __future__ import annotations

import asyncio

from tests.bench import turn_overhead

if __name__ == "__main__":
    asyncio.run(turn_overhead.main())
