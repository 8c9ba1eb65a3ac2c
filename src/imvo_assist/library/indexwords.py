"""The words of an open index: one looked up, or all of them."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from whoosh.searching import Searcher

MAX_LOOKUPS = 200
"""Words looked up in the index one by one until `words` is read (or this many were)."""


class IndexWords:
    """Whether a word occurs in the indexed passages (`words(word)`), and every such word
    (`words.all`, read once): a question asks about a few words, a did-you-mean about
    thousands, so the first few are looked up in the index and later ones in the whole set."""

    def __init__(self, searcher: Callable[[], Searcher]) -> None:
        self._searcher = searcher
        self._lookups = 0

    def __call__(self, word: str) -> bool:
        if "all" not in self.__dict__ and self._lookups < MAX_LOOKUPS and word.isprintable():
            self._lookups += 1
            return ("exact", word) in self._searcher().reader()
        return word in self.all

    @cached_property
    def all(self) -> frozenset[str]:
        """Every unstemmed word of the indexed passages."""
        return frozenset(
            term.decode("utf-8") if isinstance(term, bytes) else term
            for term in self._searcher().reader().lexicon("exact")
        )
