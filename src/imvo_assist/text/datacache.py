"""Built tables of the bundled catalogue kept in the user data folder between runs.

Reading the lexicon stems every entry and the word lists parse 190,000 lines: a few hundred
milliseconds a start. The built object is pickled under a hash of its sources, so a changed
source (or a changed module that builds it) is rebuilt; a missing, unreadable or unwritable
cache only costs the speed-up.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from imvo_assist.paths import data_dir

T = TypeVar("T")


def cached_build(name: str, sources: tuple[Path, ...], build: Callable[[], T], kind: type) -> T:
    """The object `build()` returns, from the cache when its sources are unchanged.

    Args:
        name: a short name for the cache file.
        sources: the files the object is built from (their bytes key the cache).
        build: builds the object from the sources.
        kind: the type a cached object must have to be used.
    """
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.read_bytes())
    cache = data_dir() / "cache" / f"{name}-{digest.hexdigest()[:16]}.pickle"
    try:
        with cache.open("rb") as handle:
            built = pickle.load(handle)  # written by this module, in the user's own folder
        if isinstance(built, kind):
            return built  # type: ignore[return-value]
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        pass
    built = build()
    _store(cache, built)
    return built


def _store(cache: Path, built: object) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=cache.parent, delete=False) as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, cache)
    except OSError:
        pass
