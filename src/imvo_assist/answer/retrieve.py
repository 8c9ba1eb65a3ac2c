"""Retrieval for answers in two stages: a small query for candidates, then rescoring.

The first stage searches the stemmed text of each passage (Dutch passages in `text_nl`, English
ones in `text_en`: one field per passage) for the question's own content words and their mapped
translations and compound parts, each weighted by how specific it is and by how sure its mapping
is; only the `MAX_TERMS` heaviest terms per field are used, so a long question never becomes a
long query. Tags (sectors, risks, organisations) and
the kind of document named add to the score. The second stage rescores that bounded candidate
set in Python: the share of the question's concepts a passage covers, the form of answer asked
for (a frequency, a year), cue sentences, quoted phrases and phrases of the question.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from whoosh.query import And, AndMaybe, Or, Query, Term

from imvo_assist.answer.evidence import (
    Group,
    content_groups,
    coverage,
    covers,
    folded,
    forms_of,
    has_form,
    passage_forms,
    sentence_coverage,
    sentences,
)
from imvo_assist.answer.quoted import quoted_forms, says
from imvo_assist.answer.understand import Understanding
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.index import Filters
from imvo_assist.models import Hit
from imvo_assist.text import analysis
from imvo_assist.text.fold import fold, folded_words
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.questionforms import form_words

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

FIELDS = {"text_nl": (analysis.dutch, "nl"), "text_en": (analysis.english, "en")}
OTHER_LANGUAGE = 0.5
MAX_TERMS = 12
CANDIDATES = 24
# A question for a duration or frequency also takes this share of CANDIDATES from passages
# holding a word of that form.
FORM_SHARE = 3
EXPANSION_WEIGHT = 0.5
TAG_BOOST = 3.0
KIND_BOOST = 1.5
OTHER_DOCUMENT = 0.4
FORM_BONUS = 0.6
CUE_BONUS = 0.35
PHRASE_BONUS = 0.3
QUOTE_BONUS = 2.0
TAG_BONUS = 0.25
REGISTER_FACTOR = 0.5
# A fact of the bundled register (an overview's summary of the report, not verified).
REGISTER_FACT_FACTOR = 0.5
# A passage holding its document's full title (a title page, a running head).
FRONT_MATTER = 0.5
TITLE_WORDS = 4
FRONT_MATTER_WORDS = 30
# A passage without the question's most specific concept ("mensenrechtenschendingen").
KEY_MISSING = 0.6
# A passage in the other language than the question's: as good evidence, but a Dutch question
# is better answered with the Dutch text of an agreement than with its English version.
OTHER_LANGUAGE_PASSAGE = 0.85
SOURCE_INTENTS = ("provenance", "org_included")
# A question naming a sector's chapter ("het hoofdstuk over de bouw").
CHAPTER = lazy_compile(r"\b(hoofdstuk|hoofdstukken|chapter|chapters|sectorhoofdstuk)\b")
# Lists of contents and indexes (dotted leaders, columns of page numbers) are never evidence.
DOTTED = lazy_compile(r"\.{4,}|…{2,}|(\. ){4,}")
NUMBERED_ENTRY = lazy_compile(r"\b\d{1,3}\s+[A-Z][\w'’ /&,-]{2,60}?\s+\d{1,3}\b")
# A page numbered in roman figures is front matter (title page, colophon, preface): evidence for
# what a document is (its number, its date), not for what it says.
ROMAN_PAGE = lazy_compile(r"^[ivxlc]+$", re.IGNORECASE)
CONTENTS_HEADINGS = lazy_compile(r"^(inhoud|inhoudsopgave|contents|table of contents|index)$", re.IGNORECASE)


@dataclass(frozen=True)
class Ranked:
    """A candidate passage with its rescored relevance and what it covers."""

    hit: Hit
    score: float
    covered: float


def first_stage(understanding: Understanding, extra_words: tuple[str, ...] = ()) -> Query | None:
    """The candidate query: the heaviest question terms in one field, boosted by tags."""
    weighted: dict[tuple[str, str], float] = {}
    for concept in understanding.concepts:
        for term, weight, language in concept.terms_by_language():
            key = (term, language)
            weighted[key] = max(weighted.get(key, 0.0), weight * concept.specificity)
    for phrase, forms in quoted_forms(understanding):
        weighted[(phrase, understanding.language)] = 1.0
        weighted.update({(form, ""): EXPANSION_WEIGHT for form in forms if form != phrase})  # translations
    for word in (*understanding.expansions, *extra_words):
        weighted.setdefault((word, ""), EXPANSION_WEIGHT)
    clauses: list[Query] = []
    for field, (analyzer, field_language) in FIELDS.items():
        weights: dict[str, float] = {}
        for (text, term_language), term_weight in weighted.items():
            weight = term_weight
            if term_language and term_language != field_language:
                weight *= OTHER_LANGUAGE  # a Dutch term in English text: possible, less likely
            for token in analysis.tokens(analyzer(), text):
                if token not in analysis.stopwords():
                    weights[token] = max(weights.get(token, 0.0), round(weight, 3))
        chosen = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:MAX_TERMS]
        clauses += [Term(field, term, boost=weight) for term, weight in chosen]
    if not clauses:
        return None
    base = Or(clauses)
    boosts: list[Query] = [Term("sectors", s.id, boost=TAG_BOOST) for s in understanding.sectors]
    boosts += [Term("risks", r.id, boost=TAG_BOOST) for r in understanding.risks]
    boosts += [Term("orgs", o.id, boost=TAG_BOOST) for o in understanding.organisations]
    boosts += [Term("kind", kind, boost=KIND_BOOST) for kind in understanding.doc_kinds]
    return AndMaybe(base, Or(boosts)) if boosts else base


def retrieve(
    library: Corpus, understanding: Understanding, filters: Filters | None = None,
    extra_words: tuple[str, ...] = (), limit: int = CANDIDATES,
) -> list[Hit]:
    """The candidate passages of a question (first stage only): the query's best, then those
    that may state the form of answer asked for (a duration, a frequency)."""
    query = first_stage(understanding, extra_words)
    if query is None:
        return []
    hits = library.run(query, filters, limit)
    form_query = _form_candidates(understanding, query)
    if form_query is not None:  # "hoe lang ...?": passages that could state a duration too
        hits = merged(hits, library.run(form_query, filters, limit // FORM_SHARE))
    return [hit for hit in hits if not is_contents(hit)]


def merged(hits: list[Hit], more: list[Hit]) -> list[Hit]:
    """The hits, then those of `more` that are not among them (by passage)."""
    seen = {hit.passage.id for hit in hits}
    return hits + [hit for hit in more if hit.passage.id not in seen]


def _form_candidates(understanding: Understanding, query: Query) -> Query | None:
    """The candidate query restricted to passages holding a word of the form asked for (a time
    unit for "hoe lang", "how often"): a passage that states the fact may share fewer of the
    question's words than passages that only speak of its subject."""
    tokens = _form_tokens(understanding.forms)
    if not tokens:
        return None
    # the form's words select and add nothing to the score: the hits rank among the others
    return And([query, Or([Term(field, token, boost=0.0) for field, token in tokens])])


@lru_cache(maxsize=16)
def _form_tokens(forms: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The (field, analysed token) pairs of the words of the forms asked for."""
    words = sorted({word for form in forms for word in form_words(form)})
    return tuple((field, token) for field, (analyzer, _) in FIELDS.items()
                 for word in words for token in analysis.tokens(analyzer(), word))


def rescore(
    hits: list[Hit], understanding: Understanding, groups: list[Group] | None = None,
    cue: re.Pattern[str] | None = None, languages: Mapping[str, str] | None = None,
) -> list[Ranked]:
    """The candidates ranked by coverage of the question's concepts and what answers it
    (`languages`: the language of each document, by id)."""
    groups = content_groups(understanding) if groups is None else groups
    best = max((hit.score for hit in hits), default=0.0) or 1.0
    key = max(groups, key=lambda g: g.weight) if len(groups) > 1 else None
    phrases = _phrases(understanding)
    quoted = quoted_forms(understanding)
    chapter = named_chapter(understanding)
    ranked = []
    for hit in hits:
        covered = coverage(hit, groups)
        text = hit.passage.text
        plain = folded(text)
        bonus = 1.0
        if any(has_form(form, text) for form in understanding.forms):
            bonus += FORM_BONUS
        if cue is not None:
            bonus += CUE_BONUS * _cue_sentences(hit, cue, groups, understanding.intent)
        bonus += PHRASE_BONUS * sum(phrase in plain for phrase in phrases)
        bonus += QUOTE_BONUS * sum(any(says(plain, form) for form in forms) for _, forms in quoted)
        bonus += TAG_BONUS * _shared_tags(hit, understanding)
        if understanding.named_kind and hit.kind != understanding.named_kind:
            bonus *= OTHER_DOCUMENT  # "volgens het SER-advies", "in het bronnenboek": that first
        if chapter and (hit.kind != "report" or not chapter & set(default_tagger().tag(hit.passage.section).sectors)):
            bonus *= OTHER_DOCUMENT  # "does the retail chapter ...": that sector's chapter first
        if hit.kind == "register" and understanding.intent not in SOURCE_INTENTS and (
                understanding.named_kind != "register"):
            bonus *= REGISTER_FACTOR  # a list of references is no evidence for a topic
        if hit.source == "register":
            bonus *= REGISTER_FACT_FACTOR  # what a web page says the report names: originals first
        if _front_matter(hit):
            bonus *= FRONT_MATTER  # a title page, a running head, a preface: the document's name, no evidence
        language = (languages or {}).get(hit.passage.doc_id)
        if language and language != understanding.language:
            bonus *= OTHER_LANGUAGE_PASSAGE
        if key is not None and not covers(key, passage_forms(hit), folded(_full_text(hit))):
            bonus *= KEY_MISSING  # the passage lacks what the question turns on
        focus = sentence_coverage(hit, groups, understanding.forms)
        score = (0.2 + covered) ** 2 * (0.5 + focus) * (0.5 + hit.score / best) * bonus
        ranked.append(Ranked(hit, score, covered))
    ranked.sort(key=lambda r: -r.score)
    return ranked


def _front_matter(hit: Hit) -> bool:
    """Whether a passage is front matter: on a page numbered in roman figures, or little more
    than its document's full title (of at least TITLE_WORDS words, its parenthesis aside): a
    title page, a cover, a running head; not a text that opens with its title."""
    if ROMAN_PAGE.match(hit.passage.page_label or ""):
        return True
    title = folded_words(re.sub(r"\(.*?\)", " ", hit.title)).split()
    if len(title) < TITLE_WORDS:
        return False
    text = " ".join(re.findall(r"\w+", folded(hit.passage.text)))  # the fold cached for the hit
    return f" {' '.join(title)} " in f" {text} " and len(text.split()) - len(title) <= FRONT_MATTER_WORDS


def named_chapter(understanding: Understanding) -> set[str]:
    """The sectors whose chapter the question names ("the retail chapter", "het hoofdstuk over
    de bouw"), or none."""
    if not understanding.sectors or not CHAPTER.search(fold(understanding.question)):
        return set()
    return {sector.id for sector in understanding.sectors}


def _full_text(hit: Hit) -> str:
    return f"{hit.title} {hit.passage.section} {hit.passage.text}"


def _cue_sentences(hit: Hit, cue: re.Pattern[str], groups: list[Group], intent: str) -> int:
    """Sentences (at most 2) that say what the intent asks about the question's concepts: a
    definition of its most specific concept, an expectation about any of them."""
    subjects = groups if intent != "definition" else [max(groups, key=lambda g: g.weight)] if groups else []
    count = 0
    for sentence in sentences(hit.passage.text):
        if cue.search(sentence.lower()) and (not subjects or any(
                covers(g, forms_of(sentence), folded(sentence)) for g in subjects)):
            count += 1
    return min(count, 2)


def _phrases(understanding: Understanding) -> list[str]:
    """Pairs of neighbouring content words of the question ("leefbaar loon")."""
    words = understanding.words
    return [f"{a} {b}" for a, b in pairwise(words)]


def _shared_tags(hit: Hit, understanding: Understanding) -> int:
    passage = hit.passage
    return (
        len({s.id for s in understanding.sectors} & set(passage.sectors))
        + len({r.id for r in understanding.risks} & set(passage.risks))
        + len({o.id for o in understanding.organisations} & set(passage.orgs))
    )


def is_contents(hit: Hit) -> bool:
    """Whether a passage is a list of contents or an index: dotted leaders, a "Contents"
    heading, or entries that are mostly "number title number"."""
    text = hit.passage.text
    heading = hit.passage.section.rsplit(">", 1)[-1].strip()
    if CONTENTS_HEADINGS.match(heading) or len(DOTTED.findall(text)) >= 2:
        return True
    entries = NUMBERED_ENTRY.findall(text)
    return len(entries) >= 4 and sum(map(len, entries)) > 0.5 * len(text)
