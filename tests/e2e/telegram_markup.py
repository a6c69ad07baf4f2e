"""Turns MarkdownV2 or HTML into text plus entities, refusing what Telegram refuses.

The emulator stores text as sent; real Telegram parses `parse_mode`, answers
"400 Bad Request: can't parse entities: ..." for broken markup, strips the text and
limits it to 4096 characters. The proxy uses this module to do the same, so a bot
that forgets to escape a `.` or `<` fails here as it would in production.
Entity offsets and lengths count UTF-16 code units, as in the Bot API.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024

Entity = dict[str, Any]


class MarkupError(ValueError):
    """The text cannot be sent; `str(error)` is Telegram's description after "Bad Request: "."""


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def utf16_slice(text: str, offset: int, length: int) -> str:
    """The part of `text` that an entity (offset, length in UTF-16 units) covers."""
    data = text.encode("utf-16-le")
    return data[2 * offset : 2 * (offset + length)].decode("utf-16-le")


@dataclass
class _Builder:
    """Collects output text and entities; positions are in UTF-16 units."""

    parts: list[str] = field(default_factory=list)
    pos: int = 0
    entities: list[Entity] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += utf16_len(text)

    def close(self, kind: str, start: int, **extra: Any) -> None:
        if self.pos > start:
            self.entities.append(
                {"type": kind, "offset": start, "length": self.pos - start, **extra}
            )

    def text(self) -> str:
        return "".join(self.parts)


_MDV2_RESERVED = set("_*[]()~`>#+-=|{}.!")
_MDV2_SIMPLE = {"*": "bold", "~": "strikethrough"}


def parse_markdown_v2(src: str) -> tuple[str, list[Entity]]:
    """Parses Telegram MarkdownV2 the way tdlib does (stack of open entities)."""
    out = _Builder()
    stack: list[tuple[str, int, int]] = []  # (type, utf16 start, byte offset for errors)
    quote_start: int | None = None
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        at_line_start = i == 0 or src[i - 1] == "\n"
        if c == "\\":
            if i + 1 < n and 0 < ord(src[i + 1]) <= 126:
                out.add(src[i + 1])
                i += 2
                continue
            raise _reserved(c)
        if at_line_start and c == ">":
            if quote_start is None:
                quote_start = out.pos
            i += 1
            continue
        if c == "\n" and quote_start is not None and not src.startswith(">", i + 1):
            out.close("blockquote", quote_start)
            quote_start = None
        if c not in _MDV2_RESERVED:
            out.add(c)
            i += 1
            continue
        top = stack[-1][0] if stack else None
        nxt = src[i + 1] if i + 1 < n else ""
        if c == "`":
            i = _code(src, i, out)
        elif (top == "bold" and c == "*") or (top == "strikethrough" and c == "~"):
            out.close(top, stack.pop()[1])
            i += 1
        elif top == "italic" and c == "_" and nxt != "_":
            out.close("italic", stack.pop()[1])
            i += 1
        elif top == "underline" and c == "_" and nxt == "_":
            out.close("underline", stack.pop()[1])
            i += 2
        elif top == "spoiler" and c == "|" and nxt == "|":
            out.close("spoiler", stack.pop()[1])
            i += 2
        elif top in ("text_link", "custom_emoji") and c == "]":
            kind, start, _ = stack.pop()
            url, i = _link_target(src, i + 1)
            if kind == "custom_emoji":
                out.close(kind, start, custom_emoji_id=url.removeprefix("tg://emoji?id="))
            elif url:  # "[text]" without "(url)" is plain text, as in tdlib
                out.close(kind, start, url=url)
        elif c in _MDV2_SIMPLE:
            stack.append((_MDV2_SIMPLE[c], out.pos, _byte(src, i)))
            i += 1
        elif c == "_":
            kind = "underline" if nxt == "_" else "italic"
            stack.append((kind, out.pos, _byte(src, i)))
            i += 2 if kind == "underline" else 1
        elif c == "|" and nxt == "|":
            stack.append(("spoiler", out.pos, _byte(src, i)))
            i += 2
        elif c == "[" or (c == "!" and nxt == "["):
            stack.append(("text_link" if c == "[" else "custom_emoji", out.pos, _byte(src, i)))
            i += 1 if c == "[" else 2
        else:
            raise _reserved(c)
    if stack:
        kind, _, byte = stack[-1]
        raise MarkupError(f"Can't find end of {_names[kind]} entity at byte offset {byte}")
    if quote_start is not None:
        out.close("blockquote", quote_start)
    return out.text(), sorted(out.entities, key=lambda e: (e["offset"], -e["length"]))


_names = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji",
    "code": "Code",
    "pre": "Pre",
}


def _reserved(c: str) -> MarkupError:
    return MarkupError(f"Character '{c}' is reserved and must be escaped with the preceding '\\'")


def _byte(src: str, i: int) -> int:
    return len(src[:i].encode("utf-8"))


def _code(src: str, i: int, out: _Builder) -> int:
    """Reads `code` or ```pre``` starting at src[i]; returns the index after it."""
    fence = "```" if src.startswith("```", i) else "`"
    j = i + len(fence)
    language = ""
    if fence == "```":
        newline = src.find("\n", j)
        first_line = src[j:newline] if newline != -1 else ""
        if newline != -1 and first_line and not re.search(r"[\s`\\]", first_line):
            language, j = first_line, newline + 1
        elif src.startswith("\n", j):
            j += 1
    body: list[str] = []
    while j < len(src):
        if src[j] == "\\" and j + 1 < len(src) and 0 < ord(src[j + 1]) <= 126:
            body.append(src[j + 1])
            j += 2
        elif src.startswith(fence, j):
            start = out.pos
            out.add("".join(body))
            extra = {"language": language} if language else {}
            out.close("pre" if fence == "```" else "code", start, **extra)
            return j + len(fence)
        else:
            body.append(src[j])
            j += 1
    kind = "Pre" if fence == "```" else "Code"
    raise MarkupError(f"Can't find end of {kind} entity at byte offset {_byte(src, i)}")


def _link_target(src: str, i: int) -> tuple[str, int]:
    """Reads `(url)` at src[i], escapes allowed; returns the url ("" if none) and the next index."""
    if not src.startswith("(", i):
        return "", i
    url: list[str] = []
    j = i + 1
    while j < len(src) and src[j] != ")":
        if src[j] == "\\" and j + 1 < len(src):
            j += 1
        url.append(src[j])
        j += 1
    if j >= len(src):
        raise MarkupError(f"Can't find end of a URL at byte offset {_byte(src, i)}")
    return "".join(url), j + 1


_HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_ATTR_SOURCE = r"([a-zA-Z-]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?"
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+" + _ATTR_SOURCE + r")*)\s*>")
_ATTR = re.compile(_ATTR_SOURCE)
_CHARREF = re.compile(r"&(#[0-9]+|#x[0-9a-fA-F]+|lt|gt|amp|quot);")


def parse_html(src: str) -> tuple[str, list[Entity]]:
    """Parses Telegram's HTML subset: only its tags, only &lt; &gt; &amp; &quot; and &#N;."""
    out = _Builder()
    stack: list[tuple[str, int, dict[str, str]]] = []
    i = 0
    while i < len(src):
        c = src[i]
        if c == "&":
            ref = _CHARREF.match(src, i)
            out.add(html.unescape(ref.group(0)) if ref else "&")
            i = ref.end() if ref else i + 1
            continue
        if c != "<":
            out.add(c)
            i += 1
            continue
        tag = _TAG.match(src, i)
        if tag is None or tag.group(2).lower() not in _HTML_TAGS:
            name = re.split(r"[\s>]", src[i + 1 :], maxsplit=1)[0].lstrip("/")
            raise MarkupError(f'Unsupported start tag "{name}" at byte offset {_byte(src, i)}')
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if not closing:
            attrs = {m[0].lower(): m[1] or m[2] or m[3] for m in _ATTR.findall(tag.group(3) or "")}
            stack.append((name, out.pos, attrs))
        elif not stack or stack[-1][0] != name:
            expected = f'"</{stack[-1][0]}>"' if stack else "nothing"
            raise MarkupError(
                f"Unmatched end tag at byte offset {_byte(src, i)}, expected {expected},"
                f' found "</{name}>"'
            )
        else:
            _, start, attrs = stack.pop()
            language = attrs.get("class", "").removeprefix("language-")
            if name == "code" and language and stack and stack[-1][0] == "pre":
                stack[-1][2]["language"] = language  # <pre><code class="language-x">: one pre
            else:
                _close_html(out, name, start, attrs)
        i = tag.end()
    if stack:
        raise MarkupError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return out.text(), sorted(out.entities, key=lambda e: (e["offset"], -e["length"]))


def _close_html(out: _Builder, name: str, start: int, attrs: dict[str, str]) -> None:
    kind = _HTML_TAGS[name]
    if name == "span" and attrs.get("class") != "tg-spoiler":
        raise MarkupError('Unsupported start tag "span" (only class="tg-spoiler" is allowed)')
    if kind == "text_link":
        out.close(kind, start, url=attrs.get("href", ""))
    elif kind == "custom_emoji":
        out.close(kind, start, custom_emoji_id=attrs.get("emoji-id", ""))
    elif kind == "pre" and attrs.get("language"):
        out.close(kind, start, language=attrs["language"])
    elif kind == "blockquote" and "expandable" in attrs:
        out.close("expandable_blockquote", start)
    else:
        out.close(kind, start)


def render(
    text: str | None,
    parse_mode: str | None,
    entities: list[Entity] | None,
    *,
    limit: int = MAX_TEXT_LENGTH,
    allow_empty: bool = False,
) -> tuple[str, list[Entity]]:
    """What Telegram stores for a text: parsed, stripped, checked against `limit`."""
    text = text or ""
    parsers = {"markdownv2": parse_markdown_v2, "html": parse_html}
    if parse_mode and parse_mode.lower() not in parsers:
        raise MarkupError(
            f"unsupported parse_mode {parse_mode!r} (legacy Markdown is not emulated)"
        )
    if parse_mode:
        try:
            text, entities = parsers[parse_mode.lower()](text)
        except MarkupError as error:
            raise MarkupError(f"can't parse entities: {error}") from None
    text, entities = _strip(text, list(entities or []))
    if not text and not allow_empty:
        raise MarkupError("message text is empty")
    if utf16_len(text) > limit:
        raise MarkupError(
            "message is too long" if limit == MAX_TEXT_LENGTH else "caption is too long"
        )
    return text, entities


def _strip(text: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    """Telegram drops leading and trailing whitespace and shifts the entities with it."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    shift = utf16_len(text[: len(text) - len(text.lstrip())])
    end = utf16_len(stripped)
    kept: list[Entity] = []
    for entity in entities:
        start = max(0, entity["offset"] - shift)
        stop = min(end, entity["offset"] + entity["length"] - shift)
        if stop > start:
            kept.append({**entity, "offset": start, "length": stop - start})
    return stripped, kept
