"""The bundled register: sectors, risk themes, organisations and the real documents.

Owns `corpus/vocabulary.toml` and `corpus/documents.toml`. Both are edited by hand, so loading
checks them and every error names the file and line. The vocabulary drives tagging, query
understanding and did-you-mean: exact lookups on folded forms (lower case, no accents, hyphens as
spaces, '&' = 'en' = 'and') and rapidfuzz for organisation spellings and typos.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal, TypeVar

from rapidfuzz import fuzz, process

from imvo_assist.errors import CorpusError
from imvo_assist.paths import BUNDLED_CORPUS

DOCUMENT_KINDS = frozenset({"letter", "report", "advice", "covenant", "register", "note", "other"})
ORGANISATION_KINDS = frozenset({"government", "advisory", "consultancy", "ngo", "union",
                                "trade-association", "knowledge-institute", "other"})
TermKind = Literal["sector", "risk", "organisation"]
_E = TypeVar("_E", bound="_Entry")
_T = TypeVar("_T")

_DASHES = re.compile(r"[-\u2010-\u2015\u2212]+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "&": " & "})
_CONNECTORS = ((" & ", " en "), (" & ", " and "), (" en ", " & "), (" and ", " & "))
_SECTOR_SUFFIXES = ("sectoren", "sector", "industrie", "branche")
# Forms this short ("FNV" vs "CNV", "ICN" vs "ICCO") are matched exactly, never fuzzily.
_MIN_FUZZY_LENGTH = 6


def fold(text: str) -> str:
    """The matching form of a text: lower case, accents removed, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(_DASHES.sub(" ", text).split())


def _variants(folded: str) -> set[str]:
    """A folded form plus its spellings with '&', 'en' and 'and' exchanged."""
    return {folded} | {folded.replace(a, b) for a, b in _CONNECTORS if a in folded}


@dataclass(frozen=True)
class _Entry:
    id: str
    name_nl: str
    name_en: str
    low_confidence: frozenset[str] = field(default=frozenset(), kw_only=True)
    """Fields the facts mark `confidence = "low"` ("entry" for the whole entry)."""

    def name(self, language: str = "nl") -> str:
        """The display name in a language ("nl" or "en")."""
        return self.name_en if language == "en" else self.name_nl

    def forms(self) -> tuple[str, ...]:
        """Every surface form that refers to this entry, names first."""
        return (self.name_nl, self.name_en)


@dataclass(frozen=True)
class Category(_Entry):
    """A risk category: milieu, arbeid, mensenrechten, corruptie, belastingen."""


@dataclass(frozen=True)
class Sector(_Entry):
    """One of the 13 sectors with elevated CSR risk in the KPMG analysis."""

    synonyms_nl: tuple[str, ...] = ()
    synonyms_en: tuple[str, ...] = ()
    everyday: tuple[str, ...] = ()
    """Everyday words that point at the sector (smartphone -> elektronica)."""
    risks: tuple[str, ...] = ()
    """Risk ids the KPMG overview names for the sector: examples, not a closed list."""
    covenants: tuple[str, ...] = ()
    kpmg_chapter: str = ""
    kpmg_chapter_en: str = ""
    page_nl: str | None = None
    """Printed first page of the chapter in the Dutch report; None when unknown."""
    page_en: str | None = None
    source_url: str = ""

    def forms(self) -> tuple[str, ...]:
        return (*super().forms(), *self.synonyms_nl, *self.synonyms_en, *self.everyday)


@dataclass(frozen=True)
class Risk(_Entry):
    """A risk theme (kinderarbeid, landroof, ...) in one category."""

    category: str = ""
    synonyms_nl: tuple[str, ...] = ()
    synonyms_en: tuple[str, ...] = ()
    kpmg_overview: bool = False
    """True when the KPMG risk overview names the theme."""
    source_url: str = ""

    def forms(self) -> tuple[str, ...]:
        return (*super().forms(), *self.synonyms_nl, *self.synonyms_en)


@dataclass(frozen=True)
class Organisation(_Entry):
    """An organisation with its names, abbreviations and spellings."""

    kind: str = "other"
    abbreviations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    synthetic: bool = False
    """True for names that occur only in the synthetic test register."""
    source_url: str = ""
    source: str = ""

    def forms(self) -> tuple[str, ...]:
        return (*super().forms(), *self.abbreviations, *self.aliases)


class _Conflict(Exception):
    """One folded form claimed by two entries of a kind: args are (form, first id, second id)."""


def _index(entries: Iterable[_Entry]) -> dict[str, str]:
    """Folded form (and variants) -> entry id; raises `_Conflict` for a form with two ids."""
    index: dict[str, str] = {}
    for entry in entries:
        for form in (entry.id, *entry.forms()):
            for key in _variants(fold(form)):
                if index.setdefault(key, entry.id) != entry.id:
                    raise _Conflict(form, index[key], entry.id)
    return index


@dataclass(frozen=True)
class Vocabulary:
    """Sectors, risks and organisations with lookups by id, word and spelling."""

    sectors: tuple[Sector, ...]
    risks: tuple[Risk, ...]
    organisations: tuple[Organisation, ...]
    categories: tuple[Category, ...] = ()
    version: int = 1
    _keys: dict[str, dict[str, str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys = {kind: _index(entries) for kind, entries in self._groups().items()}
        orgs = keys["organisation"]  # "Stichting X" and "X" are one spelling
        orgs |= {_org_key(k): id for k, id in orgs.items() if _org_key(k) not in orgs}
        object.__setattr__(self, "_keys", keys)

    def _groups(self) -> dict[TermKind, tuple[_Entry, ...]]:
        return {"sector": self.sectors, "risk": self.risks, "organisation": self.organisations}

    def sector(self, id: str) -> Sector:
        """The sector with this id; `KeyError` when there is none."""
        return _by_id(self.sectors, id)

    def risk(self, id: str) -> Risk:
        """The risk theme with this id; `KeyError` when there is none."""
        return _by_id(self.risks, id)

    def organisation(self, id: str) -> Organisation:
        """The organisation with this id; `KeyError` when there is none."""
        return _by_id(self.organisations, id)

    def category(self, id: str) -> Category:
        """The risk category with this id; `KeyError` when there is none."""
        return _by_id(self.categories, id)

    def terms(self) -> Iterator[tuple[str, TermKind, str]]:
        """Every surface form for tagging, as (form, kind, id); '&'/'en' spellings included."""
        for kind, entries in self._groups().items():
            for entry in entries:
                seen: set[str] = set()
                for form in entry.forms():
                    for key in sorted(_variants(fold(form)) - seen):
                        seen.add(key)
                        yield (form if fold(form) == key else key), kind, entry.id

    def match_sector(self, word: str) -> Sector | None:
        """The sector a word or phrase names exactly (after folding), else None.

        Compounds on -sector/-industrie/-branche also match ("landbouwsector").
        """
        key = fold(word)
        candidates = [key]
        for suffix in _SECTOR_SUFFIXES:
            stem = key.removesuffix(suffix).strip()
            if stem != key and len(stem) > 2:
                candidates += [stem, stem.removesuffix("s")]
        ids = self._keys["sector"]
        return next((self.sector(ids[c]) for c in candidates if c in ids), None)

    def match_sectors(self, label: str) -> tuple[Sector, ...]:
        """The sectors a label names: "Metaal / Elektronica" gives two, "hout en papier" one."""
        whole = self.match_sector(label)
        if whole:
            return (whole,)
        parts = (self.match_sector(p) for p in re.split(r"/|,|&|\ben\b|\band\b", fold(label)))
        return tuple(dict.fromkeys(s for s in parts if s))

    def match_risk(self, word: str) -> Risk | None:
        """The risk theme a word or phrase names exactly (after folding), else None."""
        id = self._keys["risk"].get(fold(word))
        return self.risk(id) if id else None

    def match_organisation(
        self, name: str, threshold: float = 88.0
    ) -> tuple[Organisation, float] | None:
        """The organisation a spelling refers to, with a score from 0 to 100.

        Exact on folded names, abbreviations and aliases (score 100), ignoring a leading
        "Stichting"/"Vereniging" and trying the parts around parentheses; otherwise fuzzy
        (token order ignored) over forms of at least six characters, so typos still match.
        """
        ids = self._keys["organisation"]
        whole = _org_key(name)
        for key in (whole, *(_org_key(p) for p in re.split(r"[()]", name))):
            if key in ids:
                return self.organisation(ids[key]), 100.0
        choices = [key for key in ids if len(key) >= _MIN_FUZZY_LENGTH]
        best = process.extractOne(whole, choices, scorer=fuzz.token_sort_ratio,
                                  score_cutoff=threshold)
        return (self.organisation(ids[best[0]]), float(best[1])) if best else None

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Did-you-mean: the known names and synonyms closest to a word, best first."""
        surfaces: dict[str, str] = {}
        for form, _, _ in self.terms():
            surfaces.setdefault(fold(form), form)
        found = process.extract(fold(word), list(surfaces), scorer=fuzz.ratio, limit=limit,
                                score_cutoff=70)
        return [surfaces[key] for key, _, _ in found]


def _by_id(entries: tuple[_E, ...], id: str) -> _E:
    for entry in entries:
        if entry.id == id:
            return entry
    raise KeyError(id)


def _org_key(name: str) -> str:
    key = fold(name)
    for prefix in ("stichting ", "vereniging "):
        key = key.removeprefix(prefix)
    return key


@dataclass(frozen=True)
class Chapter:
    """A chapter of a document, with its printed first page."""

    title: str
    page: str | None
    """Printed page label; None when not legible in the sources."""
    nr: str = ""
    sectors: tuple[str, ...] = ()
    page_inferred: str | None = None
    """Our own estimate where `page` is unknown (always low confidence)."""


@dataclass(frozen=True)
class RegisterDocument:
    """A real document of the IMVO corpus as described in `corpus/documents.toml`."""

    id: str
    title: str
    kind: str
    language: str
    url: str | None
    """Official page of the document; None when no official page is known."""
    source_url: str
    """Where the facts about the document were seen."""
    title_en: str = ""
    publisher: str = ""
    date: str = ""
    citation: str = ""
    kamerstuk: str = ""
    """"<dossier>, nr. <n>" when the document itself is a numbered parliamentary paper."""
    file_url: str | None = None
    description: str = ""
    covenant: str = ""
    sectors: tuple[str, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    files: tuple[str, ...] = ()
    """Corpus file names that are this document."""
    low_confidence: frozenset[str] = frozenset()


class _Source:
    """A register file's path, raw text and data, to put file and line into errors."""

    def __init__(self, path: Path) -> None:
        try:
            self.text = path.read_text(encoding="utf-8-sig")
            self.data: dict[str, Any] = tomllib.loads(self.text)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise CorpusError(f"{path}: cannot read ({exc})", "Fix the register file.") from exc
        self.path = path

    def error(self, table: str, entry: dict[str, Any] | int, problem: str,
              *patterns: str) -> CorpusError:
        """An error at an entry's line, or at the line of `patterns` searched from there on."""
        steps = [rf"^\s*\[\[{table}\]\]"]
        if isinstance(entry, int):
            steps *= entry
        else:
            steps.append(rf'^\s*id\s*=\s*"{re.escape(entry["id"])}"')
        pos, line = 0, 1
        for pattern in (*steps, *patterns):
            match = re.compile(pattern, re.MULTILINE).search(self.text, pos)
            if match is None:
                break
            pos, line = match.end(), self.text.count("\n", 0, match.start()) + 1
        return CorpusError(f"{self.path}, line {line}: {problem}", "Fix the register file.")

    def entries(self, table: str, required: tuple[str, ...]) -> list[dict[str, Any]]:
        """The `[[table]]` entries, checked for required fields and unique ids."""
        seen: set[str] = set()
        entries: list[dict[str, Any]] = self.data.get(table, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise self.error(table, 1, f"'{table}' must be written as [[{table}]] tables")
        for n, entry in enumerate(entries, 1):
            for key in required:
                if entry.get(key) in (None, "", []):
                    where = entry if "id" in entry else n
                    raise self.error(table, where, f"{table} entry {n} lacks field '{key}'")
            if entry["id"] in seen:  # the line of the second `id = "..."`
                raise self.error(table, entry, f"duplicate {table} id '{entry['id']}'",
                                 rf'^\s*id\s*=\s*"{re.escape(entry["id"])}"')
            seen.add(entry["id"])
        return entries

    def check(self, ok: bool, table: str, entry: dict[str, Any], problem: str,
              value: str = "") -> None:
        """Raise an error at the entry (or at `value` inside it) unless `ok`."""
        if not ok:
            raise self.error(table, entry, f"{table} '{entry['id']}' {problem}",
                             *([rf'"{re.escape(value)}"'] if value else []))


def _known(value: object) -> str | None:
    """A value as text; None when missing or "unknown"."""
    return None if value in (None, "", "unknown") else str(value)


def _build(cls: type[_T], entry: dict[str, Any], **overrides: Any) -> _T:
    """A dataclass from a TOML entry: its fields (lists as tuples) and confidence markers."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in entry.items() if k in names}
    low = {k.removesuffix("_confidence") for k, v in entry.items()
           if k.endswith("_confidence") and v == "low"}
    low |= {"entry"} if entry.get("confidence") == "low" else set()
    return cls(**values | {"low_confidence": frozenset(low)} | overrides)


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Load and check a vocabulary file; the bundled one (cached) when `path` is None.

    Raises:
        CorpusError: unreadable file, missing field, duplicate id, unknown risk, category or
            kind, or one word pointing at two sectors (risks, organisations); the message
            names the file and line.
    """
    return _bundled_vocabulary() if path is None else _load_vocabulary(path)


def _load_vocabulary(path: Path) -> Vocabulary:
    src = _Source(path)
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
    for table, group in groups.items():
        try:
            _index(group)
        except _Conflict as clash:
            form, first, second = clash.args
            raise src.error(table, {"id": second},
                            f"'{form}' points at two {table}s: '{first}' and '{second}'",
                            rf'"{re.escape(form)}"') from None
    return Vocabulary(tuple(sectors), tuple(risks), tuple(organisations), tuple(categories),
                      int(src.data.get("version", 1)))


def load_documents(
    path: Path | None = None, vocabulary: Vocabulary | None = None
) -> list[RegisterDocument]:
    """Load and check a document register; the bundled one (cached) when `path` is None.

    Sector ids are checked against `vocabulary` when given (the bundled vocabulary for the
    bundled register).

    Raises:
        CorpusError: unreadable file, missing field, duplicate id, unknown kind, language or
            sector; the message names the file and line.
    """
    return list(_bundled_documents()) if path is None else _load_documents(path, vocabulary)


def _load_documents(path: Path, vocabulary: Vocabulary | None) -> list[RegisterDocument]:
    src = _Source(path)
    sector_ids = {s.id for s in vocabulary.sectors} if vocabulary else None
    documents = []
    for entry in src.entries("document", ("id", "title", "kind", "language", "url", "source_url")):
        src.check(entry["kind"] in DOCUMENT_KINDS, "document", entry,
                  f"has unknown kind '{entry['kind']}'", entry["kind"])
        src.check(entry["language"] in ("nl", "en"), "document", entry,
                  f"has unknown language '{entry['language']}'", entry["language"])
        chapters = tuple(
            Chapter(str(c["title"]), _known(c.get("page")), str(c.get("nr", "")),
                    tuple(c.get("sectors", ())), _known(c.get("page_inferred")))
            for c in entry.get("chapters", [])
        )
        for sector in [*entry.get("sectors", []), *(s for c in chapters for s in c.sectors)]:
            src.check(sector_ids is None or sector in sector_ids, "document", entry,
                      f"names unknown sector '{sector}'", sector)
        documents.append(_build(
            RegisterDocument, entry, url=_known(entry["url"]),
            date=_known(entry.get("date")) or "", chapters=chapters,
        ))
    return documents


@functools.cache
def _bundled_vocabulary() -> Vocabulary:
    return _load_vocabulary(BUNDLED_CORPUS / "vocabulary.toml")


@functools.cache
def _bundled_documents() -> tuple[RegisterDocument, ...]:
    return tuple(_load_documents(BUNDLED_CORPUS / "documents.toml", load_vocabulary()))
