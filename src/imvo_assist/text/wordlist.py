"""Dutch and English word-frequency lists (zipf scale), loaded lazily from corpus/.

The lists `corpus/wordlist-nl.tsv` and `corpus/wordlist-en.tsv` are derived from the wordfreq
package (CC-BY-SA 4.0 data) by `scripts/build_wordlists.py`; wordfreq itself is not needed at
run time. A zipf frequency is log10 of occurrences per billion words: 7 is "de"/"the", 3 is
about one per million words, and 0 means "not in the list".
"""

from __future__ import annotations

import unicodedata
from functools import cache
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
    """The word -> zipf table of `lang`, read once (empty when the file is missing) and kept
    built between runs."""
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


@cache
def _ascii_frequencies(lang: Lang) -> dict[str, float]:
    """The same table keyed by accent-free spelling (for input typed without accents)."""
    table: dict[str, float] = {}
    for word, zipf in frequencies(lang).items():
        bare = _strip_accents(word)
        if bare != word and zipf > table.get(bare, 0.0):
            table[bare] = zipf
    return table


def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def zipf(word: str, lang: Lang) -> float:
    """Zipf frequency of `word` in `lang`; 0.0 when the word is not in the list.

    Case is ignored; a word typed without its accents ("geinteresseerd") finds the accented
    spelling when the bare spelling is not itself listed.
    """
    folded = _fold(word)
    table = frequencies(lang)
    value = table.get(folded)
    if value is not None:
        return value
    return _ascii_frequencies(lang).get(_strip_accents(folded), 0.0)


def known(word: str, lang: Lang, min_zipf: float = DEFAULT_MIN_ZIPF) -> bool:
    """True when `word` is in the `lang` list with at least `min_zipf`."""
    value = zipf(word, lang)
    return value > 0.0 and value >= min_zipf
