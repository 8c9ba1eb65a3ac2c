"""Typos in questions: misspelt vocabulary words ("kinderabeid" -> "kinderarbeid") and
misspelt words of the documents ("protekt" -> "protect"), corrected before the question is read.

Vocabulary words are matched with rapidfuzz against the vocabulary's own words; other words
only when they are neither in the index nor a word of Dutch or English, against the indexed
words of the word lists (`text.didyoumean`), else against the common words of the question's
language or the words of the lexicon and vocabulary one typing slip away (two letters swapped,
one dropped or doubled: "idnetify" -> "identify", "bronneboek" -> "bronnenboek"), or one letter
off when the documents can read the word ("elemnts" -> "elements"), or as a Dutch compound with
one misspelt part ("kledingconvenat"). An inflection ("sectoren") is never a typo, and a name
typed as one ("Shein") no slip of a common word. Short slips of function words ("teh", "adn",
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
from imvo_assist.text.lexicon import lexicon_path, load_lexicon
from imvo_assist.text.wordlist import Lang, zipf

TYPO_SCORE = 85
MIN_TYPO_LENGTH = 5
# A word of four letters no list holds is corrected only for a typing slip ("isks" -> "risks").
MIN_SLIP_TYPO = 4
# A typing slip (letters swapped, dropped or doubled) may stand for a word this frequent; another
# one-letter difference only for a word REAL_WORD_ZIPF frequent that the documents can read.
SLIP_ZIPF = 3.0
# The closest common words compared, commonest first; a typing slip ranks as this much (zipf)
# more common than another one-letter difference.
SLIP_CANDIDATES = 20
SLIP_BONUS = 1.0
# A word this frequent in the question's language is a word, not a typo ("source" is no
# misspelt "resource"; "electronica", zipf 3, still becomes "elektronica").
REAL_WORD_ZIPF = 3.5
# A listed word rarer than that is a misspelling the lists hold ("eigelijk", zipf 3.0) when one
# typing slip from a word of the question's language this much more frequent ("eigenlijk", 5.5).
SPELLING_MARGIN = 2.0
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
MIN_FUNCTION_SLIP = 3
SLIP_MARGIN = 2.5
TYPED_WORD = re.compile(r"[^\W\d_]+")
# Words that open a question: a slip at its start stands for one of these first.
QUESTION_OPENERS = DUTCH_QUESTION_WORDS | {"what", "which", "when", "where", "why", "who", "how"}


def typo_corrections(
    words: list[str], language: Lang, known: Callable[[str], bool] | None,
    content: Callable[[str], bool], names: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """Misspelt content words of a question and their corrections; a vocabulary word before an
    indexed one ("GodElectronics": GoodElectronics, not "electronics"). A word typed as a name
    (`names`, folded: "Shein", "ASN") is no slip of a common word."""
    vocabulary = _vocabulary_corrections(words, content, language, known)
    return _index_corrections(words, language, known, content, names) | vocabulary


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
    content: Callable[[str], bool], names: frozenset[str],
) -> dict[str, str]:
    """Typos of indexed words ("protekt" -> "protect"): a content word that is neither in the
    index nor a word of Dutch or English, closest to an indexed word of either language, or one
    typing slip from a common word ("setoren" -> "sectoren", "isks" -> "risks")."""
    if known is None:
        return {}
    corrections = {}
    other: Lang = "en" if language == "nl" else "nl"
    for position, word in enumerate(words):
        if (len(word) < MIN_SLIP_TYPO or not word.isalpha() or not content(word) or known(word)
                or default_tagger().tag(word) != Tags()):
            continue
        listed = max(zipf(word, "nl"), zipf(word, "en"))
        if listed:  # a word of the lists, unless a misspelling they hold of a far commoner word
            slips = [] if listed >= REAL_WORD_ZIPF else [
                c for c in _word_one_slip_away(words, position, language, known, word not in names)
                if _typing_slip(word, c) and zipf(c, language) >= listed + SPELLING_MARGIN]
            if slips:
                corrections[word] = slips[0]
            continue
        general = word not in names
        if len(word) < MIN_TYPO_LENGTH:  # too short to compare by likeness: a typing slip only
            close = [c for c in _word_one_slip_away(words, position, language, known, general)
                     if _typing_slip(word, c)]
        else:
            close = (close_words(word, language, known, TYPO_SCORE, 1)
                     or close_words(word, other, known, TYPO_SCORE, 1))
            if language == "nl" and _compound_of_words(word, known):
                # a compound of words ("olieraffinaderijen") is split, not corrected, unless it
                # is one slip from a word ("set|oren": "sectoren")
                close = [c for c in close if OSA.distance(word, c) == 1] or [
                    c for c in _word_one_slip_away(words, position, language, known, general)
                    if _typing_slip(word, c)]
            else:
                close = (close or _word_one_slip_away(words, position, language, known, general)
                         or (_misspelt_part(word, known) if language == "nl" else []))
        if close:
            corrections[word] = close[0]
    return corrections


def _word_one_slip_away(
    words: list[str], position: int, language: Lang, known: Callable[[str], bool], general: bool = True,
) -> list[str]:
    """A common word of the question's language or a word of the domain (`_domain_slips`) one
    edit from a word no index or list holds: after a typing slip (two letters swapped, one
    dropped or doubled: "behnd", "bacck"), or, for a common word, when the documents or the
    lexicon can read it: it, or a translation, is indexed, or it makes a lexicon phrase with a
    neighbour ("key elemnts" -> "key elements"). A word the lexicon knows ("ruggie"), an
    inflection ("filipijns") or a word one letter off that only the general language reads
    ("reshored" is no "restored" the documents speak of) stays as written; and a name (not
    `general`) is a slip only of a word of the domain."""
    word = words[position]
    lexicon = load_lexicon()
    if lexicon.either_way(word):
        return []
    found = process.extract(word, _common_words(language), scorer=OSA.distance,
                            score_cutoff=REAL_WORD_EDITS, limit=SLIP_CANDIDATES) if general else []
    close = [c for c, _, _ in found if not (c.startswith(word) or word.startswith(c))]

    def readable(right: str) -> bool:
        neighbours = [f"{words[position - 1]} {right}"] if position else []
        neighbours += [f"{right} {words[position + 1]}"] if position + 1 < len(words) else []
        said = [right, *lexicon.either_way(right)]
        return any(" " not in term and known(term) for term in said) or any(
            lexicon.either_way(phrase) for phrase in neighbours)

    fitting = [c for c in close if _typing_slip(word, c)
               or (zipf(c, language) >= REAL_WORD_ZIPF and readable(c))] + _domain_slips(word)
    # the commonest, a slip counting as SLIP_BONUS more common ("kive": give, not kiev)
    return sorted(fitting, key=lambda c: -(zipf(c, language) + SLIP_BONUS * _typing_slip(word, c)))[:1]


def _domain_slips(word: str) -> list[str]:
    """The words of the lexicon or the vocabulary one typing slip from a word ("bronnenboke" ->
    "bronnenboek", "kpgm" -> "kpmg", "covennats" -> "covenants"): the domain's own words, which
    the general word lists may lack."""
    found = process.extract(word, _domain_words(), scorer=OSA.distance,
                            score_cutoff=REAL_WORD_EDITS, limit=SLIP_CANDIDATES)
    return [c for c, _, _ in found if _typing_slip(word, c)
            and not (c.startswith(word) or word.startswith(c))]


@cache
def _domain_words() -> tuple[str, ...]:
    """The words of the lexicon's and the vocabulary's terms, of at least MIN_SLIP_TYPO letters,
    kept built between runs."""
    sources = (lexicon_path(), *tagger_sources(), Path(__file__))
    return cached_build("slip-words", sources, _collect_domain_words, tuple)


def _collect_domain_words() -> tuple[str, ...]:
    terms = [text for entry in load_lexicon().entries for text in (entry.nl, entry.en)]
    terms += [form for form, _, _ in load_vocabulary().terms()]
    return tuple(sorted({w for term in terms for w in re.findall(r"[a-z]+", fold(term))
                         if len(w) >= MIN_SLIP_TYPO}))


def _typing_slip(typed: str, word: str) -> bool:
    """Whether a word was typed with two letters swapped, one dropped or one added."""
    return abs(len(typed) - len(word)) == 1 or sorted(typed) == sorted(word) != list(typed)


def without_slips(question: str, language: Lang, known: Callable[[str], bool] | None) -> tuple[str, dict[str, str]]:
    """The question with the slips of its function words corrected, and those corrections."""
    slips = function_word_slips(TYPED_WORD.findall(question), language, known)
    return rewritten(question, slips), slips


def rewritten(question: str, corrections: dict[str, str]) -> str:
    """The question with its (folded) typos corrected, capitals kept."""
    if not corrections:
        return question

    def corrected(match: re.Match[str]) -> str:
        typed = match.group()
        right = corrections.get(fold(typed), typed)
        if typed.isupper() and len(typed) > 1:
            return right.upper()  # "KPGM" -> "KPMG"
        return right[:1].upper() + right[1:] if typed[:1].isupper() else right

    return TYPED_WORD.sub(corrected, question)


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
        if (len(word) < MIN_FUNCTION_SLIP or not word.isalpha() or typed.isupper() or word in slips
                or max(zipf(word, "nl"), zipf(word, "en")) >= REAL_WORD_ZIPF
                or lexicon.either_way(word) or default_tagger().tag(word) != Tags()
                or (known and known(word))):  # the index last: its first lookups are cheap
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
    return tuple(sorted(w for w in words if len(w) >= MIN_FUNCTION_SLIP))


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
    """The words of the language's list at least SLIP_ZIPF frequent, commonest first (the list
    runs from the most frequent word down, so they are its head)."""
    words = alphabetic_words(language)
    end = bisect_left(words, -SLIP_ZIPF, key=lambda w: -zipf(w, language))
    return tuple(w for w in words[:end] if len(w) >= MIN_SLIP_TYPO)


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
