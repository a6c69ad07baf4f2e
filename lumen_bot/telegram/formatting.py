"""Markdown from the mentor to Telegram text + entities, split into messages that fit."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise

import pyromark
import telegramify_markdown
from telegram import MessageEntity
from telegramify_markdown.converter import STANDARD_OPTIONS as _MD_OPTIONS
from telegramify_markdown.entity import MessageEntity as _MdEntity

from lumen_bot.logs import events

__all__ = [
    "MAX_MESSAGE",
    "Chunk",
    "draft_preview",
    "plain_chunks",
    "render",
    "render_whole",
    "split_chunk",
    "utf16_len",
]

log = events(__name__)

MAX_MESSAGE = 4096  # Telegram's limit on message text, in UTF-16 code units
_MIN_LIMIT = 8  # room for the draft's "… " and one surrogate pair at least
_ELLIPSIS = "… "
_HTML_PASSES = 4  # escaping one raw HTML tag can expose another; a few passes settle it

# Fillers that show nothing; with whitespace and format characters (zero-width,
# bidi controls) they make a message that would arrive empty.
_FILLERS = frozenset("\u034f\u115f\u1160\u2800\u3164")
_LINK_SCHEMES = ("http://", "https://", "tg://", "mailto:")
_KNOWN_TYPES = frozenset(MessageEntity.ALL_TYPES)
# Types we cannot send without a field the converter never fills (user, unix_time).
_NEEDS_MISSING_FIELD = frozenset({MessageEntity.TEXT_MENTION, MessageEntity.DATE_TIME})
_BLOCKQUOTES = frozenset({MessageEntity.BLOCKQUOTE, MessageEntity.EXPANDABLE_BLOCKQUOTE})

# No-break spaces are not break opportunities.
_WHITESPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")
# A sentence ends in . ! ? … or an ideographic full stop, exclamation or question mark,
# maybe followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?\u2026][\"')\]\u00bb\u201d\u2019]{0,3}$")
_CJK_SENTENCE_END = re.compile(r"[\u3002\uff01\uff1f][\u300d\u300f\uff09\u201d\u2019]{0,3}")

# Break levels, best first.
_PARAGRAPH, _LINE, _SENTENCE, _SPACE = range(4)


@dataclass(frozen=True, slots=True)
class Chunk:
    """One message: send as `send_message(chat_id, text=c.text, entities=list(c.entities))`."""

    text: str
    entities: tuple[MessageEntity, ...] = ()


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's limits and entity offsets."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def render(markdown: str, *, limit: int = MAX_MESSAGE) -> list[Chunk]:
    """Markdown to messages of at most `limit` UTF-16 units; [] if nothing is visible."""
    return split_chunk(render_whole(markdown), limit=limit)


def plain_chunks(text: str, *, limit: int = MAX_MESSAGE) -> list[str]:
    """Plain text (no Markdown) split into message texts with the same rules as `render`."""
    return [c.text for c in split_chunk(Chunk(_clean(text)), limit=limit)]


def render_whole(markdown: str) -> Chunk:
    """The whole rendered text and its checked entities, before any splitting."""
    source = _clean(markdown)
    try:
        text, raw = telegramify_markdown.convert(_escape_html(source))
    # The converter is a third-party parser fed arbitrary LLM text: whatever it
    # raises, the person still gets the answer, as plain text.
    except Exception as exc:  # noqa: BLE001
        log.warning("markdown_fallback", error=type(exc).__name__)
        return Chunk(source)
    # _clean keeps UTF-16 lengths, so the converter's offsets stay valid.
    text = _clean(text)
    return Chunk(text, _checked_entities(raw, utf16_len(text)))


def split_chunk(chunk: Chunk, *, limit: int = MAX_MESSAGE) -> list[Chunk]:
    """Split at paragraphs, then lines, sentences, spaces; clip entities into each part."""
    _check_limit(limit)
    text = chunk.text
    units = _unit_offsets(text)
    pre = _pre_spans(chunk.entities, units)
    result: list[Chunk] = []
    for start, end in _ranges(text, units, pre, limit):
        part = _slice(chunk, units, start, end)
        if not _is_blank(part.text):
            result.append(part)
    return result


def draft_preview(markdown: str, *, limit: int = MAX_MESSAGE) -> Chunk:
    """A streaming draft: the whole text if it fits, else "… " and its latest words.

    The Markdown may end mid-markup; unclosed delimiters show as typed until they
    close. An empty `text` means there is nothing to show yet.
    """
    _check_limit(limit)
    whole = render_whole(markdown)
    text = whole.text
    units = _unit_offsets(text)
    start, end = _skip_space(text, 0), _trim_end(text, 0, len(text))
    if start >= end or _is_blank(text[start:end]):
        return Chunk("")
    if units[end] - units[start] <= limit:
        return _slice(whole, units, start, end)
    budget = limit - utf16_len(_ELLIPSIS)
    tail = bisect_left(units, units[end] - budget, start, end)
    if tail > 0 and not text[tail - 1].isspace():
        space = _WHITESPACE.search(text, tail, end)
        tail = space.end() if space else _cluster_start_after(text, tail, end)
    tail = _skip_space(text, tail)
    part = _slice(whole, units, tail, end)
    shift = utf16_len(_ELLIPSIS)
    return Chunk(_ELLIPSIS + part.text, tuple(_moved(e, e.offset + shift) for e in part.entities))


# --- input and entities ------------------------------------------------------


def _check_limit(limit: int) -> None:
    if limit < _MIN_LIMIT:
        raise ValueError(f"limit must be at least {_MIN_LIMIT} UTF-16 units")


def well_formed(text: str) -> str:
    """Pair up surrogates and replace lone ones with U+FFFD (same UTF-16 length).

    A lone surrogate is a valid JSON escape ("\\ud800") but no character: UTF-8,
    and so the LLM API's JSON, cannot carry it.
    """
    if text.isascii():
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _clean(text: str) -> str:
    """Well-formed text with NUL as U+FFFD and one kind of line end.

    Each replacement keeps the UTF-16 length; only the line-end change does not,
    and converter output never holds a carriage return.
    """
    text = well_formed(text)
    return text.replace("\x00", "\ufffd").replace("\r\n", "\n").replace("\r", "\n")


def _escape_html(source: str) -> str:
    """Backslash-escape the "<" of raw HTML, which the converter would drop unseen.

    Without this `Vec<String>` loses `<String>`, and a line holding only `<br>`
    opens an HTML block that swallows the rest of its paragraph.
    """
    for _ in range(_HTML_PASSES):
        if "<" not in source:
            break
        data = source.encode()
        spots: set[int] = set()
        for event, span in pyromark.events_with_range(source, options=_MD_OPTIONS):
            if isinstance(event, dict) and ("Html" in event or "InlineHtml" in event):
                at = data.find(b"<", span["start"], span["end"])
                while at != -1:
                    spots.add(at)
                    at = data.find(b"<", at + 1, span["end"])
        if not spots:
            break
        bounds = [0, *sorted(spots), len(data)]
        source = b"\\".join(data[a:b] for a, b in pairwise(bounds)).decode()
    return source


def _checked_entities(raw: Sequence[_MdEntity], total: int) -> tuple[MessageEntity, ...]:
    """Map to PTB entities, dropping any Telegram would refuse or misplace."""
    kept: list[MessageEntity] = []
    for ent in raw:
        start, end = max(ent.offset, 0), min(ent.offset + ent.length, total)
        if end <= start or ent.type not in _KNOWN_TYPES or ent.type in _NEEDS_MISSING_FIELD:
            continue
        if ent.type == MessageEntity.TEXT_LINK and not (ent.url or "").startswith(_LINK_SCHEMES):
            continue  # relative or javascript: links, footnote targets: keep the words
        if ent.type == MessageEntity.CUSTOM_EMOJI and not ent.custom_emoji_id:
            continue
        kept.append(
            MessageEntity(
                type=ent.type,
                offset=start,
                length=end - start,
                url=ent.url if ent.type == MessageEntity.TEXT_LINK else None,
                language=(ent.language or None) if ent.type == MessageEntity.PRE else None,
                custom_emoji_id=(
                    ent.custom_emoji_id if ent.type == MessageEntity.CUSTOM_EMOJI else None
                ),
            )
        )
    kept.sort(key=lambda e: (e.offset, -e.length))
    # Telegram forbids nested blockquotes; the converter emits them for ">>".
    quote_end = -1
    result: list[MessageEntity] = []
    for checked in kept:
        if checked.type in _BLOCKQUOTES:
            if checked.offset < quote_end:
                continue
            quote_end = checked.offset + checked.length
        result.append(checked)
    return tuple(result)


def _moved(ent: MessageEntity, offset: int, length: int | None = None) -> MessageEntity:
    return MessageEntity(
        type=ent.type,
        offset=offset,
        length=ent.length if length is None else length,
        url=ent.url,
        language=ent.language,
        custom_emoji_id=ent.custom_emoji_id,
    )


def _slice(chunk: Chunk, units: Sequence[int], start: int, end: int) -> Chunk:
    """Text [start, end) in str indices, with entities clipped and re-based."""
    lo, hi = units[start], units[end]
    entities: list[MessageEntity] = []
    for ent in chunk.entities:
        a, b = max(ent.offset, lo), min(ent.offset + ent.length, hi)
        if b <= a:
            continue
        # Reuse an entity that needs no change: PTB objects are immutable and slow to build.
        unchanged = lo == 0 and b - a == ent.length
        entities.append(ent if unchanged else _moved(ent, a - lo, b - a))
    return Chunk(chunk.text[start:end], tuple(entities))


def _is_blank(text: str) -> bool:
    return all(ch.isspace() or ch in _FILLERS or unicodedata.category(ch) == "Cf" for ch in text)


# --- splitting ---------------------------------------------------------------


def _unit_offsets(text: str) -> Sequence[int]:
    """units[i] is the UTF-16 offset of text[i]; units[len(text)] is the total."""
    if text.isascii():
        return range(len(text) + 1)
    return list(accumulate((2 if ord(ch) > 0xFFFF else 1 for ch in text), initial=0))


def _pre_spans(entities: Sequence[MessageEntity], units: Sequence[int]) -> list[tuple[int, int]]:
    """str-index spans of code blocks, whose indentation a split must keep."""
    return [
        (bisect_left(units, e.offset), bisect_left(units, e.offset + e.length))
        for e in entities
        if e.type == MessageEntity.PRE
    ]


def _ranges(
    text: str, units: Sequence[int], pre: list[tuple[int, int]], limit: int
) -> list[tuple[int, int]]:
    """str-index ranges of the parts, whitespace at each cut left out."""
    ranges: list[tuple[int, int]] = []
    start, stop = _skip_space(text, 0), _trim_end(text, 0, len(text))
    while start < stop:
        if units[stop] - units[start] <= limit:
            ranges.append((start, stop))
            break
        hi = bisect_right(units, units[start] + limit, start, stop) - 1
        cut = _best_cut(text, start, hi)
        ranges.append((start, _trim_end(text, start, cut)))
        start = _next_start(text, units, pre, cut, limit)
    return ranges


def _best_cut(text: str, start: int, hi: int) -> int:
    """The best place in (start, hi] to end a part that starts at `start`."""
    first_visible = _skip_space(text, start)
    best = [0, 0, 0, 0]
    for run in _WHITESPACE.finditer(text, first_visible + 1):
        cut = run.start()
        if cut > hi:
            break
        newlines = run.group().count("\n")
        if newlines >= 2:
            level = _PARAGRAPH
        elif newlines:
            level = _LINE
        elif _SENTENCE_END.search(text, max(start, cut - 4), cut):
            level = _SENTENCE
        else:
            level = _SPACE
        best[level] = cut
    for mark in _CJK_SENTENCE_END.finditer(text, first_visible, hi):
        best[_SENTENCE] = max(best[_SENTENCE], mark.end())
    for cut in best:
        if cut > first_visible:
            return cut
    # One "word" longer than the limit (a URL, a run of emoji): cut between clusters.
    cut = hi
    while cut > first_visible + 1 and not _is_cluster_boundary(text, cut):
        cut -= 1
    return cut if _is_cluster_boundary(text, cut) else hi


def _next_start(
    text: str, units: Sequence[int], pre: list[tuple[int, int]], cut: int, limit: int
) -> int:
    """Skip the whitespace after a cut, but keep a code line's indentation."""
    visible = _skip_space(text, cut)
    line = text.rfind("\n", cut, visible) + 1 or cut
    short = units[visible] - units[line] < limit // 2
    if line < visible and short and any(a <= line and visible < b for a, b in pre):
        return line
    return visible


def _skip_space(text: str, i: int) -> int:
    run = _WHITESPACE.match(text, i)
    return run.end() if run else i


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _cluster_start_after(text: str, i: int, end: int) -> int:
    while i < end and not _is_cluster_boundary(text, i):
        i += 1
    return i


def _is_cluster_boundary(text: str, i: int) -> bool:
    """Whether a cut before text[i] keeps emoji and accented letters whole (approximately)."""
    if i <= 0 or i >= len(text):
        return True
    prev, ch = ord(text[i - 1]), ord(text[i])
    if 0x200D in (prev, ch):  # zero-width joiner sequences
        return False
    if (
        0xFE00 <= ch <= 0xFE0F  # variation selectors
        or 0xE0100 <= ch <= 0xE01EF
        or 0x1F3FB <= ch <= 0x1F3FF  # skin tones
        or 0xE0020 <= ch <= 0xE007F  # tag sequences (subdivision flags)
        or unicodedata.category(text[i]).startswith("M")  # combining marks, keycaps
    ):
        return False
    if _is_regional(prev) and _is_regional(ch):  # flags are pairs of indicators
        run = i
        while run > 0 and _is_regional(ord(text[run - 1])):
            run -= 1
        return (i - run) % 2 == 0
    return True


def _is_regional(code: int) -> bool:
    return 0x1F1E6 <= code <= 0x1F1FF
