"""The /remind menu: the person's rhythm in words, its buttons, and what a button means.

Pure functions of a `Rhythm`, so the menu reads the same after any press and a
stale menu's button still means one definite choice (never "toggle"): pressed
twice, it changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from lumen_bot import texts
from lumen_bot.harness.rhythm import Cadence, Rhythm, RhythmPolicy, parse_time_of_day, when

RHYTHM = "rhythm:"  # callback data prefix of every menu button
ONCE = "once"  # "Remind me once", for the "only when I ask" rhythm
TIMES = (time(8, 0), time(12, 0), time(18, 0))
USUAL = "-"  # the time button that means "when my sessions usually begin"
CHOSEN = "✓ "


def status(
    rhythm: Rhythm, next_due: datetime | None, policy: RhythmPolicy, lang: str | None
) -> str:
    """What the menu says: the rhythm, the next reminder (or why there is none), the
    time zone if unset, and whether a reminder may name what was left open."""
    zone = rhythm.tz or "UTC"
    if rhythm.at is None:
        at = texts.text("rhythm_at_usual", lang, zone=zone)
    else:
        at = texts.text("rhythm_at", lang, time=f"{rhythm.at:%H:%M}", zone=zone)
    lines = [texts.text(f"rhythm_{rhythm.cadence.value}", lang, at=at)]
    if rhythm.cadence is Cadence.OFF:
        return "\n\n".join(lines)
    if rhythm.at is not None and policy.is_quiet(rhythm.at):
        lines.append(
            texts.text(
                "rhythm_quiet",
                lang,
                time=f"{rhythm.at:%H:%M}",
                start=f"{policy.quiet_start:%H:%M}",
                end=f"{policy.quiet_end:%H:%M}",
            )
        )
    if rhythm.paused:
        lines.append(texts.text("rhythm_paused", lang))
    elif next_due is not None:
        lines.append(texts.text("rhythm_next", lang, when=when(next_due, rhythm)))
    elif rhythm.cadence is not Cadence.ON_REQUEST:
        lines.append(texts.text("rhythm_next_later", lang))
    if rhythm.tz is None and (next_due is None or rhythm.paused):
        lines.append(texts.text("rhythm_utc", lang))  # a due time shown says so itself
    lines.append(texts.text("rhythm_mention" if rhythm.mention else "rhythm_generic", lang))
    lines.append(texts.text("rhythm_choose", lang))
    return "\n\n".join(lines)


def keyboard(rhythm: Rhythm, lang: str | None) -> InlineKeyboardMarkup:
    """Rhythm, time of day, "Remind me once" (only-when-I-ask), and generic or not."""

    def button(key: str, data: str, chosen: bool = False) -> InlineKeyboardButton:
        label = texts.text(key, lang)
        return InlineKeyboardButton(
            CHOSEN + label if chosen else label, callback_data=RHYTHM + data
        )

    def cadence(kind: Cadence) -> InlineKeyboardButton:
        return button(f"button_{kind.value}", f"c:{kind.value}", rhythm.cadence is kind)

    rows = [
        [cadence(Cadence.FEW_DAYS), cadence(Cadence.WEEKLY)],
        [cadence(Cadence.ON_REQUEST), cadence(Cadence.OFF)],
    ]
    if rhythm.cadence is Cadence.OFF:
        return InlineKeyboardMarkup(rows)
    times = [
        InlineKeyboardButton(
            f"{CHOSEN if rhythm.at == at else ''}{at:%H:%M}", callback_data=f"{RHYTHM}t:{at:%H:%M}"
        )
        for at in TIMES
    ]
    rows.append([*times, button("button_usual_time", f"t:{USUAL}", rhythm.at is None)])
    if rhythm.cadence is Cadence.ON_REQUEST and not rhythm.paused:
        rows.append([button("button_remind_once", ONCE)])
    if rhythm.mention:
        rows.append([button("button_generic", "m:0")])
    else:
        rows.append([button("button_mention", "m:1")])
    return InlineKeyboardMarkup(rows)


def chosen(rhythm: Rhythm, data: str) -> Rhythm | None:
    """The rhythm a button's data asks for, or None if the data means nothing here
    (an old or forged button). "Remind me once" is not a change of rhythm: None."""
    kind, _, value = data.removeprefix(RHYTHM).partition(":")
    if kind == "c" and value in {c.value for c in Cadence}:
        return replace(rhythm, cadence=Cadence(value))
    if kind == "t" and value == USUAL:
        return replace(rhythm, at=None)
    if kind == "t" and (at := parse_time_of_day(value)) is not None:
        return replace(rhythm, at=at)
    if kind == "m" and value in ("0", "1"):
        return replace(rhythm, mention=value == "1")
    return None
