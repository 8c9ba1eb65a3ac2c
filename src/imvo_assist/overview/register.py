"""Bundled data the overviews need beyond the catalogue's records.

`corpus/coverage-themes.toml`: each covenant's theme list (facts) with our editorial mapping of
themes to risk ids. `corpus/documents.toml` notes (`date_note`, `kamerstuk_note`, ...): the
catalogue loader keeps only structured fields, but a note is where the register says that a
document is dated differently elsewhere ("lists it as of 24 November 2014").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from imvo_assist.catalogue.checks import Source
from imvo_assist.catalogue.loader import load_documents, load_vocabulary
from imvo_assist.overview.cited import CONFIDENCES, Confidence
from imvo_assist.paths import BUNDLED_CORPUS

THEMES_FILE = "coverage-themes.toml"
NOTE_SUFFIX = "_note"


@dataclass(frozen=True)
class Theme:
    """One theme of a covenant and the risk ids it names or touches."""

    theme: str
    same: tuple[str, ...] = ()
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class CovenantThemes:
    """A covenant's theme list, where it was seen, and the registered document it belongs to."""

    id: str
    document: str
    source_url: str
    themes: tuple[Theme, ...]


@dataclass(frozen=True)
class CoverageThemes:
    """The theme lists by registered covenant document, and neighbouring risks."""

    covenants: dict[str, CovenantThemes]
    """By registered document id (e.g. "convenant-kleding-textiel")."""
    related_risks: dict[str, tuple[str, ...]]
    mapping_source: str
    mapping_confidence: Confidence


@dataclass(frozen=True)
class Note:
    """A provenance note of a registered document and the page it names as its source."""

    field: str
    text: str
    source_url: str
    specific: bool = False
    """True when the register names a page for this note or its field (not only for the
    document as a whole)."""


def load_coverage_themes(path: Path | None = None) -> CoverageThemes:
    """Read and check a coverage-themes file; the bundled one (cached) when `path` is None.

    Raises:
        CorpusError: unreadable file, missing field, duplicate id, or a risk id, covenant or
            document the bundled catalogue does not know (the message names file and line).
    """
    return _bundled_themes() if path is None else _load_themes(path)


@functools.cache
def _bundled_themes() -> CoverageThemes:
    return _load_themes(BUNDLED_CORPUS / THEMES_FILE)


def _load_themes(path: Path) -> CoverageThemes:
    src = Source(path)
    risks = {risk.id for risk in load_vocabulary().risks}
    covenants = {d.id: d.register.covenant for d in load_documents() if d.kind == "covenant"}
    found: dict[str, CovenantThemes] = {}
    for entry in src.entries("covenant", ("id", "document", "themes_source_url", "themes")):
        src.check(
            covenants.get(entry["document"]) == entry["id"],
            "covenant",
            entry,
            f"names document '{entry['document']}', which is not that covenant's document "
            "in documents.toml",
            entry["document"],
        )
        themes = []
        for item in entry["themes"]:
            src.check(bool(item.get("theme")), "covenant", entry, "has a theme without text")
            for risk in (*item.get("same", ()), *item.get("related", ())):
                src.check(
                    risk in risks, "covenant", entry, f"maps to unknown risk id '{risk}'", risk
                )
            themes.append(
                Theme(item["theme"], tuple(item.get("same", ())), tuple(item.get("related", ())))
            )
        found[entry["document"]] = CovenantThemes(
            entry["id"], entry["document"], entry["themes_source_url"], tuple(themes)
        )
    related = {}
    for entry in src.entries("related_risks", ("id", "related")):
        for risk in (entry["id"], *entry["related"]):
            src.check(
                risk in risks, "related_risks", entry, f"names unknown risk id '{risk}'", risk
            )
        related[entry["id"]] = tuple(entry["related"])
    confidence = src.data.get("mapping_confidence", "inferred")
    if confidence not in CONFIDENCES:
        raise src.error(
            "covenant", 1, f"mapping_confidence must be one of {', '.join(CONFIDENCES)}"
        )
    return CoverageThemes(
        found, related, str(src.data.get("mapping_source", "editorial")), confidence
    )


@functools.cache
def register_notes() -> dict[str, tuple[Note, ...]]:
    """The `*_note` fields of every registered document, each with its source page: the
    note's own `<field>_source_url`, else the field's, else the document's `source_url`; notes
    with a page of their own first."""
    data = Source(BUNDLED_CORPUS / "documents.toml").data
    notes: dict[str, tuple[Note, ...]] = {}
    for entry in data.get("document", []):
        found = []
        for key, value in entry.items():
            if not key.endswith(NOTE_SUFFIX) or not isinstance(value, str):
                continue
            field = key.removesuffix(NOTE_SUFFIX)
            own = entry.get(f"{key}_source_url") or entry.get(f"{field}_source_url")
            url = own or entry.get("source_url", "")
            found.append(Note(field, value, str(url), bool(own)))
        notes[entry["id"]] = tuple(sorted(found, key=lambda note: not note.specific))
    return notes
