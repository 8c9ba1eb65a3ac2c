"""Cardinal numbers written as words, Dutch and English, made by the languages' own rules
(units, teens, tens; Dutch "eenentwintig", "tweeëntwintig"; English "twenty-one"), so a figure
asked in words ("dertien sectoren", "thirty-five companies") is read as the figure it is.
Ground floor: imports nothing of the project.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

__all__ = ["alternation", "as_figures", "number_words", "word_forms"]

_DUTCH_UNITS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
_DUTCH_TEENS = ("tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien",
                "zeventien", "achttien", "negentien")
_DUTCH_TENS = ("twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig",
               "negentig")
_ENGLISH_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_ENGLISH_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                  "seventeen", "eighteen", "nineteen")
_ENGLISH_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


@cache
def number_words() -> dict[str, int]:
    """Every cardinal from one to ninety-nine, and hundred and thousand, in Dutch and English
    (Dutch also with "één"; English compounds with and without the hyphen)."""
    found: dict[str, int] = {"één": 1, "honderd": 100, "duizend": 1000, "hundred": 100,
                             "thousand": 1000}
    for value, word in enumerate((*_DUTCH_UNITS, *_DUTCH_TEENS), start=1):
        found[word] = value
    for value, word in enumerate((*_ENGLISH_UNITS, *_ENGLISH_TEENS), start=1):
        found[word] = value
    for tens, (dutch, english) in enumerate(zip(_DUTCH_TENS, _ENGLISH_TENS), start=2):
        found[dutch], found[english] = tens * 10, tens * 10
        for unit, (dutch_unit, english_unit) in enumerate(zip(_DUTCH_UNITS, _ENGLISH_UNITS), start=1):
            link = "ën" if dutch_unit.endswith("e") else "en"  # tweeëntwintig, vierentwintig
            found[f"{dutch_unit}{link}{dutch}"] = tens * 10 + unit
            found[f"{english}-{english_unit}"] = found[f"{english}{english_unit}"] = tens * 10 + unit
    return found | {word.replace("ë", "e"): value for word, value in found.items()}  # folded


def alternation(minimum: int = 1) -> str:
    """The number words of at least `minimum`, as a regular-expression alternation (longest
    first, so "eenentwintig" is not read as "een")."""
    words = [word for word, value in number_words().items() if value >= minimum]
    return "|".join(sorted(words, key=len, reverse=True))


def as_figures(words: Sequence[str]) -> list[str]:
    """The words with each number word as its figure; a tens word followed by a unit word is
    one number ("eighty", "six" -> "86": a tokenizer splits "eighty-six")."""
    table = number_words()
    found: list[str] = []
    tens = False  # the last figure came from a tens word ("eighty")
    for word in words:
        value = table.get(word)
        if value is not None and tens and value < 10:
            found[-1] = str(int(found[-1]) + value)
            tens = False
            continue
        tens = value is not None and 20 <= value <= 90 and value % 10 == 0
        found.append(str(value) if value is not None else word)
    return found


def word_forms(value: int) -> tuple[str, ...]:
    """The words for a number ("13": dertien, thirteen)."""
    return tuple(word for word, number in number_words().items() if number == value)
