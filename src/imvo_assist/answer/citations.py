"""Numbered citations and the citation strings people paste into notes.

A citation string follows how a Dutch policy officer writes it: the document's citation
("Kamerstukken II 2014/15, 26 485, nr. 197") or its title, always with the printed page, and
the document's address. It never says more than is known: every fact it states carries the
confidence the register records for it (`models.Trust`), a citation that is not
verified ends in one short marker ("[niet geverifieerd: nr. 197 volgens het verslag van het
commissiedebat, Kamerstuk 26 485, nr. 201, https://…; URL afgeleid, niet gecontroleerd]"), and
an inferred URL is never given as the document's address. Documents outside the register are
cited under their own title, on the basis of the file itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import PurePath

from imvo_assist.catalogue.loader import load_documents
from imvo_assist.models import Citation, Document, Hit, Level, Trust, weakest

REGISTER_NOTE = {"nl": " (gegeven uit het meegeleverde register)", "en": " (fact from the bundled register)"}
MARKER = {"nl": "niet geverifieerd", "en": "not verified"}
SEE = {"nl": "zie", "en": "see"}
# Facts of a registered document that a citation states, in the order their reasons are given.
CITED_FIELDS = ("entry", "citation", "title", "date", "content", "url")
FIELD_NAMES = {
    "entry": ("gegevens over dit document", "facts about this document"),
    "citation": ("citeerwijze", "citation"), "title": ("titel", "title"),
    "date": ("datum", "date"), "content": ("inhoud", "content"), "url": ("URL", "URL"),
}
VERIFIED_NOTE = {
    "register": ("citeerwijze uit het meegeleverde register, met bronnen; pagina uit het bestand zelf",
                 "citation from the bundled register, with sources; page from the file itself"),
    "own": ("niet in het register: geciteerd onder de eigen titel; pagina uit het bestand zelf",
            "not in the register: cited under its own title; page from the file itself"),
}
OWN_URL = ("URL volgens de beschrijving van het document in het corpus, niet gecontroleerd",
           "URL as the corpus describes the document, not checked")
OWN_CITATION = ("citeerwijze volgens de beschrijving van het document in het corpus",
                "citation as the corpus describes the document")


@dataclass(frozen=True)
class Fact:
    """One fact a citation rests on, with how well it is known."""

    field: str
    level: Level
    note: str
    source_url: str = ""
    value: str = ""
    stated: bool = True
    """False for a fact left out of the citation (an inferred URL): it is named, not claimed."""
    in_cite: bool = True
    """Whether the pasteable string shows it (its reason then goes into the marker)."""

    def to_dict(self) -> dict[str, object]:
        return {"field": self.field, "confidence": self.level, "note": self.note,
                "source_url": self.source_url, "value": self.value, "stated": self.stated}


@dataclass(frozen=True)
class Assessment:
    """What a citation of a hit may state, and how well each part of it is known."""

    base: str
    """The document's citation, else its title."""
    url: str
    """The address the citation gives; empty when only an inferred one is known."""
    pagination: str
    facts: tuple[Fact, ...]
    verified_note: str

    @property
    def level(self) -> Level:
        """The weakest fact the citation states."""
        return weakest(f.level for f in self.facts if f.stated)

    @property
    def doubts(self) -> list[Fact]:
        """The facts that are not verified, stated or left out."""
        return [f for f in self.facts if f.level != "verified" or not f.stated]

    def note(self) -> str:
        """The reason for the confidence, every doubt with its source."""
        doubts = self.doubts
        return "; ".join(_reasons(doubts)) if doubts else self.verified_note

    def marker(self, language: str) -> str:
        """" [niet geverifieerd: …]" for the doubts the pasteable string touches, else ""."""
        shown = _reasons([f for f in self.doubts if f.in_cite])
        return f" [{MARKER.get(language, MARKER['nl'])}: {'; '.join(shown)}]" if shown else ""


def assess(hit: Hit, documents: Mapping[str, Document], language: str = "nl") -> Assessment:
    """The parts of a hit's citation and how well each is known, from the register's data."""
    document = documents.get(hit.passage.doc_id) or Document(hit.passage.doc_id)
    registered = _register().get(hit.passage.doc_id)
    citation = document.citation
    base = citation or hit.title or hit.passage.doc_id
    url = hit.url or document.url
    nl = language != "en"
    if registered is None:
        facts = []
        if citation:
            facts.append(Fact("citation", "reported", OWN_CITATION[not nl], value=citation))
        if url:
            facts.append(Fact("url", "reported", OWN_URL[not nl], value=url))
        return Assessment(base, url, "", tuple(facts), VERIFIED_NOTE["own"][not nl])
    shown = {"citation": citation, "title": hit.title, "date": document.date, "url": url}
    facts = []
    for name in CITED_FIELDS:
        trust = registered.register.trust.get(name)
        if trust is None or (name == "content" and hit.source != "register"):
            continue
        value = _registered_value(registered, name)
        if name in shown and shown[name] != value:
            continue  # the corpus' own description, not the register's fact: see below
        in_cite = name != "title" or not citation
        facts.append(_fact(name, trust, value, language, in_cite))
    own = {"citation": (citation, OWN_CITATION), "url": (url, OWN_URL)}
    for name, (value, note) in own.items():
        if value and value != _registered_value(registered, name):
            facts.append(Fact(name, "reported", note[not nl], value=value))
    stated_url = url
    if any(f.field == "url" and f.level == "inferred" for f in facts):
        stated_url = ""
        facts = [replace(f, stated=False) if f.field == "url" else f for f in facts]
    file = PurePath(document.file).name
    ours = bool(file) and file in registered.files
    pagination = registered.register.pagination(language) if ours else ""
    return Assessment(base, stated_url, pagination, tuple(facts), VERIFIED_NOTE["register"][not nl])


def cite_string(hit: Hit, documents: Mapping[str, Document], language: str = "nl") -> str:
    """The pasteable reference of a hit: citation (or title), printed page, URL, and a marker
    when what it states is not verified."""
    return _cite(hit, assess(hit, documents, language), language)


def _cite(hit: Hit, assessment: Assessment, language: str) -> str:
    text = assessment.base
    page = hit.passage.page_label
    if page:
        text += f", p. {page}"
    if assessment.pagination:
        text += f" ({assessment.pagination})"
    if hit.source == "register":
        if hit.passage.section:
            text += f"; {SEE.get(language, SEE['nl'])} {hit.passage.section}"
        text += REGISTER_NOTE.get(language, REGISTER_NOTE["nl"])
    text += "."
    if assessment.url:
        text += f" {assessment.url}"
    return text + assessment.marker(language)


class CitationList:
    """Citations numbered in the order they are first used; a passage is cited once."""

    def __init__(self, documents: Mapping[str, Document], language: str = "nl") -> None:
        self.documents = documents
        self.language = language
        self.citations: list[Citation] = []
        self._numbers: dict[str, int] = {}

    def add(self, hit: Hit) -> int:
        """The number of a hit's citation, adding it when new."""
        key = hit.passage.id
        if key not in self._numbers:
            n = self._numbers[key] = len(self.citations) + 1
            assessment = assess(hit, self.documents, self.language)
            cited = hit if hit.url == assessment.url else replace(hit, url=assessment.url)
            self.citations.append(Citation(
                n, cited, _cite(hit, assessment, self.language), assessment.level,
                assessment.note(), tuple(f.to_dict() for f in assessment.facts),
            ))
        return self._numbers[key]

    def sources_block(self, language: str) -> list[str]:
        """The numbered list of citation strings under an answer; citations with the same
        string share one line ("[5, 6] …")."""
        if not self.citations:
            return []
        numbers: dict[str, list[int]] = {}
        for citation in self.citations:
            numbers.setdefault(citation.cite, []).append(citation.n)
        lines = ["", "**Bronnen**" if language == "nl" else "**Sources**", ""]
        lines += [f"[{', '.join(map(str, ns))}] {cite}" for cite, ns in numbers.items()]
        return lines


def _fact(name: str, trust: Trust, value: str, language: str, in_cite: bool) -> Fact:
    nl = language != "en"
    reason = trust.basis(language)
    if not reason:
        label = FIELD_NAMES.get(name, (name, name))[not nl]
        reason = {
            "reported": f"{label} volgens één bron, niet bevestigd" if nl else f"{label} from a single source, not confirmed",
            "inferred": f"{label} afgeleid, niet gecontroleerd" if nl else f"{label} inferred, not checked",
        }.get(trust.level, "")
    return Fact(name, trust.level, reason, trust.source_url, value, in_cite=in_cite)


def _reasons(facts: list[Fact]) -> list[str]:
    """Each fact's reason once, with the page that states it the first time it is named."""
    reasons: list[str] = []
    named: set[str] = set()
    for fact in facts:
        reason = fact.note
        if fact.source_url and fact.source_url not in named and fact.source_url not in reason:
            reason += f", {fact.source_url}"
        named.add(fact.source_url)
        if reason not in reasons:
            reasons.append(reason)
    return reasons


def _registered_value(document: Document, name: str) -> str:
    values = {"citation": document.citation, "title": document.title, "date": document.date,
              "url": document.url}
    return values.get(name, "")


@cache
def _register() -> dict[str, Document]:
    return {document.id: document for document in load_documents()}
