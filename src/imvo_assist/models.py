"""Domain records shared by extraction, index, answering and the front ends.

Frozen dataclasses; `to_dict()` gives the shape used by the JSON contracts in DESIGN.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Status = Literal["indexed", "failed", "missing", "skipped"]


@dataclass(frozen=True)
class RawPage:
    """One printed page as extracted, before normalisation."""

    pdf_page: int
    """1-based page index in the file (for text files: the page ordinal)."""
    label: str
    """The printed page label a reader sees."""
    lines: tuple[str, ...]
    """Text lines in reading order, headers and footers already removed."""
    headings: frozenset[int] = frozenset()
    """Indices into `lines` that are known headings (Markdown `#`, HTML `<h1>`)."""
    footnotes: tuple[str, ...] = ()
    """Footnote texts found at the bottom of the page."""


@dataclass(frozen=True)
class Document:
    """A document of the corpus, indexed or only known from the register."""

    id: str
    title: str
    kind: str = "other"
    language: str = "nl"
    publisher: str = ""
    date: str = ""
    citation: str = ""
    url: str = ""
    file: str = ""
    sha256: str = ""
    pages: int = 0

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Passage:
    """The unit that is indexed and cited: a chunk of one printed page."""

    id: str
    doc_id: str
    pdf_page: int
    page_label: str
    section: str
    text: str
    kind: Literal["text", "footnote", "heading"] = "text"
    sectors: tuple[str, ...] = ()
    risks: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class FileReport:
    """What indexing did with one file of the corpus."""

    doc_id: str
    file: str
    title: str
    status: Status
    pages: int = 0
    passages: int = 0
    error: str = ""
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["warnings"] = list(self.warnings)
        return data


@dataclass(frozen=True)
class Hit:
    """One search result: a passage with its document and score."""

    passage: Passage
    title: str
    kind: str
    url: str
    score: float
    snippet: str
    source: Literal["passage", "register"] = "passage"
    also_in: tuple[str, ...] = ()
    """Citations of identical text elsewhere (de-duplicated results), as 'doc_id p. label'."""

    def to_dict(self) -> dict[str, object]:
        p = self.passage
        return {
            "passage_id": p.id,
            "doc_id": p.doc_id,
            "title": self.title,
            "kind": self.kind,
            "page": p.page_label,
            "pdf_page": p.pdf_page,
            "section": p.section,
            "passage": p.text,
            "snippet": self.snippet,
            "score": round(self.score, 4),
            "source": self.source,
            "url": self.url,
            "also_in": list(self.also_in),
        }


@dataclass(frozen=True)
class Citation:
    """A numbered citation in an answer."""

    n: int
    hit: Hit
    """The passage as cited: its `url` is the address the citation gives (empty when only an
    inferred one is known)."""
    cite: str = ""
    """The pasteable citation string (document citation or title, printed page, URL), with a
    short marker when it is not verified."""
    confidence: Literal["verified", "reported", "inferred"] = "verified"
    """The weakest fact the citation states: seen in the file or an official source
    (verified), stated by one secondary source (reported), or derived by us (inferred)."""
    confidence_note: str = ""
    """Why, in the answer's language."""
    confidence_details: tuple[dict[str, object], ...] = ()
    """Per fact: {"field", "confidence", "note", "source_url", "value", "stated"}."""

    def to_dict(self) -> dict[str, object]:
        p = self.hit.passage
        return {
            "n": self.n,
            "cite": self.cite,
            "doc_id": p.doc_id,
            "title": self.hit.title,
            "kind": self.hit.kind,
            "page": p.page_label,
            "pdf_page": p.pdf_page,
            "section": p.section,
            "passage": p.text,
            "passage_id": p.id,
            "score": round(self.hit.score, 4),
            "source": self.hit.source,
            "url": self.hit.url,
            "confidence": self.confidence,
            "confidence_note": self.confidence_note,
            "confidence_details": [dict(d) for d in self.confidence_details],
        }


@dataclass(frozen=True)
class Answer:
    """A composed answer; `to_dict()` is the `ask --json` contract."""

    question: str
    language: str
    intent: str
    answer: str
    citations: tuple[Citation, ...] = ()
    sectors: tuple[dict[str, object], ...] = ()
    risks: tuple[dict[str, object], ...] = ()
    organisations: tuple[dict[str, object], ...] = ()
    references: tuple[dict[str, object], ...] = ()
    not_found: bool = False
    suggestions: tuple[str, ...] = ()
    elapsed_ms: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "question": self.question,
            "language": self.language,
            "intent": self.intent,
            "sectors": list(self.sectors),
            "risks": list(self.risks),
            "organisations": list(self.organisations),
            "answer": self.answer,
            "citations": [c.to_dict() for c in self.citations],
            "references": list(self.references),
            "not_found": self.not_found,
            "suggestions": list(self.suggestions),
            "elapsed_ms": round(self.elapsed_ms, 1),
        }
