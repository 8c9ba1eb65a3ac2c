"""Covenants against the sector risks: for a sector, which named risks its covenants name.

The rows are the risks named for the sector: from the indexed document that fills the
sector-risk report's role (kind "report", a chapter whose headings name the sector), quoted under
that document's own title; else from the bundled register's overview, marked as examples
("onder andere"). The columns are the sector's own covenants (registered covenants of the sector
and indexed covenant texts about it); covenants of related sectors are checked the same way and
listed apart. A covenant is checked against its indexed text(s) through the vocabulary's risk
terms, else against its theme list in the bundled register through an editorial mapping
(`corpus/coverage-themes.toml`). Every cell is cited: the sentence or theme that names the risk,
or the texts or theme list it was checked against ("not named in ...", never "not covered").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from whoosh.query import Term

from imvo_assist.answer.evidence import sentences
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.catalogue.vocabulary import Sector, Vocabulary
from imvo_assist.errors import QueryError
from imvo_assist.index import Filters
from imvo_assist.models import Document
from imvo_assist.overview import cited
from imvo_assist.overview.cited import Evidence
from imvo_assist.overview.covenants import Covenant, sector_covenants
from imvo_assist.overview.register import load_coverage_themes

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

MAX_SECTOR_PASSAGES = 400
CATEGORY_ORDER = ("milieu", "arbeid", "mensenrechten", "corruptie", "belastingen")
Status = Literal["named", "not_named", "unknown"]
EXAMPLES_NOTE = {
    "nl": "voorbeelden ('onder andere'), geen volledige lijst; de volledige lijst staat in het "
    "KPMG-rapport (imvo-assist add RAPPORT.pdf)",
    "en": "examples ('among others'), not a complete list; the full list is in the KPMG report "
    "(imvo-assist add REPORT.pdf)",
}


@dataclass
class Cell:
    """Whether one covenant names one risk, with its citations."""

    covenant: str
    status: Status
    citations: list[Evidence]
    related: list[tuple[str, Evidence]] = field(default_factory=list)
    """Neighbouring risks or touching themes the covenant does name, with their evidence."""

    def to_dict(self) -> dict[str, object]:
        return {
            "covenant": self.covenant,
            "status": self.status,
            "citations": [e.to_dict() for e in self.citations],
            "related": [{"risk": r, "citation": e.to_dict()} for r, e in self.related],
        }


@dataclass
class Row:
    """A risk named for the sector, and each covenant's cell."""

    risk: str
    name: str
    category: str
    category_name: str
    named_for_sector: Evidence
    cells: list[Cell] = field(default_factory=list)
    related_cells: list[Cell] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "risk": {
                "id": self.risk,
                "name": self.name,
                "category": self.category,
                "category_name": self.category_name,
            },
            "named_for_sector": self.named_for_sector.to_dict(),
            "cells": [c.to_dict() for c in self.cells],
            "related_cells": [c.to_dict() for c in self.related_cells],
        }


@dataclass
class Coverage:
    """The risks of one sector against its covenants."""

    sector: str
    sector_name: str
    language: str
    risks_from: dict[str, object]
    covenants: list[Covenant]
    related_covenants: list[Covenant]
    rows: list[Row]

    def to_dict(self) -> dict[str, object]:
        return {
            "sector": {"id": self.sector, "name": self.sector_name},
            "language": self.language,
            "risks_from": self.risks_from,
            "covenants": [c.to_dict() for c in self.covenants],
            "related_covenants": [c.to_dict() for c in self.related_covenants],
            "rows": [r.to_dict() for r in self.rows],
        }


def find_sector(name: str, vocabulary: Vocabulary | None = None) -> Sector:
    """The sector a name, synonym or id refers to.

    Raises:
        QueryError: no sector of that name, with the closest names as a hint.
    """
    vocabulary = vocabulary or load_vocabulary()
    sector = vocabulary.match_sector(name)
    if sector is None:
        near = ", ".join(vocabulary.suggest(name, limit=3)) or ", ".join(
            s.id for s in vocabulary.sectors
        )
        raise QueryError(f"Unknown sector {name!r}.", f"Try: {near}.")
    return sector


def sector_coverage(corpus: Corpus, sector_name: str, language: str = "nl") -> Coverage:
    """The risks of a sector against its own and related covenants, every cell cited."""
    vocabulary = load_vocabulary()
    sector = find_sector(sector_name, vocabulary)
    themes = load_coverage_themes()
    report = _report_risks(corpus, sector, language)
    if report:
        doc_id, found = report
        title = (corpus.documents.get(doc_id) or Document(doc_id)).title or doc_id
        risks_from: dict[str, object] = {
            "kind": "document",
            "doc_id": doc_id,
            "title": title,
            "examples": False,
            "note": "",
        }
    else:
        doc_id, title, found = _register_risks(corpus, sector, language)
        risks_from = {
            "kind": "register",
            "doc_id": doc_id,
            "title": title,
            "examples": True,
            "note": EXAMPLES_NOTE[language],
        }
    own, related = sector_covenants(corpus, sector, themes, language)
    order = {category: n for n, category in enumerate(CATEGORY_ORDER)}
    rows = []
    for risk_id, evidence in sorted(
        found.items(), key=lambda item: order.get(vocabulary.risk(item[0]).category, len(order))
    ):
        risk = vocabulary.risk(risk_id)
        neighbours = themes.related_risks.get(risk_id, ())
        rows.append(
            Row(
                risk_id,
                risk.name(language),
                risk.category,
                _category(vocabulary, risk.category, language),
                evidence,
                [_cell(c, risk_id, neighbours) for c in own],
                [_cell(c, risk_id, neighbours) for c in related],
            )
        )
    return Coverage(sector.id, sector.name(language), language, risks_from, own, related, rows)


def _category(vocabulary: Vocabulary, category: str, language: str) -> str:
    try:
        return vocabulary.category(category).name(language)
    except KeyError:
        return category


def all_coverage(corpus: Corpus, language: str = "nl") -> list[Coverage]:
    """`sector_coverage` for every sector of the vocabulary."""
    return [sector_coverage(corpus, s.id, language) for s in load_vocabulary().sectors]


def _report_risks(
    corpus: Corpus, sector: Sector, language: str
) -> tuple[str, dict[str, Evidence]] | None:
    """Risks quoted from the sector's chapter in the indexed report naming the most of them."""
    tagger = default_tagger()
    hits = corpus.run(
        Term("sectors", sector.id), Filters(source="passage", kind="report"), MAX_SECTOR_PASSAGES
    )
    # risk lists (deeper headings) before introductions, then reading order
    hits.sort(
        key=lambda h: (
            -h.passage.section.count(">"),
            h.passage.doc_id,
            h.passage.pdf_page,
            h.passage.id,
        )
    )
    by_doc: dict[str, dict[str, Evidence]] = {}
    for hit in hits:
        if sector.id not in tagger.tag(hit.passage.section).sectors:
            continue  # not the sector's own chapter
        for sentence in sentences(hit.passage.text):
            for risk_id in tagger.tag(sentence).risks:
                found = by_doc.setdefault(hit.passage.doc_id, {})
                if risk_id not in found:
                    found[risk_id] = cited.from_hit(corpus, hit, sentence, language)
    if not by_doc:
        return None
    best = max(sorted(by_doc), key=lambda doc: len(by_doc[doc]))
    return best, by_doc[best]


def _register_risks(
    corpus: Corpus, sector: Sector, language: str
) -> tuple[str, str, dict[str, Evidence]]:
    """The register's facts on a sector's risks (examples from an overview page), each cited as
    the answers cite it; with the document id and title of the page that states them."""
    facts = corpus.run(
        Term("sectors", sector.id),
        Filters(source="register", language=language),
        MAX_SECTOR_PASSAGES,
    )
    found: dict[str, Evidence] = {}
    for hit in sorted(facts, key=lambda h: h.passage.id):
        for risk_id in hit.passage.risks:
            found.setdefault(risk_id, cited.from_hit(corpus, hit, hit.passage.text, language))
    first = min(facts, key=lambda h: h.passage.id, default=None)
    return (first.passage.doc_id, first.title, found) if first else ("", "", found)


def covenant_cell(covenant: Covenant, risk_id: str) -> Cell:
    """Whether a covenant names any risk (one of the sector's or not), cited as a cell is."""
    return _cell(covenant, risk_id, load_coverage_themes().related_risks.get(risk_id, ()))


def _cell(covenant: Covenant, risk_id: str, neighbours: tuple[str, ...]) -> Cell:
    if covenant.basis == "none":
        return Cell(covenant.id, "unknown", list(covenant.checked))
    if risk_id in covenant.names:
        return Cell(covenant.id, "named", [covenant.names[risk_id]])
    related = [(n, covenant.names[n]) for n in neighbours if n in covenant.names]
    touching = covenant.touches.get(risk_id)
    if touching and all(touching.quote != e.quote for _, e in related):
        related.append((risk_id, touching))
    return Cell(covenant.id, "not_named", list(covenant.checked), related)
