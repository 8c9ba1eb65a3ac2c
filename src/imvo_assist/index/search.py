"""Searching passages: programmatic queries (user text is never parsed as query syntax).

Every word of the user's text is analyzed the way each field was analyzed at index time and
becomes plain `Term`s, so quotes, colons, "AND", "title:x" or "26 485-187" are just words.
Dutch and English stems, the unstemmed form and headings are searched together (BM25F), with a
bonus for the words appearing as a phrase; identical passages found in two documents are shown
once with both citations.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from itertools import islice

from whoosh.highlight import ContextFragmenter, Formatter, Fragment, get_text
from whoosh.index import Index
from whoosh.query import And, NullQuery, Or, Phrase, Query, Term
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from imvo_assist.index import scoring
from imvo_assist.index.filters import Filters, filter_sets
from imvo_assist.index.results import Folds, merge_duplicate, ordinal, ranked
from imvo_assist.models import Document, Hit, Passage
from imvo_assist.text import analysis
from imvo_assist.text.normalise import index_form

FIELD_BOOSTS = {"text_nl": 1.0, "text_en": 1.0, "exact": 0.6, "heading": 1.5}
PHRASE_BOOST = 2.0
# A typed phrase ("due diligence", "26 485 nr 187"); whole questions are not phrases, and
# position matching of long phrases is what made long searches slow.
MAX_PHRASE_WORDS = 5
SNIPPET_CHARS = 220
# A snippet starts and ends at a space, never inside a word or a reference marker ("[56]"):
# its edges move out to the nearest space within this many characters.
EDGE_REACH = 40
SPACE = re.compile(r"\s")


class _MarkFormatter(Formatter):
    """Marks matched words with ** for Markdown; fragments cut at spaces."""

    between = " … "

    def format_token(self, text: str, token: object, replace: bool = False) -> str:
        return f"**{get_text(text, token, replace)}**"

    def format(self, fragments: list[Fragment], replace: bool = False) -> str:
        """The fragments (in text order) widened to whole words, without overlapping."""
        previous_end = 0
        for fragment in fragments:
            start, end = _widen(fragment.text, fragment.startchar, fragment.endchar)
            fragment.startchar, fragment.endchar = max(start, previous_end), end
            previous_end = end
        return super().format(fragments, replace)


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Fragment edges moved out to the nearest space (or the text's ends) within reach."""
    before = text[max(0, start - EDGE_REACH) : start]
    spaces = [m.end() for m in SPACE.finditer(before)]
    if spaces:
        start -= len(before) - spaces[-1]
    elif start <= EDGE_REACH:
        start = 0
    after = SPACE.search(text, end, end + EDGE_REACH)
    if after:
        end = after.start()
    elif len(text) - end <= EDGE_REACH:
        end = len(text)
    return start, end


def build_query(
    text: str, fields: dict[str, float] = FIELD_BOOSTS, phrase: bool = True
) -> Query | None:
    """A query for user text: the analyzed words in every field, plus a phrase bonus.

    Returns:
        None when the text holds no searchable word.
    """
    text = index_form(text)
    analyzers = {
        "text_nl": analysis.dutch(),
        "text_en": analysis.english(),
        "exact": analysis.exact(),
        "heading": analysis.dutch(),
    }
    clauses: list[Query] = []
    for field, boost in fields.items():
        for term in dict.fromkeys(analysis.tokens(analyzers[field], text)):
            if field == "exact" and term in analysis.stopwords():
                continue  # matches nearly every passage; the phrase clause still uses it
            clauses.append(Term(field, term, boost=boost))
    if not clauses:
        return None
    words = analysis.tokens(analysis.exact(), text)
    if phrase and 1 < len(words) <= MAX_PHRASE_WORDS:
        clauses.append(Phrase("exact", words, slop=2, boost=PHRASE_BOOST))
    return Or(clauses)


def search(
    index: Index,
    text: str,
    filters: Filters | None = None,
    limit: int = 10,
    documents: Mapping[str, Document] | None = None,
) -> list[Hit]:
    """Search passages for user text.

    Args:
        index: an open index.
        text: the user's words, searched as text.
        filters: restrictions by document, kind or tag.
        limit: the number of hits to return (after de-duplication).
        documents: document metadata by doc id (for titles and URLs of hits).

    Returns:
        Hits, best first.
    """
    query = build_query(text)
    if query is None:
        return []
    with index.searcher() as searcher:
        return run_query(searcher, query, filters or Filters(), limit, documents or {})


def run_query(
    searcher: Searcher, query: Query, filters: Filters, limit: int,
    documents: Mapping[str, Document],
) -> list[Hit]:
    """Run a built query and turn the results into de-duplicated hits.

    The query is scored by `scoring` (the same scores as Whoosh, without its matcher tree) when
    it is made of terms, phrases, `Or`, `And` and `AndMaybe`; by Whoosh otherwise.
    """
    allowed, others = filter_sets(searcher, filters)
    if allowed is not None and not allowed:
        return []
    size = limit * 3 + 5  # room for identical passages folded into one hit
    found = scoring.top(searcher, query, size, allowed, others)
    if found is None:
        results = searcher.search(query, filter=allowed, mask=others or None, limit=size)
        # iter(): sorted() on the Results object itself asks for len(), which re-runs the query
        found = [(result.docnum, result.score or 0.0) for result in iter(results)]
    rows = ranked(searcher, found, size)
    hits: list[Hit] = []
    texts: list[str] = []  # the text each hit's snippet is cut from (its first passage's)
    folds = Folds(texts)
    for row in rows:
        if len(hits) >= limit and row.fold not in folds:
            continue  # a passage like none of the hits: its text is never read
        fields = row.fields()
        at = folds.find(row.fold, fields.get("text") or "")
        if at is not None:
            hits[at] = merge_duplicate(hits[at], passage_from_fields(fields), documents)
            continue
        if len(hits) >= limit:
            continue
        passage = passage_from_fields(fields)
        document = documents.get(passage.doc_id) or Document(passage.doc_id)
        folds.add(row.fold, len(hits))
        texts.append(passage.text)
        hits.append(
            Hit(
                passage=passage,
                title=document.title or passage.doc_id,
                kind=document.kind or fields.get("kind", ""),
                url=document.url,
                score=float(row.score),
                snippet="",
                source=fields.get("source", "passage"),
            )
        )
    marked = scoring.highlight(
        searcher, query, "exact", texts, ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60),
        _MarkFormatter(), top=2,
    )
    return [
        replace(hit, snippet=" ".join((snippet or _lead(text)).split()))
        for hit, text, snippet in zip(hits, texts, marked)
    ]


def matching_passages(searcher: Searcher, query: Query, filters: Filters, limit: int) -> list[Passage]:
    """The first `limit` passages a query matches, in index order, as stored: nothing is scored,
    no snippet cut (for reading every passage that holds some words, where `run_query` would
    score and mark each)."""
    fields = scoring.stored_fields(searcher)
    return [passage_from_fields(fields(docnum)) for docnum in islice(_matching(searcher, query, filters), limit)]


def has_match(searcher: Searcher, query: Query, filters: Filters) -> bool:
    """Whether a record the filters allow matches the query (stopped at the first match)."""
    return next(_matching(searcher, query, filters), None) is not None


def _matching(searcher: Searcher, query: Query, filters: Filters) -> Iterator[int]:
    """The records the filters allow that match the query, in index order: Whoosh's matchers,
    leaping to the next allowed record (nothing is scored)."""
    allowed, others = filter_sets(searcher, filters)
    if allowed is not None and not allowed:
        return
    reader = searcher.reader()
    query = _indexed_terms(query.normalize(), reader)
    if query is NullQuery:
        return
    matcher = query.matcher(searcher)
    order: list[int] = []  # the allowed records in order, sorted only when one must be skipped to
    while matcher.is_active():
        docnum = matcher.id()
        if allowed is None or docnum in allowed:
            if docnum not in others:
                yield docnum
            matcher.next()
            continue
        order = order or sorted(allowed)
        at = bisect_left(order, docnum)  # on to the next record the filters allow
        if at == len(order):
            return
        matcher.skip_to(order[at])


def _indexed_terms(query: Query, reader: IndexReader) -> Query:
    """The query with its terms that no indexed record holds left out (the inflections a
    question's word is looked up in are mostly not in the text): an `Or` of none is nothing,
    an `And` with nothing in it is nothing."""
    if isinstance(query, Term):
        return query if (query.fieldname, query.text) in reader else NullQuery
    if isinstance(query, Or | And):
        parts = [_indexed_terms(part, reader) for part in query.subqueries]
        kept = [part for part in parts if part is not NullQuery]
        if not kept or isinstance(query, And) and len(kept) < len(parts):
            return NullQuery
        return kept[0] if len(kept) == 1 else type(query)(kept)
    return query


def passage_from_fields(fields: dict) -> Passage:
    """A `Passage` from the stored fields of a passage record."""
    split = lambda value: tuple(v for v in (value or "").split(",") if v)
    return Passage(
        id=fields["id"],
        doc_id=fields["doc_id"],
        pdf_page=int(fields.get("pdf_page") or 0),
        page_label=str(fields.get("page_label") or ""),
        section=fields.get("section") or "",
        text=fields.get("text") or "",
        kind=fields.get("passage_kind") or "text",
        sectors=split(fields.get("sectors")),
        risks=split(fields.get("risks")),
        orgs=split(fields.get("orgs")),
        refs=split(fields.get("refs")),
    )


def _lead(text: str) -> str:
    return text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"


@contextmanager
def searching(source: Index | Searcher) -> Iterator[Searcher]:
    """A searcher: the one given (left open), or a new one of an index (closed after)."""
    if isinstance(source, Searcher):
        yield source
        return
    with source.searcher() as searcher:
        yield searcher


def page_passages(source: Index | Searcher, doc_id: str, label: str | None) -> Sequence[Passage]:
    """The passages of a document (of one printed page when `label` is given), in order.

    Pass the searcher the caller keeps open: opening one per call costs more than the lookup.
    """
    with searching(source) as searcher:
        found = [
            passage_from_fields(fields)
            for fields in searcher.documents(record="passage", doc_id=doc_id)
            if label is None or str(fields.get("page_label")) == label
        ]
    return sorted(found, key=lambda p: (p.pdf_page, ordinal(p.id), p.id))


def tag_counts(source: Index | Searcher) -> dict[tuple[str, str], int]:
    """Number of passages tagged with each (sector, risk) pair, in one pass over the index."""
    counts: dict[tuple[str, str], int] = {}
    with searching(source) as searcher:
        for fields in searcher.documents(record="passage"):
            risks = [r for r in (fields.get("risks") or "").split(",") if r]
            for sector in (s for s in (fields.get("sectors") or "").split(",") if s):
                for risk in risks:
                    counts[(sector, risk)] = counts.get((sector, risk), 0) + 1
    return counts
