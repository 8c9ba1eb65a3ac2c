"""Searching passages: programmatic queries (user text is never parsed as query syntax).

Every word of the user's text is analyzed the way each field was analyzed at index time and
becomes plain `Term`s, so quotes, colons, "AND", "title:x" or "26 485-187" are just words.
Dutch and English stems, the unstemmed form and headings are searched together (BM25F), with a
bonus for the words appearing as a phrase; identical passages found in two documents are shown
once with both citations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from whoosh.highlight import ContextFragmenter, Formatter, Fragment, get_text
from whoosh.index import Index
from whoosh.query import And, Or, Phrase, Query, Term
from whoosh.searching import Searcher

from imvo_assist.models import Hit, Passage
from imvo_assist.text import analysis
from imvo_assist.text.normalise import index_form

FIELD_BOOSTS = {"text_nl": 1.0, "text_en": 1.0, "exact": 0.6, "heading": 1.5}
PHRASE_BOOST = 2.0
# A typed phrase ("due diligence", "26 485 nr 187"); whole questions are not phrases, and
# position matching of long phrases is what made long searches slow.
MAX_PHRASE_WORDS = 5
# Register facts are summaries; an original passage saying the same must rank above them.
REGISTER_WEIGHT = 0.5
SNIPPET_CHARS = 220
# A snippet starts and ends at a space, never inside a word or a reference marker ("[56]"):
# its edges move out to the nearest space within this many characters.
EDGE_REACH = 40
SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Filters:
    """Restrictions on a search; None means "any"."""

    doc: str | None = None
    kind: str | None = None
    sector: str | None = None
    risk: str | None = None
    org: str | None = None
    source: str | None = None
    language: str | None = None


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


def _filter(filters: Filters) -> Query:
    terms: list[Query] = [Term("record", "passage")]
    for field, value in (
        ("doc_id", filters.doc), ("kind", filters.kind), ("sectors", filters.sector),
        ("risks", filters.risk), ("orgs", filters.org), ("source", filters.source),
        ("lang", filters.language),
    ):
        if value:
            terms.append(Term(field, value))
    return And(terms)


def search(
    index: Index,
    text: str,
    filters: Filters | None = None,
    limit: int = 10,
    documents: dict[str, dict] | None = None,
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
    searcher: Searcher, query: Query, filters: Filters, limit: int, documents: dict[str, dict]
) -> list[Hit]:
    """Run a built query and turn the results into de-duplicated hits."""
    results = searcher.search(query, filter=_filter(filters), limit=limit * 3 + 5)
    results.fragmenter = ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60)
    results.formatter = _MarkFormatter()
    hits: list[Hit] = []
    seen: dict[str, int] = {}
    # iter(): sorted() on the Results object itself asks for len(), which re-runs the query
    ranked = sorted(iter(results), key=lambda r: -(r.score or 0.0) * _weight(r.get("source")))
    for result in ranked:
        passage = passage_from_fields(result.fields())
        key = _dedupe_key(passage.text)
        if key in seen:
            hits[seen[key]] = _merge_duplicate(hits[seen[key]], passage, documents)
            continue
        if len(hits) >= limit:
            continue
        document = documents.get(passage.doc_id, {})
        snippet = result.highlights("exact", text=passage.text, top=2) or _lead(passage.text)
        seen[key] = len(hits)
        hits.append(
            Hit(
                passage=passage,
                title=document.get("title", passage.doc_id),
                kind=document.get("kind", result.get("kind", "")),
                url=document.get("url", ""),
                score=float(result.score or 0.0) * _weight(result.get("source")),
                snippet=" ".join(snippet.split()),
                source=result.get("source", "passage"),
            )
        )
    return hits


def _weight(source: str | None) -> float:
    return REGISTER_WEIGHT if source == "register" else 1.0


def _merge_duplicate(first: Hit, passage: Passage, documents: dict[str, dict]) -> Hit:
    """Fold an identical passage into a hit; the PDF (with printed pages) stays the citation."""
    cite = f"{passage.doc_id} p. {passage.page_label}"
    is_pdf = str(documents.get(passage.doc_id, {}).get("file", "")).lower().endswith(".pdf")
    first_is_pdf = str(documents.get(first.passage.doc_id, {}).get("file", "")).lower().endswith(".pdf")
    if is_pdf and not first_is_pdf:
        document = documents[passage.doc_id]
        moved = f"{first.passage.doc_id} p. {first.passage.page_label}"
        return replace(
            first, passage=passage, title=document.get("title", passage.doc_id),
            kind=document.get("kind", first.kind), url=document.get("url", ""),
            also_in=first.also_in + (moved,),
        )
    return replace(first, also_in=first.also_in + (cite,))


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


def _dedupe_key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()[:300]


def _lead(text: str) -> str:
    return text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"


def page_passages(index: Index, doc_id: str, label: str | None) -> Sequence[Passage]:
    """The passages of a document (of one printed page when `label` is given), in order."""
    with index.searcher() as searcher:
        found = [
            passage_from_fields(fields)
            for fields in searcher.documents(record="passage", doc_id=doc_id)
            if label is None or str(fields.get("page_label")) == label
        ]
    return sorted(found, key=lambda p: (p.pdf_page, _ordinal(p.id), p.id))


def _ordinal(passage_id: str) -> int:
    """The ordinal at the end of a passage id ("doc:12:3" -> 3); 0 for register-fact ids."""
    last = passage_id.rsplit(":", 1)[-1]
    return int(last) if last.isdigit() else 0


def tag_counts(index: Index) -> dict[tuple[str, str], int]:
    """Number of passages tagged with each (sector, risk) pair, in one pass over the index."""
    counts: dict[tuple[str, str], int] = {}
    with index.searcher() as searcher:
        for fields in searcher.documents(record="passage"):
            risks = [r for r in (fields.get("risks") or "").split(",") if r]
            for sector in (s for s in (fields.get("sectors") or "").split(",") if s):
                for risk in risks:
                    counts[(sector, risk)] = counts.get((sector, risk), 0) + 1
    return counts
