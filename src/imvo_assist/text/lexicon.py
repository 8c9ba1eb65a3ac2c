"""Dutch <-> English lexicon for the language of responsible business conduct, and its checks.

The lexicon is a TSV file (`corpus/lexicon-nl-en.tsv`) of `nl<TAB>en<TAB>domain` lines written
for this project. `load_lexicon()` reads it once; `Lexicon.to_dutch` / `Lexicon.to_english` map
a tokenised question phrase by phrase (longest phrase first, greedy) and report which span of
the question went to which terms, so an interpretation can show its work. Matching folds case
and accents and compares Snowball stems, so "companies" finds "company" and "convenanten"
finds "convenant"; an unknown Dutch compound is tried as its parts ("textielconvenant").

Maintainers check the file with `python -m imvo_assist.text.lexicon_check --check`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import product
from pathlib import Path
from typing import Literal

from whoosh.lang import stemmer_for_language

from imvo_assist.paths import BUNDLED_CORPUS
from imvo_assist.text.datacache import cached_build
from imvo_assist.text.fold import fold

Lang = Literal["nl", "en"]
LEXICON_NAME = "lexicon-nl-en.tsv"
TOKEN = re.compile(r"\w+(?:'\w+)*")
MAX_COMPOUND_TARGETS = 4


def lexicon_path() -> Path:
    """The lexicon file of the bundled catalogue."""
    return BUNDLED_CORPUS / LEXICON_NAME


def words_of(text: str) -> list[str]:
    """The folded word tokens of a text (inner apostrophes kept: "risico's")."""
    return TOKEN.findall(fold(text))


@cache
def _stemmer(lang: Lang) -> Callable[[str], str]:
    return stemmer_for_language(lang)  # type: ignore[no-any-return]


def stem_key(words: Iterable[str], lang: Lang) -> tuple[str, ...]:
    """The stems of folded words, as a lookup key."""
    stem = _stemmer(lang)
    return tuple(stem(word) for word in words)


@dataclass(frozen=True)
class Entry:
    """One lexicon line: a Dutch term, its English translation and a domain tag."""

    nl: str
    en: str
    domain: str
    line: int = 0

    def side(self, lang: Lang) -> str:
        """The term in `lang`."""
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True)
class Mapping:
    """One span of the question and the terms it maps to.

    Attributes:
        start: index of the first question word of the span.
        end: index after the last question word of the span.
        source: the question words of the span, as given.
        matched: the lexicon terms (source language) that matched.
        targets: the translations, most specific first, without duplicates.
        domains: the domain tags of the entries used.
        how: "exact" (same words after folding), "stem" (same stems) or "compound" (an
            unknown Dutch compound mapped part by part).
    """

    start: int
    end: int
    source: tuple[str, ...]
    matched: tuple[str, ...]
    targets: tuple[str, ...]
    domains: tuple[str, ...]
    how: str

    @property
    def text(self) -> str:
        """The source span as one string."""
        return " ".join(self.source)


@dataclass(frozen=True)
class Lexicon:
    """A loaded lexicon with exact and stemmed phrase indexes for both directions.

    Kept compact, for a fast load between runs (half the time of Entry objects keyed by word
    tuples): each line is a plain row, the indexes map a phrase's words (or stems) joined by
    spaces to row numbers, and `Entry` objects are made for the rows a lookup finds.
    """

    rows: tuple[tuple[str, str, str, int], ...]
    _exact: dict[Lang, dict[str, tuple[int, ...]]] = field(repr=False)
    _stems: dict[Lang, dict[str, tuple[int, ...]]] = field(repr=False)
    _longest: dict[Lang, int] = field(repr=False)

    @classmethod
    def from_entries(cls, entries: Iterable[Entry]) -> Lexicon:
        """Build the indexes of a list of entries."""
        kept = tuple(entries)
        exact: dict[Lang, dict[str, list[int]]] = {"nl": {}, "en": {}}
        stems: dict[Lang, dict[str, list[int]]] = {"nl": {}, "en": {}}
        longest: dict[Lang, int] = {"nl": 1, "en": 1}
        for row, entry in enumerate(kept):
            for lang in ("nl", "en"):
                words = words_of(entry.side(lang))
                if not words:
                    continue
                exact[lang].setdefault(" ".join(words), []).append(row)
                stems[lang].setdefault(" ".join(stem_key(words, lang)), []).append(row)
                longest[lang] = max(longest[lang], len(words))
        return cls(
            tuple((e.nl, e.en, e.domain, e.line) for e in kept),
            {lang: {k: tuple(v) for k, v in table.items()} for lang, table in exact.items()},
            {lang: {k: tuple(v) for k, v in table.items()} for lang, table in stems.items()},
            longest,
        )

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry, in file order."""
        return tuple(Entry(*row) for row in self.rows)

    def domain_terms(self, domain: str) -> frozenset[str]:
        """Both sides of the entries of one domain, folded."""
        return frozenset(fold(side) for nl, en, tag, _ in self.rows if tag == domain for side in (nl, en))

    def _entries(self, rows: Iterable[int]) -> tuple[Entry, ...]:
        return tuple(Entry(*self.rows[row]) for row in dict.fromkeys(rows))

    def _lookup(self, words: Sequence[str], stems: Sequence[str], source: Lang) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Row numbers of the entries with these words, and of those with these stems."""
        return self._exact[source].get(" ".join(words), ()), self._stems[source].get(" ".join(stems), ())

    def __len__(self) -> int:
        return len(self.rows)

    def pair_count(self) -> int:
        """Distinct pairs, counting inflected forms of the same words once."""
        return len(
            {(stem_key(words_of(e.nl), "nl"), stem_key(words_of(e.en), "en")) for e in self.entries}
        )

    def translations(self, term: str, source: Lang) -> tuple[str, ...]:
        """Translations of one term from `source` (exact words first, then same stems)."""
        words = words_of(term)
        target: Lang = "en" if source == "nl" else "nl"
        exact, similar = self._lookup(words, stem_key(words, source), source)
        return _unique(entry.side(target) for entry in self._entries((*exact, *similar)))

    def either_way(self, term: str) -> tuple[str, ...]:
        """Translations of a term read as Dutch and read as English (a question word may be
        either: "katoen", "cotton", a name the lexicon gives in both)."""
        return _unique((*self.translations(term, "nl"), *self.translations(term, "en")))

    def to_dutch(self, words: Sequence[str]) -> list[Mapping]:
        """Map English question words to Dutch terms, longest phrase first."""
        return self._map(words, "en")

    def to_english(self, words: Sequence[str]) -> list[Mapping]:
        """Map Dutch question words to English terms, longest phrase first.

        An unknown Dutch word that splits into known compound parts maps part by part.
        """
        return self._map(words, "nl")

    def _map(self, words: Sequence[str], source: Lang) -> list[Mapping]:
        target: Lang = "en" if source == "nl" else "nl"
        flat: list[tuple[int, str]] = [
            (index, token) for index, word in enumerate(words) for token in words_of(word)
        ]
        tokens = [token for _, token in flat]
        stems = stem_key(tokens, source)
        result: list[Mapping] = []
        i = 0
        while i < len(flat):
            hit = self._longest_match(tokens, stems, i, source)
            if hit is None:
                compound = self._compound(tokens[i], source, target) if source == "nl" else None
                if compound is not None:
                    index = flat[i][0]
                    matched, targets, domains = compound
                    result.append(
                        Mapping(index, index + 1, (words[index],), matched, targets, domains,
                                "compound")
                    )
                i += 1
                continue
            size, found, how = hit
            start, end = flat[i][0], flat[i + size - 1][0] + 1
            result.append(
                Mapping(
                    start,
                    end,
                    tuple(words[start:end]),
                    _unique(entry.side(source) for entry in found),
                    _unique(entry.side(target) for entry in found),
                    _unique(entry.domain for entry in found),
                    how,
                )
            )
            i += size
        return result

    def _longest_match(
        self, tokens: list[str], stems: tuple[str, ...], i: int, source: Lang
    ) -> tuple[int, tuple[Entry, ...], str] | None:
        for size in range(min(self._longest[source], len(tokens) - i), 0, -1):
            exact, similar = self._lookup(tokens[i : i + size], stems[i : i + size], source)
            if exact or similar:
                # Entries with the same words first, then other inflections of them.
                return size, self._entries((*exact, *similar)), "exact" if exact else "stem"
        return None

    def _compound(
        self, token: str, source: Lang, target: Lang
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None:
        from imvo_assist.text.compounds import split_compound

        parts = split_compound(token)
        if not parts:
            return None
        options = [self._distinct(self.translations(part, source), target) for part in parts]
        if not all(options):
            return None
        targets = _unique(" ".join(combo) for combo in product(*options))
        domains = _unique(
            self.rows[row][2]
            for part in parts
            for row in self._stems[source].get(" ".join(stem_key(words_of(part), source)), ())
        )
        return tuple(parts), targets[:MAX_COMPOUND_TARGETS], domains

    @staticmethod
    def _distinct(terms: tuple[str, ...], lang: Lang, limit: int = 2) -> list[str]:
        """The first `limit` terms that are not inflections of one another."""
        chosen: dict[tuple[str, ...], str] = {}
        for term in terms:
            chosen.setdefault(stem_key(words_of(term), lang), term)
        return list(chosen.values())[:limit]


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def read_entries(path: Path) -> list[Entry]:
    """The well-formed entries of a lexicon file (malformed lines skipped)."""
    entries: list[Entry] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) != 3 or not all(column.strip() for column in columns):
            continue
        nl, en, domain = (column.strip() for column in columns)
        entries.append(Entry(nl, en, domain, number))
    return entries


@cache
def load_lexicon() -> Lexicon:
    """The project lexicon, read and indexed on first use (kept built between runs)."""
    path = lexicon_path()
    return cached_build(
        "lexicon", (path, Path(__file__)), lambda: Lexicon.from_entries(read_entries(path)), Lexicon
    )
