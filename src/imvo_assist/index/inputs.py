"""What the indexer is handed and what it reports: light types, importable without the writer
(`index/__init__` loads the writer only when an index is written)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from imvo_assist.models import Document, FileReport, Passage

if TYPE_CHECKING:
    from imvo_assist.extract import Enrichment

# The file record that stands for the bundled register (its facts are indexed as passages).
REGISTER_PATH = "<bundled register>"

Progress = Callable[[int, int, str], None]
"""Called with (files done, files to extract, current file name)."""


@dataclass(frozen=True)
class RegisterFact:
    """A fact of the bundled register, indexed as a passage of its own."""

    passage: Passage
    language: str


@dataclass(frozen=True)
class Catalogue:
    """What the layer above hands the indexer (the index never reads the bundled catalogue)."""

    registered: tuple[Document, ...] = ()
    """The documents the catalogue knows, with their file names."""
    facts: Callable[[], list[RegisterFact]] = list
    """The register facts to index as passages."""
    fingerprint: str = ""
    """Changes whenever the facts change (stored in the register's file record)."""
    enrichment: Enrichment | None = None
    """Tags for passages and the reader of source registers, for extraction (None: plain)."""


@dataclass
class IndexReport:
    """What one `index` run did."""

    files: list[FileReport] = field(default_factory=list)
    extracted: int = 0
    unchanged: int = 0
    removed: int = 0
    rebuilt: bool = False
    seconds: float = 0.0

    @property
    def failed(self) -> list[FileReport]:
        return [f for f in self.files if f.status in ("failed", "skipped")]

    @property
    def indexed(self) -> list[FileReport]:
        return [f for f in self.files if f.status == "indexed"]
