"""Reading a person's sealed profile where what depends on it must not fail with it."""

from __future__ import annotations

from lumen_bot.errors import LumenError
from lumen_bot.harness.store_ports import ReviewStore
from lumen_bot.logs import events

log = events(__name__)


async def profile_or_none(review: ReviewStore, person_id: int) -> dict[str, str] | None:
    """The person's profile (country, time zone, rhythm, language), or None when it
    cannot be opened: crisis lines, an answer, a resumed message fall back to their
    defaults rather than fail. The store logs which record (`record_unreadable`); the
    row is left as it is, never overwritten, so a restore can bring it back."""
    try:
        return await review.profile(person_id)
    except LumenError as exc:
        log.warning("profile_unreadable", person=person_id, error=type(exc).__name__)
        return None
