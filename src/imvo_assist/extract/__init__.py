"""Extraction: one file of the corpus in, its document record and passages out
(`pipeline.extract_file`, run by a worker process; readers per file type beside it).

Each name is imported when first used (PEP 562): the index's version check reads
`extract.version` without loading the readers and the layout code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from imvo_assist.lazy import lazy_exports

if TYPE_CHECKING:
    from imvo_assist.extract.pipeline import (
        PLAIN,
        Enrichment,
        ExtractResult,
        NoTextError,
        Tags,
        extract_file,
    )

_HOMES = dict.fromkeys(
    ("PLAIN", "Enrichment", "ExtractResult", "NoTextError", "Tags", "extract_file"), "pipeline"
)

__all__ = ["PLAIN", "Enrichment", "ExtractResult", "NoTextError", "Tags", "extract_file"]

__getattr__ = lazy_exports(__name__, _HOMES)
