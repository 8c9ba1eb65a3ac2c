"""Locations: the only module that knows where the corpus and the index live.

The index is a cache of a corpus, kept in the per-user data directory (platformdirs) and keyed
by the corpus path, so two corpora never share an index. `IMVO_ASSIST_DATA` overrides the data
directory (tests point it at a temporary folder).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

# The bundled catalogue ships inside the package (a link to the top-level corpus/ in a checkout),
# so this resolves in an editable install, a wheel and a `uv tool install` alike (the package is
# always a folder on disk; `importlib.resources` would say the same and cost a cold start 10 ms).
BUNDLED_CORPUS = Path(__file__).parent / "corpus"
# Data of the bundled catalogue that lives beside the bundled documents but is never indexed.
BUNDLED_DATA_SUFFIXES = frozenset({".toml", ".tsv"})
CORPUS_ENV = "IMVO_ASSIST_CORPUS"
DATA_ENV = "IMVO_ASSIST_DATA"


def data_dir() -> Path:
    """The per-user data directory (created on demand by writers, never here)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("imvo-assist", appauthor=False))


def default_corpus() -> Path:
    """`IMVO_ASSIST_CORPUS` when set, else the corpus bundled with the package."""
    override = os.environ.get(CORPUS_ENV)
    return Path(override) if override else BUNDLED_CORPUS


def user_corpus() -> Path:
    """Where `add` and `fetch` put documents when no corpus folder is named: a folder in the data
    directory, read together with the bundled corpus (never the installed package or a checkout)."""
    return data_dir() / "corpus"


def index_dir_for(corpus: Path) -> Path:
    """The index folder of a corpus: `<data>/indexes/<name>-<hash of the resolved path>`."""
    resolved = corpus.expanduser().resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogateescape")).hexdigest()[:10]
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", resolved.name)[:40] or "corpus"
    return data_dir() / "indexes" / f"{name}-{digest}"
