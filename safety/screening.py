"""The value a crisis screen returns: level, categories, language and evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    """How urgent a message looks, in rising order."""

    NONE = "none"
    CONCERN = "concern"
    CRISIS = "crisis"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Level.NONE: 0, Level.CONCERN: 1, Level.CRISIS: 2}
CHAT_RULE = "chat.model"  # the rule name the chat model's concerns report under (chat.py)


class Category(StrEnum):
    """What kind of risk a signal points at."""

    SUICIDE_SELF_HARM = "suicide_self_harm"
    HARM_TO_OTHERS = "harm_to_others"
    DANGER_FROM_OTHERS = "danger_from_others"
    MEDICAL_EMERGENCY = "medical_emergency"
    EATING_DISORDER = "eating_disorder"
    SUBSTANCE = "substance"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why the screen decided: the rule that fired and where in the text.

    `start`/`end` index the screened text; an admin reviewing a flag sees the
    span. Evidence never leaves the process in logs: it holds user text.
    """

    rule: str
    level: Level
    category: Category
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Screening:
    """The result of `safety.screen`.

    `categories` lists every category with a signal of at least concern, the most
    urgent first. `third_party` is true when every signal at the final level is about
    someone else (the writer is worried about another person, a helper).
    """

    level: Level
    categories: tuple[Category, ...] = ()
    lang: str = "en"
    evidence: tuple[Evidence, ...] = field(default=())
    third_party: bool = False

    @property
    def is_crisis(self) -> bool:
        return self.level is Level.CRISIS

    @property
    def is_concern(self) -> bool:
        return self.level is Level.CONCERN

    @property
    def by_model_alone(self) -> bool:
        """A concern or crisis that only the chat model found, from the weight of words
        (no rule): enough for a check-in or crisis care. Its concern alone does not
        override what the person asked for (a command); its crisis does
        (`lumen_bot.harness.commands.overrides_a_command`)."""
        return bool(self.evidence) and all(e.rule == CHAT_RULE for e in self.evidence)

    @property
    def hurt_by_others(self) -> bool:
        """The writer is being hurt by someone (danger from others, about themselves):
        the resources for them name the lines for abuse and violence."""
        return not self.third_party and Category.DANGER_FROM_OTHERS in self.categories

    @property
    def others_hurt(self) -> bool:
        """Someone else is being hurt by someone ("my stepdad hits my little sister"): the
        writer is a witness, often in the same home, and the lines for abuse and violence
        serve them too."""
        return self.third_party and Category.DANGER_FROM_OTHERS in self.categories
