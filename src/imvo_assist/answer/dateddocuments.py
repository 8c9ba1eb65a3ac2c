"""A document the question names by its year ("the 2013 letter", "de brief van 2005", "het
SER-advies uit 2012") or month ("de brief van juni 2014"): the corpus holds it when it indexes a
document of that kind from that year or month. Else the bundled register may know it (its text can then be added), or nothing does.
Reports are not checked: a report of a year is mostly a source the register lists ("het rapport
van SOMO uit 2013"), which the inclusion and provenance answers look up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from imvo_assist.answer.presence import phrase_present
from imvo_assist.answer.understand import Understanding
from imvo_assist.text.fold import fold
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.questionforms import MONTHS

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus
    from imvo_assist.models import Document

KINDS = {"brief": "letter", "kamerbrief": "letter", "letter": "letter", "nota": "letter",
         "advies": "advice", "advice": "advice", "notitie": "note", "note": "note"}
NOUN = r"(?P<noun>kamerbrief|brief|letter|nota|advies|advice|notitie|note)"
YEAR = r"(?P<year>(?:19|20)\d\d)"
MONTH = rf"(?:(?:\d{{1,2}} )?(?P<month>{MONTHS}) )?"
DATED = (
    # "the 2013 letter", "the November 2013 letter", "de 2013-brief"
    lazy_compile(rf"\b{MONTH}{YEAR}(?: |-)(?:[a-z-]+ )?{NOUN}\b"),
    # "de brief van 2005", "the letter of June 2013", "het advies uit 2012", "IMVO-brief van 2005"
    lazy_compile(rf"\b(?:[a-z]+-)?{NOUN} (?:van|uit|from|of|in) {MONTH}{YEAR}\b"),
)
MONTH_NUMBERS = {month: f"{number:02d}" for months in (
    ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
     "november", "december"),
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december")) for number, month in enumerate(months, 1)}


@dataclass(frozen=True)
class DatedDocument:
    """A document named by its year, and what the corpus holds of it."""

    written: str
    """As the question names it ("2013 letter")."""
    kind: str
    registered: Document | None
    """The register's document of that kind and year, when only the register knows it."""


def unheld_dated_document(library: Corpus, understanding: Understanding) -> DatedDocument | None:
    """The document of a year the question names that the corpus does not index; None when it
    names none, or indexes one of that kind and year."""
    folded = fold(understanding.question)
    for pattern in DATED:
        for match in pattern.finditer(folded):
            kind, month = KINDS[match.group("noun")], match.group("month")
            dated = match.group("year") + (f"-{MONTH_NUMBERS[month]}" if month else "")
            of_year = [d for d in library.documents.values() if d.kind == kind and d.date.startswith(dated)]
            if any(d.file for d in of_year) or any(_spoken_of(library, d) for d in of_year):
                continue
            return DatedDocument(match.group(0), kind, next(iter(of_year), None))
    return None


def _spoken_of(library: Corpus, document: Document) -> bool:
    """Whether a passage names a register-only document by its day ("Bij de brief van 24 juni
    jl."): the corpus then says something of it."""
    _, month, day = (document.date.split("-") + ["", ""])[:3]
    if not day:
        return False
    names = [name for name, number in MONTH_NUMBERS.items() if number == month]
    return any(phrase_present(library, [str(int(day)), name]) for name in names)
