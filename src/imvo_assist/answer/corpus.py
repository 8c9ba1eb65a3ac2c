"""What the answer engine needs of an open corpus: a small protocol, so `answer/` depends on it
and not on the library façade (which calls the engine)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from whoosh.query import Query

    from imvo_assist.bronnenboek.provenance import Provenance
    from imvo_assist.index import Filters
    from imvo_assist.models import Document, Hit, Passage


class Hits(Protocol):
    """The result of a search: its hits, best first."""

    hits: list[Hit]


class Corpus(Protocol):
    """An open, indexed corpus."""

    @property
    def documents(self) -> Mapping[str, Document]:
        """Every known document by id."""
        ...

    @property
    def provenance(self) -> Provenance:
        """Source-register entries and the report passages citing them."""
        ...

    def has_term(self, word: str) -> bool:
        """Whether a word occurs in the indexed passages."""
        ...

    @property
    def words(self) -> Callable[[str], bool]:
        """`has_term` as one object, which may also hold every indexed word at once
        (`text.didyoumean.AllWords`: a did-you-mean walks thousands)."""
        ...

    def search(self, text: str, filters: Filters | None = None, limit: int = 10) -> Hits:
        """Passages for user text, searched as words."""
        ...

    def run(self, query: Query, filters: Filters | None = None, limit: int = 10) -> list[Hit]:
        """Hits of a query built by the engine."""
        ...

    def matching(self, query: Query, filters: Filters | None = None, limit: int = 10) -> list[Passage]:
        """The first passages a query built by the engine matches, in index order, unscored."""
        ...

    def any_match(self, query: Query, filters: Filters | None = None) -> bool:
        """Whether a passage the filters allow matches a query built by the engine."""
        ...

    def tagged(self, field: str, id: str, limit: int) -> list[Hit]:
        """The passages tagged with a sector, risk or organisation, best first."""
        ...

    def hit(self, passage: Passage, source: str = "passage") -> Hit:
        """A passage as a hit with its document's title, kind and URL."""
        ...

    def passage(self, passage_id: str) -> Passage | None:
        """One passage by its id."""
        ...

    def passages_of(self, doc_id: str, label: str | None = None) -> list[Passage]:
        """The passages of a document (of one printed page), in reading order."""
        ...
