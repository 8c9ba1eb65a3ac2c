"""Did-you-mean from the word list of the question's language, limited to indexed words.

A word a question misspells ("protekt", "kinderabeid") is compared with the words of the
question's language (`text.wordlist`) that also occur in the index (`known`): never an English
word for a Dutch question ("store" for "stoer"), never a word no document holds. Words are
grouped by length, so a look-up compares only words of a possible length (see `text.suggest`).
The alphabetic words of each list are kept between runs (`datacache`, keyed by the list), so
an open index's words are picked from them without reading the whole list.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import Protocol, runtime_checkable

from rapidfuzz import fuzz, process

from imvo_assist.text import wordlist
from imvo_assist.text.datacache import cached_build
from imvo_assist.text.wordlist import Lang, frequencies, zipf, zipfs

SCORE = 80
MIN_LENGTH = 4


def in_language(word: str, language: Lang) -> bool:
    """Whether a word fits a language: the other language's word list does not claim it more
    (a name or a term in neither list fits both)."""
    other: Lang = "en" if language == "nl" else "nl"
    return zipf(word, language) >= zipf(word, other)


def language_of(words: list[str]) -> Lang | None:
    """The language most of the words belong to, by the word lists; None when undecided (a
    single unknown word, a name)."""
    dutch = sum(zipf(w, "nl") > zipf(w, "en") for w in words)
    english = sum(zipf(w, "en") > zipf(w, "nl") for w in words)
    if dutch == english:
        return None
    return "nl" if dutch > english else "en"


def close_words(
    word: str, language: Lang, known: Callable[[str], bool], score: int = SCORE, limit: int = 3
) -> list[str]:
    """Indexed words of `language` closest to a word, best first."""
    if len(word) < MIN_LENGTH:
        return []
    found = process.extract(
        word, _choices(language, known, len(word), score), scorer=fuzz.ratio,
        score_cutoff=score, limit=limit + 1,
    )
    return [w for w, _, _ in found if w != word][:limit]


@lru_cache(maxsize=64)
def _choices(language: Lang, known: Callable[[str], bool], length: int, score: int) -> list[str]:
    """The indexed words of the language whose length allows a `score` match with a word of
    `length` letters."""
    low = -(-length * score // (200 - score))
    high = length * (200 - score) // score
    groups = _indexed(language, known)
    return [w for size in range(low, high + 1) for w in groups.get(size, ())]


@runtime_checkable
class AllWords(Protocol):
    """A look-up of indexed words that also holds them all (`library.indexwords.IndexWords`)."""

    def __call__(self, word: str) -> bool: ...

    @property
    def all(self) -> frozenset[str]: ...


@lru_cache(maxsize=4)
def _indexed(language: Lang, known: Callable[[str], bool]) -> dict[int, list[str]]:
    """The alphabetic words of a language's list that occur in the index, by length (built once
    per open index: `known` is its look-up; the list is checked against all its words at once
    when it holds them, not word by word)."""
    words = _fitting_words(language)
    if isinstance(known, AllWords):
        indexed = known.all
        present = [w for w in words if w in indexed]
    else:
        present = list(filter(known, words))
    groups: dict[int, list[str]] = {}
    for word in present:
        groups.setdefault(len(word), []).append(word)
    return groups


@cache
def _fitting_words(language: Lang) -> list[str]:
    """The alphabetic words of a language's list that fit the language (`in_language`), in the
    list's order; kept between runs."""
    other: Lang = "en" if language == "nl" else "nl"

    def build() -> str:
        words = alphabetic_words(language)
        own, theirs = zipfs(words, language), zipfs(words, other)
        return "\n".join(w for w, mine, its in zip(words, own, theirs, strict=True) if mine >= its)

    paths = (wordlist.wordlist_path(language), wordlist.wordlist_path(other))
    if not paths[0].is_file():
        return []
    sources = (*(p for p in paths if p.is_file()), Path(wordlist.__file__), Path(__file__))
    joined = cached_build(f"fitting-words-{language}", sources, build, str)
    return joined.split("\n") if joined else []


@cache
def alphabetic_words(language: Lang) -> list[str]:
    """The alphabetic words of a language's list, in its order; kept between runs."""
    path = wordlist.wordlist_path(language)
    if not path.is_file():
        return []
    build = lambda: "\n".join(w for w in frequencies(language) if w.isalpha())
    sources = (path, Path(wordlist.__file__), Path(__file__))
    joined = cached_build(f"alphabetic-words-{language}", sources, build, str)
    return joined.split("\n") if joined else []
