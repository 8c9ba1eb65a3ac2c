"""Source registers (bronnenboek): references, organisations, citations in the report.

Read a register (`read_register_csv`, `read_register_pdf`; `looks_like_register` routes
files), link the report's "[n]" markers to its entries (`link`), and answer "were we
included, and where are we cited?" (`inclusion_report`).
"""

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
