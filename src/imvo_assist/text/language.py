"""Language of a text (Dutch or English) from the share of common function words."""

from __future__ import annotations

import re

from imvo_assist.text.wordlist import zipf

DUTCH = frozenset(
    ["de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "zijn", "voor", "met", "die", "niet", "aan", "er", "om", "ook", "als", "bij", "of", "door", "naar", "wordt", "worden", "wij", "zij", "deze", "dit", "heeft", "hebben", "over", "tot", "uit", "zal", "kan", "nog", "wel", "meer"]
)
ENGLISH = frozenset(
    ["the", "a", "an", "and", "of", "in", "is", "that", "on", "to", "be", "for", "with", "not", "as", "by", "or", "from", "this", "are", "was", "have", "has", "which", "will", "can", "their", "its", "it", "at", "such", "other", "these", "been", "should"]
)
WORD = re.compile(r"[a-zà-ÿ]+")
SAMPLE_CHARS = 20_000


def detect_language(text: str, default: str = "nl") -> str:
    """"nl" or "en": whichever language's function words are more frequent."""
    words = WORD.findall(text[:SAMPLE_CHARS].lower())
    dutch = sum(word in DUTCH for word in words)
    english = sum(word in ENGLISH for word in words)
    if dutch == english:
        return default
    return "nl" if dutch > english else "en"


def wordlist_language(words: list[str]) -> str:
    """Dutch or English by the word lists, for a text whose function words tie ("Our company
    makes chocolate, is child labour in cocoa mentioned?"): the language in which more of its
    words are clearly (one zipf step) more frequent; Dutch on a tie."""
    english = sum(zipf(w, "en") >= zipf(w, "nl") + 1 for w in words)
    dutch = sum(zipf(w, "nl") >= zipf(w, "en") + 1 for w in words)
    return "en" if english > dutch else "nl"
