"""Reports from people and the admins' review of flags, with every action audited."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from lumen_bot.harness.context import speaker_and_text
from lumen_bot.harness.flags import REPORT_REASONS, Flag, FlagDetail, FlagSource, FlagStatus
from lumen_bot.harness.model import PersonKey
from lumen_bot.harness.ports import Clock
from lumen_bot.harness.store_ports import ReviewStore, Store
from lumen_bot.logs import events

log = events(__name__)

CONTEXT_TURNS = 6  # turns of conversation an admin sees around a report


class Reports:
    """`/report`: a person flags what the mentor said, with a reason and a line of their own."""

    def __init__(self, *, store: Store, review: ReviewStore, clock: Clock) -> None:
        self._store = store
        self._review = review
        self._clock = clock

    async def start(self, person_key: PersonKey, *, reported: str | None, note: str | None) -> int:
        """A draft flag with the reported message and recent turns; the reason comes next."""
        now = self._clock.now()
        person = await self._store.person(person_key, now)
        session = await self._store.latest_session(person.id)
        context: tuple[tuple[str, str], ...] = ()
        if session is not None:
            turns = await self._store.session_turns(person.id, session.id)
            context = tuple(speaker_and_text(turn) for turn in turns[-CONTEXT_TURNS:])
        detail = FlagDetail(reason="unspecified", reported=reported, note=note, context=context)
        flag_id = await self._review.add_flag(
            person_id=person.id,
            session_id=session.id if session else None,
            source=FlagSource.REPORT,
            detail=detail,
            at=now,
            status=FlagStatus.DRAFT,
        )
        log.info("report_started", person=person.id, flag=flag_id)
        return flag_id

    async def choose_reason(self, person_key: PersonKey, flag_id: int, reason: str) -> bool:
        """Open the report with its reason. False if it is not this person's draft
        (pressed twice, pressed by someone else, or an unknown reason)."""
        if reason not in REPORT_REASONS:
            return False
        person = await self._store.find_person(person_key)
        flag = await self._review.flag(flag_id)
        if person is None or flag is None or flag.person_id != person.id:
            return False
        if flag.status is not FlagStatus.DRAFT:
            return False
        await self._review.update_flag(
            flag,
            status=FlagStatus.OPEN,
            at=self._clock.now(),
            detail=replace(flag.detail, reason=reason),
        )
        log.info("report_opened", person=person.id, flag=flag_id, reason=reason)
        return True


@dataclass(frozen=True, slots=True)
class Closed:
    """What resolving or dismissing a flag did."""

    flag: Flag  # as it is now
    already: bool  # it was resolved or dismissed before: nothing changed, nothing audited


class Review:
    """What admins do with flags, from Telegram or the terminal; each action is audited."""

    def __init__(self, *, review: ReviewStore, clock: Clock) -> None:
        self._review = review
        self._clock = clock

    async def queue(self, limit: int = 20) -> list[Flag]:
        return await self._review.flags(FlagStatus.OPEN, limit)

    async def show(self, flag_id: int, *, actor: str) -> Flag | None:
        flag = await self._review.flag(flag_id)
        if flag is not None and flag.status is not FlagStatus.DRAFT:
            await self._audit(actor, "view", flag)
            return flag
        return None

    async def resolve(self, flag_id: int, *, actor: str) -> Closed | None:
        return await self._close(flag_id, FlagStatus.RESOLVED, actor)

    async def dismiss(self, flag_id: int, *, actor: str) -> Closed | None:
        return await self._close(flag_id, FlagStatus.DISMISSED, actor)

    async def block(self, flag_id: int, *, actor: str, days: int) -> Flag | None:
        """Block the flagged person for `days`; they are told once, then ignored."""
        flag = await self._review.flag(flag_id)
        if flag is None or flag.status is FlagStatus.DRAFT:
            return None
        until = self._clock.now() + timedelta(days=days)
        await self._review.block(flag.person_id, until)
        await self._audit(actor, "block", flag, detail=f"person={flag.person_id} days={days}")
        return flag

    async def audit_log(self, limit: int = 50) -> list[tuple[str, str, str, str, str | None]]:
        return [
            (e.at.isoformat(), e.actor, e.action, e.target, e.detail)
            for e in await self._review.audit_entries(limit)
        ]

    async def _close(self, flag_id: int, status: FlagStatus, actor: str) -> Closed | None:
        """Resolve or dismiss an open flag, audited; one closed already stays as it is,
        unaudited (a second press, or two admins at once: only one of them closes it)."""
        flag = await self._review.flag(flag_id)
        if flag is None or flag.status is FlagStatus.DRAFT:
            return None
        changed = await self._review.close_flag(flag.id, status, self._clock.now())
        flag = await self._review.flag(flag.id) or flag
        if not changed:
            return Closed(flag, already=True)
        await self._audit(actor, status.value, flag)
        return Closed(flag, already=False)

    async def _audit(self, actor: str, action: str, flag: Flag, detail: str | None = None) -> None:
        await self._review.audit(
            at=self._clock.now(),
            actor=actor,
            action=action,
            target=f"flag:{flag.id}",
            detail=detail,
        )
        log.info("flag_reviewed", flag=flag.id, action=action)
