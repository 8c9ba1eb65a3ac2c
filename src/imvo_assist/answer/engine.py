"""The answer engine: understand the question, compose per intent, and stay honest.

Each intent has its composer; a multi-part question ("which risks ..., and where does that come
from?") gets the composer of each part. Every statement carries a citation number; when no
composer finds evidence, the answer is `not_found` with did-you-mean suggestions from the
vocabulary.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from imvo_assist.answer.citations import CitationList
from imvo_assist.answer.general import Composed, compose_quotes
from imvo_assist.answer.risks import compose_sector_risks
from imvo_assist.answer.sources import (
    add_reference_chain,
    compose_inclusion,
    compose_provenance,
    describe_document,
)
from imvo_assist.answer.understand import Understanding, understand
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.models import Answer

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

Composer = Callable[["Corpus", Understanding, CitationList], Composed]
COMPOSERS: dict[str, Composer] = {
    "sector_risks": compose_sector_risks,
    "provenance": compose_provenance,
    "org_included": compose_inclusion,
}


def answer_question(library: Corpus, question: str) -> Answer:
    """Answer a question with numbered citations, or say plainly that the corpus has no answer.

    Args:
        library: the open corpus index.
        question: the user's question, Dutch or English.
    """
    started = time.perf_counter()
    understanding = understand(question, library.has_term)
    citations = CitationList(library.documents, understanding.language)
    composed = _compose(library, understanding, citations)
    language = understanding.language
    if composed.not_found:
        text = "\n".join(composed.lines) or _not_found_text(understanding)
        suggestions = composed.suggestions or _suggestions(understanding)
        return Answer(
            question=question, language=language, intent=understanding.intent,
            answer=text, not_found=True, suggestions=tuple(suggestions),
            sectors=_sectors(understanding), organisations=_organisations(understanding),
            elapsed_ms=(time.perf_counter() - started) * 1000,
        )
    lines = composed.lines + citations.sources_block(language)
    return Answer(
        question=question,
        language=language,
        intent=understanding.intent,
        answer="\n".join(lines).strip(),
        citations=tuple(citations.citations),
        sectors=_sectors(understanding),
        risks=tuple(composed.risks),
        organisations=_organisations(understanding),
        references=tuple(composed.references),
        suggestions=tuple(f"{w} → {c}" for w, c in understanding.corrections.items()),
        elapsed_ms=(time.perf_counter() - started) * 1000,
    )


def _compose(library: Corpus, understanding: Understanding, citations: CitationList) -> Composed:
    if understanding.intent == "sector_risks" and (understanding.unknown_sector and not understanding.sectors):
        return Composed(not_found=True)
    composer = COMPOSERS.get(understanding.intent, compose_quotes)
    if understanding.intent == "sector_risks" and not understanding.sectors:
        composer = compose_quotes  # a category without a sector ("which labour risks are named?")
    composed = composer(library, understanding, citations)
    if not composed.not_found and "provenance" in understanding.extra_intents:
        heading = "**Waar komt dit vandaan?**" if understanding.language == "nl" else "**Where does this come from?**"
        composed.lines += ["", heading, ""]
        for doc_id in dict.fromkeys(c.hit.passage.doc_id for c in citations.citations):
            first = next(c for c in citations.citations if c.hit.passage.doc_id == doc_id)
            composed.lines.append(f"- {describe_document(library, first.hit, understanding.language)}")
        add_reference_chain(library, list(citations.citations), citations, composed, understanding.language)
    return composed


def _sectors(understanding: Understanding) -> tuple[dict[str, object], ...]:
    return tuple({"id": s.id, "name": s.name(understanding.language)} for s in understanding.sectors)


def _organisations(understanding: Understanding) -> tuple[dict[str, object], ...]:
    return tuple(
        {"id": o.id, "name": o.name(understanding.language)} for o in understanding.organisations
    )


def _suggestions(understanding: Understanding) -> list[str]:
    """Did-you-mean: vocabulary names close to the unknown sector or the question's words."""
    vocabulary = load_vocabulary()
    if understanding.unknown_sector:
        return [s.name(understanding.language) for s in vocabulary.sectors][:13]
    found: list[str] = []
    for word in understanding.words:
        found += vocabulary.suggest(word, limit=2)
    return list(dict.fromkeys(found))[:5]


def _not_found_text(understanding: Understanding) -> str:
    nl = understanding.language == "nl"
    if understanding.unknown_sector:
        name = understanding.unknown_sector
        return (
            f"'{name}' is niet een van de 13 sectoren met een verhoogd MVO-risico uit de Sector "
            "Risico Analyse; de documenten noemen er geen risico's voor."
            if nl else
            f"'{name}' is not one of the 13 sectors with elevated CSR risk in the Sector Risk "
            "Analysis; the documents name no risks for it."
        )
    if nl:
        return "Hierover is niets gevonden in de geïndexeerde documenten."
    return "Nothing about this was found in the indexed documents."
