"""Domain records shared by extraction, index, answering and the front ends.

Frozen dataclasses; `to_dict()` gives the shape used by the JSON contracts in DESIGN.md.

`Document` is the one record of a document, whichever source describes it: the bundled
register (`corpus/documents.toml`), a corpus' own `MANIFEST.toml` / `documents.toml`, or the
file record the indexer wrote. The description every source can give is typed on the record
itself (`""` / `0` when unknown); what only the bundled register knows (where its facts were
seen, their confidence, chapters, covenant, ...) is one nested `RegisterFacts`, empty for a
document the register does not know. Nesting keeps the common record small, says at a glance
which facts are the register's, and lets `overlaid` merge descriptions without touching them.
A document's `to_dict()` is what the index stores; `show --json` prints its `to_json()`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Literal

Status = Literal["indexed", "failed", "missing", "skipped"]
Level = Literal["verified", "reported", "inferred"]
LEVELS: tuple[Level, ...] = ("verified", "reported", "inferred")
"""Confidence levels, strongest first: seen in the source itself or an official one; stated by
one secondary source (or sources disagree); derived by us and never seen."""
DESCRIPTION = ("id", "title", "kind", "language", "publisher", "date", "citation", "url", "file",
               "sha256", "pages")
"""The fields of a document's description, in the order of its dictionaries."""
SHOWN_WHEN_REGISTERED = DESCRIPTION[: DESCRIPTION.index("file") + 1]
"""The description fields a registered document always shows, set or not."""


def weakest(levels: Iterable[Level]) -> Level:
    """The weakest of some confidence levels ("verified" for none)."""
    return max(levels, key=LEVELS.index, default="verified")


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
class Chapter:
    """A chapter of a registered document, with its printed first page."""

    title: str
    page: str | None
    """Printed page label; None when not legible in the sources."""
    nr: str = ""
    sectors: tuple[str, ...] = ()
    page_inferred: str | None = None
    """Our own estimate where `page` is unknown (always low confidence)."""


@dataclass(frozen=True)
class Trust:
    """How well one fact of a register entry is known, and why."""

    level: Level = "verified"
    basis_nl: str = ""
    basis_en: str = ""
    """The reason in a few words, for people ("nr. 197 volgens het verslag ...")."""
    source_url: str = ""
    """Where the fact was stated, when that is a page of its own."""

    def basis(self, language: str) -> str:
        """The reason in a language ("nl" or "en"), empty when none is recorded."""
        return self.basis_en if language == "en" else self.basis_nl


@dataclass(frozen=True)
class RegisterFacts:
    """What the bundled register knows of a document beyond its description."""

    source_url: str = ""
    """Where the facts about the document were seen; every register entry has one, so it is
    empty only for a document the register does not know."""
    title_en: str = ""
    kamerstuk: str = ""
    """"<dossier>, nr. <n>" when the document itself is a numbered parliamentary paper."""
    description: str = ""
    covenant: str = ""
    sectors: tuple[str, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    low_confidence: frozenset[str] = frozenset()
    """Fields whose confidence is not "verified" ("entry" for the whole entry)."""
    trust: dict[str, Trust] = field(default_factory=dict, compare=False, hash=False)
    """Field -> how well it is known, for every field with a `*_confidence` marker;
    "content" for what the register restates from the document (an overview's risk list)."""
    pagination_nl: str = ""
    pagination_en: str = ""
    """Which pagination the page labels of the bundled `files` follow, when that matters."""
    lists_examples: bool = False
    """True for an overview that names examples ("onder andere"), not a full list."""
    examples_nl: str = ""
    examples_en: str = ""
    complete_in: tuple[str, ...] = ()
    """Ids of the documents that hold the full list an overview gives examples from."""

    @property
    def all_sectors(self) -> tuple[str, ...]:
        """Its sectors and its chapters' sectors, each once."""
        return tuple(dict.fromkeys((*self.sectors, *(s for c in self.chapters for s in c.sectors))))

    def field_trust(self, name: str) -> Trust:
        """How well a field is known ("verified" without a reason when nothing is recorded)."""
        return self.trust.get(name, Trust())

    def pagination(self, language: str) -> str:
        """`pagination_nl` or `pagination_en`."""
        return self.pagination_en if language == "en" else self.pagination_nl

    def examples(self, language: str) -> str:
        """`examples_nl` or `examples_en`."""
        return self.examples_en if language == "en" else self.examples_nl


@dataclass(frozen=True)
class Document:
    """A document of the corpus: registered, described by the corpus, indexed, or all three."""

    id: str
    title: str = ""
    kind: str = ""
    """letter, report, advice, covenant, register, note, web page or other; "" when unknown."""
    language: str = ""
    publisher: str = ""
    date: str = ""
    citation: str = ""
    url: str = ""
    """The document's official page; "" when none is known."""
    file: str = ""
    """The corpus file it was indexed from, relative to the corpus; "" when not indexed."""
    sha256: str = ""
    pages: int = 0
    """Pages of the indexed file."""
    files: tuple[str, ...] = ()
    """File names under which the register knows the document."""
    file_url: str = ""
    """Where its file can be downloaded, when the register knows that."""
    register: RegisterFacts = field(default_factory=RegisterFacts)

    @property
    def registered(self) -> bool:
        """Whether the bundled register knows the document (every register entry names where
        its facts were seen)."""
        return bool(self.register.source_url)

    @property
    def is_pdf(self) -> bool:
        """Whether it was indexed from a PDF (whose printed pages a citation can give)."""
        return self.file.lower().endswith(".pdf")

    def to_dict(self) -> dict[str, object]:
        """The description, every field of it (what an index's file record stores)."""
        return {name: getattr(self, name) for name in DESCRIPTION}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """A document from its `to_dict()` (fields an older record lacks stay unknown)."""
        return cls(**{name: data[name] for name in DESCRIPTION if name in data})

    def to_json(self) -> dict[str, object]:
        """The description as `show --json` prints it: the fields that are set, and for a
        registered document every field up to `file` whether set or not."""
        always = SHOWN_WHEN_REGISTERED if self.registered else ()
        return {name: value for name, value in self.to_dict().items() if value or name in always}

    def overlaid(self, other: Document) -> Document:
        """This document with every field that `other` sets written over it (its register
        facts when the register knows it)."""
        changes = {f.name: value for f in fields(other)
                   if f.name != "register" and (value := getattr(other, f.name))}
        if other.registered:
            changes["register"] = other.register
        return replace(self, **changes)


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

    def place(self, heading: str = "") -> str:
        """"Title, p. 5" of the passage, with a heading after the title when given ("Title,
        “Artikel 6”, p. 5"); the title alone where it has no printed page (a register fact, a
        text file's only page)."""
        named = f"{self.title}, {heading}" if heading else self.title
        label = self.passage.page_label
        return f"{named}, p. {label}" if label else named

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
    confidence: Level = "verified"
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
