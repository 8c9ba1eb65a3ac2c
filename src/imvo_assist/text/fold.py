"""Folding: the matching form of a text, shared by every layer."""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile(r"[-\u2010-\u2015\u2212]+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "&": " & "})


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """The matching form of a text: lower case, accents removed, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    if not text.isascii():  # combining marks are never ASCII: only other characters are looked at
        text = _NON_ASCII.sub(_unless_combining, text)
    return " ".join(_DASHES.sub(" ", text.lower()).split())


def folded_words(text: str) -> str:
    """The words of a text, folded and joined by single spaces ("SER-advies's" -> "ser advies s")."""
    return " ".join(_WORD.findall(fold(text)))


def _unless_combining(found: re.Match[str]) -> str:
    return "" if unicodedata.combining(found.group()) else found.group()
