"""Dutch and English word-frequency lists (zipf scale), loaded lazily from corpus/.

The lists `corpus/wordlist-nl.tsv` and `corpus/wordlist-en.tsv` are derived from the wordfreq
package (CC-BY-SA 4.0 data) by `scripts/build_wordlists.py`; wordfreq itself is not needed at
run time. A zipf frequency is log10 of occurrences per billion words: 7 is "de"/"the", 3 is
about one per million words, and 0 means "not in the list".

Looking a word up needs no dict of the whole list: `zipf` searches a compact form in place (the
words sorted in one string with their offsets, their frequencies in one array, and the
accent-free spellings), built once per list and kept between runs (`datacache`): a few
milliseconds to load where the dict and its accent-free table took a hundred. `frequencies` (the dict, in list order) is only
built for the callers that walk the whole list.
"""

from __future__ import annotations

import unicodedata
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from imvo_assist.paths import BUNDLED_CORPUS
from imvo_assist.text.datacache import cached_build

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")
DEFAULT_MIN_ZIPF = 2.0


def _corpus_file(name: str) -> Path:
    """Path of a data file of the bundled catalogue."""
    return BUNDLED_CORPUS / name


def wordlist_path(lang: Lang) -> Path:
    """Location of the word list of `lang` ("nl" or "en")."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")
    return _corpus_file(f"wordlist-{lang}.tsv")


def _fold(word: str) -> str:
    """Lower-case; keep Dutch diacritics (the lists are written with them)."""
    return unicodedata.normalize("NFC", word.strip().lower())


@cache
def frequencies(lang: Lang) -> dict[str, float]:
    """The word -> zipf table of `lang`, in the list's order, read once (empty when the file is
    missing) and kept built between runs."""
    path = wordlist_path(lang)
    if not path.is_file():
        return {}
    return cached_build(f"wordlist-{lang}", (path,), lambda: _read_table(path), dict)


def _read_table(path: Path) -> dict[str, float]:
    table: dict[str, float] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return table
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        word, _, value = line.partition("\t")
        try:
            table[word] = float(value)
        except ValueError:
            continue
    return table


def _ascii_table(table: dict[str, float]) -> dict[str, float]:
    """The table keyed by accent-free spelling (for input typed without accents): the value of
    the most frequent accented word of each such spelling."""
    found: dict[str, float] = {}
    for word, value in table.items():
        bare = _strip_accents(word)
        if bare != word and value > found.get(bare, 0.0):
            found[bare] = value
    return found


MAX_REMEMBERED = 100_000
"""Words whose look-up a list keeps (the least recently used go first)."""
Packed = tuple[str, bytes, bytes, dict[str, float]]
"""The compact form of a list: its words sorted and joined by newlines, where each word starts
(the bytes of an `array("I")`), their zipf values (an `array("d")`) in the same order, and the
accent-free table."""


@dataclass(frozen=True)
class SortedWords:
    """A sorted word list searched in place: splitting the joined words into 100,000 strings
    cost 8 ms of every start, a binary search over the offsets reads only the words it meets."""

    text: str
    starts: array[int]
    zipfs: array[float]
    bare: dict[str, float]
    remembered: Callable[[str], float] = field(init=False, repr=False, compare=False)
    """`_search` with the words looked up last (they come back question after question)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "remembered", lru_cache(maxsize=MAX_REMEMBERED)(self._search))

    def zipf(self, word: str) -> float:
        """The zipf value of a listed word; 0.0 when it is not listed."""
        return self.remembered(word)

    def _search(self, word: str) -> float:
        low, high = 0, len(self.starts)
        while low < high:
            middle = (low + high) // 2
            if self._word(middle) < word:
                low = middle + 1
            else:
                high = middle
        return self.zipfs[low] if low < len(self.starts) and self._word(low) == word else 0.0

    def _word(self, index: int) -> str:
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[index] : end]


def _pack(table: dict[str, float]) -> Packed:
    words = sorted(table)
    starts, at = array("I"), 0
    for word in words:
        starts.append(at)
        at += len(word) + 1
    values = array("d", (table[w] for w in words))
    return "\n".join(words), starts.tobytes(), values.tobytes(), _ascii_table(table)


@cache
def _lookup(lang: Lang) -> SortedWords:
    """The sorted words of `lang` with their zipf values and accent-free table (all empty when
    the file is missing), built once and kept (`datacache`, keyed by the list and this module)."""
    path = wordlist_path(lang)
    if not path.is_file():
        return SortedWords("", array("I"), array("d"), {})
    sources = (path, Path(__file__))
    text, starts, values, bare = cached_build(
        f"wordlist-lookup-{lang}", sources, lambda: _pack(_read_table(path)), tuple
    )
    offsets, zipfs = array("I"), array("d")
    offsets.frombytes(starts)
    zipfs.frombytes(values)
    return SortedWords(text, offsets, zipfs, bare)


def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def zipf(word: str, lang: Lang) -> float:
    """Zipf frequency of `word` in `lang`; 0.0 when the word is not in the list.

    Case is ignored; a word typed without its accents ("geinteresseerd") finds the accented
    spelling when the bare spelling is not itself listed.
    """
    folded = _fold(word)
    listed = _lookup(lang)
    return listed.zipf(folded) or listed.bare.get(_strip_accents(folded), 0.0)


def zipfs(words: Iterable[str], lang: Lang) -> list[float]:
    """`zipf` of many words at once: the list's table is read whole once, where `zipf` searches
    it word by word (for walking thousands of words)."""
    table, bare = frequencies(lang), _lookup(lang).bare
    values = []
    for word in words:
        folded = _fold(word)
        values.append(table.get(folded) or bare.get(_strip_accents(folded), 0.0))
    return values


def known(word: str, lang: Lang, min_zipf: float = DEFAULT_MIN_ZIPF) -> bool:
    """True when `word` is in the `lang` list with at least `min_zipf`."""
    value = zipf(word, lang)
    return value > 0.0 and value >= min_zipf
