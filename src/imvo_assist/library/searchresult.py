"""The result of a library search: its hits with the time it took."""

from __future__ import annotations

from dataclasses import dataclass, field

from imvo_assist.models import Hit


@dataclass
class SearchResult:
    """Hits of a search with the time it took.

    When the text as typed found nothing and each of its unknown words had one certain
    correction, `query` is the corrected text that was searched, `corrected_from` the text as
    typed and `language` the language to say so in ("nl" or "en").
    """

    query: str
    hits: list[Hit]
    elapsed_ms: float
    suggestions: list[str] = field(default_factory=list)
    corrected_from: str | None = None
    language: str = "nl"

    def to_dict(self) -> dict[str, object]:
        return {
            "query": self.query,
            "corrected_from": self.corrected_from,
            "hits": [hit.to_dict() for hit in self.hits],
            "not_found": not self.hits,
            "suggestions": self.suggestions,
            "elapsed_ms": round(self.elapsed_ms, 1),
        }
