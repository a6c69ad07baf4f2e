"""Is an answer worth sending? Thinking tags stripped, useless answers recognised.

A 200 answer can still be useless: empty, a single character, only a thinking
block, or an echo of what the person wrote. Such an answer is retried once
with the fallback model (see `Mentor`), and never shown as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_CLOSED = re.compile(r"<(think|thinking)>.*?</\1>\s*", re.S | re.I)
_OPEN = re.compile(r"<(think|thinking)>", re.I)
ECHO_RATIO = 0.9  # this similar to the person's own words, and it is an echo
MIN_ECHO_LENGTH = 12  # shorter answers ("Yes.") may match by chance


def visible(text: str, *, final: bool) -> str:
    """What a person may see of an answer: thinking blocks removed.

    An unclosed tag hides what follows it while the answer streams; in the final
    answer, a reply that is nothing but an unclosed tag is taken as the answer
    itself (some models forget to close it), rather than swallowing everything.
    """
    text = _CLOSED.sub("", text)
    match = _OPEN.search(text)
    if match is None:
        return text.strip()
    before = text[: match.start()].strip()
    if before or not final:
        return before
    return text[match.end() :].strip()


@dataclass(frozen=True, slots=True)
class Verdict:
    useful: bool
    reasons: tuple[str, ...] = ()


def judge(answer: str, *, said: str, stop_reason: str | None = None) -> Verdict:
    """A compound check of a finished answer (already stripped of thinking)."""
    reasons = []
    if not answer:
        reasons.append("empty")
    elif len(answer) <= 1:
        reasons.append("single_character")
    if stop_reason == "max_tokens" and len(answer) < 40:
        reasons.append("cut_short")
    if len(answer) >= MIN_ECHO_LENGTH and _echoes(answer, said):
        reasons.append("echo")
    return Verdict(not reasons, tuple(reasons))


def echo_ratio(answer: str, said: str) -> float:
    matcher = _matcher(answer, said)
    return matcher.ratio() if matcher else 0.0


def _echoes(answer: str, said: str) -> bool:
    """echo_ratio >= ECHO_RATIO, settled for almost every answer by two cheap upper
    bounds (lengths, then letters): the full ratio costs the product of the lengths,
    milliseconds for a long message."""
    matcher = _matcher(answer, said)
    return (
        matcher is not None
        and matcher.real_quick_ratio() >= ECHO_RATIO
        and matcher.quick_ratio() >= ECHO_RATIO
        and matcher.ratio() >= ECHO_RATIO
    )


def _matcher(answer: str, said: str) -> SequenceMatcher[str] | None:
    a, b = " ".join(answer.lower().split()), " ".join(said.lower().split())
    return SequenceMatcher(None, a, b, autojunk=False) if a and b else None


def better(first: str, second: str, *, said: str) -> str:
    """Of two imperfect answers, the one more worth sending."""
    score = [
        (judge(text, said=said).useful, -echo_ratio(text, said), len(text))
        for text in (first, second)
    ]
    return first if score[0] >= score[1] else second
