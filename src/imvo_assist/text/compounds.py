"""Dutch compound splitting from a real word list.

`split_compound("mensenrechtenschendingen")` gives `["mensenrechten", "schendingen"]`: the
word is cut into two or three parts that are known words, allowing the Dutch linking
morphemes -s-, -en- and -e- between parts ("arbeidsomstandigheden" -> arbeid + omstandigheden),
and among the cuts with the fewest parts the best score wins. The score of a split is the mean zipf
frequency of its parts (the log of their geometric mean frequency), minus a penalty per
removed linking morpheme. A split is only returned when it scores better than the word itself
(Koehn & Knight, 2003), and never for a word that is well known on its own ("kinderarbeid").

Frequencies come from `imvo_assist.text.wordlist` (derived from wordfreq, CC-BY-SA 4.0).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

from whoosh.lang import stopwords_for_language

from imvo_assist.text.wordlist import zipf

MIN_PART = 3
MAX_PARTS = 3
# A word of up to BASE_LENGTH letters with at least WELL_KNOWN_ZIPF (about one occurrence per
# million words) counts as a word of its own. Longer words must be more frequent still: long
# productive compounds turn up in web text far more often than their use as a lexical unit.
WELL_KNOWN_ZIPF = 3.0
BASE_LENGTH = 12
ZIPF_PER_EXTRA_LETTER = 0.1
LINK_PENALTY = 0.3
# Zipf given to a part that the caller's `known` accepts but the word list lacks.
CALLER_PART_ZIPF = 1.5
# In a three-part split every part needs this many letters (short fragments are mostly noise).
MIN_PART_OF_THREE = 4
LINKERS = ("s", "en", "e")
PREPOSITIONS = frozenset(
    {"aan", "bij", "door", "naar", "onder", "over", "tegen", "uit", "voor", "zonder"}
)
# Derivational affixes and fragments that the word list holds as "words" (from hyphenated text
# or other languages) but that never stand as a part of a compound.
BOUND = frozenset(
    {
        "heid", "heden", "schap", "schappen", "ing", "ingen", "ling", "lingen", "lijk", "lijke",
        "lijks", "elijk", "elijke", "lijkheid", "baar", "bare", "baarheid", "loos", "loze",
        "achtig", "achtige", "isch", "ische", "tje", "tjes", "pje", "pjes", "erij", "erijen", "nis",
        "nissen", "ster", "sters", "aar", "aars", "arij", "teit", "iteit", "ies", "ief", "ieve",
        "atie", "aties", "tie", "ties", "ist", "isten", "isme", "ent", "ende", "ant", "ante", "ver",
        "ont", "her", "mis", "iek", "ieke", "ier", "iers", "ijn", "igen", "ige", "ig", "ere", "est",
        "ste", "ers",
    }
)


def _fold(word: str) -> str:
    return unicodedata.normalize("NFC", word.strip().lower())


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Dutch function words, and English ones (frequent in the Dutch list as noise).

    Prepositions that often start a compound ("onder" in "onderaannemer") stay usable.
    """
    dutch = frozenset(stopwords_for_language("nl")) | {"den", "ter", "ten", "des", "wie", "wat"}
    return (dutch | frozenset(stopwords_for_language("en"))) - PREPOSITIONS


def well_known(word: str) -> bool:
    """True when `word` is frequent enough (for its length) to be treated as one word."""
    word = _fold(word)
    needed = WELL_KNOWN_ZIPF + ZIPF_PER_EXTRA_LETTER * max(0, len(word) - BASE_LENGTH)
    return zipf(word, "nl") >= needed


def split_compound(
    word: str, known: Callable[[str], bool] | None = None
) -> list[str] | None:
    """Split a Dutch compound into 2-3 known parts.

    Args:
        word: one Dutch word, any case ("Textielconvenant"). Hyphenated words are split at
            their hyphens when every piece is a known word.
        known: optional predicate restricting the parts, e.g. to words that occur in an
            index. Without it a part must be in the Dutch word list.

    Returns:
        The parts in order, lower-case, linking morphemes removed ("arbeid" for "arbeids-"),
        or None when the word is well known on its own, too short, or has no better split.
    """
    word = _fold(word)
    if "-" in word:
        pieces = [piece for piece in word.split("-") if piece]
        if len(pieces) >= 2 and all(_part_zipf(piece, known) is not None for piece in pieces):
            return pieces
        return None
    if len(word) < 2 * MIN_PART or not word.isalpha() or well_known(word):
        return None
    whole = zipf(word, "nl")
    # Fewest parts first; among splits with as many parts, the best score.
    ranked = [
        (-len(parts), score, parts)
        for score, parts in _candidates(word, known)
        if score > whole
    ]
    if not ranked:
        return None
    return max(ranked, key=lambda item: (item[0], item[1]))[2]


def split_score(parts: list[str], known: Callable[[str], bool] | None = None) -> float:
    """Score of a split into `parts` as `split_compound` computes it (without link penalties)."""
    values = [_part_zipf(part, known) or 0.0 for part in parts]
    return sum(values) / len(values)


def _candidates(
    word: str, known: Callable[[str], bool] | None
) -> Iterator[tuple[float, list[str]]]:
    """Every split into 2..MAX_PARTS parts with its score."""
    for parts, values in _splits(word, known, MAX_PARTS):
        if len(parts) < 2:
            continue
        if len(parts) > 2 and min(len(part) for part in parts) < MIN_PART_OF_THREE:
            continue
        yield sum(values) / len(values), parts


def _splits(
    rest: str, known: Callable[[str], bool] | None, budget: int
) -> Iterator[tuple[list[str], list[float]]]:
    """Splits of `rest` into at most `budget` parts: (parts, per-part scores)."""
    head = _part_zipf(rest, known)
    if head is not None:
        yield [rest], [head]
    if budget < 2:
        return
    for cut in range(MIN_PART, len(rest) - MIN_PART + 1):
        left = _modifier(rest[:cut], known)
        if left is None:
            continue
        part, value = left
        for parts, values in _splits(rest[cut:], known, budget - 1):
            yield [part, *parts], [value, *values]


def _modifier(surface: str, known: Callable[[str], bool] | None) -> tuple[str, float] | None:
    """The best reading of a non-final part: as written, or without a linking morpheme."""
    best: tuple[str, float] | None = None
    value = _part_zipf(surface, known)
    if value is not None:
        best = (surface, value)
    for linker in LINKERS:
        stem = surface[: -len(linker)]
        if not surface.endswith(linker) or len(stem) < MIN_PART:
            continue
        value = _part_zipf(stem, known)
        if value is not None and (best is None or value - LINK_PENALTY > best[1]):
            best = (stem, value - LINK_PENALTY)
    return best


def _part_zipf(part: str, known: Callable[[str], bool] | None) -> float | None:
    """Zipf of a usable part, or None when `part` cannot stand in a compound."""
    if len(part) < MIN_PART or part in BOUND or part in _function_words():
        return None
    value = zipf(part, "nl")
    if known is not None:
        if not known(part):
            return None
        return max(value, CALLER_PART_ZIPF)
    return value if value > 0.0 else None
