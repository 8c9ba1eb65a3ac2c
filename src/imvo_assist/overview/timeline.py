"""The policy timeline: dated events of the bundled register and of the indexed documents.

Register events: each registered document on its own date (a covenant "signed" where its
citation says so), the other dates the register reports for it (its notes: "lists it as of 24
November 2014"), and covenant end dates from its description and notes. Indexed documents the
register does not know add their own dates. Dates in the indexed passages ("op 17 november jl.",
"begin volgend jaar", "in 2016") are found by `overview.dates`, resolved against the document's
date, never written into data, and linked to the register event they mention or announce (by
Kamerstuk number, or by a document word such as "convenant" and an overlapping date).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from imvo_assist.answer.evidence import sentences
from imvo_assist.catalogue.loader import load_documents
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.models import Document
from imvo_assist.overview import cited
from imvo_assist.overview.cited import Confidence, Evidence, doubted, register_address
from imvo_assist.overview.coverage import find_sector
from imvo_assist.overview.dates import DateMention, Span, find_dates, parse_iso
from imvo_assist.overview.named import KIND_WORDS
from imvo_assist.overview.register import Note, register_notes
from imvo_assist.text.fold import fold

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

EventType = Literal["document", "signed", "ended", "mentioned", "announced"]
TYPE_ORDER = ("document", "signed", "ended", "mentioned", "announced")
SIGNED = re.compile(r"\b(ondertekend|getekend|signed)\b", re.IGNORECASE)
# Words before a date in a register note that make it another date of the document itself.
OTHER_DATE = re.compile(
    r"\b(dated|gedateerd|as of|signed|ondertekend|getekend|took place|vond plaats)\b[^.;]{0,25}$",
    re.IGNORECASE,
)
END_DATE = re.compile(
    r"(?:\b(?:until|till|to|tot|t/m|beëindigd(?: op)?|ended(?: it)?(?: on)?)|\bclosed\b[^.;]{0,40}?"
    r"\bin|[-–])\s*$",
    re.IGNORECASE,
)
KAMERSTUK = re.compile(r"\b(\d{2})\s?(\d{3})\s*,?\s*(?:nr\.?|no\.?|nummer)\s*(\d+)", re.IGNORECASE)
LOOKBACK = 60
TEXT = {
    "nl": {
        "register": "datum volgens {url}",
        "low": "onzeker volgens het register: {fields}",
        "corpus": "datum uit de gegevens van het corpus",
        "ended": "einde",
        "relative": "'{phrase}' opgevat ten opzichte van de datum van het document ({date})",
    },
    "en": {
        "register": "date as stated at {url}",
        "low": "uncertain according to the register: {fields}",
        "corpus": "date from the corpus metadata",
        "ended": "end",
        "relative": "'{phrase}' read against the document's date ({date})",
    },
}

FIELD_NAMES = {
    "nl": {"date": "datum", "citation": "citeerwijze", "url": "URL"},
    "en": {"date": "date", "citation": "citation", "url": "URL"},
}


@dataclass
class Event:
    """One dated event, with where its date was seen and how sure it is."""

    id: str
    span: Span
    type: EventType
    what: str
    doc_id: str
    kind: str
    citation: Evidence
    confidence: Confidence
    confidence_note: str = ""
    written: str = ""
    """The date as written in a passage ("begin volgend jaar"); empty for register dates."""
    sectors: tuple[str, ...] = ()
    other_dates: list[dict[str, str]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    """Ids of the register events a passage mentions or announces."""
    also_in: list[str] = field(default_factory=list)

    @property
    def source_url(self) -> str:
        """Where the event can be checked: the page the register names as the source of its
        facts about the document, else the citation's address (empty when none is known)."""
        registered = _source_urls().get(self.doc_id)
        return registered or self.citation.url

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "date": self.span.iso(),
            "date_start": self.span.start.isoformat(),
            "date_end": self.span.end.isoformat(),
            "precision": self.span.precision,
            "written": self.written,
            "type": self.type,
            "what": self.what,
            "doc_id": self.doc_id,
            "kind": self.kind,
            "url": self.citation.url,
            "source_url": self.source_url,
            "cite": self.citation.cite,
            "confidence": self.confidence,
            "confidence_note": self.confidence_note,
            "citation": self.citation.to_dict(),
            "sectors": list(self.sectors),
            "other_dates": self.other_dates,
            "links": self.links,
            "also_in": self.also_in,
        }


@functools.cache
def _source_urls() -> dict[str, str]:
    return {doc.id: doc.register.source_url for doc in load_documents()}


def build_timeline(corpus: Corpus, sector: str | None = None, language: str = "nl") -> list[Event]:
    """Every dated event in date order; only those about a sector when one is named.

    Raises:
        QueryError: an unknown sector.
    """
    sector_id = find_sector(sector).id if sector else None
    events = register_events(language)
    events += _corpus_events(corpus, language)
    events += passage_events(corpus, events, language)
    if sector_id:
        events = [e for e in events if sector_id in e.sectors]
    return sorted(events, key=lambda e: (e.span.start, TYPE_ORDER.index(e.type), e.doc_id, e.id))


def register_events(language: str = "nl") -> list[Event]:
    """The registered documents on their dates, with other dates reported and end dates."""
    text = TEXT[language]
    notes = register_notes()
    events: list[Event] = []
    for doc in load_documents():
        own = parse_iso(doc.date)
        if own is None:
            continue
        sectors = doc.register.all_sectors
        note = text["register"].format(url=doc.register.source_url)
        low = doubted(doc, ("date", "citation", "url"))
        if low:
            names = ", ".join(FIELD_NAMES[language].get(f, f) for f in low)
            note += "; " + text["low"].format(fields=names)
        evidence = _register_evidence(doc, note, language)
        signed = doc.kind == "covenant" and SIGNED.search(doc.citation)
        kind: EventType = "signed" if signed else "document"
        event = Event(
            f"{doc.id}:{kind}",
            own,
            kind,
            doc.title,
            doc.id,
            doc.kind,
            evidence,
            "reported",
            note,
            sectors=sectors,
        )
        for note_entry in notes.get(doc.id, ()):
            for mention in find_dates(note_entry.text, own.start):
                if mention.span != own and _before(note_entry.text, mention, OTHER_DATE):
                    _add_other_date(event, mention, note_entry)
        events.append(event)
        if doc.kind == "covenant":
            events += _end_events(doc, own, notes.get(doc.id, ()), sectors, language)
    return events


def _register_evidence(doc: Document, note: str, language: str) -> Evidence:
    return cited.from_register(
        doc.citation or doc.title,
        doc.title,
        register_address(doc),
        doc.id,
        note=note,
        language=language,
    )


def _before(text: str, mention: DateMention, pattern: re.Pattern[str]) -> bool:
    """Whether the words just before a date phrase match a pattern."""
    return bool(pattern.search(text[max(0, mention.start - LOOKBACK) : mention.start]))


def _add_other_date(event: Event, mention: DateMention, note: Note) -> None:
    iso = mention.span.iso()
    for other in event.other_dates:
        if other["date"] == iso:
            other["note"] += f" | {note.text}"
            return
    event.other_dates.append(
        {"date": iso, "written": mention.text, "note": note.text, "source_url": note.source_url}
    )


def _end_events(
    doc: Document,
    own: Span,
    notes: tuple[Note, ...],
    sectors: tuple[str, ...],
    language: str,
) -> list[Event]:
    """A covenant's end date, from its description or notes ("ran until 31 Dec 2021")."""
    for written in (doc.register.description, *(n.text for n in notes)):
        for mention in find_dates(written, own.start):
            if mention.span.start > own.end and _before(written, mention, END_DATE):
                note = TEXT[language]["register"].format(url=doc.register.source_url)
                evidence = cited.from_register(
                    doc.citation or doc.title,
                    written,
                    register_address(doc),
                    doc.id,
                    note=note,
                    language=language,
                )
                what = f"{doc.title}: {TEXT[language]['ended']}"
                return [
                    Event(
                        f"{doc.id}:ended",
                        mention.span,
                        "ended",
                        what,
                        doc.id,
                        doc.kind,
                        evidence,
                        "reported",
                        note,
                        written=mention.text,
                        sectors=sectors,
                    )
                ]
    return []


def _indexed(corpus: Corpus) -> list[tuple[str, Document]]:
    """Indexed documents (a file in the corpus) other than source registers."""
    return [
        (doc_id, document)
        for doc_id, document in sorted(corpus.documents.items())
        if document.file and document.kind != "register"
    ]


def _corpus_events(corpus: Corpus, language: str) -> list[Event]:
    """Indexed documents the register does not know, on the date their metadata gives."""
    registered = {doc.id for doc in load_documents()}
    events = []
    for doc_id, document in _indexed(corpus):
        span = parse_iso(document.date)
        if doc_id in registered or span is None:
            continue
        note = TEXT[language]["corpus"]
        title = document.title or doc_id
        evidence = cited.from_document(corpus, doc_id, note, language)
        events.append(
            Event(
                f"{doc_id}:document",
                span,
                "document",
                title,
                doc_id,
                document.kind,
                evidence,
                "reported",
                note,
                sectors=default_tagger().tag(title).sectors,
            )
        )
    return events


def passage_events(corpus: Corpus, known: list[Event], language: str = "nl") -> list[Event]:
    """Dates written in the indexed passages, each cited and linked to the register events it
    mentions or announces; a sentence found in two documents is listed once."""
    tagger = default_tagger()
    registered = {doc.id for doc in load_documents()}
    targets = [e for e in known if e.type in ("document", "signed") and e.doc_id in registered]
    seen: dict[tuple[str, str], Event] = {}
    order = sorted(_indexed(corpus), key=lambda item: not item[1].citation)
    for doc_id, document in order:
        own = parse_iso(document.date)
        reference = own.start if own else None
        for passage in corpus.passages_of(doc_id):
            if passage.id.startswith("register:"):
                continue
            for sentence in sentences(passage.text):
                for n, mention in enumerate(find_dates(sentence, reference)):
                    if own and mention.span == own:
                        continue  # the document's own date, already an event
                    key = (fold(sentence), mention.span.iso())
                    if key in seen:
                        seen[key].also_in.append(passage.id)
                        continue
                    evidence = cited.from_hit(corpus, corpus.hit(passage), sentence, language)
                    kind: EventType = (
                        "announced" if own and mention.span.start > own.end else "mentioned"
                    )
                    confidence, note = _mention_confidence(mention, own, language)
                    sectors = tuple(
                        dict.fromkeys((*tagger.tag(sentence).sectors, *passage.sectors))
                    )
                    seen[key] = Event(
                        f"{passage.id}:{n}",
                        mention.span,
                        kind,
                        sentence,
                        doc_id,
                        document.kind,
                        evidence,
                        confidence,
                        note,
                        written=mention.text,
                        sectors=sectors,
                        links=_links(sentence, mention, doc_id, targets),
                    )
    return list(seen.values())


def _mention_confidence(
    mention: DateMention, own: Span | None, language: str
) -> tuple[Confidence, str]:
    if not mention.relative:
        return "verified", ""
    when = own.iso() if own else "?"
    return "inferred", TEXT[language]["relative"].format(phrase=mention.text, date=when)


def _links(sentence: str, mention: DateMention, doc_id: str, targets: list[Event]) -> list[str]:
    """Register events a sentence refers to: by Kamerstuk number, else by a word for the
    event's kind of document and a date that overlaps the one written."""
    numbers = {f"{a}{b}-{c}" for a, b, c in KAMERSTUK.findall(sentence)}
    if numbers:
        kamerstukken = {d.id: _kamerstuk_key(d.register.kamerstuk) for d in load_documents()}
        linked = [e.id for e in targets if kamerstukken.get(e.doc_id) in numbers]
        if linked:
            return linked
    words = fold(sentence).split()
    return [
        e.id
        for e in targets
        if e.doc_id != doc_id and e.span.overlaps(mention.span) and _names_kind(words, e.kind)
    ]


def _kamerstuk_key(kamerstuk: str) -> str:
    match = KAMERSTUK.search(kamerstuk)
    return f"{match[1]}{match[2]}-{match[3]}" if match else ""


def _names_kind(words: list[str], kind: str) -> bool:
    """Whether words name a document of a kind (as a word or as the end of a compound)."""
    return any(word.endswith(k) for word in words for k in KIND_WORDS.get(kind, ()))
