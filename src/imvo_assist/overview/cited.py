"""Evidence: what one statement of an overview rests on, with its pasteable citation.

A quote from an indexed passage is cited exactly as the answers cite it (`answer.citations`,
confidence and marker included); a fact of the bundled register names the page where it was
seen and, when it is not verified, ends in the same kind of marker ("[niet geverifieerd: …]").
Confidence is "verified" (the words stand in the cited text), "reported" (a source says so) or
"inferred" (worked out by us: a date resolved from "next year", an editorial theme mapping).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Literal

from imvo_assist.answer.citations import CitationList
from imvo_assist.models import Citation, Document, Hit, Passage

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

Confidence = Literal["verified", "reported", "inferred"]
CONFIDENCES: tuple[Confidence, ...] = ("verified", "reported", "inferred")
REGISTER_NOTE = {
    "nl": "gegeven uit het meegeleverde register",
    "en": "fact from the bundled register",
}
MARKER = {"nl": "niet geverifieerd", "en": "not verified"}


@dataclass(frozen=True)
class Evidence:
    """A cited source of one statement."""

    cite: str
    """The pasteable citation string (with a marker when it is not verified)."""
    quote: str = ""
    """The words cited, exactly as stored (a sentence, a theme, a register fact)."""
    doc_id: str = ""
    title: str = ""
    page: str = ""
    passage_id: str = ""
    url: str = ""
    source: Literal["passage", "document", "register"] = "passage"
    confidence: Confidence = "verified"
    confidence_note: str = ""
    note: str = ""
    """What the source was used for, when that is not a quote ("whole text searched")."""

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def register_address(doc: Document) -> str:
    """The address to give for a registered document: its official page when the register is
    sure of it, else the page where its facts were seen (an inferred URL is never given)."""
    low = doc.register.low_confidence
    return doc.url if doc.url and "url" not in low else doc.register.source_url


def doubted(doc: Document, fields: tuple[str, ...]) -> tuple[str, ...]:
    """Which of some fields the register marks low confidence (all of them for a doubted entry)."""
    low = doc.register.low_confidence
    return fields if "entry" in low else tuple(f for f in fields if f in low)


def _citation(corpus: Corpus, hit: Hit, language: str) -> Citation:
    """The hit cited as the answers cite it."""
    numbered = CitationList(corpus.documents, language)
    return numbered.citations[numbered.add(hit) - 1]


def from_hit(corpus: Corpus, hit: Hit, quote: str, language: str = "nl") -> Evidence:
    """Evidence for words quoted from an indexed passage (or a register fact indexed as one)."""
    citation = _citation(corpus, hit, language)
    passage = hit.passage
    return Evidence(
        cite=citation.cite,
        quote=quote,
        doc_id=passage.doc_id,
        title=hit.title,
        page=passage.page_label,
        passage_id=passage.id,
        url=citation.hit.url,
        source="register" if hit.source == "register" else "passage",
        confidence=getattr(citation, "confidence", "verified"),
        confidence_note=getattr(citation, "confidence_note", ""),
    )


def from_document(corpus: Corpus, doc_id: str, note: str, language: str = "nl") -> Evidence:
    """Evidence naming a whole indexed document (for "checked against the whole text")."""
    hit = corpus.hit(
        Passage(id=doc_id, doc_id=doc_id, pdf_page=0, page_label="", section="", text="")
    )
    citation = _citation(corpus, hit, language)
    return Evidence(
        cite=citation.cite,
        doc_id=doc_id,
        title=hit.title,
        url=citation.hit.url,
        source="document",
        confidence=getattr(citation, "confidence", "verified"),
        confidence_note=getattr(citation, "confidence_note", ""),
        note=note,
    )


def from_register(
    cite: str,
    quote: str,
    url: str,
    doc_id: str = "",
    confidence: Confidence = "reported",
    note: str = "",
    language: str = "nl",
) -> Evidence:
    """Evidence for a fact of the bundled register, cited to the page where it was seen; `note`
    says why it is not verified."""
    text = f"{cite} ({REGISTER_NOTE[language]})." + (f" {url}" if url else "")
    if confidence != "verified":
        text += f" [{MARKER[language]}: {note or confidence}]"
    return Evidence(
        cite=text,
        quote=quote,
        doc_id=doc_id,
        url=url,
        source="register",
        confidence=confidence,
        confidence_note=note,
    )


class AnswerCitations:
    """Evidence numbered as the citations of an answer (`answer.citations.CitationList`), so a
    coverage or timeline answer is cited, opened, copied and put in a basket as any answer is.

    A quote from an indexed passage (a register fact indexed as one included) is cited through
    the passage itself; a whole indexed document through a page-less passage of it whose text
    says, in brackets, what was done with it ("[hele tekst doorzocht ...]"); a fact of
    the bundled register that is no indexed passage (a covenant's theme list, a register date)
    as a register fact with the citation string the overview gave it. The same source gets one
    number.
    """

    def __init__(self, corpus: Corpus, language: str = "nl") -> None:
        self.corpus = corpus
        self.numbered = CitationList(corpus.documents, language)
        self._facts: dict[str, int] = {}

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(self.numbered.citations)

    def number(self, evidence: Evidence) -> int:
        """The citation number of a piece of evidence, adding it when new."""
        if evidence.passage_id:
            passage = self.corpus.passage(evidence.passage_id)
            if passage is not None:
                return self.numbered.add(self.corpus.hit(passage, evidence.source))
        if evidence.source == "document":  # what was done with it, never shown as a quote
            text = f"[{evidence.note or evidence.title}]"
            whole = Passage(
                id=evidence.doc_id, doc_id=evidence.doc_id, pdf_page=0, page_label="", section="",
                text=text,
            )  # fmt: skip
            return self.numbered.add(self.corpus.hit(whole))
        return self._fact(evidence)

    def marks(self, evidence: list[Evidence]) -> str:
        """The marks "[1] [2]" of a list of evidence (each source once, in order)."""
        numbers = dict.fromkeys(self.number(e) for e in evidence)
        return " ".join(f"[{n}]" for n in numbers)

    def sources_block(self) -> list[str]:
        return self.numbered.sources_block(self.numbered.language)

    def _fact(self, evidence: Evidence) -> int:
        digest = hashlib.sha1(f"{evidence.cite}\n{evidence.quote}".encode()).hexdigest()[:12]
        if digest in self._facts:
            return self._facts[digest]
        doc_id = evidence.doc_id or "register"
        document = self.corpus.documents.get(doc_id) or Document(doc_id)
        passage = Passage(
            id=f"register-fact:{doc_id}:{digest}", doc_id=doc_id, pdf_page=0, page_label="",
            section="", text=evidence.quote or evidence.note or evidence.cite,
        )  # fmt: skip
        hit = Hit(
            passage=passage, title=evidence.title or document.title or doc_id,
            kind=document.kind, url=evidence.url, score=0.0, snippet="",
            source="register",
        )  # fmt: skip
        citations = self.numbered.citations
        n = len(citations) + 1
        citations.append(
            Citation(n, hit, evidence.cite, evidence.confidence, evidence.confidence_note)
        )
        self._facts[digest] = n
        return n
