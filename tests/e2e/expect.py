"""What the bot sends for a message, as Lumen's own screen reads it.

A concern brings the mentor's answer and then, once per session, a line offering
support. Which phrases the screen's chat model weighs as concern changes with its
training, so a test that sends a phrase no one wrote to test the screen ("something to
report") asks the screen, as the bot does, instead of assuming none."""

from __future__ import annotations

import safety

ANSWER = "MENTOR-MARKER"  # in every mentor answer (tests/e2e/fakellm.yaml)


def messages_for(text: str, *, offered: bool = False) -> int:
    """The answer, and the offer of support if `text` is a concern and none was made in
    this session yet (`offered`)."""
    return 2 if safety.screen(text).is_concern and not offered else 1


def the_answer(messages: list[str]) -> str:
    """The one mentor answer among what the bot sent; anything else must be the offer."""
    answers = [m for m in messages if ANSWER in m]
    assert len(answers) == 1, messages
    others = [m for m in messages if ANSWER not in m]
    assert all("don't have to carry it alone" in m or "caring of you" in m for m in others), others
    return answers[0]
