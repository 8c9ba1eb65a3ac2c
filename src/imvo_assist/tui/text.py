"""Turning answers, snippets and passages into Textual `Content`, never into markup strings.

Document text is data: a passage saying "[bold]" must show "[bold]". Everything here builds
`Content` from plain strings plus explicit styles, so nothing from a document is ever parsed
as markup. Our own answer Markdown is reduced to what the terminal needs: bold headings,
italic category lines, bullets and highlighted citation numbers.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import datetime

from rich.text import Text
from textual.content import Content

# The answer ends with a numbered source list; the UI shows those in its own list instead.
SOURCES_HEADINGS = frozenset({"**Bronnen**", "**Sources**"})
# Control characters other than newline and tab (C0, DEL, C1): Textual and Rich pass ESC through
# to the terminal, so a PDF title holding "\x1b]8;;" could drive it. Shown as U+FFFD instead.
CONTROLS = {c: "\ufffd" for c in (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))}
MARKER = re.compile(r"\[(\d+)\]")
MARKER_STYLE = "bold $accent"
HEADING_STYLE = "bold $primary"
CATEGORY_STYLE = "bold italic"


def answer_content(markdown: str, numbers: Collection[int] = ()) -> Content:
    """Our answer Markdown as styled plain text.

    Args:
        markdown: `Answer.answer`.
        numbers: the citation numbers that exist (only those markers are highlighted).

    Returns:
        Content without the trailing source list; quoted document text is left as written.
    """
    lines = safe(markdown).splitlines()
    for position, line in enumerate(lines):
        if line.strip() in SOURCES_HEADINGS:
            lines = lines[:position]
            break
    while lines and not lines[-1].strip():
        lines.pop()
    parts: list[Content] = []
    for line in lines:
        parts.append(_line(line, numbers))
    return Content("\n").join(parts)


def _line(line: str, numbers: Collection[int]) -> Content:
    stripped = line.strip()
    if stripped.startswith("#"):
        return Content.styled(stripped.lstrip("#").strip(), HEADING_STYLE)
    if len(stripped) > 4 and stripped.startswith("**") and stripped.endswith("**") \
            and "**" not in stripped[2:-2]:
        return Content.styled(stripped[2:-2], HEADING_STYLE)
    if len(stripped) > 2 and stripped.startswith("*") and stripped.endswith("*") \
            and "*" not in stripped[1:-1]:
        return Content.styled(stripped[1:-1], CATEGORY_STYLE)
    indent = line[: len(line) - len(line.lstrip())]
    if stripped.startswith(("- ", "* ")):
        return Content.assemble(indent + "• ", _inline(stripped[2:], numbers))
    return _inline(line, numbers)


def _inline(text: str, numbers: Collection[int]) -> Content:
    """Bold `**…**` and citation markers outside double quotes; quoted text stays literal."""
    parts: list[Content] = []
    for index, segment in enumerate(text.split('"')):
        if index:
            parts.append(Content('"'))
        if index % 2:  # inside a quotation of a document: exactly as written
            parts.append(Content(segment))
            continue
        for bold_index, piece in enumerate(segment.split("**")):
            style = "bold" if bold_index % 2 else ""
            parts.append(_markers(piece, numbers, style))
    return Content("").join(parts)


def _markers(text: str, numbers: Collection[int], style: str) -> Content:
    pieces: list[str | tuple[str, str]] = []
    position = 0
    for match in MARKER.finditer(text):
        if int(match.group(1)) not in numbers:
            continue
        pieces.append((text[position : match.start()], style))
        pieces.append((match.group(0), f"{style} {MARKER_STYLE}".strip()))
        position = match.end()
    pieces.append((text[position:], style))
    return Content.assemble(*pieces)


def safe(text: str) -> str:
    """Text with control characters made visible (newlines and tabs kept)."""
    return text.translate(CONTROLS)


def plain(text: str, style: str = "") -> Content:
    """Document text as content: never parsed as markup, control characters made harmless."""
    return Content.styled(safe(text), style) if style else Content(safe(text))


def assemble(*parts: str | tuple[str, str] | Content) -> Content:
    """`Content.assemble` of plain texts and (text, style) pairs, each made safe (content built
    by this module already is)."""
    return Content.assemble(*(_safe_part(part) for part in parts))


def _safe_part(part: str | tuple[str, str] | Content) -> str | tuple[str, str] | Content:
    if isinstance(part, str):
        return safe(part)
    if isinstance(part, tuple):
        return safe(part[0]), part[1]
    return part


def cell(text: str, width: int | None = None, justify: str = "left", style: str = "") -> Text:
    """A table cell (Rich `Text`, never markup), cut to `width` with an ellipsis."""
    text = safe(text)
    if width is not None and len(text) > width:
        text = text[: width - 1] + "…"
    return Text(text, justify=justify, style=style)  # type: ignore[arg-type]


def marked(snippet: str) -> Content:
    """A search snippet whose `**marked**` words (from our highlighter) are bold."""
    parts = snippet.split("**")
    return assemble(*((part, "bold $accent" if n % 2 else "") for n, part in enumerate(parts)))


def clipping(cite: str, passage: str) -> str:
    """What `c` copies: the citation string and the quoted passage."""
    quoted = "\n".join(f"> {line}" for line in passage.strip().splitlines())
    return f"{cite}\n\n{quoted}\n"


def export_name(now: datetime | None = None) -> str:
    """The file name an exported answer gets, e.g. `imvo-antwoord-20250101-120000.md`."""
    return f"imvo-antwoord-{(now or datetime.now()):%Y%m%d-%H%M%S}.md"


def save_name(now: datetime | None = None) -> str:
    """The file name a saved clipping gets, e.g. `imvo-citaat-20250101-120000.txt`."""
    return f"imvo-citaat-{(now or datetime.now()):%Y%m%d-%H%M%S}.txt"
