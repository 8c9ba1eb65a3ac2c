"""The library both front ends call, and all they call: open an indexed corpus, search, ask,
list and show documents, the source register, and keep the corpus and index up to date.

`cli/` and `tui/` hold no retrieval or extraction logic; they parse input, call one function
here and render what it returns. The source register's types (`library.sources`) are imported
when first named: a question or a search does not need them.
"""

from typing import TYPE_CHECKING

from imvo_assist.lazy import lazy_exports
from imvo_assist.library.core import Library
from imvo_assist.library.inputs import index_catalogue, registered_documents
from imvo_assist.library.searchresult import SearchResult
from imvo_assist.library.upkeep import (
    add_files,
    fetch_documents,
    is_stale,
    open_library,
    refresh,
    scan_corpus,
)

if TYPE_CHECKING:
    from imvo_assist.library.sources import RegisterProblems, Sources, Spellings

__all__ = [
    "Library",
    "RegisterProblems",
    "SearchResult",
    "Sources",
    "Spellings",
    "add_files",
    "fetch_documents",
    "index_catalogue",
    "is_stale",
    "open_library",
    "refresh",
    "registered_documents",
    "scan_corpus",
]


# `RegisterProblems`, `Sources` and `Spellings`, from `library.sources` when first named.
__getattr__ = lazy_exports(
    __name__, dict.fromkeys(("RegisterProblems", "Sources", "Spellings"), "sources")
)
