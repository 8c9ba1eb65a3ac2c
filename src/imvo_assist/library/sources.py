"""The source register (bronnenboek) of an open library, as both front ends ask for it.

`Library.sources` is a `Sources`: find references (organisation in any spelling, words of a
title, sector, year), the inclusion report of an organisation (which says so when the corpus
holds no register), the register's problems and unknown spellings, the report passages citing
each entry, and the entries a report passage cites. The front ends filter and link nothing
themselves: they call these and render what comes back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from imvo_assist.bronnenboek import CitingPassage, Reference, RefKey, filter_references
from imvo_assist.bronnenboek import check as register_check
from imvo_assist.bronnenboek import unmatched as unknown_spellings
from imvo_assist.bronnenboek.report import (
    InclusionReport,
    MissingRegisterReport,
    missing_register_message,
    organisation_report,
)
from imvo_assist.catalogue.loader import load_vocabulary

if TYPE_CHECKING:
    from imvo_assist.bronnenboek.provenance import Provenance
    from imvo_assist.catalogue.vocabulary import Vocabulary
    from imvo_assist.models import Passage


@dataclass(frozen=True)
class RegisterProblems:
    """The problems found in the register (one line each) and how many entries were checked."""

    problems: list[str]
    entries: int


@dataclass(frozen=True)
class Spellings:
    """Organisation spellings the vocabulary does not know, with their number of entries, out
    of all spellings of the register's entries."""

    unknown: list[tuple[str, int]]
    spellings: int
    entries: int

    def to_list(self) -> list[dict[str, object]]:
        return [{"spelling": s, "references": n} for s, n in self.unknown]


class Sources:
    """The references of the corpus' source registers and where the report cites them."""

    def __init__(self, provenance: Provenance, vocabulary: Vocabulary | None = None) -> None:
        self.provenance = provenance
        self._vocabulary = vocabulary

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """The vocabulary organisations and sectors are recognised with (the bundled one)."""
        return self._vocabulary or load_vocabulary()

    @property
    def references(self) -> list[Reference]:
        """Every entry of the corpus' registers (a PDF register's CSV twin left out)."""
        return self.provenance.references

    @property
    def register_missing(self) -> bool:
        """True when the corpus holds no source register: nothing to look anything up in."""
        return not self.references

    def missing_message(self, org_name: str = "", language: str = "en") -> str:
        """That the register is not in the corpus, and how to add it."""
        return missing_register_message(org_name, language)

    @property
    def cited_by(self) -> dict[RefKey, list[CitingPassage]]:
        """(register doc, nr) -> the report passages citing that entry, with their pages."""
        return self.provenance.cited_by

    def citing(self, reference: Reference) -> list[CitingPassage]:
        """The report passages citing one entry, in reading order."""
        return list(self.cited_by.get(reference.key, ()))

    def find_references(
        self, query: str | None = None, sector: str | None = None, year: int | str | None = None
    ) -> list[Reference]:
        """The entries that fit every given criterion (all when none is given).

        Args:
            query: an organisation in any spelling, or words of a title, sector or year (typos
                in longer words tolerated).
            sector: a sector id or name ("elektronica" also finds "Metaal / elektronica").
            year: a publication year.
        """
        query = query.strip() if query else None
        if not (query or sector or year is not None):
            return list(self.references)
        return filter_references(self.references, query, sector, year, vocabulary=self.vocabulary)

    def reference_rows(self, references: Sequence[Reference]) -> list[dict[str, object]]:
        """Entries as JSON-ready data, each with the passages citing it (`cited_by`)."""
        return [
            {**r.to_dict(), "cited_by": [c._asdict() for c in self.citing(r)]} for r in references
        ]

    def inclusion(
        self, org: str, language: str = "en"
    ) -> InclusionReport | MissingRegisterReport:
        """Whether and where an organisation's publications are in the register and cited; with
        no register in the corpus, a report saying so (`register_missing`, `message`)."""
        return organisation_report(org, self.references, self.cited_by, self.vocabulary, language)

    def problems(self) -> RegisterProblems:
        """Duplicate numbers, missing URLs, unknown organisations and years out of range."""
        return RegisterProblems(register_check(self.references), len(self.references))

    def unmatched_spellings(self) -> Spellings:
        """Spellings of organisations the vocabulary does not know, most frequent first."""
        spellings = len({r.spelling for r in self.references})
        return Spellings(unknown_spellings(self.references), spellings, len(self.references))

    def references_of(self, passage: Passage) -> list[Reference]:
        """The register entries a report passage cites with its "[n]" markers."""
        return self.provenance.references_of(passage.id, passage.doc_id)

    def passage_rows(self, passages: Sequence[Passage]) -> list[dict[str, object]]:
        """Passages as JSON-ready data, each with the register entries it cites (`references`)."""
        return [
            {**p.to_dict(), "references": [r.to_dict() for r in self.references_of(p)]}
            for p in passages
        ]
