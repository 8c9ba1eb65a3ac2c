"""Built tables of the bundled catalogue kept in the user data folder between runs.

Reading the lexicon stems every entry and the word lists parse 190,000 lines: a few hundred
milliseconds a start. The built object is pickled under a checksum of its sources (CRC-32 and
length: a cache key, not a security check; SHA-256 of the 2.8 MB of word lists cost 8 ms of
every cold start), so a changed source (or a changed module that builds it) is rebuilt and the
copies of older sources are removed; a missing, unreadable or unwritable cache only costs the
speed-up.
"""

from __future__ import annotations

import glob
import os
import pickle
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from imvo_assist.paths import data_dir

T = TypeVar("T")
KEY_LENGTH = 16  # hex digits of the key: CRC-32 and length of the sources


def cached_build(name: str, sources: tuple[Path, ...], build: Callable[[], T], kind: type) -> T:
    """The object `build()` returns, from the cache when its sources are unchanged.

    Args:
        name: a short name for the cache file.
        sources: the files the object is built from (their bytes key the cache).
        build: builds the object from the sources.
        kind: the type a cached object must have to be used.
    """
    checksum, length = 0, 0
    for source in sources:
        data = source.read_bytes()
        checksum, length = zlib.crc32(data, checksum), length + len(data)
    cache = data_dir() / "cache" / f"{name}-{checksum:08x}{length:08x}.pickle"
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
        same_table = glob.escape(cache.stem[:-KEY_LENGTH]) + "?" * KEY_LENGTH + ".pickle"
        for older in cache.parent.glob(same_table):
            if older != cache:
                older.unlink(missing_ok=True)
    except OSError:
        pass
