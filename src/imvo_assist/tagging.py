"""Tagging passages with the sectors, risk themes and organisations they mention.

Matching works on folded words (lower case, no accents, hyphens as spaces): exact phrases of
the vocabulary, singular/plural stems, Dutch compounds made of a vocabulary word and a head
word ("elektronicasector", "textielketen", "cacaoteelt"), and fuzzy matches of longer
organisation names ("Stichting Onderzoek Multinationale Ondernemingen" with a typo).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz

from imvo_assist.index import analysis
from imvo_assist.vocabulary import Vocabulary, fold, load_vocabulary

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
MAX_PHRASE = 6


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
        for form, kind, id in vocabulary.terms():
            words = tuple(WORD.findall(fold(form)))
            if not words or len(words) > MAX_PHRASE:
                continue
            key = (kind, id)
            self.phrases[words].add(key)
            if len(words) == 1:
                self.stems[_stem(words[0])].add(key)
                if len(words[0]) >= MIN_COMPOUND_PART and kind != "organisation":
                    self.compound_parts[words[0]].add(key)
            elif kind == "organisation" and len(" ".join(words)) >= MIN_FUZZY_CHARS:
                self.fuzzy[words[0][:3]].append((words, id))

    def tag(self, text: str) -> Tags:
        """The sectors, risks and organisations a text mentions."""
        words = WORD.findall(fold(text))
        found: set[tuple[str, str]] = set()
        for start in range(len(words)):
            for size in range(1, MAX_PHRASE + 1):
                phrase = tuple(words[start : start + size])
                if len(phrase) < size:
                    break
                found |= self.phrases.get(phrase, set())
            word = words[start]
            found |= self.stems.get(_stem(word), set())
            found |= self._compound(word)
            found |= self._fuzzy(words, start)
        by_kind: dict[str, set[str]] = defaultdict(set)
        for kind, id in found:
            by_kind[kind].add(id)
        return Tags(
            tuple(sorted(by_kind["sector"])),
            tuple(sorted(by_kind["risk"])),
            tuple(sorted(by_kind["organisation"])),
        )

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
        for name, id in self.fuzzy.get(words[start][:3], ()):
            window = " ".join(words[start : start + len(name)])
            if fuzz.ratio(window, " ".join(name)) >= FUZZY_SCORE:
                found.add(("organisation", id))
        return found


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    stems = analysis.tokens(analysis.dutch(), word)
    return stems[0] if stems else word


@cache
def default_tagger() -> Tagger:
    """The tagger of the bundled vocabulary (built once per process)."""
    return Tagger(load_vocabulary())
