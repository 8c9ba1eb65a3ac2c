"""Page layout: printed page labels, running headers/footers and footnotes.

Input is the raw line list of every printed page of one PDF (spreads already split). A line is
a running header or footer when, with its digits masked, it recurs at the top or bottom of many
pages; the number in it is the printed page number. Footnotes are the numbered lines at the
bottom of a page whose number also appears as a marker glued to a word above ("Analyse1.").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from imvo_assist.extract.pdf import PhysicalPage
from imvo_assist.models import RawPage

# How many lines at the top and bottom of a page may hold running headers/footers.
ZONE = 2
# A masked line is "running" when it recurs on this share of pages (spreads alternate left and
# right footers, so each appears on about half of the pages).
RUNNING_SHARE = 0.3
BARE_NUMBER = re.compile(r"^\s*(\d{1,4}|[ivxlcdm]{1,7})\s*$", re.IGNORECASE)
LEADING_NUMBER = re.compile(r"^\s*(\d{1,4})\s*[|·•–—-]")
TRAILING_NUMBER = re.compile(r"(?:[|·•–—,]|\s)\s*(\d{1,4})\s*$")
FOOTNOTE_START = re.compile(r"^(\d{1,2})\s+\S")
MAX_FOOTNOTE_LINES = 12


def lay_out(pages: Sequence[PhysicalPage]) -> list[RawPage]:
    """Give each printed page its label and strip running lines; split off footnotes.

    Args:
        pages: the printed pages of one PDF in order.

    Returns:
        One `RawPage` per printed page.
    """
    running = _running_signatures(pages)
    numbers = [_page_number(page.lines, running) for page in pages]
    labels = _labels(pages, numbers)
    result = []
    for page, label in zip(pages, labels, strict=True):
        body = _strip_running(page.lines, running)
        body, footnotes = split_footnotes(body)
        result.append(RawPage(page.pdf_page, label, tuple(body), frozenset(), tuple(footnotes)))
    return result


def _mask(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def _zone(lines: Sequence[str]) -> list[tuple[int, str]]:
    indexed = [(i, line) for i, line in enumerate(lines) if line.strip()]
    top, bottom = indexed[:ZONE], indexed[-ZONE:]
    return top + [item for item in bottom if item not in top]


def _running_signatures(pages: Sequence[PhysicalPage]) -> set[str]:
    """Masked lines that recur in the top/bottom zone of many pages.

    A line without digits must recur on half of the pages; a line with digits on a third, and
    its numbers must follow the page order (a page-number footer), so that a repeated numbered
    heading such as "9.1 Risico's in de keten" is not mistaken for one.
    """
    if len(pages) < 3:
        return set()
    seen: dict[str, list[tuple[int, list[int]]]] = {}
    for index, page in enumerate(pages):
        for _, line in _zone(page.lines):
            numbers = [int(n) for n in re.findall(r"\d{1,4}", line)]
            seen.setdefault(_mask(line), []).append((index, numbers))
    running = set()
    for signature, occurrences in seen.items():
        count = len({index for index, _ in occurrences})
        if signature == "#" or count < max(2, RUNNING_SHARE * len(pages)):
            continue
        if "#" not in signature:
            if count >= 0.5 * len(pages):
                running.add(signature)
            continue
        offsets = Counter(n - index for index, numbers in occurrences for n in set(numbers))
        if offsets.most_common(1)[0][1] >= 0.8 * len(occurrences):
            running.add(signature)
    return running


def _page_number(lines: Sequence[str], running: set[str]) -> str | None:
    """The printed page number in the top/bottom zone, if any."""
    for _, line in reversed(_zone(lines)):
        bare = BARE_NUMBER.match(line)
        if bare:
            return bare.group(1).lower()
        if _mask(line) in running:
            for pattern in (TRAILING_NUMBER, LEADING_NUMBER):
                found = pattern.search(line)
                if found:
                    return found.group(1)
    return None


def _labels(pages: Sequence[PhysicalPage], numbers: list[str | None]) -> list[str]:
    """Printed labels: /PageLabels, else numbers consistent with page order, else the index."""
    if any(page.pdf_label for page in pages) and not any(page.half for page in pages):
        return [page.pdf_label or str(page.pdf_page) for page in pages]
    offsets = Counter(
        int(number) - index for index, number in enumerate(numbers) if number and number.isdigit()
    )
    if offsets:
        offset, support = offsets.most_common(1)[0]
        if support >= max(1, len([n for n in numbers if n]) // 2):
            return [
                number if number and not number.isdigit() else str(index + offset)
                for index, number in enumerate(numbers)
            ]
    return [
        number if number and not number.isdigit() else str(page.pdf_page)
        for page, number in zip(pages, numbers, strict=True)
    ]


def _strip_running(lines: Sequence[str], running: set[str]) -> list[str]:
    """Drop running lines and bare page numbers, unless that would leave the page empty
    (a page whose only text recurs on every page is content, not a header)."""
    zone = {index for index, _ in _zone(lines)}
    body = [
        line
        for index, line in enumerate(lines)
        if not (index in zone and (_mask(line) in running or BARE_NUMBER.match(line)))
    ]
    return body if any(line.strip() for line in body) else list(lines)


def split_footnotes(lines: list[str]) -> tuple[list[str], list[str]]:
    """Separate numbered footnotes at the bottom of a page from the body text."""
    start = None
    first = max(0, len(lines) - MAX_FOOTNOTE_LINES)
    for index in range(len(lines) - 1, first - 1, -1):
        found = FOOTNOTE_START.match(lines[index])
        if found and _has_marker(lines[:index], found.group(1)):
            start = index
    if start is None:
        return lines, []
    notes: list[list[str]] = []
    for line in lines[start:]:
        found = FOOTNOTE_START.match(line)
        if found and _has_marker(lines[:start], found.group(1)):
            notes.append([line])
        else:
            notes[-1].append(line)
    body = lines[:start]
    for note in notes:
        marker = FOOTNOTE_START.match(note[0]).group(1)  # type: ignore[union-attr]
        body = [_marker_pattern(marker).sub("", line) for line in body]
    return body, ["\n".join(note) for note in notes]


@lru_cache(maxsize=128)
def _marker_pattern(number: str) -> re.Pattern[str]:
    """A footnote marker glued to the end of a word: "Analyse1." or "SRA2"."""
    return re.compile(rf"(?<=[^\W\d_]{{2}}){number}(?=[\s.,;:)]|$)")


def _has_marker(lines: Sequence[str], number: str) -> bool:
    pattern = _marker_pattern(number)
    return any(pattern.search(line) for line in lines)
