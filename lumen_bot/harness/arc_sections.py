"""The Arc's `##` sections: what /memory shows one by one and a correction points at."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^##[ \t]+(?P<title>[^\n]*?)[ \t#]*$", re.M)


@dataclass(frozen=True, slots=True)
class ArcSection:
    """One `##` section of the Arc: its heading ("" for text before the first heading)
    and its Markdown, the heading line included."""

    heading: str
    text: str


def arc_sections(text: str) -> tuple[ArcSection, ...]:
    """The Arc split at its `##` headings, in order; blank sections left out."""
    matches = list(_HEADING.finditer(text))
    sections = []
    lead = text[: matches[0].start()] if matches else text
    if lead.strip():
        sections.append(ArcSection("", lead.strip()))
    ends = [m.start() for m in matches[1:]] + [len(text)]
    for match, end in zip(matches, ends, strict=True):
        sections.append(ArcSection(match["title"].strip(), text[match.start() : end].strip()))
    return tuple(sections)


def section_named(text: str, heading: str) -> ArcSection | None:
    """The section of an Arc with this heading (case and spacing aside), if any."""
    wanted = " ".join(heading.split()).casefold()
    for section in arc_sections(text):
        if " ".join(section.heading.split()).casefold() == wanted:
            return section
    return None
