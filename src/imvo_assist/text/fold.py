"""Folding: the matching form of a text, shared by every layer."""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile(r"[-\u2010-\u2015\u2212]+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "&": " & "})


def fold(text: str) -> str:
    """The matching form of a text: lower case, accents removed, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(_DASHES.sub(" ", text).split())
