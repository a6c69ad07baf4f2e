"""The proxy's parse_mode emulation accepts and refuses markup as Telegram does."""

from __future__ import annotations

import pytest
import telegramify_markdown

from .telegram_markup import MarkupError, parse_html, parse_markdown_v2, render, utf16_slice

FAKELLM_REPLY = (
    "That sounds like a **real** turning point.\n\n- you said *ready* twice;\n"
    "- the snake_case_thinking shows up again;\n- 3 < 5 steps, and 1 + 1 = 2 small wins.\n\n"
    "What would the first step look like (even a tiny one)?"
)


def test_markdown_v2_from_telegramify_parses_back_to_the_plain_text() -> None:
    text, entities = parse_markdown_v2(telegramify_markdown.markdownify(FAKELLM_REPLY))
    assert "snake_case_thinking" in text
    assert "3 < 5 steps, and 1 + 1 = 2" in text
    bold = [utf16_slice(text, e["offset"], e["length"]) for e in entities if e["type"] == "bold"]
    assert bold == ["real"]


def test_markdown_v2_entities_count_utf16_units() -> None:
    text, entities = parse_markdown_v2("😀 *bold* [link](http://a.b/c\\)d) `x\\`y`")
    assert text == "😀 bold link x`y"
    assert entities == [
        {"type": "bold", "offset": 3, "length": 4},
        {"type": "text_link", "offset": 8, "length": 4, "url": "http://a.b/c)d"},
        {"type": "code", "offset": 13, "length": 3},
    ]


@pytest.mark.parametrize(
    ("markup", "error"),
    [
        ("Done.", "Character '.' is reserved"),
        ("*bold", "Can't find end of Bold entity at byte offset 0"),
        ("a `code", "Can't find end of Code entity at byte offset 2"),
        ("(x)", "Character '(' is reserved"),
    ],
)
def test_markdown_v2_refuses_what_telegram_refuses(markup: str, error: str) -> None:
    with pytest.raises(MarkupError, match=error.replace("(", r"\(").replace(".", r"\.")):
        parse_markdown_v2(markup)


def test_html_subset_with_entities_and_refusals() -> None:
    text, entities = parse_html('<b>Hi</b> &lt;3 <pre><code class="language-py">x</code></pre>')
    assert text == "Hi <3 x"
    assert entities == [
        {"type": "bold", "offset": 0, "length": 2},
        {"type": "pre", "offset": 6, "length": 1, "language": "py"},
    ]
    for broken in ["a < b", "<b>x</i>", "<b>x", "<div>x</div>"]:
        with pytest.raises(MarkupError):
            parse_html(broken)


def test_render_strips_and_limits_like_telegram() -> None:
    assert render("  *x* \n", "MarkdownV2", None) == (
        "x",
        [{"type": "bold", "offset": 0, "length": 1}],
    )
    with pytest.raises(MarkupError, match="message text is empty"):
        render(" \n ", None, None)
    with pytest.raises(MarkupError, match="message is too long"):
        render("x" * 4097, None, None)
    with pytest.raises(MarkupError, match="can't parse entities"):
        render("1.", "MarkdownV2", None)
