"""Markdown to Telegram messages: entities at UTF-16 offsets, splits that lose nothing."""

from __future__ import annotations

import logging
import unicodedata
from collections import Counter

import pytest
import telegramify_markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram import MessageEntity

from lumen_bot.telegram.formatting import (
    Chunk,
    draft_preview,
    plain_chunks,
    render,
    render_whole,
    split_chunk,
    utf16_len,
)

Described = tuple[str, int, int, str | None, str | None, str | None]

FRAGMENTS = [
    *("**", "*", "_", "__", "`", "```", "```py\n", "~~", "||", "[", "](", ")"),
    *("](https://example.com/x)", "![i](https://e.com/i.png)", "<b>", "</b>", "<script>"),
    *("&amp;", "&", "\n", "\n\n", " ", "  ", "\t", "# ", "## ", "> ", ">> ", "- ", "1. "),
    *("|a|b|\n|-|-|\n", "$x$", "\\(", "\\alpha", "\\)", ". ", "! ", "? ", "… ", "\u3002", "\uff01"),
    *("😀", "👨‍👩‍👧", "❤️", "🇺🇦", "👍🏽", "e\u0301", "\u200b", "\u200d", "\u202e", "\u00a0"),
    *("中文", "word", "https://example.com/a-very-long-path-without-spaces", "    "),
]
HOSTILE = ["\ud800", "\udc00", "\ud83d\ude00", "\x00", "\r", "\r\n", "\ufeff"]

markdown_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=80
).map("".join)
hostile_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS + HOSTILE), st.text(max_size=8)), max_size=80
).map("".join)
small_limits = st.integers(min_value=8, max_value=120)


def describe(entity: MessageEntity) -> Described:
    return (
        entity.type,
        entity.offset,
        entity.length,
        entity.url,
        entity.language,
        entity.custom_emoji_id,
    )


def clip(entity: MessageEntity, lo: int, hi: int) -> Described | None:
    start, end = max(entity.offset, lo), min(entity.offset + entity.length, hi)
    if end <= start:
        return None
    kind, _, _, url, language, emoji = describe(entity)
    return (kind, start - lo, end - start, url, language, emoji)


def utf16_slice(text: str, offset: int, length: int) -> str:
    data = text.encode("utf-16-le")
    return data[2 * offset : 2 * (offset + length)].decode("utf-16-le")


def is_gap(text: str) -> bool:
    """Only what a cut may drop: whitespace and characters that show nothing."""
    return all(
        ch.isspace() or unicodedata.category(ch) == "Cf" or ch in "\u034f\u115f\u1160\u2800\u3164"
        for ch in text
    )


def assert_sendable(chunks: list[Chunk], limit: int = 4096) -> None:
    """What Telegram accepts: non-blank UTF-8 text within the limit, entities inside it."""
    for chunk in chunks:
        assert not is_gap(chunk.text)
        assert utf16_len(chunk.text) <= limit
        chunk.text.encode("utf-8")  # raises on a lone surrogate
        for entity in chunk.entities:
            assert entity.length > 0
            assert entity.offset >= 0
            assert entity.offset + entity.length <= utf16_len(chunk.text)


def locate(whole: str, parts: list[str]) -> list[int]:
    """Where each part starts in `whole`, asserting that only gaps lie between them."""
    starts, pos = [], 0
    for part in parts:
        at = whole.find(part, pos)
        assert at >= 0, f"part not found in order: {part!r}"
        assert is_gap(whole[pos:at])
        starts.append(at)
        pos = at + len(part)
    assert is_gap(whole[pos:])
    return starts


# --- entities ------------------------------------------------------------------


def test_bold_after_emoji_is_placed_in_utf16_units() -> None:
    [chunk] = render("😀 **bold**")
    assert chunk.text == "😀 bold"
    [bold] = chunk.entities
    assert (bold.type, bold.offset, bold.length) == (MessageEntity.BOLD, 3, 4)
    assert utf16_slice(chunk.text, bold.offset, bold.length) == "bold"


def test_markdown_constructs_map_to_telegram_entity_types() -> None:
    markdown = (
        "*it* ~~st~~ ||sp|| `co` [li](https://example.com) ![👍](tg://emoji?id=5368324170671202286)"
        "\n\n# Head\n\n```python\nx = 1\n```\n\n> short quote\n\nbreak\n\n> " + "long " * 60
    )
    [chunk] = render(markdown)
    found = {(e.type, e.url, e.language, e.custom_emoji_id) for e in chunk.entities}
    assert found == {
        (MessageEntity.ITALIC, None, None, None),
        (MessageEntity.STRIKETHROUGH, None, None, None),
        (MessageEntity.SPOILER, None, None, None),
        (MessageEntity.CODE, None, None, None),
        (MessageEntity.TEXT_LINK, "https://example.com", None, None),
        (MessageEntity.CUSTOM_EMOJI, None, None, "5368324170671202286"),
        (MessageEntity.BOLD, None, None, None),
        (MessageEntity.UNDERLINE, None, None, None),
        (MessageEntity.PRE, None, "python", None),
        (MessageEntity.BLOCKQUOTE, None, None, None),
        (MessageEntity.EXPANDABLE_BLOCKQUOTE, None, None, None),
    }
    assert all(isinstance(e, MessageEntity) for e in chunk.entities)


def test_links_telegram_would_not_open_keep_their_words_but_lose_the_link() -> None:
    [chunk] = render("[x](javascript:alert(1)) [y](relative/path) [z](https://ok.example)")
    assert chunk.text == "x y z"
    assert [(e.type, e.url) for e in chunk.entities] == [
        (MessageEntity.TEXT_LINK, "https://ok.example")
    ]


def test_nested_blockquotes_become_one_because_telegram_forbids_nesting() -> None:
    [chunk] = render("> outer\n>> inner\n> outer again")
    assert [e.type for e in chunk.entities] == [MessageEntity.BLOCKQUOTE]
    assert chunk.entities[0].length == utf16_len(chunk.text)


def test_raw_html_is_shown_as_typed_instead_of_silently_dropped() -> None:
    [generic] = render("Use Vec<String> here")
    assert generic.text == "Use Vec<String> here"
    [block] = render("<br>\nThis line must survive\n\nNext paragraph")
    assert "This line must survive" in block.text
    [code] = render("`a<b>` and <i>")
    assert code.text == "a<b> and <i>"


# --- splitting -----------------------------------------------------------------


def test_long_answer_splits_only_at_paragraph_boundaries() -> None:
    paragraphs = [
        f"Paragraph {i}. " + " ".join(f"thought{i}x{j}" for j in range(40 + i % 7))
        for i in range(20)
    ]
    markdown = "\n\n".join(paragraphs)
    assert len(markdown) >= 10_000
    chunks = render(markdown)
    assert len(chunks) >= 3
    assert_sendable(chunks)
    pieces = [p for chunk in chunks for p in chunk.text.split("\n\n")]
    assert pieces == paragraphs


def test_paragraph_longer_than_limit_splits_at_line_breaks_first() -> None:
    lines = [f"Line {i}. It has a sentence. And another one" for i in range(10)]
    chunks = plain_chunks("\n".join(lines), limit=100)
    assert [line for chunk in chunks for line in chunk.split("\n")] == lines


def test_paragraph_without_line_breaks_splits_at_sentence_ends() -> None:
    text = " ".join(f"Sentence number {i} has a few words in it!" for i in range(40))
    chunks = plain_chunks(text, limit=120)
    assert len(chunks) > 1
    assert all(chunk.endswith("!") for chunk in chunks)
    assert " ".join(chunks) == text


def test_cjk_text_splits_after_ideographic_full_stops() -> None:
    text = "".join(f"这是第{i}句话\uff0c没有空格\u3002" for i in range(30))
    chunks = plain_chunks(text, limit=40)
    assert len(chunks) > 1
    assert all(chunk.endswith("\u3002") for chunk in chunks)
    assert "".join(chunks) == text


def test_no_cut_falls_inside_a_word() -> None:
    words = [f"w{i}{'x' * (i % 9)}" for i in range(2_000)]
    chunks = plain_chunks(" ".join(words), limit=4096)
    assert len(chunks) > 1
    assert [w for chunk in chunks for w in chunk.split(" ")] == words


def test_a_word_longer_than_the_limit_is_cut_only_where_it_must_be() -> None:
    url = "https://example.com/" + "a" * 250
    chunks = plain_chunks(f"see {url} end", limit=100)
    assert chunks == ["see", url[:100], url[100:200], url[200:] + " end"]


@pytest.mark.parametrize(
    "unit",
    ["😀", "❤️", "👨‍👩‍👧", "🇺🇦", "👍🏽", "e\u0301", "1\ufe0f\u20e3"],
    ids=["emoji", "variation-selector", "zwj-family", "flag", "skin-tone", "accent", "keycap"],
)
def test_runs_of_emoji_are_cut_between_clusters_never_inside(unit: str) -> None:
    text = unit * (4096 // utf16_len(unit) + 500)
    chunks = plain_chunks(text)
    assert len(chunks) > 1
    for chunk in chunks:
        assert utf16_len(chunk) <= 4096
        assert chunk == unit * (len(chunk) // len(unit))
    assert "".join(chunks) == text


def test_4096_emoji_split_into_two_whole_halves() -> None:
    chunks = render("😀" * 4096)
    assert [c.text for c in chunks] == ["😀" * 2048, "😀" * 2048]


def test_bold_spanning_a_split_is_clipped_into_each_part_at_rebased_offsets() -> None:
    bold_words = ["bold😀"] + [f"w{i}😀" for i in range(60)]
    chunks = render("intro 😀😀 **" + " ".join(bold_words) + "** outro", limit=64)
    assert_sendable(chunks, 64)
    assert len(chunks) > 2
    assert chunks[-1] == Chunk("outro")
    bold_parts = []
    for chunk in chunks[:-1]:
        bolds = [e for e in chunk.entities if e.type == MessageEntity.BOLD]
        assert len(bolds) == 1
        bold_parts.append(utf16_slice(chunk.text, bolds[0].offset, bolds[0].length))
    assert chunks[0].text.startswith("intro 😀😀 bold😀")
    assert " ".join(bold_parts).split(" ") == bold_words


def test_code_block_split_keeps_language_and_indentation_in_every_part() -> None:
    body = "\n".join(f"    value_{i} = {i}  # step {i}" for i in range(40))
    chunks = render(f"Code:\n\n```python\ndef f():\n{body}\n```", limit=200)
    assert_sendable(chunks, 200)
    code_parts = chunks[1:]
    assert len(code_parts) > 1
    for chunk in code_parts:
        [pre] = chunk.entities
        assert (pre.type, pre.language, pre.offset) == (MessageEntity.PRE, "python", 0)
        assert pre.length == utf16_len(chunk.text)
    assert all(chunk.text.startswith("    value_") for chunk in code_parts[1:])


# --- hostile input ---------------------------------------------------------------

HOSTILE_INPUTS = {
    "empty": "",
    "unbalanced": "**bold _it `code [link](http://x ~~s ||sp",
    "html": "<b>x</b> <script>alert(1)</script> & < > &amp; &#0; &#xD800;",
    "null": "a\x00b **c\x00**",
    "lone-surrogates": "\ud800 and \udfff\ud800 **\udc00**",
    "invisible-and-rtl": "\u200b\u200c\u200d\u2060\ufeff \u202e\u200f\u061c text \u202c",
    "only-invisible": "\u200b" * 5000,
    "4096-emoji": "😀" * 4096,
    "backticks": "`" * 5000,
    "deep-quotes": ">" * 3000 + " deep",
    "deep-list": "\n".join("  " * i + "- x" for i in range(300)),
    "table": "|a|b|\n|-|-|\n" + "|1|2|\n" * 800,
    "latex": "\\(\\frac{1}{" + "\\alpha" * 500,
    "open-fence": "```python\n" + "print('unclosed')\n" * 400,
    "one-huge-word": "a" * 10_000,
    "tabs": "\t" * 5000 + "x",
    "links": "[a](" * 3000,
    "crlf": "**a**\r\n\r\n" * 900,
}


@pytest.mark.parametrize("markdown", HOSTILE_INPUTS.values(), ids=HOSTILE_INPUTS.keys())
def test_hostile_input_never_raises_and_stays_sendable(markdown: str) -> None:
    assert_sendable(render(markdown))
    assert_sendable([c for c in [draft_preview(markdown)] if c.text])
    assert all(not is_gap(t) and utf16_len(t) <= 4096 for t in plain_chunks(markdown))


def test_nothing_visible_renders_no_messages() -> None:
    assert render("") == []
    assert render(" \n\u200b\t ") == []
    assert plain_chunks("\n\n") == []
    assert draft_preview("  ") == Chunk("")


def test_lone_surrogates_and_nulls_become_replacement_characters() -> None:
    [chunk] = render("a\ud800b \x00 **c**")
    assert chunk.text == "a\ufffdb \ufffd c"
    assert describe(chunk.entities[0]) == (MessageEntity.BOLD, 6, 1, None, None, None)
    assert plain_chunks("\ud83d\ude00 pair") == ["😀 pair"]


def test_converter_failure_falls_back_to_plain_text_and_logs_no_content(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(markdown: str) -> tuple[str, list[telegramify_markdown.MessageEntity]]:
        raise RuntimeError(markdown)

    # The fake stands in for the third-party converter, not for our code.
    monkeypatch.setattr(telegramify_markdown, "convert", broken)
    caplog.set_level(logging.WARNING)
    markdown = "**canary secret** " + "word " * 2000
    chunks = render(markdown)
    assert len(chunks) == 3
    assert chunks[0].text.startswith("**canary secret** word")
    assert all(chunk.entities == () for chunk in chunks)
    assert "markdown_fallback" in caplog.text
    assert "RuntimeError" in caplog.text
    assert "canary" not in caplog.text


def test_limit_below_minimum_is_refused() -> None:
    with pytest.raises(ValueError, match="at least"):
        render("x", limit=7)


# --- drafts --------------------------------------------------------------------


def test_draft_of_short_partial_markdown_shows_unclosed_markup_as_typed() -> None:
    assert draft_preview("Here is **bol") == Chunk("Here is **bol")
    [bold] = draft_preview("**done** now").entities
    assert (bold.type, bold.offset, bold.length) == (MessageEntity.BOLD, 0, 4)
    [pre] = draft_preview("```python\nprint(1)\n").entities
    assert (pre.type, pre.language) == (MessageEntity.PRE, "python")


def test_long_draft_shows_the_latest_words_from_a_word_boundary() -> None:
    words = [f"w{i}" for i in range(3000)]
    draft = draft_preview(" ".join(words) + " **bold tail**", limit=100)
    assert utf16_len(draft.text) <= 100
    assert draft.text.startswith("… ")
    first, *_ = draft.text.removeprefix("… ").split(" ")
    assert first in words
    assert draft.text.endswith("w2999 bold tail")
    [bold] = draft.entities
    assert utf16_slice(draft.text, bold.offset, bold.length) == "bold tail"


# --- properties ------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(
        alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\r\x00"),
        max_size=400,
    ),
    limit=small_limits,
)
def test_plain_chunks_lose_nothing_but_whitespace_at_cuts(text: str, limit: int) -> None:
    chunks = plain_chunks(text, limit=limit)
    locate(text, chunks)
    for chunk in chunks:
        assert utf16_len(chunk) <= limit
        assert not is_gap(chunk)


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.text(alphabet="abcdefé😀", min_size=1, max_size=10), min_size=1),
    seps=st.lists(st.sampled_from([" ", "\n", "\n\n", ". ", "  "]), min_size=1),
    limit=st.integers(min_value=20, max_value=80),
)
def test_words_that_fit_are_never_cut(words: list[str], seps: list[str], limit: int) -> None:
    text = "".join(w + seps[i % len(seps)] for i, w in enumerate(words))
    chunks = plain_chunks(text, limit=limit)
    assert [w for chunk in chunks for w in chunk.replace(".", " ").split()] == words


@settings(max_examples=300, deadline=None)
@given(markdown=markdown_text, limit=small_limits)
def test_render_keeps_all_text_and_clips_every_entity_exactly(markdown: str, limit: int) -> None:
    whole = render_whole(markdown)
    chunks = split_chunk(whole, limit=limit)
    assert [c.text for c in chunks] == [c.text for c in render(markdown, limit=limit)]
    assert_sendable(chunks, limit)
    for chunk, at in zip(chunks, locate(whole.text, [c.text for c in chunks]), strict=True):
        lo = utf16_len(whole.text[:at])
        hi = lo + utf16_len(chunk.text)
        expected = Counter(c for e in whole.entities if (c := clip(e, lo, hi)) is not None)
        assert Counter(describe(e) for e in chunk.entities) == expected


@settings(max_examples=300, deadline=None)
@given(markdown=hostile_text, limit=st.one_of(small_limits, st.just(4096)))
def test_any_input_renders_to_sendable_chunks_and_drafts(markdown: str, limit: int) -> None:
    assert_sendable(render(markdown, limit=limit), limit)
    draft = draft_preview(markdown, limit=limit)
    if draft.text:
        assert_sendable([draft], limit)
