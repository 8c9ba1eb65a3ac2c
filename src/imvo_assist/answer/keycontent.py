"""Honest not-found: is the question's key content anywhere in the corpus?

Before composing, the things a question turns on are looked up: a sector outside the 13, a
proper name the vocabulary does not know, a covenant named by its subject, a year, a figure,
and its most specific topic words. When one occurs nowhere in the corpus (in none of its forms,
translations or compound parts), the answer says so by name ("Cordaid komt niet voor in de
documenten"; "geen cosmeticaconvenant in de documenten; wel: ...") and offers what is there,
instead of quoting passages that only share the question's common words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from whoosh.query import And, Or, Query, Term

from imvo_assist.answer.understand import GENERIC, Understanding
from imvo_assist.bronnenboek import inclusion_report
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.index import Filters
from imvo_assist.text import analysis
from imvo_assist.text.bilingual import Concept, number_forms
from imvo_assist.text.fold import fold
from imvo_assist.text.lexicon import load_lexicon

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

# The most specific topic word of a question is key content when it is at least this specific
# (see `text.bilingual.specificity`: zipf 5, one occurrence per 100,000 words of general text).
RARE = 0.5
# ... and the most specific word of a question that cites a document ("volgens het SER-advies")
# must occur in that document when it is at least this specific (zipf 4).
RARE_IN_DOCUMENT = 0.8
# Words naming the corpus's own domain and document kinds: in every question, never key.
DOMAIN_WORDS = frozenset(
    [
        "mvo", "imvo", "csr", "irbc", "convenant", "convenanten", "covenant", "covenants",
        "agreement", "agreements", "sector", "sectoren", "sectors", "risico", "risicos", "risico's",
        "risk", "risks",
    ]
)
# A concept ending in one of these names a document ("ser advice", "kamerbrief"), no topic.
DOCUMENT_WORDS = frozenset(
    ["advies", "advice", "brief", "letter", "kamerbrief", "rapport", "report", "notitie", "note",
     "bronnenboek", "book", "register", "document", "documenten", "documents"]
)
# Lexicon domains of words about questions and documents (hoofdstuk, voetnoot, rapport).
META_DOMAINS = frozenset({"question", "documents"})
FIGURE = re.compile(r"\b\d{2,}\b")
COVENANT_WORDS = ("convenant", "convenanten", "covenant", "covenants", "agreement", "agreements")


@dataclass(frozen=True)
class Missing:
    """Key content of the question that the corpus does not hold."""

    what: str
    kind: str
    """sector, name, covenant, year, publication_year, figure, word or not_in_document."""
    suggestions: tuple[str, ...] = ()
    detail: str = ""
    """The year asked for (publication_year), the kind of document named (not_in_document)."""


def missing_content(library: Corpus, understanding: Understanding) -> Missing | None:
    """The first key content of the question the corpus lacks, or None when all is there."""
    if understanding.unknown_sector:
        sectors = tuple(s.name(understanding.language) for s in load_vocabulary().sectors)
        return Missing(understanding.unknown_sector, "sector", sectors)
    if understanding.intent != "org_included":
        lexicon = load_lexicon()
        for name in understanding.names:
            folded = fold(name)  # "Frankrijk" may be in the documents as "France"
            spellings = [folded, *lexicon.translations(folded, "nl"), *lexicon.translations(folded, "en")]
            if not _present(library, [fold(s) for s in spellings]):
                return Missing(name, "name")
    subject, written = understanding.covenant
    if subject and not _covenant_found(library, subject, understanding):
        return Missing(written, "covenant", _covenant_titles(library))
    for year in understanding.years:
        if not library.has_term(year):
            return Missing(year, "year")
    for figure in FIGURE.findall(" ".join(understanding.words)):
        if figure not in understanding.years and not library.has_term(figure):
            return Missing(figure, "figure")
    if understanding.intent == "org_included":
        return _publication_year(library, understanding)
    if understanding.intent == "sector_risks" and (understanding.sectors or understanding.risks):
        return None  # what the question turns on is a vocabulary entity the corpus has
    topics = topic_concepts(understanding)
    absent = [c for c in topics if not _present(library, [term for term, _ in c.terms()])]
    rarest = max(topics, key=lambda c: c.specificity, default=None)
    if rarest is not None and rarest in absent and rarest.specificity >= RARE:
        return Missing(rarest.source, "word")
    if topics and len(absent) == len(topics):
        return Missing(rarest.source if rarest else absent[0].source, "word")
    kind = understanding.named_kind if understanding.cites_named else ""
    if rarest is not None and rarest.specificity >= RARE_IN_DOCUMENT and kind and not _present_in(
            library, rarest, kind):
        return Missing(rarest.source, "not_in_document", _found_in(library, rarest), kind)
    return None


def _present_in(library: Corpus, concept: Concept, kind: str) -> bool:
    """Whether a concept occurs in the documents of a kind ("het SER-advies")."""
    queries = [q for q in (_stem_query(term) for term, _ in concept.terms()) if q is not None]
    return not queries or bool(library.run(Or(queries), Filters(kind=kind), 1))


def _found_in(library: Corpus, concept: Concept) -> tuple[str, ...]:
    """Where a concept does occur: "title, p. N" of its best passages."""
    queries = [q for q in (_stem_query(term) for term, _ in concept.terms()) if q is not None]
    hits = library.run(Or(queries), Filters(source="passage"), 3) if queries else []
    return tuple(dict.fromkeys(f"{hit.title}, p. {hit.passage.page_label}" for hit in hits))


def _publication_year(library: Corpus, understanding: Understanding) -> Missing | None:
    """A publication of the organisation from the year asked ("a 2016 report by Oxfam Novib")
    that the register does not list."""
    if not understanding.years or not understanding.org_query:
        return None
    provenance = library.provenance
    report = inclusion_report(
        understanding.org_query, provenance.references, provenance.cited_by, load_vocabulary()
    )
    if report["not_found"]:
        return None  # the inclusion answer names the missing organisation itself
    years = sorted({str(r["year"]) for r in report["references"] if r["year"]})
    if set(understanding.years) & set(years):
        return None
    return Missing(report["organisation"]["name"], "publication_year", tuple(years),
                   ", ".join(understanding.years))


def topic_concepts(understanding: Understanding) -> list[Concept]:
    """The nouns a question is about: not the kind of thing asked ("risico's"), not words about
    documents ("voetnoot", "rapport"), not figures or verbs."""
    found = []
    for concept in understanding.concepts:
        words = concept.source.split()
        if (concept.source in GENERIC or concept.source.isdigit()
                or all(word in DOMAIN_WORDS for word in words) or words[-1] in DOCUMENT_WORDS
                or (concept.domains and set(concept.domains) <= META_DOMAINS)
                or concept.source in understanding.verbs):
            continue
        found.append(concept)
    return found


def _present(library: Corpus, terms: list[str]) -> bool:
    """Whether any term (every word of it) occurs in the index, as written or stemmed."""
    if any(all(_has_word(library, word) for word in term.split()) for term in terms):
        return True
    stems = [_stem_query(term) for term in terms]
    queries = [q for q in stems if q is not None]
    return bool(queries) and bool(library.run(Or(queries), None, 1))


def _has_word(library: Corpus, word: str) -> bool:
    """The word as written, its singular, or with the apostrophe of a plural ("ngo's")."""
    return any(library.has_term(form) for form in number_forms(word)) or (
        word.endswith("s") and library.has_term(f"{word[:-1]}'s"))


def _stem_query(term: str) -> Query | None:
    """All words of a term, Dutch- or English-stemmed."""
    words = [w for w in term.split() if w not in analysis.stopwords()]
    clauses: list[Query] = []
    for word in words:
        variants = " ".join({*number_forms(word), f"{word[:-1]}'s" if word.endswith("s") else word})
        forms = [Term("text_nl", t) for t in analysis.tokens(analysis.dutch(), variants)]
        forms += [Term("text_en", t) for t in analysis.tokens(analysis.english(), variants)]
        if forms:
            clauses.append(Or(forms))
    if not clauses:
        return None
    return And(clauses) if len(clauses) > 1 else clauses[0]


def _covenant_found(library: Corpus, subject: str, understanding: Understanding) -> bool:
    """Whether a covenant on the subject is in the corpus: the subject (or a translation)
    in a passage that also speaks of a covenant."""
    terms = [subject]
    for concept in understanding.concepts:
        if set(concept.source.split()) & set(subject.split()):
            terms += [term for term, _ in concept.terms() if term not in COVENANT_WORDS]
    subject_query = [q for q in (_stem_query(t) for t in terms) if q is not None]
    covenant = Or([q for q in (_stem_query(w) for w in COVENANT_WORDS) if q is not None])
    if not subject_query:
        return True
    return bool(library.run(And([Or(subject_query), covenant]), None, 1))


def _covenant_titles(library: Corpus) -> tuple[str, ...]:
    """Titles of the covenants in the corpus."""
    return tuple(
        str(document.get("title")) for document in library.documents.values()
        if document.get("kind") == "covenant" and document.get("file")
    )
