"""Crisis flags, reports, the admins' review, blocks and the append-only audit log."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from lumen_bot.harness.flags import FlagSource, FlagStatus
from lumen_bot.harness.model import Inbound, PersonKey
from tests.fakes import FakeLLM, RecordingReply
from tests.wiring import Harness, make_harness

ALICE = PersonKey("telegram", "1001")
BOB = PersonKey("telegram", "1002")
CRISIS = "I have the pills ready and I'm going to take them all tonight"
CONCERN = "Honestly I feel like a burden to everyone lately"


async def say(
    h: Harness, text: str, who: PersonKey = ALICE, locale: str | None = None
) -> RecordingReply:
    reply = RecordingReply()
    await h.mentor.handle(Inbound(who, text, h.clock.now(), locale=locale), reply)
    return reply


async def test_a_crisis_raises_an_open_flag_with_level_categories_and_evidence(
    harness: Harness,
) -> None:
    await say(harness, CRISIS)
    (flag,) = await harness.review.queue()
    assert flag.source is FlagSource.CRISIS and flag.status is FlagStatus.OPEN
    assert flag.detail.level == "crisis"
    assert "suicide_self_harm" in flag.detail.reason
    assert flag.detail.evidence, "the rule that fired and the words it fired on"
    assert any("pills" in item for item in flag.detail.evidence)


async def test_crisis_resources_carry_a_link_to_reach_someone_now(harness: Harness) -> None:
    reply = await say(harness, CRISIS, locale="en-GB")
    (resources,) = reply.of("crisis")
    assert "Samaritans" in resources, "lines for the country of the person's locale"
    assert reply.help_urls == ["https://findahelpline.com/countries/gb"]


async def test_a_chosen_country_wins_over_the_locale(harness: Harness) -> None:
    assert await harness.mentor.set_country(ALICE, "gb") == "GB"
    reply = await say(harness, CRISIS, locale="en")
    assert "Samaritans" in reply.of("crisis")[0]
    assert await harness.mentor.set_country(ALICE, "zz") is None


async def test_support_is_offered_once_per_session_after_a_concern(harness: Harness) -> None:
    first = await say(harness, CONCERN)
    assert [event for event, _ in first.events if event in ("final", "plain")] == [
        "final",
        "plain",
    ], "the offer comes after the mentor's answer"
    second = await say(harness, "and I still feel like a burden to everyone")
    assert second.of("plain") == [], "not repeated with every message"
    assert harness.llm.requests[-1].system[-1].text == harness.prompts.concern_addendum.text


async def test_reports_open_once_with_a_reason_and_only_for_their_author(
    harness: Harness,
) -> None:
    await say(harness, "hello")
    flag_id = await harness.reports.start(ALICE, reported="a bad answer", note="this hurt")
    assert await harness.review.queue() == [], "a report without a reason is a draft"
    assert not await harness.reports.choose_reason(BOB, flag_id, "harmful"), "someone else"
    assert not await harness.reports.choose_reason(ALICE, flag_id, "no-such-reason")
    assert await harness.reports.choose_reason(ALICE, flag_id, "harmful")
    assert not await harness.reports.choose_reason(ALICE, flag_id, "other"), "pressed twice"
    (flag,) = await harness.review.queue()
    assert flag.detail.reason == "harmful"
    assert flag.detail.reported == "a bad answer" and flag.detail.note == "this hurt"
    assert ("Them", "hello") in flag.detail.context


async def test_the_queue_is_most_severe_first_then_newest(harness: Harness) -> None:
    report = await harness.reports.start(ALICE, reported="x", note=None)
    await harness.reports.choose_reason(ALICE, report, "wrong")
    await say(harness, CRISIS, who=BOB)
    newer = await harness.reports.start(ALICE, reported="y", note=None)
    await harness.reports.choose_reason(ALICE, newer, "other")
    queue = await harness.review.queue()
    assert [f.source for f in queue] == [FlagSource.CRISIS, FlagSource.REPORT, FlagSource.REPORT]
    assert [f.id for f in queue][1:] == [newer, report]


async def test_admin_actions_close_flags_and_are_audited(harness: Harness) -> None:
    await say(harness, CRISIS)
    (flag,) = await harness.review.queue()
    assert await harness.review.show(flag.id, actor="telegram:9") is not None
    resolved = await harness.review.resolve(flag.id, actor="telegram:9")
    assert resolved is not None and resolved.flag.status is FlagStatus.RESOLVED
    assert not resolved.already
    assert await harness.review.queue() == []
    log = await harness.review.audit_log()
    assert [(actor, action, target) for _, actor, action, target, _ in log] == [
        ("telegram:9", "resolved", f"flag:{flag.id}"),
        ("telegram:9", "view", f"flag:{flag.id}"),
    ]
    assert await harness.review.dismiss(999, actor="telegram:9") is None


async def test_a_closed_flag_stays_as_it_is_and_no_second_action_is_audited(
    harness: Harness,
) -> None:
    await say(harness, CRISIS)
    (flag,) = await harness.review.queue()
    first = await harness.review.resolve(flag.id, actor="telegram:9")
    assert first is not None and not first.already
    harness.clock.advance(minutes=5)
    again = await harness.review.resolve(flag.id, actor="cli:ops")
    assert again is not None and again.already, "resolved already: said so"
    assert again.flag.status is FlagStatus.RESOLVED
    assert again.flag.updated_at == first.flag.updated_at, "nothing changed"
    dismissed = await harness.review.dismiss(flag.id, actor="cli:ops")
    assert dismissed is not None and dismissed.already
    assert dismissed.flag.status is FlagStatus.RESOLVED, "a resolved flag is not dismissed"
    blocked = await harness.review.block(flag.id, actor="cli:ops", days=7)
    assert blocked is not None, "blocking the person stays possible"
    log = await harness.review.audit_log()
    assert [(actor, action) for _, actor, action, _, _ in log] == [
        ("cli:ops", "block"),
        ("telegram:9", "resolved"),
    ]


async def test_a_flag_number_beyond_sqlite_is_a_flag_that_does_not_exist(
    harness: Harness,
) -> None:
    await say(harness, CRISIS)
    for number in (2**63, 99999999999999999999, -(2**63) - 1):
        assert await harness.review.show(number, actor="cli:ops") is None
        assert await harness.review.resolve(number, actor="cli:ops") is None
        assert await harness.review.dismiss(number, actor="cli:ops") is None
        assert await harness.review.block(number, actor="cli:ops", days=7) is None
    assert await harness.review.audit_log() == []
    assert len(await harness.review.queue()) == 1


async def test_a_blocked_person_hears_it_once_and_is_otherwise_ignored(harness: Harness) -> None:
    await say(harness, CRISIS)
    (flag,) = await harness.review.queue()
    await harness.review.block(flag.id, actor="telegram:9", days=7)
    requests_before = len(harness.llm.requests)
    first = await say(harness, "hello again")
    second = await say(harness, "hello?")
    assert first.of("notice") == ["blocked"]
    assert second.events == []
    assert len(harness.llm.requests) == requests_before
    data = await harness.store.export(ALICE)
    assert data is not None
    assert "hello again" not in [t.text for _, turns in data.sessions for t in turns]
    harness.clock.advance(days=8)
    assert (await say(harness, "back after a week")).of("final"), "the block ends"


async def test_a_blocked_person_in_crisis_still_gets_resources_and_a_flag(
    harness: Harness,
) -> None:
    await say(harness, "hi")
    person = await harness.store.person(ALICE, harness.clock.now())
    await harness.store.review.block(person.id, harness.clock.now() + timedelta(days=7))
    requests_before = len(harness.llm.requests)
    reply = await say(harness, CRISIS)
    assert reply.of("crisis"), "resources at once, block or no block"
    assert reply.of("notice") == [], "not told they are blocked instead"
    assert len(harness.llm.requests) == requests_before, "never the LLM"
    (flag,) = await harness.review.queue()
    assert flag.source is FlagSource.CRISIS
    assert (await say(harness, "hello?")).of("notice") == ["blocked"], "still blocked"


async def test_the_audit_log_is_append_only(harness: Harness, tmp_path: Path) -> None:
    await harness.store.review.audit(
        at=harness.clock.now(), actor="cli:ops", action="view", target="flag:1"
    )
    with sqlite3.connect(tmp_path / "lumen.db") as raw:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            raw.execute("UPDATE audit_log SET actor = 'someone else'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            raw.execute("DELETE FROM audit_log")


async def test_blocks_expire(harness: Harness) -> None:
    await say(harness, "hi")
    person = await harness.store.person(ALICE, harness.clock.now())
    await harness.store.review.block(person.id, harness.clock.now() + timedelta(hours=1))
    assert (await say(harness, "blocked now")).of("notice") == ["blocked"]
    harness.clock.advance(hours=2)
    assert (await say(harness, "free again")).of("final")


async def test_admins_get_an_instant_notice_with_the_flag_number_and_no_content(
    tmp_path: Path,
) -> None:
    admin = PersonKey("telegram", "900")
    async with make_harness(tmp_path, admins=(admin,)) as h:
        await say(h, CRISIS)
        (flag,) = await h.review.queue()
        assert h.notifier.sent == [(admin, f"🚩 New crisis flag #{flag.id}: /flag {flag.id}")]


BAD_REPLY = [
    "That sounds so hard. ",
    "Honestly, you have clinical depression, ",
    "and you should double your sertraline dose tonight.",
]


async def test_a_reply_that_fails_review_is_replaced_flagged_and_never_previewed(
    tmp_path: Path,
) -> None:
    llm = FakeLLM(script=lambda request: list(BAD_REPLY))
    async with make_harness(tmp_path, llm) as h:
        reply = await say(h, "I feel low")
        (shown,) = reply.of("final")
        assert "sertraline" not in shown and "clinical depression" not in shown
        assert all("sertraline" not in p and "depression" not in p for p in reply.of("partial"))
        (flag,) = await h.review.queue()
        assert flag.source is FlagSource.OUTPUT
        assert flag.detail.reported == "".join(BAD_REPLY), "admins see what was withheld"
        assert "diagnosis" in flag.detail.reason or "medication" in flag.detail.reason
        data = await h.store.export(ALICE)
        assert data is not None
        assert [t.text for t in data.sessions[0][1] if t.role == "mentor"] == [shown]
