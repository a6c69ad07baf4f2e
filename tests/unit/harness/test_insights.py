"""Insights: counts only, small buckets suppressed (k = 5), opted-out people in no count."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from lumen_bot.harness.insights import K, SessionFacts, insights
from lumen_bot.harness.model import Inbound, PersonKey, SessionState
from tests.fakes import RecordingReply
from tests.wiring import Harness, make_harness

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
LABELS = {b.label for section in insights([]).sections for b in section.buckets}
CRISIS = "I have the pills ready and I'm going to take them all tonight"


def facts(
    minutes: float,
    *,
    days_later: float = 0,
    closed_by: str = "end",
    turns: int = 6,
    crisis: bool = False,
) -> SessionFacts:
    opened = START + timedelta(days=days_later)
    return SessionFacts(
        SessionState.CLOSED, opened, opened + timedelta(minutes=minutes), closed_by, turns, crisis
    )


def counts(report: str) -> dict[str, str]:
    """`label -> shown count` for every bucket line of a rendered report."""
    found = re.findall(r"^\s+(.+?)\s{2,}(<5|\d+)$", report, re.M)
    return dict(found)


def test_k_is_five() -> None:
    assert K == 5


def test_buckets_under_k_are_shown_as_less_than_k_zero_included() -> None:
    people = [[facts(5)] for _ in range(6)] + [[facts(45)] for _ in range(4)]
    shown = counts(insights(people).render())
    assert shown["under 10 min"] == "6"
    assert shown["30-60 min"] == "<5", "four sessions: suppressed"
    assert shown["over 2 hours"] == "<5", "zero is suppressed too: absence is a fact"
    assert "people counted: 10" in insights(people).render()


def test_every_dimension_is_counted() -> None:
    person = [
        facts(5, turns=3),
        facts(25, days_later=2, turns=15, closed_by="idle"),
        facts(90, days_later=10, turns=0, crisis=True),  # its transcript expired
    ]
    report = insights([person] * 5)
    by_title = {
        section.title: {b.label: b.count for b in section.buckets} for section in report.sections
    }
    assert by_title["Session length (first to last message)"] == {
        "under 10 min": 5,
        "10-30 min": 5,
        "30-60 min": 0,
        "1-2 hours": 5,
        "over 2 hours": 0,
    }
    gaps = by_title["Time between sessions"]
    assert gaps["1-3 days"] == 5 and gaps["1-2 weeks"] == 5 and sum(gaps.values()) == 10
    turns = by_title["Turns per session"]
    assert turns["1-10"] == 5 and turns["11-20"] == 5 and turns["transcript expired"] == 5
    assert by_title["How sessions closed"] == {
        "/end": 10,
        "quiet (idle)": 5,
        "other": 0,
        "with a crisis flag": 5,
    }


def every_line_is_a_count(report: str) -> bool:
    """Each line is a fixed heading, or a fixed label with a (suppressed) count: there is
    no place in the report where text or an id could stand."""
    titles = {section.title for section in insights([]).sections}
    fixed = re.compile(r"^(people counted|closed sessions): (<5|\d+)$")
    for line in report.splitlines()[2:]:
        if line and line not in titles and not fixed.match(line):
            label, _, count = line.strip().rpartition("  ")
            if not re.fullmatch(r"<5|\d+", count) or label.strip() not in LABELS:
                return False
    return True


async def live(h: Harness, who: PersonKey, text: str = "hello") -> int:
    await h.mentor.handle(Inbound(who, text, h.clock.now()), RecordingReply())
    h.clock.advance(minutes=5)
    await h.mentor.end(who, RecordingReply())
    person = await h.store.person(who, h.clock.now())
    await h.closer.settle(person.id, wait_s=5)
    return person.id


async def test_the_report_from_the_store_has_no_text_no_ids_and_respects_opt_out(
    tmp_path: Path,
) -> None:
    people = [PersonKey("telegram", str(900_001 + n)) for n in range(6)]
    async with make_harness(tmp_path) as h:
        ids = [await live(h, who, "the secret garden behind the mill") for who in people]
        await live(h, people[0], CRISIS)
        before = (await h.insights.report()).render()
        assert "people counted: 6" in before and "closed sessions: 7" in before
        assert counts(before)["/end"] == "7"

        await h.insights.choose(ids[0], counted=False)
        assert not await h.insights.counted(ids[0]) and await h.insights.counted(ids[1])
        after = (await h.insights.report()).render()
    assert "people counted: 5" in after and "closed sessions: 5" in after
    assert counts(after)["/end"] == "5"
    assert counts(after)["with a crisis flag"] == "<5", "the crisis was the opted-out person's"
    for report in (before, after):
        assert "secret garden" not in report and "pills" not in report
        assert not [who for who in people if who.external_id in report], "no Telegram ids"
        assert every_line_is_a_count(report)
    assert not every_line_is_a_count(after + "\n  secret garden  6"), "control: the check bites"
