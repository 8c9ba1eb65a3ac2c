"""Source registers (bronnenboek): references, organisations, citations in the report.

Read a register (`read_register_csv`, `read_register_pdf`; `looks_like_register` routes
files), link the report's "[n]" markers to its entries (`link`), and answer "were we
included, and where are we cited?" (`inclusion_report`).

Each name is imported when first used (PEP 562): answering a question links citations but never
reads a register file, so `ask` does not load the readers (and their table and HTML parsers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from imvo_assist.lazy import lazy_exports

if TYPE_CHECKING:
    from imvo_assist.bronnenboek.links import find_markers, find_uncertain_markers, link
    from imvo_assist.bronnenboek.organisations import normalise_organisation
    from imvo_assist.bronnenboek.parse import (
        looks_like_register,
        read_references,
        read_register_csv,
        read_register_pdf,
    )
    from imvo_assist.bronnenboek.records import CitingPassage, Reference, RefKey
    from imvo_assist.bronnenboek.report import (
        InclusionReport,
        check,
        filter_references,
        inclusion_report,
        unmatched,
    )

_HOMES = {
    "find_markers": "links", "find_uncertain_markers": "links", "link": "links",
    "normalise_organisation": "organisations",
    "looks_like_register": "parse", "read_references": "parse", "read_register_csv": "parse",
    "read_register_pdf": "parse",
    "CitingPassage": "records", "Reference": "records", "RefKey": "records",
    "InclusionReport": "report", "check": "report", "filter_references": "report",
    "inclusion_report": "report", "unmatched": "report",
}

__all__ = [
    "CitingPassage",
    "InclusionReport",
    "RefKey",
    "Reference",
    "check",
    "filter_references",
    "find_markers",
    "find_uncertain_markers",
    "inclusion_report",
    "link",
    "looks_like_register",
    "normalise_organisation",
    "read_references",
    "read_register_csv",
    "read_register_pdf",
    "unmatched",
]


__getattr__ = lazy_exports(__name__, _HOMES)
