"""Did-you-mean over a fixed set of words, with work that does not grow with the input.

`fuzz.ratio` is 100 * (1 - indel distance / (len(a) + len(b))), and the distance is at least the
difference in length: a score of `score` needs len(b) within score/(200-score) to
(200-score)/score of len(a) (2/3 to 3/2 for 80). So each word is compared only with the words of
those lengths, and only the first `limit` distinct unknown words of a text are looked up.
"""

from __future__ import annotations

import functools

from rapidfuzz import fuzz, process


class SuggestionIndex:
    """Known (folded) words grouped by length, with the candidate list of each length built once."""

    def __init__(self, words: frozenset[str], score: int) -> None:
        self.words = words
        self.score = score
        self.by_length: dict[int, list[str]] = {}
        for word in sorted(words):
            self.by_length.setdefault(len(word), []).append(word)
        self._candidates: dict[int, list[str]] = {}
        self.lookups = 0
        """Fuzzy look-ups done so far (the work of `suggest`, for tests and benchmarks)."""

    def candidates(self, length: int) -> list[str]:
        """The known words whose length allows a match with a word of `length`."""
        if length not in self._candidates:
            low = -(-length * self.score // (200 - self.score))
            high = length * (200 - self.score) // self.score
            self._candidates[length] = [
                word for size in range(low, high + 1) for word in self.by_length.get(size, ())
            ]
        return self._candidates[length]

    def suggest(self, words: list[str], min_length: int, limit: int) -> list[str]:
        """The closest known word of each of the first `limit` distinct unknown `words`
        (at least `min_length` long) that has one, in order, without repeats."""
        unknown = [
            word for word in dict.fromkeys(words) if len(word) >= min_length and word not in self.words
        ][:limit]
        found = []
        for word in unknown:
            self.lookups += 1
            best = process.extractOne(
                word, self.candidates(len(word)), scorer=fuzz.ratio, score_cutoff=self.score
            )
            if best:
                found.append(best[0])
        return list(dict.fromkeys(found))


@functools.lru_cache(maxsize=4)
def suggestion_index(words: frozenset[str], score: int) -> SuggestionIndex:
    """The prepared index of a word set (kept for the few sets in use: a frozenset caches its
    hash, so finding it again costs nothing)."""
    return SuggestionIndex(words, score)
