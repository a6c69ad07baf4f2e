"""`lumen insights`: the aggregate session report, printed; counts only (harness/insights.py)."""

from __future__ import annotations

from lumen_bot.settings import Settings


async def print_insights(settings: Settings) -> int:
    from lumen_bot.app import open_store
    from lumen_bot.harness.privacy import InsightsChoice

    async with open_store(settings, create=False) as store:
        report = await InsightsChoice(store).report()
    print(report.render())  # noqa: T201 - the command's output
    return 0
