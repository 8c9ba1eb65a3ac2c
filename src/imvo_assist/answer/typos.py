"""Typos in questions: misspelt vocabulary words ("kinderabeid" -> "kinderarbeid") and
misspelt words of the documents ("protekt" -> "protect"), corrected before the question is read.

Vocabulary words are matched with rapidfuzz against the vocabulary's own words; other words
only when they are neither in the index nor a word of Dutch or English, against the indexed
words of the word lists (`text.didyoumean`), else against the common words of the question's
language one edit away ("elemnts" -> "elements", "idnetify" -> "identify": a swap of two
letters is one slip), or as a Dutch compound with one misspelt part ("kledingconvenat"). An
inflection ("sectoren") is never a typo. Short slips of function words ("teh", "adn", "ovr",
"wnaneer") are corrected in the question itself, before its language, form and names are read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein
from whoosh.lang import stopwords_for_language

from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.catalogue.tagging import Tags, default_tagger, tagger_sources
from imvo_assist.text.compounds import split_compound
from imvo_assist.text.datacache import cached_build
from imvo_assist.text.didyoumean import alphabetic_words, close_words
from imvo_assist.text.fold import fold
from imvo_assist.text.language import DUTCH_QUESTION_WORDS
from imvo_assist.text.lexicon import load_lexicon
from imvo_assist.text.wordlist import Lang, zipf

TYPO_SCORE = 85
MIN_TYPO_LENGTH = 5
# A word this frequent in the question's language is a word, not a typo ("source" is no
# misspelt "resource"; "electronica", zipf 3, still becomes "elektronica").
REAL_WORD_ZIPF = 3.5
# A rarer word that is still a word of the language ("flaring") is a typo only of a vocabulary
# word one slip away ("electronica" -> "elektronica"), never of one two edits off ("farming").
REAL_WORD_EDITS = 1
# A part of a Dutch compound is a word when the index or the word list (this frequent) has it.
PART_ZIPF = 2.0
# The shortest part of a compound with a misspelt part ("kleding|convenat").
MIN_PART = 4
# A slip of a function word: a word of at least this length, one slip from a function word of
# the question's language (a stopword or question word) at least this much more frequent (zipf;
# "teh" 3.0 in English web text, "the" 7.7), that neither the index, the lexicon nor the
# vocabulary knows and that is no common word of either language ("wat" in an English
# question is Dutch, not a slip of "what"). A word in capitals is an abbreviation ("ESG").
MIN_SLIP_LENGTH = 3
SLIP_MARGIN = 2.5
TYPED_WORD = re.compile(r"[^\W\d_]+")
# Words that open a question: a slip at its start stands for one of these first.
QUESTION_OPENERS = DUTCH_QUESTION_WORDS | {"what", "which", "when", "where", "why", "who", "how"}


def typo_corrections(
    words: list[str], language: Lang, known: Callable[[str], bool] | None,
    content: Callable[[str], bool],
) -> dict[str, str]:
    """Misspelt content words of a question and their corrections."""
    vocabulary = _vocabulary_corrections(words, content, language, known)
    return vocabulary | _index_corrections(words, language, known, content)


def _vocabulary_corrections(
    words: list[str], content: Callable[[str], bool], language: Lang,
    known: Callable[[str], bool] | None,
) -> dict[str, str]:
    """Typos of vocabulary words: "kinderabeid" -> "kinderarbeid"; a frequent word of the
    question's language, or a Dutch compound of words ("pelsindustrie", no misspelt
    "procesindustrie"), is never one."""
    vocabulary = _vocabulary_words()
    corrections = {}
    for word in words:
        if (len(word) < MIN_TYPO_LENGTH or word in vocabulary or not content(word)
                or zipf(word, language) >= REAL_WORD_ZIPF):
            continue
        if default_tagger().tag(word) != Tags() or (language == "nl" and _compound_of_words(word, known)):
            continue
        best = process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_SCORE)
        if not best or word.startswith(best[0]) or best[0].startswith(word):
            continue  # an inflection ("sectoren") is not a typo
        if zipf(word, language) and Levenshtein.distance(word, best[0]) > REAL_WORD_EDITS:
            continue
        corrections[word] = best[0]
    return corrections


def _index_corrections(
    words: list[str], language: Lang, known: Callable[[str], bool] | None,
    content: Callable[[str], bool],
) -> dict[str, str]:
    """Typos of indexed words ("protekt" -> "protect"): a content word that is neither in the
    index nor a word of Dutch or English, closest to an indexed word of either language."""
    if known is None:
        return {}
    corrections = {}
    other: Lang = "en" if language == "nl" else "nl"
    for position, word in enumerate(words):
        if (len(word) < MIN_TYPO_LENGTH or not word.isalpha() or known(word) or not content(word)
                or zipf(word, "nl") or zipf(word, "en") or default_tagger().tag(word) != Tags()):
            continue
        if language == "nl" and _compound_of_words(word, known):
            continue  # a compound of words ("olieraffinaderijen") is split, not corrected
        close = (close_words(word, language, known, TYPO_SCORE, 1)
                 or close_words(word, other, known, TYPO_SCORE, 1)
                 or _common_word_one_slip_away(words, position, language, known)
                 or (_misspelt_part(word, known) if language == "nl" else []))
        if close:
            corrections[word] = close[0]
    return corrections


def _common_word_one_slip_away(
    words: list[str], position: int, language: Lang, known: Callable[[str], bool],
) -> list[str]:
    """A common word of the question's language one edit from a word no index or list holds,
    when the documents or the lexicon can read it: it, or a translation, is indexed, or it makes
    a lexicon phrase with a neighbour ("key elemnts" -> "key elements"). A word the lexicon
    knows ("ruggie"), an inflection ("filipijns") or a word only the general language reads
    ("reshored" is no "restored" the documents speak of) stays as written."""
    word = words[position]
    lexicon = load_lexicon()
    if lexicon.either_way(word):
        return []
    best = process.extractOne(word, _common_words(language), scorer=OSA.distance,
                              score_cutoff=REAL_WORD_EDITS)
    if not best or best[0].startswith(word) or word.startswith(best[0]):
        return []
    right = best[0]
    neighbours = [f"{words[position - 1]} {right}"] if position else []
    neighbours += [f"{right} {words[position + 1]}"] if position + 1 < len(words) else []
    readable = [right, *lexicon.either_way(right)]
    if any(" " not in term and known(term) for term in readable) or any(
            lexicon.either_way(phrase) for phrase in neighbours):
        return [right]
    return []


def without_slips(question: str, language: Lang, known: Callable[[str], bool] | None) -> tuple[str, dict[str, str]]:
    """The question with the slips of its function words corrected, and those corrections."""
    slips = function_word_slips(TYPED_WORD.findall(question), language, known)
    if not slips:
        return question, {}

    def corrected(match: re.Match[str]) -> str:
        typed = match.group()
        right = slips.get(fold(typed), typed) if not typed.isupper() else typed
        return right[:1].upper() + right[1:] if typed[:1].isupper() else right

    return TYPED_WORD.sub(corrected, question), slips


def function_word_slips(
    words: list[str], language: Lang, known: Callable[[str], bool] | None,
) -> dict[str, str]:
    """Slips of function words among a question's words as typed ("teh" -> "the", "wnaneer" ->
    "wanneer"): the most frequent function word one slip away, a question word first when the
    slip opens the question ("Wich organisations ..." -> "which")."""
    lexicon = load_lexicon()
    slips: dict[str, str] = {}
    for position, typed in enumerate(words):
        word = fold(typed)
        if (len(word) < MIN_SLIP_LENGTH or not word.isalpha() or typed.isupper() or word in slips
                or (known and known(word)) or lexicon.either_way(word)
                or default_tagger().tag(word) != Tags()
                or max(zipf(word, "nl"), zipf(word, "en")) >= REAL_WORD_ZIPF):
            continue
        floor = max(zipf(word, "nl"), zipf(word, "en")) + SLIP_MARGIN
        close = [c for c in _function_words(language)
                 if OSA.distance(word, c) == 1 and zipf(c, language) >= floor]
        if close:
            opens = position == 0
            slips[word] = max(close, key=lambda c: (opens and c in QUESTION_OPENERS, zipf(c, language)))
    return slips


@cache
def _function_words(language: Lang) -> tuple[str, ...]:
    """The stopwords and question words of a language a slip may stand for."""
    words = set(stopwords_for_language(language)) | (DUTCH_QUESTION_WORDS if language == "nl" else set())
    return tuple(sorted(w for w in words if len(w) >= MIN_SLIP_LENGTH))


def _misspelt_part(word: str, known: Callable[[str], bool]) -> list[str]:
    """A Dutch compound with one misspelt part ("kledingconvenat" -> "kledingconvenant",
    "kledigconvenant" -> "kledingconvenant"): the other part a word, the misspelt one close
    to an indexed word."""
    def is_word(part: str) -> bool:
        return _is_part(part, known)

    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        if len(tail) >= MIN_TYPO_LENGTH and is_word(head) and not is_word(tail):
            close = close_words(tail, "nl", known, TYPO_SCORE, 1)
            if close:
                return [head + close[0]]
        if len(head) >= MIN_TYPO_LENGTH and is_word(tail) and not is_word(head):
            close = close_words(head, "nl", known, TYPO_SCORE, 1)
            if close:
                return [close[0] + tail]
    return []


@cache
def _common_words(language: Lang) -> tuple[str, ...]:
    """The words of the language's list at least REAL_WORD_ZIPF frequent (the list runs from the
    most frequent word down, so they are its head)."""
    words = alphabetic_words(language)
    end = bisect_left(words, -REAL_WORD_ZIPF, key=lambda w: -zipf(w, language))
    return tuple(w for w in words[:end] if len(w) >= MIN_TYPO_LENGTH)


def _compound_of_words(word: str, known: Callable[[str], bool] | None) -> bool:
    """Whether a Dutch word splits into parts that the index or the Dutch word list holds."""
    return bool(split_compound(word, lambda part: _is_part(part, known)))


def _is_part(part: str, known: Callable[[str], bool] | None) -> bool:
    """Whether a compound's part is a word: the index holds it or the Dutch list (PART_ZIPF)."""
    return bool(known and known(part)) or zipf(part, "nl") >= PART_ZIPF


@cache
def _vocabulary_words() -> frozenset[str]:
    """The words of the vocabulary's terms a typo may stand for, kept built between runs with
    the tagger (6 ms of every start to collect)."""
    sources = (*tagger_sources(), Path(__file__))
    return cached_build("typo-words", sources, _collect_vocabulary_words, frozenset)


def _collect_vocabulary_words() -> frozenset[str]:
    words: set[str] = set()
    for form, _, _ in load_vocabulary().terms():
        words.update(w for w in re.findall(r"[a-z0-9]+", fold(form)) if len(w) >= MIN_TYPO_LENGTH)
    return frozenset(words)
