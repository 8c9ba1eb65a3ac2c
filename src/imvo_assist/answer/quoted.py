"""Phrases a question quotes ("'living wage'"), with the words that say them in the other
language: a quoted English phrase is quoted from a Dutch document in its Dutch wording. A single
quoted word ("the word 'mine'") is asked as written: its translations are looser."""

from __future__ import annotations

import re
from functools import lru_cache

from imvo_assist.answer.understand import Understanding
from imvo_assist.text.fold import fold
from imvo_assist.text.lexicon import load_lexicon


def quoted_forms(understanding: Understanding) -> list[tuple[str, frozenset[str]]]:
    """Each phrase the question quotes, folded, with its forms: itself and, for a phrase of
    several words, its translations ("'living wage'": "leefbaar loon")."""
    return list(_forms_of(understanding.quoted))


@lru_cache(maxsize=64)
def _forms_of(quoted: tuple[str, ...]) -> tuple[tuple[str, frozenset[str]], ...]:
    """`quoted_forms` of a question's quoted phrases, kept: retrieval, coverage and rescoring
    read them for every question that quotes."""
    lexicon = load_lexicon()
    found = []
    for phrase in quoted:
        said = fold(phrase)
        translations = lexicon.either_way(said) if " " in said else ()
        found.append((said, frozenset({said, *(fold(t) for t in translations)})))
    return tuple(found)


def says(folded_text: str, form: str) -> bool:
    """Whether a folded text holds a quoted form as words ("pay" is not in "payment")."""
    return _as_words(form).search(folded_text) is not None


@lru_cache(maxsize=256)
def _as_words(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")
