"""Whether a topic is in the corpus: its words, translations, inflections, compound parts and
phrases looked up in the index."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from whoosh.query import And, Or, Prefix, Query

from imvo_assist.answer.covenantcheck import MIN_MODIFIER
from imvo_assist.answer.wordquery import stem_query
from imvo_assist.text.analysis import stopwords
from imvo_assist.text.bilingual import Concept, inflected_forms
from imvo_assist.text.fold import fold
from imvo_assist.text.lexicon import load_lexicon, stem_key
from imvo_assist.text.morphology import present_tense
from imvo_assist.text.wordlist import zipf

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

# A word counts as present inside a compound when it is MIN_MODIFIER long (a translation one letter
# less: "core" as "kern" of "kernelementen"; an asked "wolf" is not in "wolfraam") and the
# compound's rest (after a linking "s") is a word: "pensioen|fondsen", "brand|gevaar".
COMPOUND_HITS = 5
# The words of a multiword name stand within its length plus this many words of each other
# (looked for in this many passages that hold them all).
PHRASE_SLACK = 2
PHRASE_HITS = 20
# The stems of this many passage words are kept between lookups.
STEMS_KEPT = 50_000


def presence_terms(concept: Concept) -> list[str]:
    """The terms whose occurrence shows a topic is in the corpus: its own words, translations,
    their words and compound parts; but a phrase the lexicon gives as the same in either
    language is a name or a term used as such ("fair wear foundation", "global reporting
    initiative"), present only as itself or a full translation ("gri"): the translation of one
    of its words ("eerlijk", "stichting") is no sign of it."""
    source = concept.source
    lexicon = load_lexicon()
    if " " in source and source in lexicon.either_way(source):
        return [source, *(term for term, _ in concept.translations)]
    return [term for term, _ in concept.terms()]


def concept_queries(concept: Concept) -> list[Query]:
    """A stemmed query for each term of a concept that makes one."""
    return [q for q in (stem_query(term) for term, _ in concept.terms()) if q is not None]


def translated(concept: Concept) -> frozenset[str]:
    """The translations of a concept: a short one may stand as a compound's first part ("core":
    "kern" of "kernelementen")."""
    return frozenset(term for term, _ in concept.translations)


def present(library: Corpus, terms: list[str], short: frozenset[str] = frozenset()) -> bool:
    """Whether any term occurs in the index, as written or stemmed; the words of a phrase
    ("animal testing") in one passage, not each somewhere."""
    if any(" " not in term and (_has_word(library, term) or _modifier_of(library, term, term in short))
           for term in terms):
        return True
    stems = [stem_query(term) for term in terms]
    queries = [q for q in stems if q is not None]
    return bool(queries) and library.any_match(Or(queries))


def phrase_present(library: Corpus, words: list[str]) -> bool:
    """Whether the words of a phrase, each as written or translated, stand together in a
    passage, also as the parts of a hyphenated compound ("Dutch EU" in "Nederlandse
    EU-voorzitterschap"), with an abbreviation written out ("MVO Loont" in "Maatschappelijk
    Verantwoord Ondernemen Loont") and its function words free ("Minister for Foreign Trade" in
    "Minister voor Buitenlandse Handel": the index holds no stopword)."""
    return _together(library, words) or any(
        _together(library, [*words[:at], *long.split(), *words[at + 1:]])
        for at, word in enumerate(words) for long in written_out(word))


def written_out(word: str) -> list[str]:
    """The long forms of an abbreviation in its own language, reached through a translation and
    spelt by its initials ("mvo" -> csr -> "maatschappelijk verantwoord ondernemen")."""
    lexicon = load_lexicon()
    reached = (back for term in lexicon.either_way(word) for back in lexicon.either_way(term))
    return list(dict.fromkeys(
        long for long in reached
        if " " in long and "".join(part[0] for part in long.split()) == word))


def _together(library: Corpus, words: list[str]) -> bool:
    """Whether the words, each as written, inflected or translated, stand in one passage within
    a window of the phrase's length plus PHRASE_SLACK words."""
    lexicon = load_lexicon()
    window = len(words) + PHRASE_SLACK
    words = [word for word in words if word not in stopwords()] or words
    options = []
    for word in words:
        said = [word, *lexicon.either_way(word)]
        options.append({form for s in said if " " not in s for form in inflected_forms(fold(s))})
    ors = [Or([q for q in (stem_query(form) for form in o) if q is not None]) for o in options]
    stems = [{key for form in o for key in _stems(form)} for o in options]
    for hit in library.run(And(ors), None, PHRASE_HITS):
        tokens = re.findall(r"\w+", fold(hit.passage.text))
        places = [[i for i, t in enumerate(tokens) if t in o or not _stems(t).isdisjoint(s)]
                  for o, s in zip(options, stems, strict=True)]
        if any(all(any(abs(p - first) < window for p in ps) for ps in places[1:])
               for first in places[0]):
            return True
    return False


@lru_cache(maxsize=STEMS_KEPT)
def _stems(word: str) -> frozenset[str]:
    """A word's Dutch and English stems ("buitenlandse", "buitenlands": buitenland)."""
    return frozenset((stem_key([word], "nl")[0], stem_key([word], "en")[0]))


def _has_word(library: Corpus, word: str) -> bool:
    """The word as written, its singular, its plurals ("missie": "missies"), with the
    apostrophe of a plural ("ngo's"), or a Dutch infinitive in its present tense ("verkopen":
    "verkoopt")."""
    return any(library.has_term(form) for form in (*inflected_forms(word), *present_tense(word))) or (
        word.endswith("s") and library.has_term(f"{word[:-1]}'s"))



def _modifier_of(library: Corpus, word: str, short: bool = False) -> bool:
    """Whether the word opens an indexed compound whose rest is a word ("pensioen" in
    "pensioenfondsen", "brand" in "brandgevaar"): the word occurs, inside the compound."""
    if len(word) < MIN_MODIFIER - (1 if short else 0) or not word.isalpha():  # "core": "kern"
        return False
    for hit in library.run(Prefix("exact", word), None, COMPOUND_HITS):
        for token in re.findall(rf"\b{re.escape(word)}(\w+)", fold(hit.passage.text)):
            rest = token[1:] if token[:1] == "s" and len(token) > MIN_MODIFIER else token
            if len(rest) >= MIN_MODIFIER - 1 and (zipf(rest, "nl") >= 3 or zipf(token, "nl") >= 3):
                return True
    return False
