"""Numbered citations and the citation strings people paste into notes.

A citation string follows how a Dutch policy officer writes it: the document's citation
("Kamerstukken II 2014/15, 26 485, nr. 197") or its title, always with the printed page.
"""

from __future__ import annotations

from collections.abc import Mapping

from imvo_assist.models import Citation, Hit

REGISTER_NOTE = {"nl": " (gegeven uit het meegeleverde register)", "en": " (fact from the bundled register)"}


def cite_string(hit: Hit, documents: Mapping[str, dict], language: str = "nl") -> str:
    """The pasteable reference of a hit: citation (or title), printed page, and URL."""
    document = documents.get(hit.passage.doc_id, {})
    base = str(document.get("citation") or hit.title or hit.passage.doc_id)
    page = hit.passage.page_label
    text = f"{base}, p. {page}" if page else base
    if hit.source == "register":
        text += REGISTER_NOTE.get(language, REGISTER_NOTE["nl"])
    url = hit.url or str(document.get("url", ""))
    return f"{text}. {url}" if url else f"{text}."


class CitationList:
    """Citations numbered in the order they are first used; a passage is cited once."""

    def __init__(self, documents: Mapping[str, dict], language: str = "nl") -> None:
        self.documents = documents
        self.language = language
        self.citations: list[Citation] = []
        self._numbers: dict[str, int] = {}

    def add(self, hit: Hit) -> int:
        """The number of a hit's citation, adding it when new."""
        key = hit.passage.id
        if key not in self._numbers:
            self._numbers[key] = len(self.citations) + 1
            cite = cite_string(hit, self.documents, self.language)
            self.citations.append(Citation(self._numbers[key], hit, cite))
        return self._numbers[key]

    def sources_block(self, language: str) -> list[str]:
        """The numbered list of citation strings under an answer."""
        if not self.citations:
            return []
        lines = ["", "**Bronnen**" if language == "nl" else "**Sources**", ""]
        lines += [f"[{citation.n}] {citation.cite}" for citation in self.citations]
        return lines
