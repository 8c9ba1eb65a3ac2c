"""Language of a text (Dutch or English): of a document from the share of common function
words, of a question from how much likelier its words are in either language."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from imvo_assist.text.fold import fold
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.wordlist import Lang, zipf

DUTCH = frozenset(
    ["de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "zijn", "voor", "met", "die", "niet", "aan", "er", "om", "ook", "als", "bij", "of", "door", "naar", "wordt", "worden", "wij", "zij", "deze", "dit", "heeft", "hebben", "over", "tot", "uit", "zal", "kan", "nog", "wel", "meer"]
)
ENGLISH = frozenset(
    ["the", "a", "an", "and", "of", "in", "is", "that", "on", "to", "be", "for", "with", "not", "as", "by", "or", "from", "this", "are", "was", "have", "has", "which", "will", "can", "their", "its", "it", "at", "such", "other", "these", "been", "should"]
)
WORD = re.compile(r"[a-zà-ÿ]+")
QUESTION_WORD = lazy_compile(r"[a-z0-9]+(?:'[a-z]+)?")
# A capitalised word inside a sentence: a name, of no language ("MVO Nederland", "Oxfam Novib").
NAME_INSIDE = lazy_compile(r"(?<=[\w,;:)'\"] )[A-Z][\w'-]*")
# A word in capitals: an abbreviation or a name ("ASN", "CSDDD").
CAPITALS = lazy_compile(r"\b[A-Z]{2,}\b")
# A word counts for the language where it is more frequent by the difference of its zipf values
# (a log-likelihood ratio), at most this much: one word that only one list holds ("keeps",
# "waakhond") is evidence, not a verdict.
MAX_WORD_EVIDENCE = 2.0
# A function word decides only when it is this much (zipf) more frequent in one language: "we"
# is as Dutch as it is English.
CLEAR_FUNCTION_WORD = 1.0
# Whoosh's Dutch stopwords lack the question words its English list has ("what", "which").
DUTCH_QUESTION_WORDS = frozenset(["welke", "welk", "waar", "wanneer", "waarom", "hoeveel", "hoe"])
SAMPLE_CHARS = 20_000


def detect_language(text: str, default: str = "nl") -> str:
    """"nl" or "en": whichever language's function words are more frequent."""
    words = WORD.findall(text[:SAMPLE_CHARS].lower())
    dutch = sum(word in DUTCH for word in words)
    english = sum(word in ENGLISH for word in words)
    if dutch == english:
        return default
    return "nl" if dutch > english else "en"


def typed_names(question: str) -> frozenset[str]:
    """The folded words a question types as names: capitalised inside a sentence ("Is Shein
    ...?", a possessive undone) or written in capitals ("ASN")."""
    inside = (name.removesuffix("'s") for name in NAME_INSIDE.findall(question))
    capitals = (word for word in CAPITALS.findall(question))
    return frozenset(fold(name) for name in (*inside, *capitals))


@lru_cache(maxsize=256)
def language_of_question(question: str) -> Lang:
    """The language of a question as asked, its quoted titles and proper names aside ("What is
    the Kamerstuk of 'Wat de Wereld verdient'?", "Is MVO Nederland mentioned?" are English)."""
    from imvo_assist.text.framing import QUOTED  # not at import: extraction reads this module

    text = NAME_INSIDE.sub(" ", QUOTED.sub(" ", question))
    return question_language(QUESTION_WORD.findall(fold(text)))


def question_language(words: list[str]) -> Lang:
    """"nl" or "en" for a short text such as a question (folded words): the language under
    which its function words, taken as independent draws from general-language frequencies,
    are likelier ("Is due diligence a one-time check we do before we sign up?" is English
    although "is" and "we" are Dutch words too; "Wat is due diligence?" Dutch, its loan words
    aside); by all its words when the function words tie; Dutch, the corpus's language, on a
    tie of both."""
    function = _function_words()
    evidence = _evidence([w for w in words if w in function], CLEAR_FUNCTION_WORD) or _evidence(words)
    return "en" if evidence > 0 else "nl"


def _evidence(words: list[str], clear: float = 0.0) -> float:
    """Log-likelihood of English over Dutch of the words (positive: English), of the words at
    least `clear` more frequent in one language than the other."""
    total = 0.0
    for word in words:
        difference = zipf(word, "en") - zipf(word, "nl")
        if abs(difference) >= clear:
            total += max(-MAX_WORD_EVIDENCE, min(MAX_WORD_EVIDENCE, difference))
    return total


@cache
def _function_words() -> frozenset[str]:
    """The stopwords of one language and not the other (the analyzers' lists: "is" and "in" say
    nothing), and the Dutch question words the Dutch list lacks ("welke", "waar")."""
    from whoosh.lang import stopwords_for_language  # not at import: extraction reads this module

    dutch, english = frozenset(stopwords_for_language("nl")), frozenset(stopwords_for_language("en"))
    return (dutch ^ english) | DUTCH_QUESTION_WORDS
