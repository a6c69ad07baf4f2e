"""The ports the harness thinks and speaks through; adapters (LLM, Telegram, CLI) implement them.

The LLM, the reply channel to a person, the clock, the safety screen and output
review, and crisis care. What the harness keeps lies behind `store_ports.py`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from lumen_bot.harness.model import PersonKey
from lumen_bot.harness.rhythm import When
from safety.review import OutputReview
from safety.screening import Screening


class Clock(Protocol):
    def now(self) -> datetime:
        """An aware UTC datetime."""
        ...


class OutputReviewer(Protocol):
    def __call__(self, text: str, *, lang: str | None = None) -> OutputReview: ...


class Screener(Protocol):
    def __call__(self, text: str, *, recent: Sequence[str] = ()) -> Screening: ...


@dataclass(frozen=True, slots=True)
class SystemBlock:
    """A piece of the system prompt; `cache` ends a stable prefix (a cache breakpoint)."""

    text: str
    cache: bool = False


@dataclass(frozen=True, slots=True)
class ChatMessage:
    role: Literal["user", "assistant"]
    text: str


@dataclass(frozen=True, slots=True)
class LLMRequest:
    purpose: Literal["turn", "notebook", "arc"]
    system: tuple[SystemBlock, ...]
    messages: tuple[ChatMessage, ...]
    max_tokens: int
    cache_last_message: bool = False
    model: str | None = None  # another model than the adapter's own (the fallback)


@dataclass(frozen=True, slots=True)
class Completion:
    text: str
    model: str
    stop_reason: str | None = None
    output_tokens: int | None = None


class LLM(Protocol):
    """A language model. Errors raised are `LLMError` subclasses, never SDK types."""

    @property
    def model(self) -> str: ...

    def stream(self, request: LLMRequest) -> AsyncIterator[str]:
        """Yield the answer's text as it is written (deltas)."""
        ...

    async def complete(self, request: LLMRequest) -> Completion: ...


# Awaited with n when the first n parts of an answer sent as several messages reached the
# person (see `ReplyChannel.final`).
PartDelivered = Callable[[int], Awaitable[None]]


# What fills a field of one of Lumen's own messages: words, or a moment, which the
# adapter says in the person's language.
Field = str | When


class ReplyChannel(Protocol):
    """Where the harness speaks to one person; the adapter decides how it looks."""

    async def typing(self) -> None:
        """Show that the mentor is writing."""

    async def partial(self, markdown: str) -> None:
        """Show the answer so far (the whole text, not a delta)."""

    async def final(
        self,
        markdown: str,
        *,
        offer_end: bool = False,
        skip: int = 0,
        on_part: PartDelivered | None = None,
    ) -> None:
        """Deliver the finished answer. Raises on failure: the turn stays unanswered.

        `offer_end`: the mentor suggested ending the session; offer a way to do it.
        A long answer may go out as several messages (parts): `on_part(n)` is awaited
        when the first n parts have reached the person and more are to follow, and the
        first `skip` parts, delivered by an earlier attempt, are not sent again."""

    async def plain(self, text: str) -> None:
        """Deliver fixed text exactly as written."""

    async def crisis(self, text: str, help_url: str, *, lang: str) -> None:
        """Deliver crisis resources with a way to reach a person now (`help_url`) and a
        way to say "I'm safe for now", both worded in `lang`, the language of `text`."""

    async def notice(self, key: str, **fields: Field) -> None:
        """Deliver one of Lumen's own messages, by key (see `lumen_bot.texts`)."""


class Notifier(Protocol):
    """Reaches a person outside a conversation turn (parting words after closing)."""

    async def send(self, person: PersonKey, markdown: str) -> None: ...

    async def notice(
        self, person: PersonKey, key: str, *, locale: str | None, **fields: Field
    ) -> None:
        """One of Lumen's own messages, by key, with `fields` filled in, in the language
        of `locale` (the one the person last wrote with: `harness.locales`)."""
        ...

    def channel(self, person: PersonKey, locale: str | None) -> ReplyChannel:
        """A reply channel to the person outside any update (answers resumed at start);
        Lumen's own words on it speak the language of `locale`."""
        ...


# A reply channel to a person outside an update, speaking a locale (`Notifier.channel`).
Channels = Callable[[PersonKey, str | None], ReplyChannel]


class CrisisCare(Protocol):
    """Where a person in crisis is pointed: lines, words and links, by country and language."""

    def country(self, chosen: str | None, locale: str | None) -> str | None:
        """The person's chosen country, else a guess from their language; None if unsure."""
        ...

    def knows(self, country: str) -> bool:
        """Whether Lumen has crisis lines for this country."""
        ...

    def crisis_message(self, screening: Screening, country: str | None, lang: str | None) -> str:
        """Resources in the person's language (`lang`: their platform's language code)."""
        ...

    def language(self, screening: Screening, lang: str | None) -> str:
        """The language `crisis_message` is written in for the same arguments, so that
        what comes with it (buttons, the answer to "I'm safe for now") speaks it too."""
        ...

    def speaks(self, lang: str | None) -> bool:
        """Whether crisis words are written in this platform language ("pt-BR": yes)."""
        ...

    def help_url(self, country: str | None) -> str:
        """A page where the person can reach a crisis line now."""
        ...

    def concern_offer(
        self, country: str | None, lang: str | None, *, hurt_by_others: bool = False
    ) -> str:
        """One short line offering support, sent once per session after a concern; for a
        person being hurt by someone, a line for abuse and violence first."""
        ...

    def helper_offer(self, country: str | None, lang: str | None) -> str:
        """For someone worried about another person: how to support them, and the lines
        that also guide helpers; sent once per session instead of the concern offer."""
        ...
