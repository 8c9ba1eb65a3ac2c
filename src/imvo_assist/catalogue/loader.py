"""Loading the bundled catalogue: `corpus/vocabulary.toml` and `corpus/documents.toml`.

Both are edited by hand, so loading checks them (`catalogue.checks`) and every error names the
file and line.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any, TypeVar

from imvo_assist import models
from imvo_assist.catalogue import checks
from imvo_assist.catalogue import vocabulary as vocabulary_module
from imvo_assist.catalogue.checks import Source
from imvo_assist.catalogue.vocabulary import (
    DOCUMENT_KINDS,
    ORGANISATION_KINDS,
    Category,
    Conflict,
    Organisation,
    Risk,
    Sector,
    Vocabulary,
    index_forms,
)
from imvo_assist.models import Chapter, Document, Level, RegisterFacts, Trust
from imvo_assist.paths import BUNDLED_CORPUS
from imvo_assist.text import fold as folding
from imvo_assist.text.datacache import cached_build

_T = TypeVar("_T")
# `*_confidence` values: "low" (the facts' marker) means "reported".
CONFIDENCE_VALUES: dict[str, Level] = {
    "verified": "verified", "reported": "reported", "low": "reported", "inferred": "inferred",
}
INDEXED_FIELDS = ("file", "sha256", "pages")
"""Facts of a document's indexed file: never taken from a register entry (whose `pages` is the
printed page count)."""


def _known(value: object) -> str | None:
    """A value as text; None when missing or "unknown"."""
    return None if value in (None, "", "unknown") else str(value)


def _trust(entry: dict[str, Any]) -> dict[str, Trust]:
    """Field -> Trust for every `<field>_confidence` (and `confidence`, as "entry") of an entry.

    A field's reason is `<field>_basis_nl` / `_basis_en` (`confidence_basis_*` for the entry),
    the page that stated it `<field>_source_url`.
    """
    found: dict[str, Trust] = {}
    for key, value in entry.items():
        if key != "confidence" and not key.endswith("_confidence"):
            continue
        name = "entry" if key == "confidence" else key.removesuffix("_confidence")
        prefix = "confidence" if name == "entry" else name
        found[name] = Trust(
            CONFIDENCE_VALUES.get(str(value), "reported"),
            str(entry.get(f"{prefix}_basis_nl", "")), str(entry.get(f"{prefix}_basis_en", "")),
            "" if name == "entry" else str(entry.get(f"{name}_source_url", "")),
        )
    return found


def _check_confidence(src: Source, table: str, entry: dict[str, Any]) -> None:
    """Every confidence marker of an entry has a known value."""
    for key, value in entry.items():
        if key == "confidence" or key.endswith("_confidence"):
            src.check(value in CONFIDENCE_VALUES, table, entry,
                      f"has unknown {key} '{value}' (use {', '.join(CONFIDENCE_VALUES)})",
                      str(value))


def _build(cls: type[_T], entry: dict[str, Any], **overrides: Any) -> _T:
    """A dataclass from a TOML entry: its fields (lists as tuples) and confidence markers."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in entry.items() if k in names}
    trust = _trust(entry)
    low = frozenset(name for name, t in trust.items() if t.level != "verified")
    extra = {"low_confidence": low, "trust": trust}
    return cls(**values | {k: v for k, v in extra.items() if k in names} | overrides)


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Load and check a vocabulary file; the bundled one (cached) when `path` is None.

    Raises:
        CorpusError: unreadable file, missing field, duplicate id, unknown risk, category or
            kind, or one word pointing at two sectors (risks, organisations); the message
            names the file and line.
    """
    return _bundled_vocabulary() if path is None else _load_vocabulary(path)


def _load_vocabulary(path: Path) -> Vocabulary:
    src = Source(path)
    names = ("id", "name_nl", "name_en")
    categories = [_build(Category, e) for e in src.entries("category", names)]
    risks = []
    for entry in src.entries("risk", (*names, "category", "source_url")):
        src.check(entry["category"] in {c.id for c in categories}, "risk", entry,
                  f"has unknown category '{entry['category']}'", entry["category"])
        risks.append(_build(Risk, entry))
    sectors = []
    for entry in src.entries("sector", (*names, "source_url")):
        for risk in entry.get("risks", []):
            src.check(risk in {r.id for r in risks}, "sector", entry,
                      f"names unknown risk id '{risk}'", risk)
        pages = {key: _known(entry.get(key)) for key in ("page_nl", "page_en")}
        sectors.append(_build(Sector, entry, **pages))
    organisations = []
    for entry in src.entries("organisation", ("id", "name_nl", "kind")):
        src.check(entry["kind"] in ORGANISATION_KINDS, "organisation", entry,
                  f"has unknown kind '{entry['kind']}'", entry["kind"])
        src.check(bool(entry.get("source_url") or entry.get("source")), "organisation", entry,
                  "has no source_url or source")
        organisations.append(_build(Organisation, {"name_en": entry["name_nl"], **entry}))
    groups: dict[str, list[Any]] = {"sector": sectors, "risk": risks, "organisation": organisations}
    for table in ("category", *groups):
        for entry in src.data.get(table, []):
            _check_confidence(src, table, entry)
    for table, group in groups.items():
        try:
            index_forms(group)
        except Conflict as clash:
            form, first, second = clash.args
            raise src.error(table, {"id": second},
                            f"'{form}' points at two {table}s: '{first}' and '{second}'",
                            rf'"{re.escape(form)}"') from None
    return Vocabulary(tuple(sectors), tuple(risks), tuple(organisations), tuple(categories),
                      int(src.data.get("version", 1)))


def load_documents(
    path: Path | None = None, vocabulary: Vocabulary | None = None
) -> list[Document]:
    """Load and check a document register; the bundled one (cached) when `path` is None.

    Sector ids are checked against `vocabulary` when given (the bundled vocabulary for the
    bundled register).

    Raises:
        CorpusError: unreadable file, missing field, duplicate id, unknown kind, language or
            sector; the message names the file and line.
    """
    return list(_bundled_documents()) if path is None else _load_documents(path, vocabulary)


def _load_documents(path: Path, vocabulary: Vocabulary | None) -> list[Document]:
    src = Source(path)
    sector_ids = {s.id for s in vocabulary.sectors} if vocabulary else None
    documents = []
    for entry in src.entries("document", ("id", "title", "kind", "language", "url", "source_url")):
        src.check(entry["kind"] in DOCUMENT_KINDS, "document", entry,
                  f"has unknown kind '{entry['kind']}'", entry["kind"])
        src.check(entry["language"] in ("nl", "en"), "document", entry,
                  f"has unknown language '{entry['language']}'", entry["language"])
        _check_confidence(src, "document", entry)
        chapters = tuple(
            Chapter(str(c["title"]), _known(c.get("page")), str(c.get("nr", "")),
                    tuple(c.get("sectors", ())), _known(c.get("page_inferred")))
            for c in entry.get("chapters", [])
        )
        for sector in [*entry.get("sectors", []), *(s for c in chapters for s in c.sectors)]:
            src.check(sector_ids is None or sector in sector_ids, "document", entry,
                      f"names unknown sector '{sector}'", sector)
        described = {k: v for k, v in entry.items() if k not in INDEXED_FIELDS}
        documents.append(_build(
            Document, described, url=_known(entry["url"]) or "",
            date=_known(entry.get("date")) or "",
            register=_build(RegisterFacts, entry, chapters=chapters),
        ))
    ids = {d.id for d in documents}
    for entry in src.data.get("document", []):
        for other in entry.get("complete_in", []):
            src.check(other in ids, "document", entry, f"names unknown document '{other}'", other)
    return documents


@functools.cache
def _bundled_vocabulary() -> Vocabulary:
    path = BUNDLED_CORPUS / "vocabulary.toml"
    return _kept("vocabulary", path, lambda: _load_vocabulary(path), Vocabulary)


@functools.cache
def _bundled_documents() -> tuple[Document, ...]:
    path = BUNDLED_CORPUS / "documents.toml"
    build = lambda: tuple(_load_documents(path, load_vocabulary()))
    return _kept("documents", path, build, tuple, BUNDLED_CORPUS / "vocabulary.toml")


def _kept(name: str, path: Path, build: Callable[[], _T], kind: type, *also: Path) -> _T:
    """A bundled catalogue file as loaded, kept between runs (`datacache`) under the file, the
    modules that read, check and hold it, and `also`; a missing file is loaded (its error)."""
    modules = (sys.modules[__name__], checks, vocabulary_module, models, folding)
    sources = (path, *also, *(Path(str(module.__file__)) for module in modules))
    if not all(source.is_file() for source in sources):
        return build()
    return cached_build(name, sources, build, kind)
