"""Register entries rebuilt from the text lines of a PDF register.

A printed register lists entries such as "[11] SKC (2013). Title. Soort: ngo-rapport.
https://... Thema's: a, b." under sector headings. An entry runs from its "[n]" to the next
entry or heading, over line and page breaks; it belongs to the page where it starts. Titles and
themes get their line-end hyphenation repaired; a wrapped URL is joined without any change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from imvo_assist.models import RawPage
from imvo_assist.text.normalise import clean_line, join_lines

ENTRY_START = re.compile(r"^\[(\d{1,4})\]\s+\S")
HEAD = re.compile(
    r"^\[(?P<nr>\d{1,4})\]\s+(?P<org>.+?)\s*\((?P<year>\d{4})[a-z]?\)\.?\s*(?P<rest>.*)$", re.DOTALL
)
KIND_LABEL = re.compile(r"\b(?:Soort|Type|Kind)\s*:\s*", re.IGNORECASE)
THEMES_LABEL = re.compile(r"\b(?:Thema'?s|Themes?)\s*:\s*", re.IGNORECASE)
URL_START = re.compile(r"(?:https?://|www\.)", re.IGNORECASE)
HEADING_MAX_WORDS = 6


@dataclass(frozen=True)
class RawEntry:
    """The lines of one entry as printed, with its page and sector heading."""

    nr: int
    page: str
    sector_label: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class EntryFields:
    """The fields of one entry, read from its text."""

    spelling: str
    year: int | None
    title: str
    kind: str
    url: str
    themes: tuple[str, ...]


def collect_entries(
    pages: Sequence[RawPage], is_sector: Callable[[str], bool]
) -> tuple[list[RawEntry], int]:
    """Group the lines of a register into entries under their sector headings.

    Args:
        pages: the printed pages, running headers and footers removed.
        is_sector: whether a line names a sector (lets a heading end an unfinished entry).

    Returns:
        The entries in order, and the number of text characters on all pages.
    """
    entries: list[RawEntry] = []
    heading, total = "", 0
    current: tuple[int, str, str, list[str]] | None = None

    def flush() -> None:
        if current is not None:
            entries.append(RawEntry(current[0], current[1], current[2], tuple(current[3])))

    for page in pages:
        for raw in page.lines:
            line = clean_line(raw)
            total += len(line)
            start = ENTRY_START.match(line)
            if start:
                flush()
                current = (int(start.group(1)), page.label, heading, [line])
            elif _heading_like(line) and (
                current is None or _complete(current[3]) or is_sector(line)
            ):
                flush()
                heading, current = line, None
            elif current is not None and line:
                current[3].append(line)
    flush()
    return entries, total


def split_fields(entry: RawEntry, keep_hyphen: Callable[[str], bool]) -> EntryFields | None:
    """The fields of an entry; None when it lacks the "Organisation (year)." opening.

    Args:
        entry: the entry's lines.
        keep_hyphen: whether a hyphenated theme ("water-bodemverontreiniging") is one word
            whose hyphen must survive a line break after it.
    """
    head = HEAD.match("\n".join(entry.lines))
    if head is None:
        return None
    rest = head["rest"]
    themes_at = THEMES_LABEL.search(rest)
    body, themes = (rest[: themes_at.start()], rest[themes_at.end() :]) if themes_at else (rest, "")
    kind_at = KIND_LABEL.search(body)
    url_at = URL_START.search(body, kind_at.end() if kind_at else 0)
    end = url_at.start() if url_at else len(body)
    title, kind = (
        (body[: kind_at.start()], body[kind_at.end() : end]) if kind_at else (body[:end], "")
    )
    title = _join(title).strip()
    return EntryFields(
        spelling=" ".join(head["org"].split()),
        year=int(head["year"]),
        title=title.removesuffix("."),
        kind=_join(kind).strip(" ."),
        url=re.sub(r"\s+", "", body[end:]).rstrip(".,;") if url_at else "",
        themes=_split_themes(_join_themes(themes, keep_hyphen)),
    )


def _split_themes(text: str) -> tuple[str, ...]:
    """Themes from "a, b." or "a; b"."""
    return tuple(theme for theme in (part.strip(" .") for part in re.split(r"[,;]", text)) if theme)


def _heading_like(line: str) -> bool:
    """A short unpunctuated line starting with a capital: a sector heading candidate."""
    return (
        bool(line)
        and line[0].isupper()
        and len(line.split()) <= HEADING_MAX_WORDS
        and not line.endswith((".", ",", ";", ":", "-"))
        and ":" not in line
        and not URL_START.search(line)
    )


def _complete(lines: list[str]) -> bool:
    """An entry is complete once it ends a sentence after its themes (or its URL)."""
    text = " ".join(lines)
    return text.endswith(".") and bool(THEMES_LABEL.search(text) or URL_START.search(text))


def _lines(segment: str) -> list[str]:
    return [line.strip() for line in segment.split("\n") if line.strip()]


def _join(segment: str) -> str:
    """A wrapped text segment as one line, hyphenation repaired."""
    return join_lines(_lines(segment))


def _join_themes(segment: str, keep_hyphen: Callable[[str], bool]) -> str:
    """Wrapped themes as one line; a hyphen before a break stays when the theme is known."""
    lines = _lines(segment)
    text = lines[0] if lines else ""
    for line in lines[1:]:
        tail, head = re.search(r"[\w-]+-$", text), re.match(r"[\w-]+", line)
        if tail and head and keep_hyphen(tail.group() + head.group()):
            text += line
        else:
            text = join_lines([text, line])
    return text
