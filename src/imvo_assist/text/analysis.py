"""Analyzers: Dutch and English stemming, and an accent-folded unstemmed form for phrases.

Built once per process (`functools.cache`); Whoosh pickles them into the schema, and the query
side uses the same objects so index and query terms always agree. `index_words` and `stemmed`
make the same terms in one pass for the indexer (`index/segment.py` checks they agree).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.lang import stopwords_for_language
from whoosh.support.charset import accent_map

# Words, with inner apostrophes kept together ("risico's") and digits as words ("2016").
TOKEN = r"\w+(?:'\w+)*"
ANALYZER_VERSION = 1


@cache
def dutch() -> Analyzer:
    """Dutch: stopwords removed, accents folded, Snowball stemmer."""
    return (
        RegexTokenizer(TOKEN)
        | LowercaseFilter()
        | StopFilter(stoplist=stopwords_for_language("nl"), minsize=1)
        | CharsetFilter(accent_map)
        | StemFilter(lang="nl", cachesize=50_000)
    )


@cache
def english() -> Analyzer:
    """English: stopwords removed, accents folded, Snowball (Porter2) stemmer."""
    return (
        RegexTokenizer(TOKEN)
        | LowercaseFilter()
        | StopFilter(stoplist=stopwords_for_language("en"), minsize=1)
        | CharsetFilter(accent_map)
        | StemFilter(lang="en", cachesize=50_000)
    )


@cache
def exact() -> Analyzer:
    """Unstemmed, accent-folded, no stopwords: for phrases and literal terms."""
    return RegexTokenizer(TOKEN) | LowercaseFilter() | CharsetFilter(accent_map)


def tokens(analyzer: Analyzer, text: str) -> list[str]:
    """The terms an analyzer makes of a text, in order (for building queries)."""
    return [token.text for token in analyzer(text, mode="query") if token.text]


@cache
def stopwords() -> frozenset[str]:
    """Dutch and English stopwords (accent-folded), for leaving them out of unstemmed terms."""
    return frozenset(stopwords_for_language("nl")) | frozenset(stopwords_for_language("en"))


def index_words(text: str) -> tuple[list[str], list[str]]:
    """The words of a text as the analyzers above see them, tokenized once: (lowercased,
    accent-folded), in order. `text` is the matching form (`normalise.index_form`)."""
    lowered = [word.lower() for word in _TOKEN.findall(text)]
    return lowered, [word.translate(accent_map) for word in lowered]


def stemmed(lowered: list[str], folded: list[str], language: str) -> list[str]:
    """The terms `dutch()` ("nl") or `english()` ("en") make of words from `index_words`:
    stopwords (checked before folding, as the StopFilter does) left out, the rest stemmed."""
    stops, stem = _stemming(language)
    return [stem(f) for w, f in zip(lowered, folded) if w not in stops]


_TOKEN = re.compile(TOKEN)


@cache
def _stemming(language: str) -> tuple[frozenset[str], Callable[[str], str]]:
    from whoosh.lang import stemmer_for_language

    stem = stemmer_for_language(language)
    known: dict[str, str] = {}

    def cached(word: str) -> str:
        found = known.get(word)
        if found is None:
            if len(known) > 200_000:
                known.clear()
            found = known[word] = stem(word)
        return found

    return frozenset(stopwords_for_language(language)), cached
