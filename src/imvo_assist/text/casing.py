"""The capitals of a question as typed: a question typed in capitals (caps lock) says nothing
by them, so it is read in lower case, as one typed in lower case is read."""

from __future__ import annotations

# A question is typed in capitals when at least this share of its letters are capitals, and it
# has at least this many letters (a short "KPMG SRA" is two abbreviations, not shouting).
SHOUTED_SHARE = 0.8
MIN_SHOUTED_LETTERS = 12


def unshouted(question: str) -> str:
    """The question in lower case when it was typed in capitals, else as typed."""
    letters = [c for c in question if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    if len(letters) >= MIN_SHOUTED_LETTERS and capitals >= SHOUTED_SHARE * len(letters):
        return question.lower()
    return question
