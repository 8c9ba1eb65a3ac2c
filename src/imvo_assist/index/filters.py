"""Search filters, and the document sets they stand for in an open searcher (built once each).

A search returns passage records only; the file and source-register records (few) are masked.
"""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from whoosh.query import And, Or, Term
from whoosh.searching import Searcher


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


# Per open searcher: (allowed doc numbers or None for "all", doc numbers of records that are not
# passages) of each `Filters` used with it. A searcher is a fixed snapshot of the index, so the
# sets stay right for its life; they go with it.
_FILTER_SETS: WeakKeyDictionary[Searcher, dict[Filters, tuple[set[int] | None, set[int]]]]
_FILTER_SETS = WeakKeyDictionary()
MAX_CACHED_FILTERS = 64
# Fields with one value per passage: "not this value" is "one of the others".
SINGLE_VALUED = frozenset({"doc_id", "kind", "source", "lang"})


def filter_sets(searcher: Searcher, filters: Filters) -> tuple[set[int] | None, set[int]]:
    """The doc numbers a search with `filters` may return (None: any passage), and those of
    the file and reference records, which it never returns. Built once per searcher: only
    passages are searched, and the non-passage records are few, so a search without
    restrictions needs no set of (nearly) every document."""
    cached = _FILTER_SETS.setdefault(searcher, {})
    found = cached.get(filters)
    if found is None:
        others = Or([Term("record", r) for r in _record_kinds(searcher) if r != "passage"])
        terms = [
            Term(field, value) for field, value in (
                ("doc_id", filters.doc), ("kind", filters.kind), ("sectors", filters.sector),
                ("risks", filters.risk), ("orgs", filters.org), ("source", filters.source),
                ("lang", filters.language),
            ) if value
        ]
        excluded = _complement(searcher, terms)
        if excluded is not None:  # a common value: the few other records are masked instead
            others, terms = Or([others, excluded]), []
        # sets, not frozensets: Whoosh takes a `set` (or its own DocIdSet) as a filter
        allowed = set(searcher.docs_for_query(And(terms))) if terms else None
        found = (allowed, set(searcher.docs_for_query(others)))
        if len(cached) >= MAX_CACHED_FILTERS:
            cached.clear()
        cached[filters] = found
    return found


def _record_kinds(searcher: Searcher) -> list[str]:
    return [
        r.decode("utf-8") if isinstance(r, bytes) else r
        for r in searcher.reader().lexicon("record")
    ]


def _complement(searcher: Searcher, terms: list[Term]) -> Or | None:
    """For a filter of one single-valued field whose value most passages have ("source":
    "passage"), the passages with any other value: a small set to mask where the filter's own
    set would hold nearly every document (building it cost a cold `ask` 20 ms at 9,000
    passages)."""
    if len(terms) != 1 or terms[0].fieldname not in SINGLE_VALUED:
        return None
    field, value = terms[0].fieldname, terms[0].text
    if searcher.doc_frequency(field, value) * 2 <= searcher.doc_count_all():
        return None
    values = [v.decode("utf-8") if isinstance(v, bytes) else v for v in searcher.reader().lexicon(field)]
    return Or([Term(field, v) for v in values if v != value])
