"""Language of a text (Dutch or English) from the share of common function words."""

from __future__ import annotations

import re

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
