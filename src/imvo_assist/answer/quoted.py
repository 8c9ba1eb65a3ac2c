"""Phrases a question quotes ("'living wage'"), with the words that say them in the other
language: a quoted English phrase is quoted from a Dutch document in its Dutch wording. A single
quoted word ("the word 'mine'") is asked as written: its translations are looser."""

from __future__ import annotations

import re

from imvo_assist.answer.understand import Understanding
from imvo_assist.text.fold import fold
from imvo_assist.text.lexicon import load_lexicon


def quoted_forms(understanding: Understanding) -> list[tuple[str, frozenset[str]]]:
    """Each phrase the question quotes, folded, with its forms: itself and, for a phrase of
    several words, its translations ("'living wage'": "leefbaar loon")."""
    lexicon = load_lexicon()
    found = []
    for phrase in understanding.quoted:
        said = fold(phrase)
        translations = lexicon.either_way(said) if " " in said else ()
        found.append((said, frozenset({said, *(fold(t) for t in translations)})))
    return found


def says(folded_text: str, form: str) -> bool:
    """Whether a folded text holds a quoted form as words ("pay" is not in "payment")."""
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", folded_text) is not None
