"""The Whoosh index: schema, analyzers, incremental writer and search.

Only what `library.py` needs is exported; the modules behind it are private detail. Each name
is imported when first used (PEP 562): `ask` never loads the writer, extraction or worker
modules, and unpickling the schema (the benchmark's bare peer does) loads the schema alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from imvo_assist.lazy import lazy_exports

if TYPE_CHECKING:
    from imvo_assist.index.filters import Filters
    from imvo_assist.index.freshness import corpus_changed, files_changed
    from imvo_assist.index.inputs import (
        REGISTER_PATH,
        Catalogue,
        IndexReport,
        Progress,
        RegisterFact,
    )
    from imvo_assist.index.schema import current_meta, read_meta
    from imvo_assist.index.search import (
        build_query,
        has_match,
        matching_passages,
        page_passages,
        passage_from_fields,
        run_query,
        search,
        searching,
        tag_counts,
    )
    from imvo_assist.index.store import file_records, is_current, open_index, write_lock

_HOMES = {
    "REGISTER_PATH": "inputs", "Catalogue": "inputs", "IndexReport": "inputs",
    "Progress": "inputs", "RegisterFact": "inputs",
    "current_meta": "schema", "read_meta": "schema",
    "Filters": "filters", "build_query": "search", "has_match": "search", "page_passages": "search",
    "matching_passages": "search",
    "passage_from_fields": "search", "run_query": "search", "search": "search",
    "searching": "search", "tag_counts": "search",
    "corpus_changed": "freshness", "files_changed": "freshness",
    "file_records": "store", "is_current": "store", "open_index": "store", "write_lock": "store",
}

__all__ = [
    "REGISTER_PATH", "Catalogue", "Filters", "IndexReport", "Progress", "RegisterFact",
    "build_query", "corpus_changed", "current_meta", "file_records", "files_changed", "has_match",
    "is_current", "matching_passages", "open_index",
    "page_passages", "passage_from_fields", "read_meta", "run_query", "search", "searching",
    "tag_counts", "update_index", "write_lock",
]


def update_index(*args: object, **kwargs: object) -> IndexReport:
    """`writer.update_index` (see there), the writer loaded on the first call."""
    from imvo_assist.index.writer import update_index as update

    return update(*args, **kwargs)  # type: ignore[arg-type]


__getattr__ = lazy_exports(__name__, _HOMES)
