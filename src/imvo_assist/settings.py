"""Settings of one run: command-line flag > environment > default."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from imvo_assist.paths import BUNDLED_CORPUS, default_corpus, index_dir_for, user_corpus

MAX_QUESTION_CHARS = 2000
"""Longest question, search text or quote read, in every front end (longer: a clear error)."""


@dataclass(frozen=True)
class Settings:
    """Where to read documents from and where the index lives."""

    corpus: Path
    """The folder of documents (and optional MANIFEST.toml / documents.toml)."""
    index: Path
    """The index folder (a cache; can always be rebuilt from the corpus)."""
    debug: bool = False
    """Show tracebacks instead of one-line errors."""
    password: str | None = None
    """Password for encrypted PDFs the user may open."""
    timeout_s: float = 60.0
    """Time limit for extracting one file."""
    memory_mb: int = 1024
    """Address-space cap of an extraction worker."""
    workers: int = 2
    """Extraction processes running at once."""
    additions: Path | None = None
    """The user's own corpus folder, read beside the bundled corpus when no corpus folder was
    named; `add` and `fetch` write there."""

    @property
    def roots(self) -> tuple[Path, ...]:
        """The folders whose files are indexed: the corpus, then the user's additions."""
        return (self.corpus,) if self.additions is None else (self.corpus, self.additions)

    @property
    def writable_corpus(self) -> Path:
        """The folder `add` and `fetch` write to."""
        return self.additions or self.corpus


def make_settings(
    corpus: Path | None = None, index: Path | None = None, **options: object
) -> Settings:
    """Resolve the corpus and index folders from flags, environment and defaults."""
    corpus_dir = (corpus or default_corpus()).expanduser()
    index_dir = (index or index_dir_for(corpus_dir)).expanduser()
    bundled = corpus_dir.resolve() == BUNDLED_CORPUS.resolve()
    additions = user_corpus() if bundled else None
    return Settings(corpus=corpus_dir, index=index_dir, additions=additions, **options)  # type: ignore[arg-type]
