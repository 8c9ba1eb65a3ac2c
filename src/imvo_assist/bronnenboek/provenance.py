"""Provenance in an open index: source-register entries and the report passages citing them.

Register entries are index records of their own (written by the indexer). Which report's
"[n]" markers point into which register is decided here, from the documents present: a report
is paired with the register whose title contains the report's title (the bronnenboek "of" the
report). When a register is present twice (a PDF and its CSV twin with the same entries), the
PDF is used, since it has printed pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property

from rapidfuzz import fuzz
from whoosh.index import Index
from whoosh.searching import Searcher

from imvo_assist.bronnenboek import CitingPassage, Reference, RefKey, link
from imvo_assist.index import page_passages, searching
from imvo_assist.models import Document

# Share of a report title's words that a register title must contain to be its register.
PAIRING_SCORE = 85


class Provenance:
    """References of the corpus' registers and their links to report passages."""

    def __init__(self, index: Index | Searcher, documents: Mapping[str, Document]) -> None:
        """`index`: the searcher the caller keeps open (or an index: a searcher per lookup)."""
        self.index = index
        self.documents = documents

    @cached_property
    def all_references(self) -> list[Reference]:
        """Every register entry in the index, by register and number."""
        with searching(self.index) as searcher:
            found = [_reference(fields["meta"]) for fields in searcher.documents(record="reference")]
        return sorted(found, key=lambda r: (r.register_doc, r.nr))

    @cached_property
    def registers(self) -> list[str]:
        """Register doc ids, twins left out (the PDF kept when two hold the same entries)."""
        by_register: dict[str, frozenset[tuple[int, str]]] = {}
        for reference in self.all_references:
            by_register.setdefault(reference.register_doc, frozenset())
            by_register[reference.register_doc] |= {(reference.nr, reference.title)}
        kept: dict[frozenset[tuple[int, str]], str] = {}
        for doc_id in sorted(by_register, key=lambda d: (not self._document(d).is_pdf, d)):
            kept.setdefault(by_register[doc_id], doc_id)
        return sorted(kept.values())

    @cached_property
    def references(self) -> list[Reference]:
        """Entries of the kept registers."""
        kept = set(self.registers)
        return [r for r in self.all_references if r.register_doc in kept]

    @cached_property
    def pairing(self) -> dict[str, str]:
        """Report doc id -> the register its markers point into."""
        pairs = {}
        for doc_id, document in self.documents.items():
            if document.kind != "report" or not document.file:
                continue
            scored = [
                (fuzz.token_set_ratio(document.title, self._document(r).title), r)
                for r in self.registers
            ]
            best = max(scored, default=(0.0, ""))
            if best[0] >= PAIRING_SCORE:
                pairs[doc_id] = best[1]
        return pairs

    @cached_property
    def links(self) -> tuple[dict[RefKey, list[CitingPassage]], dict[str, list[int]]]:
        """(cited_by, refs_of_passage) for every paired report."""
        with searching(self.index) as searcher:  # one searcher for every report
            passages = [p for report in self.pairing for p in page_passages(searcher, report, None)]
        return link(passages, self.references, self.pairing)

    @property
    def cited_by(self) -> dict[RefKey, list[CitingPassage]]:
        return self.links[0]

    def references_of(self, passage_id: str, doc_id: str) -> list[Reference]:
        """The register entries a report passage cites."""
        register = self.pairing.get(doc_id)
        if register is None:
            return []
        numbers = self.links[1].get(passage_id, [])
        by_key = {r.key: r for r in self.references}
        return [by_key[(register, n)] for n in numbers if (register, n) in by_key]

    def _document(self, doc_id: str) -> Document:
        """A document by id (only the id when unknown)."""
        return self.documents.get(doc_id) or Document(doc_id)


def _reference(data: dict) -> Reference:
    fields = dict(data)
    fields["themes"] = tuple(fields.get("themes") or ())
    return Reference(**fields)
