"""The Whoosh index: schema, analyzers, incremental writer and search.

Only what `library.py` needs is exported; the modules behind it are private detail.
"""

from imvo_assist.index.search import (
    Filters,
    build_query,
    page_passages,
    passage_from_fields,
    run_query,
    search,
    tag_counts,
)
from imvo_assist.index.store import is_current, open_index
from imvo_assist.index.writer import IndexReport, Progress, file_records, update_index

__all__ = [
    "Filters",
    "IndexReport",
    "Progress",
    "build_query",
    "file_records",
    "is_current",
    "open_index",
    "page_passages",
    "passage_from_fields",
    "run_query",
    "search",
    "tag_counts",
    "update_index",
]
