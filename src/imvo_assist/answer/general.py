"""Answers that quote the best passages: look-ups, definitions, expectations and plain search.

Passages are ranked by `retrieve.rescore`; the answer leads with the one to three passages that
answer, those scoring within `FLOOR` of the best, each quoted by its key sentences with its
citation number. The same quote found in several passages is one bullet with every citation.
Definitions prefer defining sentences, expectations sentences that say what someone must do.
When no passage covers enough of the question, `compose_ranked` still answers from the best
ranked passages for the content words: the engine never says less than a plain search would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from imvo_assist.answer.citations import CitationList
from imvo_assist.answer.covenantcheck import indexed_covenant
from imvo_assist.answer.documentnames import NAMED_DOCUMENTS
from imvo_assist.answer.evidence import (
    MIN_COVERAGE,
    Group,
    content_groups,
    coverage,
    key_sentences,
    sentences,
)
from imvo_assist.answer.facts import asked_facts
from imvo_assist.answer.parts import asks_part, numbered_part, place
from imvo_assist.answer.retrieve import Ranked, merged, named_chapter, rescore, retrieve
from imvo_assist.answer.signing import SIGNERS
from imvo_assist.answer.understand import Understanding
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.index import Filters
from imvo_assist.models import Hit
from imvo_assist.text.fold import fold
from imvo_assist.text.framing import asking_parts
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.questionforms import answers
from imvo_assist.text.questionforms import forms as question_forms

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

MAX_ITEMS = 3
FLOOR = 0.5
# The plain-search fallback: passages covering any of the question's concepts.
FALLBACK_COVERAGE = 0.01
NAMED_CANDIDATES = 8
# Once one passage covers enough of the question (MIN_COVERAGE) to answer it, the answer leads
# with the best ranked passages that cover at least this much: a passage just short of
# MIN_COVERAGE may rank above every one that passes.
LEAD_COVERAGE = 0.3
DEFINING = lazy_compile(
    r"(: (het|de|een) |\b(is|zijn) (een|het|de)\b|wordt verstaan|verstaan onder|betekent|"
    r"onderscheid tussen|\bmeans\b|\bis the\b|\bis a\b|\brefers to\b)"
)
EXPECTING = lazy_compile(
    r"\b(verwacht\w*|moet|moeten|dient|dienen|verplicht\w*|ieder bedrijf|elk bedrijf|"
    r"voert .* uit|stelt .* op|expected|must|shall|should|required|every participating|"
    r"aanbevolen|beveelt|recommend\w*)\b"
)
# Words the answer to an intent tends to use, added to the search ("ieder bedrijf voert ... uit").
CUE_WORDS = {
    "expectations": ("verwacht", "moeten", "dient", "verplicht", "must", "expected"),
}
# Documents whose closing passage (their signature) answers who signed (`signing.SIGNERS`).
MAX_SIGNED_DOCUMENTS = 2
# Where a chapter starts: its page ("op welke pagina/bladzijde", "which page", "where does ... start").
CHAPTER_PAGE = lazy_compile(
    r"\b(op welke (pagina|bladzijde|blz)|(on )?(which|what) page)\b(?!.{0,60}\b(over|about|on|covers?|behandelt)\b)|"
    r"\b(hoofdstuk|chapter)\b.{0,50}(?<!the )(?<!de )\b(begint|start|starts|begins|opens)\b(?![\w-])(?! to\b)|"
    r"\b(begint|start|starts|begins)\b(?![\w-]).{0,30}\b(hoofdstuk|chapter)\b|"
    r"\b(eerste pagina|first page) van (het|the) (hoofdstuk|chapter)\b"
)
INTROS = {
    ("nl", "definition"): "Zo omschrijven de documenten het:",
    ("en", "definition"): "This is how the documents describe it:",
    ("nl", "expectations"): "Dit wordt verwacht, volgens de documenten:",
    ("en", "expectations"): "This is what is expected, according to the documents:",
    ("nl", "default"): "Dit staat erover in de documenten:",
    ("en", "default"): "This is what the documents say:",
    ("nl", "fallback"): "Deze passages gaan er het meest over:",
    ("en", "fallback"): "These passages come closest:",
}


@dataclass
class Composed:
    """The parts of an answer a composer produces."""

    lines: list[str] = field(default_factory=list)
    not_found: bool = False
    risks: list[dict[str, object]] = field(default_factory=list)
    references: list[dict[str, object]] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)


def ranked_evidence(
    library: Corpus, understanding: Understanding, cue: re.Pattern[str] | None = None,
    groups: list[Group] | None = None,
) -> list[Ranked]:
    """The candidate passages of a question, rescored, best first; a document the question
    names ("in het textielconvenant") always has its best passages among the candidates."""
    extra = CUE_WORDS.get(understanding.intent, ())
    hits = retrieve(library, understanding, None, extra)
    if understanding.named_kind:
        sectors = understanding.sectors if understanding.named_kind == "covenant" else ()
        named = Filters(kind=understanding.named_kind, sector=sectors[0].id if sectors else None)
        hits = merged(hits, retrieve(library, understanding, named, extra, NAMED_CANDIDATES))
    languages = {doc: d.language for doc, d in library.documents.items()}
    return rescore(hits, understanding, groups, cue, languages)


def evidence_hits(
    library: Corpus, understanding: Understanding, limit: int = 12,
    cue: re.Pattern[str] | None = None, groups: list[Group] | None = None,
) -> list[Hit]:
    """Passages that cover the question's content words, best first."""
    ranked = ranked_evidence(library, understanding, cue, groups)
    return [r.hit for r in ranked if r.covered >= MIN_COVERAGE][:limit]


def compose_quotes(library: Corpus, understanding: Understanding, citations: CitationList) -> Composed:
    """Quote the key sentences of the passages that answer the question."""
    intent = understanding.intent
    cue = DEFINING if intent == "definition" else EXPECTING if intent == "expectations" else None
    groups = content_groups(understanding)
    candidates = ranked_evidence(library, understanding, cue, groups)
    covered = any(r.covered >= MIN_COVERAGE for r in candidates)
    # a signature answers "who signed it?", when its page speaks of the question at all
    closing = [hit for hit in closing_passages(library, understanding)
               if covered or coverage(hit, groups) > 0]
    if not closing and not covered:
        return Composed(not_found=True)
    ranked = [r for r in candidates if r.covered >= LEAD_COVERAGE]
    chosen = _stating_first(leading(ranked, question_parts(understanding, groups), candidates),
                            ranked, understanding)
    chosen = _named_first(chosen, ranked, understanding)
    opening = opening_passages(library, understanding, candidates)  # "op welke pagina begint ..."
    opening += numbered_part(library, understanding, [r.hit for r in candidates])  # "artikel 5"
    chosen = merged(opening, chosen)
    chosen = closing + [hit for hit in chosen if hit not in closing][: MAX_ITEMS - len(closing)]
    return _quote(chosen, understanding, citations, groups, cue, intent, tuple(closing))


def _named_first(chosen: list[Hit], ranked: list[Ranked], understanding: Understanding) -> list[Hit]:
    """For a question that cites the document to answer from ("does the clothing covenant ban
    it?", "volgens het SER-advies"), the best passage of that kind of document leads."""
    kind = understanding.named_kind if understanding.cites_named else ""
    if not kind or not chosen or chosen[0].kind == kind:
        return chosen  # "waarom is er een bronnenboek?" is about the register, not from it
    return _lead_with(chosen, next((r.hit for r in ranked if r.hit.kind == kind), None))


def _stating_first(chosen: list[Hit], ranked: list[Ranked], understanding: Understanding) -> list[Hit]:
    """For a question for one fact (a date, a place, a frequency ...) that the chosen passages
    do not state, the best ranked passage that states it and covers the question leads."""
    facts = asked_facts(understanding)
    if not chosen or not facts:
        return chosen

    def states(texts: list[str]) -> bool:
        return all(any(fact.stated(text) for text in texts) for fact in facts)

    if states([hit.passage.text for hit in chosen]):
        return chosen
    stating = next((r.hit for r in ranked if r.covered >= MIN_COVERAGE
                    and states([r.hit.passage.text])), None)
    return _lead_with(chosen, stating)


def _lead_with(chosen: list[Hit], first: Hit | None) -> list[Hit]:
    """The chosen passages with `first` before them (at most MAX_ITEMS), or as they were."""
    return chosen if first is None else [first, *(hit for hit in chosen if hit != first)][:MAX_ITEMS]


def opening_passages(library: Corpus, understanding: Understanding, ranked: list[Ranked]) -> list[Hit]:
    """For a question where a sector's chapter starts ("op welke pagina begint het hoofdstuk
    over textiel?", "where does the electronics chapter start?"), the first passage of that
    chapter in the best ranked report (its heading stands on the chapter's first page)."""
    sectors = named_chapter(understanding)
    if not sectors or not CHAPTER_PAGE.search(fold(understanding.question)):
        return []
    report = next((r.hit.passage.doc_id for r in ranked if r.hit.kind == "report"), None)
    if report is None:
        return []
    first = next((p for p in library.passages_of(report)
                  if sectors & set(default_tagger().tag(p.section.split(">")[0]).sectors)), None)
    return [library.hit(first)] if first is not None else []


def closing_passages(library: Corpus, understanding: Understanding) -> list[Hit]:
    """For a question who signed or sent a document ("wie hebben de kamerbrief ondertekend?"),
    the closing passage of the documents of the kind it names, where signatures stand."""
    folded = fold(understanding.question)
    signing = SIGNERS.search(folded)
    if not signing:
        return []
    kind = _signed_kind(folded, signing.start()) or understanding.named_kind
    if not kind:
        return []
    subject = understanding.covenant[0] if kind == "covenant" else ""
    if subject:  # "het steenkoolconvenant": that covenant's, if indexed
        covenant = indexed_covenant(library, subject, understanding)
        documents = [covenant] if covenant is not None else []
    else:
        documents = [d for d in library.documents.values() if d.kind == kind and d.file]
    found: list[Hit] = []
    for document in documents:
        passages = library.passages_of(document.id)
        found += [library.hit(passages[-1])] if passages else []
        if len(found) == MAX_SIGNED_DOCUMENTS:
            break
    return found


def _signed_kind(folded: str, start: int) -> str:
    """The kind of document named first from the words on signing on ("who signed the letter
    that sent the report": the letter, not the report the question also names)."""
    named = [(found.start(), kind) for pattern, kind in NAMED_DOCUMENTS
             for found in pattern.finditer(folded, start)]
    return min(named)[1] if named else ""


def compose_ranked(library: Corpus, understanding: Understanding, citations: CitationList) -> Composed:
    """The plain-search answer: the best ranked passages for the question's content words,
    when composition per intent found nothing convincing."""
    groups = content_groups(understanding)
    ranked = [r for r in ranked_evidence(library, understanding, None, groups) if r.covered >= FALLBACK_COVERAGE]
    if not ranked:
        return Composed(not_found=True)
    return _quote(leading(ranked, question_parts(understanding, groups)), understanding, citations,
                  groups, None, "fallback")


def leading(
    ranked: list[Ranked], parts: list[Part] | None = None, candidates: list[Ranked] | None = None,
) -> list[Hit]:
    """The one to three passages that answer: within `FLOOR` of the best, and for each part of
    a question that asks several things the best of the candidates for that part when none
    chosen answers it (in the place of the weakest chosen); originals before register facts
    (they summarise, originals prove)."""
    if not ranked:
        return []
    floor = FLOOR * ranked[0].score
    chosen = [r.hit for r in ranked if r.score >= floor][:MAX_ITEMS]
    added: list[Hit] = []
    for part in parts or []:
        if any(part.answered_by(hit) for hit in chosen + added):
            continue
        best = next((r.hit for r in candidates or ranked
                     if r.hit not in chosen + added and part.answered_by(r.hit)), None)
        added += [best] if best is not None else []
    chosen = chosen[: max(1, MAX_ITEMS - len(added))] + added[: MAX_ITEMS - 1]
    return [h for h in chosen if h.source != "register"] + [h for h in chosen if h.source == "register"]


@dataclass(frozen=True)
class Part:
    """One of the things a question asks: its content groups and the forms of answer it wants."""

    groups: list[Group]
    forms: tuple[str, ...]

    def answered_by(self, hit: Hit) -> bool:
        """Whether a passage covers the part's words and, when it asks for a form (a duration,
        a name), holds an expression of that form."""
        return coverage(hit, self.groups) >= MIN_COVERAGE and (
            not self.forms or any(answers(form, hit.passage.text) for form in self.forms))


def question_parts(understanding: Understanding, groups: list[Group]) -> list[Part]:
    """The parts of a question that asks several things ("welke sector ..., en na hoeveel tijd
    ...?"), each with the content groups whose words stand in it; none for one thing."""
    texts = asking_parts(understanding.question)
    if len(texts) < 2:
        return []
    parts = []
    for text in texts:
        words = set(re.findall(r"\w+", fold(text)))
        own = [g for g in groups if g.label and set(g.label.split()) <= words]
        parts += [Part(own, question_forms(text))] if own else []
    return parts if len(parts) > 1 else []


def _quote(
    hits: list[Hit], understanding: Understanding, citations: CitationList, groups: list[Group],
    cue: re.Pattern[str] | None, intent: str, endings: tuple[Hit, ...] = (),
) -> Composed:
    """The answer's bullets: each passage by its key sentences, a closing passage (`endings`)
    by its last sentence, where a document's signatures stand."""
    language = understanding.language
    intro = INTROS.get((language, intent)) or INTROS[(language, "default")]
    bullets: dict[str, list[tuple[int, Hit]]] = {}
    for hit in hits:
        if hit in endings:
            quote = sentences(hit.passage.text)[-1]
        else:
            quote = key_sentences(hit.passage.text, groups, cue, forms=understanding.forms)
        bullets.setdefault(quote, []).append((citations.add(hit), hit))
    lines = [intro, ""]
    headed = asks_part(understanding)  # "in welk artikel ...?": each passage's heading trail
    for quote, cited in bullets.items():
        numbers = " ".join(f"[{n}]" for n, _ in cited)
        where = "; ".join(dict.fromkeys(
            place(hit, language) if headed else hit.place() for _, hit in cited))
        lines.append(f"- {quote} {numbers} ({where})")
    return Composed(lines)

