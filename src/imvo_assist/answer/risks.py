"""Sector risks: the risk themes named for a sector, grouped by category, each cited.

Original passages come first: sentences of the sector's own chapter (its heading trail names
the sector, or a named document about the sector: a covenant) that name a risk theme. Elsewhere
(a general letter's opening on risks abroad) only sentences that name both the sector and a risk
are used. A risk is listed only with a sentence (or clause) that
is about it: in "X door Y" / "X caused by Y" the sentence names X, and Y is a cause. Each item
carries the category of its source: the report's own heading ("... > Mensenrechten") when it
quotes the report, the overview's when it rests on the bundled register. The register's facts
come from overview pages that name risks as examples ("onder andere"): alone, they are
presented as examples, with the chapter that holds the full list and how to add that document.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from whoosh.query import Term

from imvo_assist.answer.citations import CitationList
from imvo_assist.answer.evidence import sentences
from imvo_assist.answer.general import Composed
from imvo_assist.answer.understand import Understanding
from imvo_assist.catalogue.loader import load_documents, load_vocabulary
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.catalogue.vocabulary import Sector, Vocabulary
from imvo_assist.index import Filters
from imvo_assist.models import Document, Hit
from imvo_assist.text.lazyregex import lazy_compile

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

CATEGORY_ORDER = ("milieu", "arbeid", "mensenrechten")
# Document kinds a question can name to ask for that document's risks instead of KPMG's.
NAMED_KINDS = ("covenant", "advice", "letter")
# A sector's passages considered (best first, then in reading order), of which the chapter's
# are read for quotes: more than three times the passages read, a few chapters' worth.
MAX_SECTOR_PASSAGES = 200
# Passages read for quotes; copies of a report in a big corpus add nothing after the first few.
MAX_EVIDENCE_PASSAGES = 60
HEADINGS = {
    "nl": ("Risico's voor de sector {name}", "Ook in het meegeleverde register"),
    "en": ("Risks for the {name} sector", "Also in the bundled register"),
}
# Words after which a sentence names causes, not the risk it is about ("X door Y").
CAUSE = lazy_compile(
    r"\b(door|doordat|vanwege|wegens|als gevolg van|ten gevolge van|veroorzaakt door|due to|"
    r"caused by|because of|as a result of|resulting from|owing to|by)\b", re.IGNORECASE,
)
CLAUSE = lazy_compile(r"(?<=[,;:])\s+")
LONG_SENTENCE = 30
NUMBERING = lazy_compile(r"^[\d.]+\s*")


@dataclass
class RiskEvidence:
    """One risk theme of a sector with its quotes and citation numbers."""

    risk_id: str
    quotes: list[tuple[str, int]] = field(default_factory=list)
    register: list[int] = field(default_factory=list)
    category: str = ""
    """The category of the source first quoted (the report's heading, else the overview's)."""


def compose_sector_risks(
    library: Corpus, understanding: Understanding, citations: CitationList
) -> Composed:
    """Risks per requested sector, by category, with quotes and citations."""
    vocabulary = load_vocabulary()
    language = understanding.language
    composed = Composed()
    named = any(kind in NAMED_KINDS for kind in understanding.doc_kinds)
    stated = False
    for sector in understanding.sectors:
        found = _original_evidence(library, sector, understanding, citations)
        originals = bool(found)
        # no risk of the category asked in the chapter: what the chapter says under its heading
        said = [] if originals else _category_statements(library, sector, understanding)
        composed.lines += _render_statements(sector, said, citations, language)
        stated = stated or bool(said)
        facts: list[Hit] = []
        if not named:  # the register's facts are KPMG's; a question about a covenant gets none
            facts = _add_register_facts(library, sector, understanding, citations, found)
        if not found:
            continue
        intro = "" if originals else examples_intro(facts, language)
        composed.lines += _render(sector, found, vocabulary, language, intro, titled=not said)
        if not originals:
            composed.lines += examples_note(library, facts, language)
        for risk_id, evidence in found.items():
            risk = vocabulary.risk(risk_id)
            composed.risks.append(
                {
                    "id": risk.id, "name": risk.name(language), "category": evidence.category,
                    "sector": sector.id,
                    "citations": [n for _, n in evidence.quotes] + evidence.register,
                    "source": "passage" if evidence.quotes else "register",
                }
            )
    composed.not_found = not composed.risks and not stated
    return composed


def _category_statements(library: Corpus, sector: Sector, understanding: Understanding) -> list[Hit]:
    """The passages of the sector's chapter under a heading of a category asked for that name
    no risk: what the report says there instead ("Geen sectorspecifiek verhoogd risico
    vastgesteld"), when it names none of that category for the sector."""
    if not understanding.categories:
        return []
    vocabulary = load_vocabulary()
    return [hit for hit in _sector_passages(library, sector)
            if hit.kind not in ("register", "note") and not hit.passage.risks
            and _about_sector(library, hit, sector, False)
            and heading_category(hit.passage.section, vocabulary) in understanding.categories]


def _render_statements(sector: Sector, said: list[Hit], citations: CitationList, language: str) -> list[str]:
    """The chapter's own words under the category asked, quoted, each under its heading."""
    if not said:
        return []
    vocabulary = load_vocabulary()
    lines = [f"**{HEADINGS[language][0].format(name=sector.name(language))}**", ""]
    for hit in said:
        category = _category_name(vocabulary, heading_category(hit.passage.section, vocabulary), language)
        lines += [f"*{category}*", f"- \"{hit.passage.text.strip()}\" [{citations.add(hit)}]", ""]
    return lines


def _sector_passages(library: Corpus, sector: Sector) -> list[Hit]:
    hits = library.tagged("sectors", sector.id, MAX_SECTOR_PASSAGES)
    return sorted(hits, key=lambda h: (h.passage.doc_id, h.passage.pdf_page, h.passage.id))


def _original_evidence(
    library: Corpus, sector: Sector, understanding: Understanding, citations: CitationList
) -> dict[str, RiskEvidence]:
    tagger = default_tagger()
    vocabulary = load_vocabulary()
    passages = [h for h in _sector_passages(library, sector) if h.kind not in ("register", "note")]
    named = [kind for kind in understanding.doc_kinds if kind in NAMED_KINDS]
    if named:  # "welke risico's behandelt het textielconvenant?": that document's own words
        passages = [h for h in passages if h.kind in named]
    chapter = [h for h in passages if _about_sector(library, h, sector, bool(named))]
    found: dict[str, RiskEvidence] = {}
    language = understanding.language
    # the question's language first; then risk lists (deeper headings such as "> 10.1 Risico's
    # in de keten > Arbeid", more risks named) before introductions
    ordered = sorted(
        chapter or passages,
        key=lambda h: (
            _language_of(library, h) != language, -h.passage.section.count(">"),
            -len(h.passage.risks), h.passage.doc_id, h.passage.pdf_page,
        ),
    )[:MAX_EVIDENCE_PASSAGES]
    filed = _filed_categories(chapter, vocabulary)
    for hit in ordered:
        in_chapter = bool(chapter)
        for sentence in sentences(hit.passage.text):
            if not in_chapter and sector.id not in tagger.tag(sentence).sectors:
                continue
            for risk_id, quote in quotes(sentence):
                # the category the source files it under: the heading above it, else the heading
                # its chapter lists it under, else the overview's
                category = (heading_category(hit.passage.section, vocabulary) or filed.get(risk_id)
                            or vocabulary.risk(risk_id).category)
                if not _wanted(risk_id, category, understanding):
                    continue
                evidence = found.setdefault(risk_id, RiskEvidence(risk_id))
                if len(evidence.quotes) < 2:
                    evidence.quotes.append((quote, citations.add(hit)))
                evidence.category = evidence.category or category
    return found


def _filed_categories(chapter: list[Hit], vocabulary: Vocabulary) -> dict[str, str]:
    """The category each risk a chapter lists stands under ("> Milieu"), by the first heading
    that lists it: the chapter's introduction names risks under no heading."""
    filed: dict[str, str] = {}
    for hit in chapter:
        category = heading_category(hit.passage.section, vocabulary)
        for risk_id in hit.passage.risks if category else ():
            filed.setdefault(risk_id, category)
    return filed


def _about_sector(library: Corpus, hit: Hit, sector: Sector, named: bool) -> bool:
    """Whether a passage is the sector's own text: under a heading that names the sector, or,
    when the question names a kind of document ("het convenant"), in a document of that kind
    about the sector (its title or the register says so: a sector's covenant). A general
    document's other passages (a letter's opening on risks abroad) speak for the sector only
    in sentences that name it."""
    if sector.id in default_tagger().tag(hit.passage.section).sectors:
        return True
    if not named:
        return False
    document = library.documents.get(hit.passage.doc_id)
    return document is not None and (
        sector.id in document.register.sectors or sector.id in default_tagger().tag(document.title).sectors
    )


def quotes(sentence: str) -> list[tuple[str, str]]:
    """(risk id, quote) for each risk a sentence is about: the sentence itself, or for a long
    listing sentence the clause that names the risk ("… the elimination of child labour …")."""
    if len(sentence.split()) <= LONG_SENTENCE:
        return [(risk, sentence) for risk in named_risks(sentence)]
    found: dict[str, str] = {}
    for clause in CLAUSE.split(sentence):
        for risk in named_risks(clause):
            found.setdefault(risk, f"… {clause.strip(' ,;')} …")
    return list(found.items())


def named_risks(text: str) -> tuple[str, ...]:
    """The risks a sentence names as its subject: those before a cause word when there are
    any ("Broeikasgassen door veeteelt en ontbossing" names greenhouse gases, not
    deforestation), else every risk it mentions."""
    tagger = default_tagger()
    risks = tagger.tag(text).risks
    cause = CAUSE.search(text)
    if cause and len(risks) > 1:
        head = tagger.tag(text[: cause.start()]).risks
        if head:
            return head
    return risks


def heading_category(section: str, vocabulary: Vocabulary) -> str:
    """The risk category a heading trail ends in ("10.1 Risico's in de keten > Mensenrechten"
    -> "mensenrechten"), from its deepest heading that names one; "" when none does."""
    for heading in reversed(section.split(">")):
        category = vocabulary.match_category(NUMBERING.sub("", heading.strip()))
        if category:
            return category
    return ""


def _language_of(library: Corpus, hit: Hit) -> str:
    document = library.documents.get(hit.passage.doc_id)
    return (document.language if document else "") or "nl"


def _wanted(risk_id: str, category: str, understanding: Understanding) -> bool:
    """Whether a risk, filed under a category by the source quoted, is one the question asks
    for: a risk it names, or one of a category it names as that source files it ("welke
    mensenrechtenrisico's": women's rights where the report lists them under human rights)."""
    if understanding.risks and risk_id not in {r.id for r in understanding.risks}:
        return False
    return not understanding.categories or category in understanding.categories


def _add_register_facts(
    library: Corpus, sector: Sector, understanding: Understanding, citations: CitationList,
    found: dict[str, RiskEvidence],
) -> list[Hit]:
    """Cite the register's facts for the sector's wanted risks; the facts used."""
    vocabulary = load_vocabulary()
    filters = Filters(source="register", language=understanding.language)
    facts = library.run(Term("sectors", sector.id), filters, MAX_SECTOR_PASSAGES)
    used = []
    for hit in sorted(facts, key=lambda h: h.passage.id):
        for risk_id in hit.passage.risks:
            if _wanted(risk_id, vocabulary.risk(risk_id).category, understanding):
                evidence = found.setdefault(risk_id, RiskEvidence(risk_id))
                evidence.register.append(citations.add(hit))
                evidence.category = evidence.category or vocabulary.risk(risk_id).category
                used.append(hit)
    return used


def _render(
    sector: Sector, found: dict[str, RiskEvidence], vocabulary: Vocabulary, language: str,
    intro: str = "",
    titled: bool = True,
) -> list[str]:
    title, also = HEADINGS[language]
    lines = [f"**{title.format(name=sector.name(language))}**", ""] if titled else []
    if intro:
        lines += [intro, ""]
    by_category: dict[str, list[RiskEvidence]] = defaultdict(list)
    for evidence in found.values():
        by_category[evidence.category].append(evidence)
    order = [c for c in CATEGORY_ORDER if c in by_category] + sorted(set(by_category) - set(CATEGORY_ORDER))
    for category in order:
        lines.append(f"*{_category_name(vocabulary, category, language)}*")
        for evidence in by_category[category]:
            risk = vocabulary.risk(evidence.risk_id)
            if evidence.quotes:
                quote, n = evidence.quotes[0]
                more = "".join(f" [{m}]" for _, m in evidence.quotes[1:])
                register = f" ({also.lower()}: {', '.join(f'[{m}]' for m in evidence.register)})" if evidence.register else ""
                lines.append(f"- {risk.name(language)}: \"{quote}\" [{n}]{more}{register}")
            else:
                cited = " ".join(f"[{m}]" for m in evidence.register)
                lines.append(f"- {risk.name(language)} {cited}")
        lines.append("")
    return lines


def _category_name(vocabulary: Vocabulary, category: str, language: str) -> str:
    try:
        return vocabulary.category(category).name(language)
    except KeyError:
        return category


def _overview(facts: list[Hit]) -> tuple[Document | None, str]:
    """The registered overview page the facts were stated on, and its site."""
    overview = next((d for d in load_documents() if d.id == facts[0].passage.doc_id), None)
    url = facts[0].url or (overview.url if overview else "")
    return overview, url.split("//", 1)[-1].split("/", 1)[0].removeprefix("www.")


def examples_intro(facts: list[Hit], language: str) -> str:
    """"Het overzicht op imvoconvenanten.nl noemt onder andere:" above a list from the register."""
    if not facts:
        return ""
    overview, site = _overview(facts)
    examples = overview is not None and overview.register.lists_examples
    if language == "nl":
        return f"Het overzicht op {site} noemt {'onder andere' if examples else 'deze risico’s'}:"
    return f"The overview on {site} names{', among others' if examples else ' these risks'}:"


def examples_note(library: Corpus, facts: list[Hit], language: str) -> list[str]:
    """What a risk list from the register's overviews is: examples, not the full list; where
    the full list is (the KPMG chapter) and how to add that document."""
    if not facts:
        return []
    register = {d.id: d for d in load_documents()}
    overview, site = _overview(facts)
    nl = language == "nl"
    if overview is not None and overview.register.lists_examples:
        examples = overview.register.examples(language)
        first = (f"Dit is geen volledige lijst: {examples}." if nl
                 else f"This is not the full list: {examples}.")
    else:
        first = (f"Deze risico's komen uit het overzicht op {site}, niet uit het rapport zelf."
                 if nl else f"These risks come from the overview on {site}, not from the report itself.")
    chapter = facts[0].passage.section
    wanted = overview.register.complete_in if overview else ()
    complete = [register[i] for i in wanted if i in register]
    present = any((library.documents.get(d.id) or Document(d.id)).file for d in complete)
    if nl:
        full = f"De volledige lijst staat in het {chapter}"
        full += "." if present else "; dat rapport staat niet in het corpus."
    else:
        full = f"The full list is in the {chapter}"
        full += "." if present else ", which is not in the corpus."
    add = "" if present else " " + _how_to_add(complete, language)
    return [f"{first} {full}{add}", ""]


def _how_to_add(documents: list[Document], language: str) -> str:
    """"Voeg het toe met `imvo-assist add RAPPORT.pdf` of `imvo-assist fetch ID`"."""
    nl = language == "nl"
    ways = [f"`imvo-assist add {'RAPPORT' if nl else 'REPORT'}.pdf`"]
    for document in documents:
        if document.url or document.file_url:
            edition = ""
            if document.language != language:
                edition = (" (Engelse editie)" if document.language == "en" else " (Nederlandse editie)"
                           ) if nl else (" (Dutch edition)" if document.language == "nl" else " (English edition)")
            ways.append(f"`imvo-assist fetch {document.id}`{edition}")
    joined = (" of " if nl else " or ").join(ways)
    return f"Voeg het toe met {joined}." if nl else f"Add it with {joined}."
