"""Sector risks: the risk themes named for a sector, grouped by category, each cited.

Original passages come first: sentences of the sector's own chapter (its heading trail names
the sector) that name a risk theme. When a sector has no chapter in the corpus, sentences that
name both the sector and a risk are used. The bundled register's facts (KPMG chapter and page)
are added for every risk, as the only source when the report itself is not in the corpus.
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
from imvo_assist.catalogue.facts import REPORT_ID
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.catalogue.vocabulary import Sector, Vocabulary
from imvo_assist.index import Filters
from imvo_assist.models import Hit

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

CATEGORY_ORDER = ("milieu", "arbeid", "mensenrechten")
# Document kinds a question can name to ask for that document's risks instead of KPMG's.
NAMED_KINDS = ("covenant", "advice", "letter")
MAX_SECTOR_PASSAGES = 400
# Passages read for quotes; copies of a report in a big corpus add nothing after the first few.
MAX_EVIDENCE_PASSAGES = 60
HEADINGS = {
    "nl": ("Risico's voor de sector {name}", "Ook in het meegeleverde register"),
    "en": ("Risks for the {name} sector", "Also in the bundled register"),
}


@dataclass
class RiskEvidence:
    """One risk theme of a sector with its quotes and citation numbers."""

    risk_id: str
    quotes: list[tuple[str, int]] = field(default_factory=list)
    register: list[int] = field(default_factory=list)


def compose_sector_risks(
    library: Corpus, understanding: Understanding, citations: CitationList
) -> Composed:
    """Risks per requested sector, by category, with quotes and citations."""
    vocabulary = load_vocabulary()
    language = understanding.language
    composed = Composed()
    originals = False
    named = any(kind in NAMED_KINDS for kind in understanding.doc_kinds)
    for sector in understanding.sectors:
        found = _original_evidence(library, sector, understanding, citations)
        originals = originals or bool(found)
        if not named:  # the register's facts are KPMG's; a question about a covenant gets none
            _add_register_facts(library, sector, understanding, citations, found)
        if not found:
            continue
        composed.lines += _render(sector, found, vocabulary, language, understanding)
        for risk_id, evidence in found.items():
            risk = vocabulary.risk(risk_id)
            composed.risks.append(
                {
                    "id": risk.id, "name": risk.name(language), "category": risk.category,
                    "sector": sector.id,
                    "citations": [n for _, n in evidence.quotes] + evidence.register,
                }
            )
    composed.not_found = not composed.risks
    if not composed.not_found and not originals:
        composed.lines += [_report_missing_note(language)]
    return composed


def _sector_passages(library: Corpus, sector: Sector) -> list[Hit]:
    hits = library.run(Term("sectors", sector.id), Filters(source="passage"), MAX_SECTOR_PASSAGES)
    return sorted(hits, key=lambda h: (h.passage.doc_id, h.passage.pdf_page, h.passage.id))


def _original_evidence(
    library: Corpus, sector: Sector, understanding: Understanding, citations: CitationList
) -> dict[str, RiskEvidence]:
    tagger = default_tagger()
    passages = [h for h in _sector_passages(library, sector) if h.kind not in ("register", "note")]
    named = [kind for kind in understanding.doc_kinds if kind in NAMED_KINDS]
    if named:  # "welke risico's behandelt het textielconvenant?": that document's own words
        passages = [h for h in passages if h.kind in named]
        chapter = passages
    else:
        chapter = [h for h in passages if sector.id in tagger.tag(h.passage.section).sectors]
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
    for hit in ordered:
        in_chapter = bool(chapter)
        for sentence in sentences(hit.passage.text):
            tags = tagger.tag(sentence)
            if not in_chapter and sector.id not in tags.sectors:
                continue
            for risk_id in tags.risks:
                if not _wanted(risk_id, understanding):
                    continue
                evidence = found.setdefault(risk_id, RiskEvidence(risk_id))
                if len(evidence.quotes) < 2:
                    evidence.quotes.append((_clause(sentence, risk_id), citations.add(hit)))
    return found


def _language_of(library: Corpus, hit: Hit) -> str:
    return str(library.documents.get(hit.passage.doc_id, {}).get("language", "nl"))


def _clause(sentence: str, risk_id: str) -> str:
    """The part of a long, listing sentence that names the risk ("…, the elimination of child
    labour, …"), or the whole sentence when it is short or the risk is not in one clause."""
    if len(sentence.split()) <= 30:
        return sentence
    clauses = re.split(r"(?<=[,;:])\s+", sentence)
    for clause in clauses:
        if risk_id in default_tagger().tag(clause).risks:
            return f"… {clause.strip(' ,;')} …"
    return sentence


def _wanted(risk_id: str, understanding: Understanding) -> bool:
    if understanding.risks and risk_id not in {r.id for r in understanding.risks}:
        return False
    if understanding.categories:
        return load_vocabulary().risk(risk_id).category in understanding.categories
    return True


def _add_register_facts(
    library: Corpus, sector: Sector, understanding: Understanding, citations: CitationList,
    found: dict[str, RiskEvidence],
) -> None:
    filters = Filters(source="register", doc=REPORT_ID, language=understanding.language)
    facts = library.run(Term("sectors", sector.id), filters, MAX_SECTOR_PASSAGES)
    for hit in sorted(facts, key=lambda h: h.passage.id):
        for risk_id in hit.passage.risks:
            if _wanted(risk_id, understanding):
                found.setdefault(risk_id, RiskEvidence(risk_id)).register.append(citations.add(hit))


def _render(
    sector: Sector, found: dict[str, RiskEvidence], vocabulary: Vocabulary, language: str,
    understanding: Understanding,
) -> list[str]:
    title, also = HEADINGS[language]
    lines = [f"**{title.format(name=sector.name(language))}**", ""]
    by_category: dict[str, list[RiskEvidence]] = defaultdict(list)
    for evidence in found.values():
        by_category[vocabulary.risk(evidence.risk_id).category].append(evidence)
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


def _report_missing_note(language: str) -> str:
    if language == "nl":
        return (
            "Deze risico's komen uit het meegeleverde register (KPMG, hoofdstuk en pagina). De "
            "originele passages verschijnen zodra het KPMG-rapport in het corpus staat "
            "(`imvo-assist add RAPPORT.pdf`)."
        )
    return (
        "These risks come from the bundled register (KPMG chapter and page). The original "
        "passages appear once the KPMG report is in the corpus (`imvo-assist add REPORT.pdf`)."
    )
