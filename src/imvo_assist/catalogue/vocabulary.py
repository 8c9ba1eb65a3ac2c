"""The bundled catalogue's vocabulary: sectors, risk themes and organisations (registered
documents are `models.Document` records).

The vocabulary drives tagging, query understanding and did-you-mean: exact lookups on folded
forms (lower case, no accents, hyphens as spaces, '&' = 'en' = 'and') and rapidfuzz for
organisation spellings and typos. `catalogue.loader` reads the files; `catalogue.checks` puts
file and line into every error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, TypeVar

from rapidfuzz import fuzz, process

from imvo_assist.text.fold import fold

DOCUMENT_KINDS = frozenset({"letter", "report", "advice", "covenant", "register", "note",
                            "web page", "other"})
ORGANISATION_KINDS = frozenset({"government", "advisory", "consultancy", "ngo", "union",
                                "trade-association", "knowledge-institute", "other"})
TermKind = Literal["sector", "risk", "organisation"]
_E = TypeVar("_E", bound="_Entry")

_CONNECTORS = ((" & ", " en "), (" & ", " and "), (" en ", " & "), (" and ", " & "))
_SECTOR_SUFFIXES = ("sectoren", "sector", "industrie", "branche")
# Forms this short ("FNV" vs "CNV", "ICN" vs "ICCO") are matched exactly, never fuzzily.
_MIN_FUZZY_LENGTH = 6


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
    """The overview page (Dutch) that names the sector's risks."""
    risks_source_url_en: str = ""
    """The overview page (English) that names the sector's risks."""

    def forms(self) -> tuple[str, ...]:
        return (*super().forms(), *self.synonyms_nl, *self.synonyms_en, *self.everyday)

    def risks_source_url(self, language: str) -> str:
        """The overview page that names the sector's risks, in a language when there is one."""
        return (self.risks_source_url_en if language == "en" else "") or self.source_url


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


class Conflict(Exception):
    """One folded form claimed by two entries of a kind: args are (form, first id, second id)."""


def index_forms(entries: Iterable[_Entry]) -> dict[str, str]:
    """Folded form (and variants) -> entry id; raises `Conflict` for a form with two ids."""
    index: dict[str, str] = {}
    for entry in entries:
        for form in (entry.id, *entry.forms()):
            for key in _variants(fold(form)):
                if index.setdefault(key, entry.id) != entry.id:
                    raise Conflict(form, index[key], entry.id)
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
    _category_names: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys = {kind: index_forms(entries) for kind, entries in self._groups().items()}
        orgs = keys["organisation"]  # "Stichting X" and "X" are one spelling
        orgs |= {_org_key(k): id for k, id in orgs.items() if _org_key(k) not in orgs}
        object.__setattr__(self, "_keys", keys)
        object.__setattr__(self, "_category_names", {
            fold(c.name(language)): c.id for c in self.categories for language in ("nl", "en")})

    def _groups(self) -> dict[TermKind, tuple[_Entry, ...]]:
        return {"sector": self.sectors, "risk": self.risks, "organisation": self.organisations}

    def sector(self, id: str) -> Sector:
        """The sector with this id; `KeyError` when there is none."""
        return _by_id(self.sectors, id)

    def sector_counts(self, counts: Mapping[str, int], language: str = "nl") -> str:
        """"Financiële sector: 1, Textiel & kleding: 3" for counts by sector id; an id the
        vocabulary does not know (a user's own register) is shown as it is written."""
        names = {sector.id: sector.name(language) for sector in self.sectors}
        return ", ".join(f"{names.get(id, id)}: {n}" for id, n in counts.items())

    def risk(self, id: str) -> Risk:
        """The risk theme with this id; `KeyError` when there is none."""
        return _by_id(self.risks, id)

    def organisation(self, id: str) -> Organisation:
        """The organisation with this id; `KeyError` when there is none."""
        return _by_id(self.organisations, id)

    def category(self, id: str) -> Category:
        """The risk category with this id; `KeyError` when there is none."""
        return _by_id(self.categories, id)

    def match_category(self, name: str) -> str:
        """The id of the risk category a name is, in Dutch or English ("Mensenrechten"), or ""."""
        return self._category_names.get(fold(name), "")

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

    @cached_property
    def _surfaces(self) -> dict[str, str]:
        """Folded form -> the form as written, of every name and synonym (folded once)."""
        surfaces: dict[str, str] = {}
        for form, _, _ in self.terms():
            surfaces.setdefault(fold(form), form)
        return surfaces

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Did-you-mean: the known names and synonyms closest to a word, best first."""
        key = fold(word)
        # ratio >= 70 needs lengths within a factor of about 0.54..1.86 of each other.
        choices = [s for s in self._surfaces if 0.5 * len(key) <= len(s) <= 2 * len(key) + 1]
        found = process.extract(key, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=70)
        return [self._surfaces[form] for form, _, _ in found]


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
