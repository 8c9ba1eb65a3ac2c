"""Phrases a question quotes ("'living wage'"), with the words that say them in the other
language: a quoted English phrase is quoted from a Dutch document in its Dutch wording."""

from __future__ import annotations

from imvo_assist.answer.understand import Understanding
from imvo_assist.text.fold import fold
from imvo_assist.text.lexicon import load_lexicon


def quoted_forms(understanding: Understanding) -> list[tuple[str, frozenset[str]]]:
    """Each phrase the question quotes, folded, with its translations: "'living wage'" is
    quoted from the Dutch covenant as "leefbaar loon"."""
    lexicon = load_lexicon()
    found = []
    for phrase in understanding.quoted:
        said = fold(phrase)
        translations = lexicon.either_way(said)
        found.append((said, frozenset({said, *(fold(t) for t in translations)})))
    return found
