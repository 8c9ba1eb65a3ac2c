"""Passages: paragraph- and heading-aware chunks of one printed page.

A passage never crosses a printed page, so each citation has one page label. Paragraphs are
found from line shapes (a short line ending a sentence closes a paragraph; list items and
register entries open one), headings from short unpunctuated lines, and the heading trail
carries over pages as the passage's `section`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import median

from imvo_assist.models import Passage, RawPage
from imvo_assist.text.normalise import SOFT_HYPHEN, clean_line, join_lines

MIN_WORDS = 40
MAX_WORDS = 250
NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+\S")
ARTICLE_HEADING = re.compile(r"^(artikel|article|hoofdstuk|chapter|bijlage|annex)\s+\d", re.IGNORECASE)
BLOCK_START = re.compile(r"^(\[\d{1,4}\]|\(?[a-z]\.|\(?[ivx]{1,4}\)|[-•*–]\s|\d{1,2}[.)]\s)")
# Closing and opening quote marks as printed (the displayed text keeps them).
SENTENCE_END = re.compile(r"[.!?:;\"')\u2019\u201d\u00bb\u203a]$")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\u2018\u201c\u201e\u00ab\u2039])")
HEADING_MAX_WORDS = 12
# A heading this long (share of a typical line) may wrap; its last few words come on a new line.
WRAPPED_HEADING_SHARE = 0.6
WRAPPED_HEADING_WORDS = 3
# A table-of-contents line: "1  Inleiding .......... 3" or "14  Conclusies 29".
TOC_LINE = re.compile(r"(\.{3,}\s*|\s)\d{1,3}$")


@dataclass
class _Block:
    kind: str  # "heading" | "text"
    lines: list[str]
    level: int = 0


def build_passages(doc_id: str, pages: Sequence[RawPage]) -> list[Passage]:
    """Cut the pages of one document into passages.

    Args:
        doc_id: the document id, the first part of every passage id.
        pages: the printed pages in order.

    Returns:
        Passages in reading order; ids are `doc_id:pdf_page:ordinal`, stable across runs.
    """
    typical = _typical_length(pages)
    trail: list[tuple[int, str]] = []
    passages: list[Passage] = []
    ordinals: dict[int, int] = {}

    def emit(text: str, kind: str, page: RawPage, section: str) -> None:
        ordinal = ordinals.get(page.pdf_page, 0) + 1
        ordinals[page.pdf_page] = ordinal
        passages.append(
            Passage(
                id=f"{doc_id}:{page.pdf_page}:{ordinal}",
                doc_id=doc_id,
                pdf_page=page.pdf_page,
                page_label=page.label,
                section=section,
                text=text,
                kind=kind,  # type: ignore[arg-type]
            )
        )

    for page in pages:
        for chunk in _chunks(_blocks(page, typical), trail):
            emit(chunk[1], "text", page, chunk[0])
        for note in page.footnotes:
            text = join_lines([clean_line(line) for line in note.splitlines()])
            if text:
                emit(text, "footnote", page, _section(trail))
    return passages


def _typical_length(pages: Sequence[RawPage]) -> float:
    lengths = [len(line.strip()) for page in pages for line in page.lines if line.strip()]
    return float(median(lengths)) if lengths else 80.0


def _blocks(page: RawPage, typical: float) -> list[_Block]:
    blocks: list[_Block] = []
    previous_ends = True
    for index, raw in enumerate(page.lines):
        line = clean_line(raw)
        if not line:
            previous_ends = True
            if blocks and blocks[-1].lines:
                blocks.append(_Block("text", []))
            continue
        level = _heading_level(line, index in page.headings, previous_ends, typical, page, index)
        if level and _continues_heading(blocks, line, typical):
            blocks[-2].lines[0] += f" {line}"  # "... en UN Guiding" + "Principles"
            continue
        if level:
            blocks.append(_Block("heading", [line], level))
            blocks.append(_Block("text", []))
            previous_ends = True
            continue
        if not blocks or blocks[-1].kind == "heading" or BLOCK_START.match(line):
            blocks.append(_Block("text", []))
        blocks[-1].lines.append(line)
        ends = _ends_sentence(line)
        if ends and len(line) < 0.8 * typical:
            blocks.append(_Block("text", []))
        previous_ends = ends
    return [block for block in blocks if block.lines]


def _ends_sentence(line: str) -> bool:
    """`SENTENCE_END.search(line)`, looking only where it can match: the last two characters
    (the last one, or the one before a final newline). Lines are long; this is per line."""
    return SENTENCE_END.search(line, max(0, len(line) - 2)) is not None


def _continues_heading(blocks: list[_Block], line: str, typical: float) -> bool:
    """A short unnumbered line right after a heading that filled its line is its wrapped end."""
    if len(blocks) < 2 or blocks[-1].lines or blocks[-2].kind != "heading":
        return False
    previous = blocks[-2].lines[0]
    return (
        len(previous) >= WRAPPED_HEADING_SHARE * typical
        and len(line.split()) <= WRAPPED_HEADING_WORDS
        and not NUMBERED_HEADING.match(line)
        and not ARTICLE_HEADING.match(line)
    )


def _heading_level(
    line: str, marked: bool, previous_ends: bool, typical: float, page: RawPage, index: int
) -> int:
    """Heading level (1 = chapter) of a line, or 0 when it is body text."""
    numbered = NUMBERED_HEADING.match(line)
    if marked:  # the format said so (Markdown, HTML)
        return len(numbered.group(1).split(".")) if numbered else 1
    words = line.split()
    if not previous_ends or len(words) > HEADING_MAX_WORDS or len(line) > 0.75 * typical:
        return 0
    if _ends_sentence(line) or line.endswith((",", "-", SOFT_HYPHEN)):
        return 0
    if not line[0].isupper() and not numbered:
        return 0
    if BLOCK_START.match(line) and not numbered:
        return 0
    following = _next_line(page, index)
    if following is not None and following[:1].islower():
        return 0  # a short line that runs on is a sentence, not a heading
    if numbered:
        return 0 if TOC_LINE.search(line) else len(numbered.group(1).split("."))
    if ARTICLE_HEADING.match(line):
        return 1
    return 9  # an unnumbered heading sits below the numbered ones around it


def _next_line(page: RawPage, index: int) -> str | None:
    for line in page.lines[index + 1 :]:
        if line.strip():
            return line.strip()
    return None


def _section(trail: list[tuple[int, str]]) -> str:
    return " > ".join(text for _, text in trail)


def _push(trail: list[tuple[int, str]], level: int, text: str) -> None:
    while trail and trail[-1][0] >= level:
        trail.pop()
    trail.append((level, text))


def _chunks(blocks: Iterable[_Block], trail: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """(section, text) chunks of about MIN_WORDS..MAX_WORDS words, split at headings."""
    chunks: list[tuple[str, str]] = []
    current: list[str] = []
    section = _section(trail)

    def flush() -> None:
        if current:
            chunks.append((section, " ".join(current)))
            current.clear()

    for block in blocks:
        if block.kind == "heading":
            flush()
            _push(trail, block.level, block.lines[0])
            section = _section(trail)
            continue
        text = join_lines(block.lines)
        size = sum(len(part.split()) for part in current)
        if current and size >= MIN_WORDS and size + len(text.split()) > MAX_WORDS:
            flush()
        for piece in _split_long(text):
            current.append(piece)
            if sum(len(part.split()) for part in current) >= MAX_WORDS:
                flush()
    flush()
    return chunks


def _split_long(text: str) -> list[str]:
    """Split a paragraph longer than MAX_WORDS at sentence ends (or at words if it has none)."""
    words = text.split()
    if len(words) <= MAX_WORDS:
        return [text]
    pieces: list[str] = []
    current: list[str] = []
    for sentence in SENTENCE_SPLIT.split(text):
        sentence_words = sentence.split()
        while len(sentence_words) > MAX_WORDS:
            pieces.append(" ".join(sentence_words[:MAX_WORDS]))
            sentence_words = sentence_words[MAX_WORDS:]
        if current and len(current) + len(sentence_words) > MAX_WORDS:
            pieces.append(" ".join(current))
            current = []
        current.extend(sentence_words)
    if current:
        pieces.append(" ".join(current))
    return pieces
