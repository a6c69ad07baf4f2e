"""Screening stored messages and answering a crisis: resources at once, a flag for admins.

No LLM is involved here. A message is screened once, when it is first answered
(or, after a crash, on the person's next message); a crisis gets resources
before anything else, and counts as answered only once they were delivered.
A message about someone else's risk (the person is a helper) is stored as such,
so its crisis resources, the mentor's addendum and the support offered speak to
the helper, also after a restart.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from dataclasses import replace
from enum import StrEnum

from lumen_bot.harness.flags import FlagDetail, FlagSource
from lumen_bot.harness.model import Person, PersonKey, Session, Turn, TurnKind
from lumen_bot.harness.ports import Clock, CrisisCare, Notifier, ReplyChannel, Screener
from lumen_bot.harness.profiles import profile_or_none
from lumen_bot.harness.store_ports import NewTurn, ReviewStore, Store
from lumen_bot.logs import events
from safety.screening import Category, Level, Screening

log = events(__name__)

RECENT_FOR_SCREEN = 3  # earlier messages the screen sees, for intent split across messages


class Concern(StrEnum):
    """Whose risk a concern is about: it decides the addendum and the support offered."""

    SELF = "self"  # the person's own distress
    HELPER = "helper"  # only someone else's: the person is worried about another
    HURT = "hurt"  # the person is being hurt by someone: abuse or violence
    WITNESS = "witness"  # someone else is being hurt by someone; the person may be too


def concern_of(turn: Turn) -> Concern:
    """Whose need a message, or the resources and offer given for one, speaks to."""
    if turn.third_party:
        return Concern.WITNESS if turn.hurt_by_others else Concern.HELPER
    return Concern.HURT if turn.hurt_by_others else Concern.SELF


def violence_in(screening: Screening) -> bool:
    """What a turn stores as `hurt_by_others`: someone hurts the person, or, with
    `third_party`, someone else (see `Turn`)."""
    return screening.hurt_by_others or screening.others_hurt


# The needs met by the words a person being hurt is offered: the line for abuse and
# violence first, and a crisis line.
_VIOLENCE_OFFER_MEETS = (Concern.SELF, Concern.HURT, Concern.WITNESS)


def _covers(given: Turn, needed: Concern) -> bool:
    """Whether support already given (resources or an offer) answers a need.

    Anything given for a need answers it. Whatever a person being hurt was given
    names a crisis line and the line for abuse and violence, so it answers their own
    need and a witness's too. A witness is offered those very words, so their offer
    answers the same; the resources of a crisis about someone else speak to a helper
    about that crisis, and answer only it.
    """
    concern = concern_of(given)
    if concern is needed:
        return True
    violence_offer = concern is Concern.HURT or (
        concern is Concern.WITNESS and given.kind is TurnKind.OFFER
    )
    return violence_offer and needed in _VIOLENCE_OFFER_MEETS


def concern_in(turns: Sequence[Turn]) -> Concern | None:
    """The concern among messages answered together, if any. The person's own need comes
    first, and being hurt by someone before any other: its offer names a line for abuse
    and violence and a crisis line too. Then someone else being hurt, whom the person
    may live with; worry about someone else alone makes them a helper."""
    concerns = {concern_of(t) for t in turns if t.level == Level.CONCERN.value}
    for concern in (Concern.HURT, Concern.SELF, Concern.WITNESS, Concern.HELPER):
        if concern in concerns:
            return concern
    return None


def _as_stored(screening: Screening, turn: Turn) -> Screening:
    """A stored crisis read again, maybe without the messages around it (after a restart)
    or by rules changed since: still a crisis, still for a helper if it was one, and still
    about someone hurting the person if it was, so the abuse lines are not left out."""
    categories = screening.categories
    if turn.hurt_by_others and Category.DANGER_FROM_OTHERS not in categories:
        categories = (*categories, Category.DANGER_FROM_OTHERS)
    return replace(
        screening,
        level=Level.CRISIS,
        categories=categories,
        third_party=screening.third_party or turn.third_party,
    )


class CrisisDesk:
    def __init__(
        self,
        *,
        store: Store,
        review: ReviewStore,
        screen: Screener,
        care: CrisisCare,
        clock: Clock,
        alerts: Notifier | None = None,
        admins: tuple[PersonKey, ...] = (),
    ) -> None:
        self._store = store
        self._review = review
        self._screen = screen
        self._care = care
        self._clock = clock
        self._alerts = alerts
        self._admins = admins

    def comes_before_a_block(self, text: str) -> bool:
        """Whether a message from a person an admin blocked is answered all the same: a
        crisis is. Care comes before any block; the message is then stored, screened and
        answered with resources (never the LLM), and flagged, like anyone's."""
        return self._screen(text).is_crisis

    async def screen_unscreened(
        self, person: Person, turns: tuple[Turn, ...]
    ) -> tuple[tuple[Turn, ...], list[tuple[Turn, Screening]]]:
        """Screen every stored message the screen has not seen yet, oldest first.

        Returns the turns with their verdicts, and the crises still unanswered:
        those need resources before anything else happens (also ones whose
        resources never arrived, say because the process died while sending).
        """
        return await self._screen_turns(person, turns, None)

    async def screen_for_answer(
        self, person: Person, turns: tuple[Turn, ...]
    ) -> tuple[tuple[Turn, ...], list[tuple[Turn, Screening]], Awaitable[object]]:
        """`screen_unscreened`, but verdicts that are no crisis are written while the LLM
        is already being asked: the last awaitable is done when they are on the disk,
        and the answer waits for it before it is stored.

        Every message was screened before the request either way. Should the process
        die before a verdict is on the disk, its message is still unscreened there:
        it is screened again on restart, with the same turns before it, and answered.
        A crisis is recorded and flagged at once, as ever.
        """
        later: list[asyncio.Future[Turn]] = []
        try:
            screened, crises = await self._screen_turns(person, turns, later)
        except BaseException:
            await asyncio.gather(*later, return_exceptions=True)  # none left running
            raise
        return screened, crises, asyncio.gather(*later)

    async def _screen_turns(
        self, person: Person, turns: tuple[Turn, ...], later: list[asyncio.Future[Turn]] | None
    ) -> tuple[tuple[Turn, ...], list[tuple[Turn, Screening]]]:
        result: list[Turn] = []
        crises: list[tuple[Turn, Screening]] = []
        for turn in turns:
            unscreened = turn.kind is TurnKind.UNSCREENED
            unanswered_crisis = turn.kind is TurnKind.CRISIS and turn.answered_at is None
            if turn.role == "user" and (unscreened or unanswered_crisis):
                recent = [t.text for t in result if t.kind is TurnKind.MESSAGE]
                screening = self._screen(turn.text, recent=recent[-RECENT_FOR_SCREEN:])
                if unscreened:
                    kind = TurnKind.CRISIS if screening.is_crisis else TurnKind.MESSAGE
                    record = self._store.screen_turn(
                        person.id,
                        turn,
                        kind,
                        screening.level.value,
                        third_party=screening.third_party,
                        hurt_by_others=violence_in(screening),
                    )
                    if later is not None and not screening.is_crisis:
                        later.append(asyncio.ensure_future(record))  # on its way now
                        turn = replace(  # as `screen_turn` gives it back
                            turn,
                            kind=kind,
                            level=screening.level.value,
                            third_party=screening.third_party,
                            hurt_by_others=violence_in(screening),
                        )
                    else:
                        turn = await record
                    if screening.is_crisis:
                        await self._flag(person, turn, screening)
                if turn.kind is TurnKind.CRISIS and turn.answered_at is None:
                    crises.append((turn, screening))
            result.append(turn)
        return tuple(result), crises

    async def answer(
        self,
        person: Person,
        session: Session,
        crises: list[tuple[Turn, Screening]],
        reply: ReplyChannel,
        *,
        locale: str | None,
    ) -> None:
        """Resources at once, no LLM call. A crisis turn counts as answered only once they
        were delivered; until then every next message sends them again."""
        if not crises:
            return
        country = await self.country(person, locale)
        for turn, screening in crises:
            screening = _as_stored(screening, turn)
            text = self._care.crisis_message(screening, country, locale)
            mentor = await self._store.append_turn(
                person.id,
                session.id,
                NewTurn(
                    "mentor",
                    TurnKind.RESOURCES,
                    text,
                    self._clock.now(),
                    reply_to=turn.id,
                    third_party=screening.third_party,
                    hurt_by_others=violence_in(screening),
                ),
            )
            await reply.crisis(
                text,
                self._care.help_url(country),
                lang=self._care.language(screening, locale),
            )
            ids = [turn.id] + ([mentor.id] if mentor else [])
            await self._store.mark_answered(ids, self._clock.now())
            # what the screen found stays sealed in the flag: a log line with a person's
            # number must not say what they are going through
            log.info("crisis_answered", person=person.id, session=session.id)

    async def offer_once(
        self,
        person: Person,
        session: Session,
        turns: tuple[Turn, ...],
        reply: ReplyChannel,
        *,
        concern: Concern,
        locale: str | None,
    ) -> None:
        """After a concern, offer support once per session, not with every message: to a
        helper, how to support the other person and the lines that guide helpers; to the
        person, a line they can talk to, and to a person being hurt by someone, a line for
        abuse and violence first. Resources already given for the same need (a crisis
        answered in this session) count as the offer."""
        given = (TurnKind.RESOURCES, TurnKind.OFFER)
        if any(t.kind in given and _covers(t, concern) for t in turns):
            return
        country = await self.country(person, locale)
        # as crisis resources choose it: the platform's language if the words are written
        # in it, else the one the person wrote in
        lang = locale if self._care.speaks(locale) else self._said_in(turns) or locale
        about_another = concern in (Concern.HELPER, Concern.WITNESS)
        violence = concern in (Concern.HURT, Concern.WITNESS)
        if concern is Concern.HELPER:
            text = self._care.helper_offer(country, lang)
        else:  # a witness gets the line for abuse and violence first, as the person hurt
            text = self._care.concern_offer(country, lang, hurt_by_others=violence)
        offer = await self._store.append_turn(
            person.id,
            session.id,
            NewTurn(
                "mentor",
                TurnKind.OFFER,
                text,
                self._clock.now(),
                third_party=about_another,
                hurt_by_others=violence,
            ),
        )
        await reply.plain(text)
        if offer is not None:
            await self._store.mark_answered([offer.id], self._clock.now())
        log.info("support_offered", person=person.id, session=session.id)

    def _said_in(self, turns: tuple[Turn, ...]) -> str | None:
        """The language the person's latest concern was read in, for a platform that
        names none (the terminal): the offer then speaks the person's language."""
        for turn in reversed(turns):
            if turn.role == "user" and turn.level == Level.CONCERN.value:
                return self._screen(turn.text).lang
        return None

    async def set_country(self, person: Person, code: str) -> str | None:
        """Remember the person's country (sealed in their profile). Returns the code if
        Lumen knows lines there, else None (the international list will be shown)."""
        chosen = code.strip().upper()[:2]
        await self._review.update_profile(person.id, lambda profile: {**profile, "country": chosen})
        known = self._care.country(chosen, None)
        return known if known and self._care.knows(known) else None

    async def country(self, person: Person, locale: str | None) -> str | None:
        # crisis lines never wait on a readable profile: unreadable, the language guesses
        profile = await profile_or_none(self._review, person.id)
        return self._care.country(profile.get("country") if profile else None, locale)

    async def _flag(self, person: Person, turn: Turn, screening: Screening) -> None:
        """Every crisis raises a flag for admins: level, categories and evidence, sealed."""
        evidence = tuple(
            f"{item.rule}: «{turn.text[item.start : item.end]}»" for item in screening.evidence
        )
        flag_id = await self._review.add_flag(
            person_id=person.id,
            session_id=turn.session_id,
            source=FlagSource.CRISIS,
            detail=FlagDetail(
                reason=",".join(c.value for c in screening.categories) or "crisis",
                level=screening.level.value,
                evidence=evidence,
            ),
            at=self._clock.now(),
        )
        log.info("crisis_flagged", person=person.id, session=turn.session_id, flag=flag_id)
        await self._alert_admins(flag_id)

    async def _alert_admins(self, flag_id: int) -> None:
        """An instant notice to each admin: a flag number, never what was said."""
        if self._alerts is None:
            return
        for admin in self._admins:
            try:
                await self._alerts.send(admin, f"🚩 New crisis flag #{flag_id}: /flag {flag_id}")
            except Exception as exc:  # noqa: BLE001 - an alert must never cost the person care
                log.warning("admin_alert_failed", flag=flag_id, error=type(exc).__name__)
