"""Scoring a query as Whoosh does, without Whoosh's matcher tree: the cost of a search.

Whoosh scores an `Or` of many terms by walking a tree of matchers, several method calls per
posting and level; a question's query (four fields, 10-40 terms) spends most of its time there.
For the queries this project builds (terms, `Or`, `And`, `AndMaybe`, `Phrase`), `scores` reads
each term's postings block by block and adds up the same BM25F scores (Whoosh's formula, idf,
average and document field lengths, boosts) per document; a phrase is scored by Whoosh's own
matcher. The sums only differ from Whoosh's in the order of the additions (the last bit of a
float); the top documents are chosen as Whoosh's collector chooses them (score, then document
number). Any other query returns None and is run by Whoosh (`search.run_query`).

`highlight` marks a query's words in a text as `Hit.highlights` does when it re-reads the text.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from weakref import WeakKeyDictionary

from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.highlight import Formatter, Fragmenter, Highlighter, set_matched_filter, top_fragments
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query import And, AndMaybe, Or, Phrase, Query, Term
from whoosh.scoring import BM25FScorer
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length, length_to_byte

Scores = dict[int, float]
# Per open reader of a segment, per field: every document's length byte (read once).
_LENGTHS: WeakKeyDictionary[object, dict[str, bytes | Sequence[int]]] = WeakKeyDictionary()
# Per open searcher of a segment: scored postings of the terms read last, and how many in all.
_KEPT: WeakKeyDictionary[Searcher, dict[tuple[str, bytes], tuple[array, array]]] = WeakKeyDictionary()
_KEPT_SIZE: WeakKeyDictionary[Searcher, int] = WeakKeyDictionary()
MAX_KEPT_POSTINGS = 1_000_000  # 12 bytes each: a document number and a score


class Unsupported(Exception):
    """A query this module does not score (Whoosh runs it)."""


def top(
    searcher: Searcher, query: Query, limit: int, allowed: set[int] | None, masked: set[int]
) -> list[tuple[int, float]] | None:
    """The best `limit` (document number, score) of a query, and any more that tie with the
    last of them (`results.ranked` orders equal scores in reading order), or None when the
    query is not one this module scores.

    Whoosh's collector may skip blocks of postings whose best score cannot reach the current
    top; with `AndMaybe` it judges that from the wrong block and loses documents. Here every
    matching document is scored.
    """
    try:
        found = scores(searcher, query)
    except Unsupported:
        return None
    for docnum in masked:  # few: the file and register-entry records
        found.pop(docnum, None)
    if allowed is None:
        candidates = list(found.items())
    elif len(allowed) < len(found):
        candidates = [(d, found[d]) for d in allowed if d in found]
    else:
        candidates = [(d, s) for d, s in found.items() if d in allowed]
    # equal scores: any of them (all that tie with the last are added, `rank` orders them)
    best = heapq.nlargest(limit, candidates, key=itemgetter(1))
    if len(best) == limit:  # add those that rank equal to the last (a last bit lower)
        last = rank(best[-1][1])
        near = best[-1][1] - 1e-6
        chosen = {d for d, _ in best}
        best += [(d, s) for d, s in candidates if s >= near and d not in chosen and rank(s) >= last]
    return best


def rank(score: float) -> float:
    """A score as ranked: sums of the same terms added in another order differ in the last
    bits, so a score counts to 9 decimals (a tie is then broken by reading order)."""
    return round(score, 9)


def scores(searcher: Searcher, query: Query) -> Scores:
    """The score of every document matching `query` (document numbers of the whole index).

    Raises:
        Unsupported: the query holds a kind of query this module does not score.
    """
    context = searcher.context()
    total: Scores = {}
    for subsearcher, offset in searcher.subsearchers or [(searcher, 0)]:
        _add(subsearcher, offset, query, context, total)  # segments hold distinct documents
    return total


def _add(searcher: Searcher, offset: int, query: Query, context: object, into: Scores) -> None:
    """Add the scores of one segment's documents (their numbers plus `offset`) to `into`."""
    if isinstance(query, Term):
        _term(searcher, offset, query, into)
    elif isinstance(query, Phrase):
        matcher = query.matcher(searcher, context)  # a phrase as Whoosh's own matcher scores it
        while matcher.is_active():
            docnum = matcher.id() + offset
            into[docnum] = into.get(docnum, 0.0) + matcher.score()
            matcher.next()
    elif isinstance(query, AndMaybe):
        a = _part(searcher, offset, query.a, context)
        b = _part(searcher, offset, query.b, context)
        for d, s in a.items():
            into[d] = into.get(d, 0.0) + (s + b[d] if d in b else s)
    elif type(query) in (Or, And):
        if getattr(query, "scale", None) or getattr(query, "minmatch", 0):
            raise Unsupported("Or with coordination or a minimum match")
        subqueries = query.subqueries  # type: ignore[attr-defined]
        if len(subqueries) == 1:  # Whoosh runs a single subquery as it is (its boost unused)
            _add(searcher, offset, subqueries[0], context, into)
        elif isinstance(query, Or) and query.boost == 1.0:
            for subquery in subqueries:  # summed as they come
                _add(searcher, offset, subquery, context, into)
        elif subqueries:
            if isinstance(query, Or):
                total = _part(searcher, offset, query, context, boost=1.0)
            else:
                parts = sorted((_part(searcher, offset, q, context) for q in subqueries), key=len)
                common = set(parts[0]).intersection(*parts[1:])
                total = {d: sum(part[d] for part in parts) for d in common}
            for d, s in total.items():
                into[d] = into.get(d, 0.0) + s * query.boost
    else:
        raise Unsupported(type(query).__name__)


def _part(
    searcher: Searcher, offset: int, query: Query, context: object, boost: float | None = None
) -> Scores:
    """The scores of one query of a compound on their own (an `Or` with `boost` 1.0: summed
    without its own boost, which the caller applies)."""
    found: Scores = {}
    if boost is not None:
        for subquery in query.subqueries:  # type: ignore[attr-defined]
            _add(searcher, offset, subquery, context, found)
    else:
        _add(searcher, offset, query, context, found)
    return found


def _term(searcher: Searcher, offset: int, query: Term, into: Scores) -> None:
    """Add BM25F scores of one term's postings (Whoosh: `searcher.postings` with its scorer)."""
    fieldname = query.fieldname
    if fieldname not in searcher.schema:
        return
    try:
        text = searcher.schema[fieldname].to_bytes(query.text)
    except ValueError:
        return
    found = _term_scores(searcher, fieldname, text)
    if found is None:
        return
    boost = query.boost
    get = into.get
    for docnum, score in zip(*found):
        docnum += offset
        into[docnum] = get(docnum, 0.0) + (score * boost if boost != 1.0 else score)


def _term_scores(searcher: Searcher, fieldname: str, text: bytes) -> tuple[array, array] | None:
    """(document numbers, unboosted scores) of a term's postings in one segment, None when the
    segment lacks the term; kept per open searcher (its statistics are fixed), the least
    recently read dropped beyond MAX_KEPT_POSTINGS: a question's query repeats terms (one
    stem of several inflections) and the questions of a session share most of them."""
    kept = _KEPT.setdefault(searcher, {})
    key = (fieldname, text)
    found = kept.pop(key, None)
    if found is None:
        found = _read_term_scores(searcher, fieldname, text)
        if found is None:
            return None
        total = _KEPT_SIZE.get(searcher, 0) + len(found[0])
        while kept and total > MAX_KEPT_POSTINGS:
            total -= len(kept.pop(next(iter(kept)))[0])
        _KEPT_SIZE[searcher] = total
    kept[key] = found
    return found


def _read_term_scores(searcher: Searcher, fieldname: str, text: bytes) -> tuple[array, array] | None:
    """A term's postings scored as Whoosh scores them (BM25F; a field that is not scorable:
    its weight)."""
    reader = searcher.reader()
    if (fieldname, text) not in reader:
        return None
    ids, scores = array("l"), array("d")
    scorer = searcher.weighting.scorer(searcher, fieldname, text)
    if not isinstance(scorer, BM25FScorer):
        for block_ids, weights in _blocks(reader, fieldname, text):
            ids.extend(block_ids)
            scores.extend(map(float, weights))
        return ids, scores
    idf, avgfl, b, k1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
    k1_1 = k1 + 1
    codes = _length_codes(reader, fieldname)
    count = len(codes)
    # k1 * ((1 - b) + b * fl / avgfl) for each of the 256 lengths a length byte stands for
    norms = [k1 * ((1 - b) + b * length / avgfl) for length in LENGTHS]
    for block_ids, weights in _blocks(reader, fieldname, text):
        for docnum, weight in zip(block_ids, weights):
            code = codes[docnum] if docnum < count else 0
            if code:
                norm = norms[code]
            else:  # no length byte: as Whoosh reads it
                norm = k1 * ((1 - b) + b * searcher.doc_field_length(docnum, fieldname, 1) / avgfl)
            # scoring.bm25(idf, tf, fl, avgfl, B, K1) = idf * ((tf * (K1 + 1)) / (tf + norm))
            ids.append(docnum)
            scores.append(idf * ((weight * k1_1) / (weight + norm)))
    return ids, scores


# The field length each length byte stands for (Whoosh stores lengths as one byte).
LENGTHS = [byte_to_length(code) for code in range(256)]


def _blocks(reader: object, fieldname: str, text: bytes) -> Iterator[tuple[Sequence, Sequence]]:
    """(document numbers, weights) of a term's postings, a block at a time when the matcher is
    Whoosh's standard one (the segment's deleted documents left out, as its `FilterMatcher`
    does); a posting at a time otherwise."""
    matcher = reader.postings(fieldname, text)  # type: ignore[attr-defined]
    deleted: frozenset[int] = frozenset()
    if type(matcher) is FilterMatcher and matcher._exclude:  # a segment with deletions
        deleted, matcher = frozenset(matcher._ids), matcher.child
    blocks = all(hasattr(matcher, name) for name in ("_read_ids", "_read_weights", "_next_block"))
    if not blocks:
        matcher = reader.postings(fieldname, text)  # type: ignore[attr-defined]
    while matcher.is_active():
        if not blocks:
            yield (matcher.id(),), (matcher.weight(),)
            matcher.next()
            continue
        if matcher._ids is None:
            matcher._read_ids()
        if matcher._weights is None:
            matcher._read_weights()
        ids, weights = matcher._ids[matcher._i :], matcher._weights[matcher._i :]
        if deleted and not deleted.isdisjoint(ids):
            kept = [(docnum, weight) for docnum, weight in zip(ids, weights) if docnum not in deleted]
            ids, weights = [d for d, _ in kept], [w for _, w in kept]
        yield ids, weights
        matcher._next_block()


def _length_codes(reader: object, fieldname: str) -> bytes | Sequence[int]:
    """The length byte of every document of a segment's field, read once per open reader (0:
    none, as for a document beyond the end)."""
    per_field = _LENGTHS.setdefault(reader, {})
    found = per_field.get(fieldname)
    if found is None:
        found = per_field[fieldname] = _read_length_codes(reader, fieldname)
    return found


def _read_length_codes(reader: object, fieldname: str) -> bytes | Sequence[int]:
    """In one read of Whoosh's length column; one document at a time when the reader is not
    Whoosh's segment reader."""
    try:
        perdoc = reader._perdoc  # type: ignore[attr-defined]
        column = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
        if column is None:
            return b""
        if column._fixedlen == 1:
            return bytes(column._dbfile.get(column._basepos, column._count))
    except AttributeError:
        pass
    read = reader.doc_field_length  # type: ignore[attr-defined]
    count = reader.doc_count_all()  # type: ignore[attr-defined]
    return [length_to_byte(read(d, fieldname, 0) or 0) for d in range(count)]


def stored_fields(searcher: Searcher) -> Callable[[int], dict]:
    """Document number -> its stored fields, as `searcher.stored_fields` gives them but read
    straight from each segment (Whoosh copies each record to drop fields no longer in the
    schema; this schema drops none)."""
    reader = searcher.reader()
    try:
        leaves = [(leaf._perdoc.stored_fields, offset) for leaf, offset in reader.leaf_readers()]
    except AttributeError:  # not Whoosh's segment readers: the standard way
        return searcher.stored_fields
    if len(leaves) == 1:
        return leaves[0][0]  # type: ignore[no-any-return]
    offsets = [offset for _, offset in leaves]
    return lambda docnum: _leaf_fields(leaves, offsets, docnum)


def _leaf_fields(leaves: list, offsets: list[int], docnum: int) -> dict:
    read, offset = leaves[bisect_right(offsets, docnum) - 1]
    return read(docnum - offset)  # type: ignore[no-any-return]


def highlight(
    searcher: Searcher, query: Query, fieldname: str, texts: Sequence[str],
    fragmenter: Fragmenter, formatter: Formatter, top: int,
) -> list[str]:
    """`Hit.highlights(fieldname, text=text, top=top)` for each text, as Whoosh does it when
    the field stores no character offsets (it analyzes the text again)."""
    field = searcher.schema[fieldname]
    terms = query.existing_terms(searcher.reader(), fieldname=fieldname, expand=True)
    words = frozenset(field.from_bytes(text) for _, text in terms)
    if not words:
        return ["" for _ in texts]
    highlighter = Highlighter(fragmenter=fragmenter, formatter=formatter)
    shown = []
    for text in texts:
        tokens = field.analyzer(text, positions=True, chars=True, mode="index", removestops=False)
        tokens = highlighter._merge_matched_tokens(set_matched_filter(tokens, words))
        fragments = fragmenter.fragment_tokens(text, tokens)
        fragments = top_fragments(fragments, top, highlighter.scorer, highlighter.order, minscore=1)
        shown.append(formatter.format(fragments))
    return shown
