"""The language each person last wrote in, kept in their sealed profile.

A message brings its platform's locale ("es", "pt-BR"), and Lumen answers in it. What
Lumen says outside a message needs it too: a reminder days later, an answer resumed
after a restart, a session's parting notes, the crisis lines for a message stored before
a crash (chosen by language when no country was set). So the locale is remembered in the
profile, sealed like the rest of it, and written only when it changes: a person's first
message after a restart costs one read once it is answered, later messages nothing.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Final

from lumen_bot.harness.profiles import profile_or_none
from lumen_bot.harness.store_ports import ReviewStore
from lumen_bot.harness.tasks import TaskGroup
from lumen_bot.logs import events

log = events(__name__)

KEY: Final = "locale"  # in the profile
MOST: Final = 50_000  # people whose stored locale is held in memory; the longest unheard go


class Locales:
    """Person id → the locale stored in their profile, read once and written on change."""

    def __init__(self, review: ReviewStore, tasks: TaskGroup, *, most: int = MOST) -> None:
        self._review = review
        self._tasks = tasks
        self._most = most
        self._stored: OrderedDict[int, str | None] = OrderedDict()

    def heard(self, person_id: int, locale: str | None) -> None:
        """A message came with this locale: remember it, in the background (the answer
        never waits for it; losing it to a crash costs a reminder in the old language)."""
        if not locale or (person_id in self._stored and self._stored[person_id] == locale):
            return
        self._hold(person_id, locale)  # heard twice before the write is done: one write
        self._tasks.spawn(self._remember(person_id, locale), name=f"locale-{person_id}")

    async def of(self, person_id: int) -> str | None:
        """The locale the person last wrote with, None if never heard, or if their profile
        cannot be read: what waits for them (a resumed answer, crisis lines) must not
        wait on the language it is said in."""
        if person_id in self._stored:
            self._stored.move_to_end(person_id)
            return self._stored[person_id]
        profile = await profile_or_none(self._review, person_id)
        if profile is None:
            return None  # English, and read again next time
        locale = profile.get(KEY)
        if person_id not in self._stored:  # not heard while the profile was read
            self._hold(person_id, locale)
        return self._stored[person_id]

    async def _remember(self, person_id: int, locale: str) -> None:
        def with_locale(profile: dict[str, str]) -> dict[str, str] | None:
            return None if profile.get(KEY) == locale else {**profile, KEY: locale}

        try:
            await self._review.update_profile(person_id, with_locale)
        except Exception as exc:  # noqa: BLE001 - the next message tries again
            # (also a person forgotten meanwhile: their key is gone, so nothing is sealed)
            if self._stored.get(person_id) == locale:
                del self._stored[person_id]
            log.warning("locale_not_stored", person=person_id, error=type(exc).__name__)

    def _hold(self, person_id: int, locale: str | None) -> None:
        self._stored[person_id] = locale
        self._stored.move_to_end(person_id)
        if len(self._stored) > self._most:
            self._stored.popitem(last=False)
