"""An absent noun a question turns on, beside things the documents do hold.

"Welke subsidie krijgt MVO Nederland?", "what does the letter say about the salary of the SER
chairman?": the organisation is there, the subsidy or the salary is in no document in any form or
translation. A noun the lexicon translates, at least ABSENT_NOUN specific, that occurs nowhere is
what the question asks about, unless it is made of words the documents hold (the Dutch compound
"gezondheidsgevaren") or one of its forms ends a compound they hold ("declaration": the
"verklaring" of "intentieverklaring"). Whether the question's other topics single out passages
without it (the asker's paraphrase) is decided by `answer.keycontent`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from imvo_assist.answer.presence import present
from imvo_assist.text.bilingual import Concept
from imvo_assist.text.compounds import split_compound
from imvo_assist.text.didyoumean import AllWords
from imvo_assist.text.fold import fold
from imvo_assist.text.morphology import english_verb_stem, is_verb_form

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

# Specificity (see `text.bilingual.specificity`) of an absent noun that the question turns on:
# zipf 4.4 in general text ("subsidie", "salary", "begroting"), rarer than the everyday nouns
# of a question's framing ("residents", "check").
ABSENT_NOUN = 0.7
# A form must be this long to count as the last part of a compound, and the compound this many
# letters longer ("verklaring" in "intentieverklaring").
MIN_HEAD = 5
MIN_MODIFIER = 3


def translated_noun(concept: Concept) -> bool:
    """Whether a topic is a noun the lexicon translates: no word of it or of a translation is a
    verb form ("politie": police; not "aanbieden", "require")."""
    other = "en" if concept.language == "nl" else "nl"
    return bool(concept.translations) and not any(
        is_verb_form(word, concept.language) or (concept.language == "en" and english_verb_stem(word))
        for word in concept.source.split()) and not any(
        is_verb_form(word, other) for term, _ in concept.translations for word in term.split())


def absent_noun(library: Corpus, absent: list[Concept]) -> Concept | None:
    """The first of the absent topics that is a specific noun the question turns on, or None."""
    return next((concept for concept in absent
                 if concept.specificity >= ABSENT_NOUN and translated_noun(concept)
                 and not _of_present_parts(library, concept) and not _compound_head(library, concept)),
                None)


def _of_present_parts(library: Corpus, concept: Concept) -> bool:
    """Whether a Dutch compound is made of words the documents hold ("gezondheidsgevaren")."""
    if concept.language != "nl" or " " in concept.source:
        return False
    parts = split_compound(concept.source)
    return bool(parts) and all(present(library, [part]) for part in parts or ())


def _compound_head(library: Corpus, concept: Concept) -> bool:
    """Whether the word or a one-word translation ends an indexed compound ("verklaring" in
    "intentieverklaring")."""
    words = library.words.all if isinstance(library.words, AllWords) else frozenset()
    ends = [fold(term) for term, _ in concept.terms() if " " not in term and len(term) >= MIN_HEAD]
    return any(word.endswith(end) and len(word) >= len(end) + MIN_MODIFIER for end in ends for word in words)
