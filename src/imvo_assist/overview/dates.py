"""Dates in Dutch and English text: "op 17 november jl.", "begin volgend jaar", "in 2016".

General patterns, not phrases of one document: day-month-year in either language order,
month-year, parts of a year ("begin 2015", "mid-2017", "najaar 2016", "Q3 2018"), years after a
preposition ("in 2016", "by 2018"), and phrases relative to the date of the document they stand
in ("begin volgend jaar", "afgelopen zomer", "over twee jaar", "the day before"); "binnen zes
maanden" and "na drie jaar" count from an event the text names, not from its date, so they are
not dates. A relative phrase or a day without a year is only resolved when that reference
date is known.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Precision = Literal["day", "month", "part", "year"]

# Month names and abbreviations, Dutch and English, in month order.
MONTH_WORDS = (
    ("januari", "january", "jan"), ("februari", "february", "feb"),
    ("maart", "march", "mrt", "mar"), ("april", "apr"), ("mei", "may"), ("juni", "june", "jun"),
    ("juli", "july", "jul"), ("augustus", "august", "aug"), ("september", "sept", "sep"),
    ("oktober", "october", "okt", "oct"), ("november", "nov"), ("december", "dec"),
)  # fmt: skip
MONTHS = {word: n for n, words in enumerate(MONTH_WORDS, start=1) for word in words}
# Parts of a year, as (first month, last month), and the words for each.
PART_WORDS = {
    (1, 4): ("begin", "early", "beginning", "start"), (5, 8): ("medio", "mid", "halverwege"),
    (9, 12): ("eind", "end", "late", "later"), (3, 5): ("voorjaar", "lente", "spring"),
    (6, 8): ("zomer", "summer"), (9, 11): ("najaar", "herfst", "autumn", "fall"),
    (1, 2): ("winter",), (1, 3): ("eerste kwartaal", "first quarter", "q1"),
    (4, 6): ("tweede kwartaal", "second quarter", "q2"),
    (7, 9): ("derde kwartaal", "third quarter", "q3"),
    (10, 12): ("vierde kwartaal", "fourth quarter", "q4"),
    (1, 6): ("eerste helft", "first half"), (7, 12): ("tweede helft", "second half"),
}  # fmt: skip
PARTS = {word: months for months, words in PART_WORDS.items() for word in words}
NUMBER_WORDS = (
    ("een", "één", "one"), ("twee", "two"), ("drie", "three"), ("vier", "four"), ("vijf", "five"),
    ("zes", "six"), ("zeven", "seven"), ("acht", "eight"), ("negen", "nine"), ("tien", "ten"),
)  # fmt: skip
NUMBERS = {word: n for n, words in enumerate(NUMBER_WORDS, start=1) for word in words}
# Which year a relative word points at, counted from the reference year.
OFFSET_WORDS = {
    1: ("volgend", "volgende", "komend", "komende", "next", "coming", "aanstaande"),
    0: ("dit", "deze", "this"),
    -1: ("vorig", "vorige", "afgelopen", "last", "past"),
}
OFFSETS = {word: offset for offset, words in OFFSET_WORDS.items() for word in words}
PAST_MARKS = ("jl", "j.l", "jongstleden", "last")
FUTURE_MARKS = ("a.s", "aanstaande", "next")


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first (so "november" wins over "nov")."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_MONTH = rf"(?P<month>{_alternation(MONTHS)})\b\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:e|ste|de|st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PART = rf"(?P<part>{_alternation(PARTS)})"
_WHICH = rf"(?P<which>{_alternation(OFFSETS)})"
_NUMBER = rf"(?P<n>{_alternation(NUMBERS)}|\d{{1,2}})"
_SEASON = r"(?P<season>zomer|winter|lente|voorjaar|najaar|herfst|summer|spring|autumn|fall)"
_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Span:
    """A period: one day, one month, part of a year or a whole year."""

    start: date
    end: date
    precision: Precision

    def iso(self) -> str:
        """ "2014-11-17", "2014-11", "2016", or "2015-01/2015-04" for part of a year."""
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "month":
            return f"{self.start:%Y-%m}"
        if self.precision == "year":
            return str(self.start.year)
        return f"{self.start:%Y-%m}/{self.end:%Y-%m}"

    def overlaps(self, other: Span) -> bool:
        """Whether two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True)
class DateMention:
    """A date found in a text, as written and as a period."""

    text: str
    span: Span
    start: int
    """Character offset of the phrase in the text searched."""
    relative: bool
    """True when the period was worked out from the reference date (no year written)."""


def day(year: int, month: int, number: int) -> Span | None:
    """One day; None when it does not exist (31 February)."""
    try:
        value = date(year, month, number)
    except ValueError:
        return None
    return Span(value, value, "day")


def month_span(year: int, month: int) -> Span:
    """A whole month."""
    return Span(
        date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"
    )


def months_span(year: int, first: int, last: int) -> Span:
    """Months `first`..`last` of a year (part of a year)."""
    return Span(date(year, first, 1), month_span(year, last).end, "part")


def year_span(year: int) -> Span:
    """A whole year."""
    return Span(date(year, 1, 1), date(year, 12, 31), "year")


def parse_iso(value: str) -> Span | None:
    """A register date ("2014-11-19", "2014-11", "2014"); None for "unknown" or other text."""
    match = re.fullmatch(r"((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?", value.strip())
    if not match:
        return None
    year, month, number = match.groups()
    if number:
        return day(int(year), int(month), int(number))
    if month and 1 <= int(month) <= 12:
        return month_span(int(year), int(month))
    return None if month else year_span(int(year))


def _month(groups: dict[str, str]) -> int | None:
    """The month number; None for "may" in lower case (the English verb, not the month)."""
    written = groups["month"]
    return None if written == "may" else MONTHS[written.lower()]


def _day_month(groups: dict[str, str], year: int) -> Span | None:
    month = _month(groups)
    return day(year, month, int(groups["day"])) if month else None


def _month_year(groups: dict[str, str]) -> Span | None:
    month = _month(groups)
    return month_span(int(groups["year"]), month) if month else None


def _day_without_year(groups: dict[str, str], reference: date) -> Span | None:
    """ "17 november jl." is the last such day up to the reference, "a.s." the next one; a day
    without either mark is taken in the reference's year."""
    mark = (groups.get("mark") or "").lower().rstrip(".")
    span = _day_month(groups, reference.year)
    if span is None:
        return None
    if mark in PAST_MARKS and span.start > reference:
        return _day_month(groups, reference.year - 1)
    if mark in FUTURE_MARKS and span.start <= reference:
        return _day_month(groups, reference.year + 1)
    return span


def _part(groups: dict[str, str], year: int) -> Span:
    first, last = PARTS[re.sub(r"\s+", " ", groups["part"].lower())]
    return months_span(year, first, last)


def _relative_year(groups: dict[str, str], reference: date) -> Span:
    year = reference.year + OFFSETS[groups["which"].lower()]
    return _part(groups, year) if groups.get("part") else year_span(year)


def _relative_season(groups: dict[str, str], reference: date) -> Span:
    """ "afgelopen zomer": the last one that began before the reference; "komende": the next."""
    first, last = PARTS[groups["season"].lower()]
    offset = OFFSETS[groups["which"].lower()]
    span = months_span(reference.year, first, last)
    if offset < 0 and span.start > reference:
        span = months_span(reference.year - 1, first, last)
    elif offset > 0 and span.start <= reference:
        span = months_span(reference.year + 1, first, last)
    return span


def _after(groups: dict[str, str], reference: date) -> Span:
    number = groups["n"].lower()
    count = int(number) if number.isdigit() else NUMBERS[number]
    if groups["unit"].lower().startswith(("maand", "month")):
        total = reference.year * 12 + reference.month - 1 + count
        return month_span(total // 12, total % 12 + 1)
    return year_span(reference.year + count)


def _neighbour_day(groups: dict[str, str], reference: date) -> Span:
    step = -1 if groups["side"].lower() in ("before", "ervoor", "daarvoor", "eerder") else 1
    value = reference + timedelta(days=step)
    return Span(value, value, "day")


Absolute = Callable[[dict[str, str]], "Span | None"]
Relative = Callable[[dict[str, str], date], "Span | None"]

ABSOLUTE: list[tuple[re.Pattern[str], Absolute]] = [
    (
        re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", _FLAGS),
        lambda g: _day_month(g, int(g["year"])),
    ),
    (
        re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", _FLAGS),
        lambda g: _day_month(g, int(g["year"])),
    ),
    (re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", _FLAGS), _month_year),
    (
        re.compile(rf"\b{_PART}(?:\s+(?:van|of))?[\s-]+{_YEAR}\b", _FLAGS),
        lambda g: _part(g, int(g["year"])),
    ),
    (
        re.compile(
            r"\b(?:in|vanaf|tot|sinds|per|na|voor|uiterlijk|rond|omstreeks|tijdens|by|from|until|"
            rf"since|before|after|around|during)\s+(?:het\s+jaar\s+|the\s+year\s+)?{_YEAR}\b(?![-–/]\d)",
            _FLAGS,
        ),
        lambda g: year_span(int(g["year"])),
    ),
]
RELATIVE: list[tuple[re.Pattern[str], Relative]] = [
    (
        re.compile(
            rf"\b{_DAY}\s+{_MONTH}(?!\s*,?\s*(?:19|20)\d\d)"
            r"(?:\s+(?P<mark>jl\.?|j\.l\.|jongstleden|a\.s\.?|aanstaande|last|next)(?=\W|$))?",
            _FLAGS,
        ),
        _day_without_year,
    ),
    (
        re.compile(
            rf"\b(?:{_PART}(?:\s+(?:van|of))?[\s-]+)?(?:het\s+|the\s+)?{_WHICH}\s+(?:jaar|year)\b",
            _FLAGS,
        ),
        _relative_year,
    ),
    (re.compile(rf"\b{_WHICH}\s+{_SEASON}\b", _FLAGS), _relative_season),
    (
        re.compile(
            rf"\b(?:over|in)\s+{_NUMBER}\s+(?P<unit>jaar|jaren|years?|maanden|"
            r"maand|months?)\b",
            _FLAGS,
        ),
        _after,
    ),
    (
        re.compile(
            r"\b(?:de\s+dag|the\s+day)\s+(?P<side>ervoor|daarvoor|erna|daarna|before|after)\b",
            _FLAGS,
        ),
        _neighbour_day,
    ),
]


def find_dates(text: str, reference: date | None = None) -> list[DateMention]:
    """Every date phrase of a text, in text order; overlapping phrases give the longest.

    Args:
        text: a sentence or passage.
        reference: the date of the document the text stands in; relative phrases and days
            without a year are skipped when it is None.
    """
    found: list[DateMention] = []
    for pattern, absolute in ABSOLUTE:
        for match in pattern.finditer(text):
            span = absolute(match.groupdict())
            if span is not None:
                found.append(DateMention(match.group(0), span, match.start(), False))
    if reference is not None:
        for pattern, relative in RELATIVE:
            for match in pattern.finditer(text):
                span = relative(match.groupdict(), reference)
                if span is not None:
                    found.append(DateMention(match.group(0), span, match.start(), True))
    chosen: list[DateMention] = []
    for mention in sorted(found, key=lambda m: (m.start, -len(m.text), m.relative)):
        if chosen and mention.start < chosen[-1].start + len(chosen[-1].text):
            continue
        chosen.append(mention)
    return chosen
