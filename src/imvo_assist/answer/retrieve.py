"""Retrieval for answers: the question's words, their expansions, and tag and kind boosts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whoosh.query import AndMaybe, Or, Query, Term

from imvo_assist.answer.understand import Understanding
from imvo_assist.index import Filters, build_query
from imvo_assist.models import Hit

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

TAG_BOOST = 3.0
KIND_BOOST = 1.5
# Expansions (synonyms, translations) are searched in the stemmed text only, at lower weight:
# every extra field clause makes Whoosh visit more postings (it dominates `ask` time).
EXPANSION_FIELDS = {"text_nl": 0.7, "text_en": 0.7}
# Long expansions ("social and economic council of the netherlands") add many common terms.
MAX_EXPANSION_WORDS = 2


def answer_query(understanding: Understanding, extra_words: tuple[str, ...] = ()) -> Query | None:
    """The question (typos corrected) and its expansions, boosted by what it names."""
    corrected = " ".join(understanding.corrections.get(w, w) for w in understanding.question.split())
    parts = " ".join(part for pair in understanding.parts.values() for part in pair)
    asked = build_query(f"{corrected} {parts}")
    words = [w for w in understanding.expansions if w.count(" ") < MAX_EXPANSION_WORDS]
    expanded = build_query(" ".join([*words, *extra_words]), EXPANSION_FIELDS, phrase=False)
    queries = [q for q in (asked, expanded) if q is not None]
    if not queries:
        return None
    base = queries[0] if len(queries) == 1 else Or(queries)
    boosts: list[Query] = [Term("sectors", s.id, boost=TAG_BOOST) for s in understanding.sectors]
    boosts += [Term("risks", r.id, boost=TAG_BOOST) for r in understanding.risks]
    boosts += [Term("orgs", o.id, boost=TAG_BOOST) for o in understanding.organisations]
    boosts += [Term("kind", kind, boost=KIND_BOOST) for kind in understanding.doc_kinds]
    return AndMaybe(base, Or(boosts)) if boosts else base


def retrieve(
    library: Corpus, understanding: Understanding, limit: int = 12,
    filters: Filters | None = None, extra_words: tuple[str, ...] = (),
) -> list[Hit]:
    """The best passages for a question."""
    query = answer_query(understanding, extra_words)
    return library.run(query, filters, limit) if query is not None else []
