"""Fakes at the I/O boundary: a scripted LLM, a recording reply channel, a settable clock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from lumen_bot.errors import DeliveryFailed, LLMError, PersonUnreachable
from lumen_bot.harness.model import PersonKey
from lumen_bot.harness.ports import Completion, Field, LLMRequest, PartDelivered


class FakeClock:
    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


Script = Callable[[LLMRequest], list[str] | LLMError]


def default_script(request: LLMRequest) -> list[str]:
    if request.purpose == "notebook":
        return [
            '## What Happened\nWe talked.\n\n## Their Words\n"x"\n\n## What Opened\nA.\n\n'
            "## What Moved\nB.\n\n## Mentor's Notebook\nC.\n\n"
            "## Parting Words\nCarry the small step with you.\n"
        ]
    if request.purpose == "arc":
        return ["## Who You Are\nSomeone curious.\n\n## What's Unfinished\nThe step.\n"]
    return ["Thank you ", "for telling me. ", "What matters most here?"]


@dataclass
class FakeLLM:
    """Speaks the LLM port; records every request so tests can assert what was sent."""

    script: Script = default_script
    requests: list[LLMRequest] = field(default_factory=list)
    model: str = "fake-model"
    gate: asyncio.Event | None = None  # when set, streaming waits for it
    cancelled: int = 0  # streams closed before they finished (an aborted request)

    async def stream(self, request: LLMRequest) -> AsyncIterator[str]:
        self.requests.append(request)
        answer = self.script(request)
        if isinstance(answer, LLMError):
            raise answer
        try:
            for index, piece in enumerate(answer):
                if self.gate is not None and index == 1:
                    await self.gate.wait()
                yield piece
        except (asyncio.CancelledError, GeneratorExit):
            self.cancelled += 1
            raise

    async def complete(self, request: LLMRequest) -> Completion:
        parts = [piece async for piece in self.stream(request)]
        return Completion("".join(parts), self.model)


@dataclass
class RecordingReply:
    """A ReplyChannel that remembers what the person would have seen."""

    events: list[tuple[str, str]] = field(default_factory=list)
    fail_final: bool = False
    # with `paragraph_parts`, each paragraph of an answer is a part of its own (a message
    # of its own, as a platform splits a long answer), and part number `fail_at_part`
    # fails to arrive
    paragraph_parts: bool = False
    fail_at_part: int | None = None
    fail_plain: bool = False
    help_urls: list[str] = field(default_factory=list)
    crisis_langs: list[str] = field(default_factory=list)

    async def typing(self) -> None:
        self.events.append(("typing", ""))

    async def partial(self, markdown: str) -> None:
        self.events.append(("partial", markdown))

    async def final(
        self,
        markdown: str,
        *,
        offer_end: bool = False,
        skip: int = 0,
        on_part: PartDelivered | None = None,
    ) -> None:
        if self.fail_final:
            raise DeliveryFailed("test")
        parts = markdown.split("\n\n") if self.paragraph_parts else [markdown]
        for number, part in enumerate(parts[skip:], start=skip + 1):
            if number == self.fail_at_part:
                raise DeliveryFailed("test")
            self.events.append(("final", part))
            if number < len(parts) and on_part is not None:
                await on_part(number)
        if offer_end:
            self.events.append(("offer_end", ""))

    async def plain(self, text: str) -> None:
        if self.fail_plain:
            raise DeliveryFailed("test")
        self.events.append(("plain", text))

    async def crisis(self, text: str, help_url: str, *, lang: str) -> None:
        if self.fail_plain:
            raise DeliveryFailed("test")
        self.events.append(("crisis", text))
        self.help_urls.append(help_url)
        self.crisis_langs.append(lang)

    async def notice(self, key: str, **fields: Field) -> None:
        self.events.append(("notice", key))

    def of(self, kind: str) -> list[str]:
        return [text for event, text in self.events if event == kind]


@dataclass
class RecordingNotifier:
    sent: list[tuple[PersonKey, str]] = field(default_factory=list)
    notices: list[tuple[PersonKey, str]] = field(default_factory=list)
    fields: list[tuple[PersonKey, str, dict[str, Field]]] = field(default_factory=list)
    unreachable: set[PersonKey] = field(default_factory=set)  # they blocked the bot
    channels: dict[PersonKey, RecordingReply] = field(default_factory=dict)
    # the locale each notice or channel was asked to speak, in order
    locales: list[tuple[PersonKey, str | None]] = field(default_factory=list)

    def channel(self, person: PersonKey, locale: str | None) -> RecordingReply:
        self.locales.append((person, locale))
        return self.channels.setdefault(person, RecordingReply())

    async def send(self, person: PersonKey, markdown: str) -> None:
        self.sent.append((person, markdown))

    async def notice(
        self, person: PersonKey, key: str, *, locale: str | None, **fields: Field
    ) -> None:
        if person in self.unreachable:
            raise PersonUnreachable("test")
        self.locales.append((person, locale))
        self.notices.append((person, key))
        self.fields.append((person, key, fields))
