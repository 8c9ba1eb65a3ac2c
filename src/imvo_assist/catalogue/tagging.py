"""Tagging passages with the sectors, risk themes and organisations they mention.

Matching works on folded words (lower case, no accents, hyphens as spaces): exact phrases of
the vocabulary, singular/plural stems, Dutch compounds made of a vocabulary word and a head
word ("elektronicasector", "textielketen", "cacaoteelt"), and fuzzy matches of longer
organisation names ("Stichting Onderzoek Multinationale Ondernemingen" with a typo).

The tagger of the bundled vocabulary is built once and kept between runs (`datacache`, keyed
by the vocabulary file and the code that builds it): building it stems every vocabulary word.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import whoosh
from rapidfuzz import fuzz

from imvo_assist.catalogue import checks, loader
from imvo_assist.catalogue import vocabulary as vocabulary_module
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.catalogue.vocabulary import Vocabulary
from imvo_assist.paths import BUNDLED_CORPUS
from imvo_assist.text import analysis
from imvo_assist.text import fold as folding
from imvo_assist.text.datacache import cached_build
from imvo_assist.text.fold import fold

# Second halves of Dutch compounds that keep the first half's meaning.
COMPOUND_HEADS = (
    "sector", "sectoren", "industrie", "branche", "keten", "ketens", "bedrijven", "bedrijf",
    "fabriek", "fabrieken", "producenten", "productie", "merken", "handel", "winning", "teelt",
    "telers", "plantages", "mijnen", "bedrijfsleven", "markt",
)
LINKS = ("", "s", "e", "en")
MIN_COMPOUND_PART = 5
# Organisation names at least this long may match with small spelling differences.
MIN_FUZZY_CHARS = 12
FUZZY_SCORE = 90
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})
COMBINING = re.compile("[\u0300-\u036f]")
DASHES = re.compile(r"[-\u2010-\u2015\u2212]+")
MAX_PHRASE = 6
# Tags of texts up to this long are kept, at most this many (then forgotten all at once).
MAX_KEPT_CHARS = 300
MAX_KEPT_TEXTS = 20_000


@dataclass(frozen=True)
class Tags:
    """Ids found in a text, each tuple sorted."""

    sectors: tuple[str, ...] = ()
    risks: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()


class Tagger:
    """Finds vocabulary terms in texts; build once (see `default_tagger`)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.phrases: dict[tuple[str, ...], set[tuple[str, str]]] = defaultdict(set)
        self.stems: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.compound_parts: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.fuzzy: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        self.longest: dict[str, int] = {}
        """Per first word, the most words a vocabulary phrase starting with it has."""
        self.word_cache: dict[str, frozenset[tuple[str, str]]] = {}
        self.text_cache: dict[str, Tags] = {}
        for form, kind, id in vocabulary.terms():
            words = tuple(WORD.findall(fold(form)))
            if not words or len(words) > MAX_PHRASE:
                continue
            key = (kind, id)
            self.phrases[words].add(key)
            self.longest[words[0]] = max(self.longest.get(words[0], 1), len(words))
            if len(words) == 1:
                for stem in _stems(words[0]):
                    self.stems[stem].add(key)
                if len(words[0]) >= MIN_COMPOUND_PART and kind != "organisation":
                    self.compound_parts[words[0]].add(key)
            elif kind == "organisation" and len(" ".join(words)) >= MIN_FUZZY_CHARS:
                self.fuzzy[words[0][:3]].append((words, id))

    def tag(self, text: str) -> Tags:
        """The sectors, risks and organisations a text mentions (those of a short text, such as
        a heading trail that many passages share, are kept)."""
        if len(text) > MAX_KEPT_CHARS:
            return self._tag(text)
        found = self.text_cache.get(text)
        if found is None:
            if len(self.text_cache) >= MAX_KEPT_TEXTS:
                self.text_cache.clear()
            found = self.text_cache[text] = self._tag(text)
        return found

    def _tag(self, text: str) -> Tags:
        words = WORD.findall(_fold(text))
        found: set[tuple[str, str]] = set()
        for start, word in enumerate(words):
            found |= self._word_keys(word)
            for size in range(2, self.longest.get(word, 0) + 1):
                found |= self.phrases.get(tuple(words[start : start + size]), set())
            if word[:3] in self.fuzzy:
                found |= self._fuzzy(words, start)
        by_kind: dict[str, set[str]] = defaultdict(set)
        for kind, id in found:
            by_kind[kind].add(id)
        return Tags(
            tuple(sorted(by_kind["sector"])),
            tuple(sorted(by_kind["risk"])),
            tuple(sorted(by_kind["organisation"])),
        )

    def _word_keys(self, word: str) -> frozenset[tuple[str, str]]:
        """Terms one word names: exactly, by stem, or as the first part of a compound."""
        cached = self.word_cache.get(word)
        if cached is None:
            keys = set(self.phrases.get((word,), ()))
            for stem in _stems(word):
                keys |= self.stems.get(stem, set())
            keys |= self._compound(word)
            cached = self.word_cache[word] = frozenset(keys)
        return cached

    def _compound(self, word: str) -> set[tuple[str, str]]:
        for head in COMPOUND_HEADS:
            if word.endswith(head) and len(word) > len(head) + MIN_COMPOUND_PART - 1:
                first = word[: -len(head)]
                for link in LINKS:
                    part = first.removesuffix(link) if link else first
                    if part in self.compound_parts:
                        return self.compound_parts[part]
        return set()

    def _fuzzy(self, words: list[str], start: int) -> set[tuple[str, str]]:
        found = set()
        for name, id in self.fuzzy[words[start][:3]]:
            window = " ".join(words[start : start + len(name)])
            if fuzz.ratio(window, " ".join(name)) >= FUZZY_SCORE:
                found.add(("organisation", id))
        return found


def _fold(text: str) -> str:
    """`vocabulary.fold` for long texts: the same result for the words tagging looks at."""
    text = unicodedata.normalize("NFKD", text.translate(QUOTES))
    return DASHES.sub(" ", COMBINING.sub("", text)).lower()


def _stems(word: str) -> set[str]:
    """The Dutch and English stems of a word (each analyzer may drop it as a stopword), made
    the indexer's way (`analysis.stemmed`: the same terms, without a token stream per word)."""
    lowered, folded = analysis.index_words(word)
    return {
        *analysis.stemmed(lowered, folded, "nl"),
        *(f"en:{stem}" for stem in analysis.stemmed(lowered, folded, "en")),
    }


@cache
def default_tagger() -> Tagger:
    """The tagger of the bundled vocabulary (built once, kept between runs)."""
    return cached_build("tagger", tagger_sources(), lambda: Tagger(load_vocabulary()), Tagger)


def tagger_sources() -> tuple[Path, ...]:
    """What the bundled tagger is built from: the vocabulary file, the modules that read it and
    tag with it, and the analyzers' code (Whoosh's version with it)."""
    modules = (checks, loader, vocabulary_module, analysis, folding, whoosh)
    return (BUNDLED_CORPUS / "vocabulary.toml", Path(__file__),
            *(Path(str(module.__file__)) for module in modules))
