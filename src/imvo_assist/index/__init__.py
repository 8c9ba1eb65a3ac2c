"""The Whoosh index: schema, analyzers, incremental writer and search.

Only what `library.py` needs is exported; the modules behind it are private detail.
"""

from imvo_assist.index.schema import current_meta, read_meta
from imvo_assist.index.search import (
    Filters,
    build_query,
    page_passages,
    passage_from_fields,
    run_query,
    search,
    tag_counts,
)
from imvo_assist.index.store import is_current, open_index, write_lock
from imvo_assist.index.writer import (
    REGISTER_PATH,
    Catalogue,
    IndexReport,
    Progress,
    RegisterFact,
    file_records,
    update_index,
)

__all__ = [
    "REGISTER_PATH",
    "Catalogue",
    "Filters",
    "IndexReport",
    "Progress",
    "RegisterFact",
    "build_query",
    "current_meta",
    "file_records",
    "is_current",
    "open_index",
    "page_passages",
    "passage_from_fields",
    "read_meta",
    "run_query",
    "search",
    "tag_counts",
    "update_index",
    "write_lock",
]
