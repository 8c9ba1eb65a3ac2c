"""The answer engine: understand the question, check its key content, compose per intent.

Each intent has its composer; a multi-part question ("which risks ..., and where does that come
from?") gets the composer of each part. Every statement carries a citation number. The answer
is `not_found` only when the question's key content is absent from the corpus (it then names
what is missing and what is there instead); when a composer finds nothing convincing, the best
ranked passages for the question's content words answer, as a plain search would.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from imvo_assist.answer.citations import CitationList
from imvo_assist.answer.facts import asked_facts, missing_fact
from imvo_assist.answer.general import Composed, compose_quotes, compose_ranked
from imvo_assist.answer.interpretation import (
    NEAREST_KINDS,
    InterpretedAnswer,
    interpretation,
    not_found_text,
    unindexed_note,
)
from imvo_assist.answer.keycontent import missing_content
from imvo_assist.answer.missing import Missing
from imvo_assist.answer.risks import compose_sector_risks
from imvo_assist.answer.signing import asks_who_signed
from imvo_assist.answer.sources import (
    add_reference_chain,
    compose_inclusion,
    compose_provenance,
    describe_document,
)
from imvo_assist.answer.understand import Understanding, understand
from imvo_assist.models import Answer
from imvo_assist.text.didyoumean import close_words
from imvo_assist.text.fold import fold
from imvo_assist.text.wordlist import zipf

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

Composer = Callable[["Corpus", Understanding, CitationList], Composed]
COMPOSERS: dict[str, Composer] = {
    "sector_risks": compose_sector_risks,
    "provenance": compose_provenance,
    "org_included": compose_inclusion,
}
MAX_SUGGESTIONS = 5
# Facts about an organisation's work that an inclusion answer ("FNV appears 4 times in the
# register", with each entry's year) does not give: who of it, where, how much.
OWN_FACTS = frozenset({"person", "place", "amount", "share"})


def answer_question(library: Corpus, question: str) -> Answer:
    """Answer a question with numbered citations, or say plainly what the corpus lacks.

    Args:
        library: the open corpus index.
        question: the user's question, Dutch or English.
    """
    started = time.perf_counter()
    understanding = understand(question, library.words)
    unindexed = _unindexed_kind(library, understanding)
    if unindexed:  # "wat adviseert de SER ...?" with no advice text indexed: the others answer
        understanding = replace(understanding, named_kind="", cites_named=False)
    citations = CitationList(library.documents, understanding.language)
    missing = missing_content(library, understanding)
    composed = _not_found(missing, understanding) if missing else _compose(library, understanding, citations)
    if unindexed and not composed.not_found:
        composed.lines[:0] = [unindexed_note(unindexed, understanding.language), ""]
    language = understanding.language
    if composed.not_found:
        suggestions = composed.suggestions or _did_you_mean(library, understanding)
        return _answer(
            understanding, question, missing, started,
            answer="\n".join(composed.lines) or not_found_text(None, understanding),
            not_found=True, suggestions=tuple(suggestions),
        )
    lines = composed.lines + citations.sources_block(language)
    return _answer(
        understanding, question, missing, started,
        answer="\n".join(lines).strip(), citations=tuple(citations.citations),
        risks=tuple(composed.risks), references=tuple(composed.references),
        suggestions=tuple(f"{w} → {c}" for w, c in understanding.corrections.items()),
    )


def _answer(
    understanding: Understanding, question: str, missing: Missing | None, started: float,
    **parts: Any,
) -> Answer:
    """The answer with what every answer carries: the question's reading and the time taken."""
    return InterpretedAnswer(
        question=question, language=understanding.language, intent=understanding.intent,
        sectors=_sectors(understanding), organisations=_organisations(understanding),
        interpretation=interpretation(understanding, missing),
        elapsed_ms=(time.perf_counter() - started) * 1000, **parts,
    )


def _unindexed_kind(library: Corpus, understanding: Understanding) -> str:
    """The kind of document the question names or cites when no document of that kind is
    indexed (the bundled corpus holds the letter, not the SER advice), else ""."""
    kind = understanding.named_kind
    if not kind or any(d.kind == kind and d.file for d in library.documents.values()):
        return ""
    return kind


def _not_found(missing: Missing, understanding: Understanding) -> Composed:
    """The not-found answer; its suggestions are what the asker may have meant (the 13 sectors,
    the covenants there are), not the nearest passages a fact was looked for in: those the
    text names already ("nearest: ..."), and "did you mean" would misname them."""
    return Composed([not_found_text(missing, understanding)], not_found=True,
                    suggestions=[] if missing.kind in NEAREST_KINDS else list(missing.suggestions))


def _compose(library: Corpus, understanding: Understanding, citations: CitationList) -> Composed:
    composer = COMPOSERS.get(understanding.intent, compose_quotes)
    if understanding.intent == "sector_risks" and not understanding.sectors:
        composer = compose_quotes  # a category without a sector ("which labour risks are named?")
    if understanding.intent == "org_included" and any(
            fact.kind in OWN_FACTS for fact in asked_facts(understanding)):
        composer = compose_quotes  # "which FNV researcher wrote it?": a fact the passages must state
    composed = composer(library, understanding, citations)
    if composed.not_found and understanding.intent != "org_included":
        composed = compose_ranked(library, understanding, citations)
    if not composed.not_found and composer is compose_quotes:
        composed = _fact_stated(library, composed, understanding, citations)
    if not composed.not_found and "provenance" in understanding.extra_intents:
        heading = "**Waar komt dit vandaan?**" if understanding.language == "nl" else "**Where does this come from?**"
        composed.lines += ["", heading, ""]
        for doc_id in dict.fromkeys(c.hit.passage.doc_id for c in citations.citations):
            first = next(c for c in citations.citations if c.hit.passage.doc_id == doc_id)
            composed.lines.append(f"- {describe_document(library, first.hit, understanding.language)}")
        add_reference_chain(library, list(citations.citations), citations, composed, understanding.language)
    return composed


def _fact_stated(
    library: Corpus, composed: Composed, understanding: Understanding, citations: CitationList,
) -> Composed:
    """The composed answer when its passages state the fact asked for (an amount, a date, a
    place, a frequency, a duration, a person, a count: `facts.asked_facts`); else "not found",
    with the passages as the nearest text."""
    hits = [c.hit for c in citations.citations]
    kind = understanding.named_kind  # "de FNV in het convenant": named in a covenant's text
    named = [h.passage.text for h in hits if not kind or library.documents[h.passage.doc_id].kind == kind]
    # a source register lists who wrote what, never who signed or sent something
    signing = asks_who_signed(fold(understanding.question))
    stating = [h.passage.text for h in hits if not (signing and h.kind == "register")]
    fact = missing_fact(understanding, stating, named)
    if fact is None:
        return composed
    near = list(dict.fromkeys(hit.place() for hit in hits))
    return _not_found(Missing(fact[1], fact[0], tuple(near)), understanding)


def _sectors(understanding: Understanding) -> tuple[dict[str, object], ...]:
    return tuple({"id": s.id, "name": s.name(understanding.language)} for s in understanding.sectors)


def _organisations(understanding: Understanding) -> tuple[dict[str, object], ...]:
    return tuple(
        {"id": o.id, "name": o.name(understanding.language)} for o in understanding.organisations
    )


def _did_you_mean(library: Corpus, understanding: Understanding) -> list[str]:
    """Indexed words of the question's language close to its misspelt words (words neither in
    the index nor in the Dutch or English word list)."""
    found: list[str] = []
    for word in understanding.words:
        if not library.has_term(word) and not zipf(word, "nl") and not zipf(word, "en"):
            found += close_words(word, understanding.language, library.words)
    return list(dict.fromkeys(found))[:MAX_SUGGESTIONS]
