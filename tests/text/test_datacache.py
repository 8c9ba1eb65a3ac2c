"""Built tables are kept between runs, keyed by their sources, and never trusted blindly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from imvo_assist.text.datacache import cached_build


def test_built_once_then_read_from_the_cache(tmp_path: Path) -> None:
    source = tmp_path / "table.tsv"
    source.write_text("a\t1\n", encoding="utf-8")
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"a": 1}

    assert cached_build("t", (source,), build, dict) == {"a": 1}
    assert cached_build("t", (source,), build, dict) == {"a": 1}
    assert len(calls) == 1
    source.write_text("a\t2\n", encoding="utf-8")  # a changed source is rebuilt
    cached_build("t", (source,), build, dict)
    assert len(calls) == 2


def test_a_damaged_or_foreign_cache_is_rebuilt(tmp_path: Path) -> None:
    source = tmp_path / "table.tsv"
    source.write_text("x", encoding="utf-8")
    cached_build("t", (source,), lambda: {"x": 1}, dict)
    [cache] = (Path(os.environ["IMVO_ASSIST_DATA"]) / "cache").glob("t-*.pickle")
    cache.write_bytes(b"not a pickle")
    assert cached_build("t", (source,), lambda: {"x": 2}, dict) == {"x": 2}
    assert cached_build("t", (source,), lambda: ["wrong"], dict) == {"x": 2}


def test_an_unwritable_data_folder_only_costs_the_speed_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("IMVO_ASSIST_DATA", str(blocker))  # a file where the folder should be
    source = tmp_path / "s"
    source.write_text("s", encoding="utf-8")
    assert cached_build("t", (source,), lambda: {"ok": 1}, dict) == {"ok": 1}


def test_the_copy_of_an_older_source_is_removed(tmp_path: Path) -> None:
    source = tmp_path / "table.tsv"
    source.write_text("one", encoding="utf-8")
    cached_build("t", (source,), lambda: {"v": 1}, dict)
    cached_build("t-other", (source,), lambda: {"v": 9}, dict)  # another table, kept
    source.write_text("two", encoding="utf-8")
    assert cached_build("t", (source,), lambda: {"v": 2}, dict) == {"v": 2}
    folder = Path(os.environ["IMVO_ASSIST_DATA"]) / "cache"
    assert len(list(folder.glob("t-????????????????.pickle"))) == 1
    assert cached_build("t-other", (source,), lambda: {"v": 8}, dict) == {"v": 8}  # rebuilt
    assert len(list(folder.glob("t-other-*.pickle"))) == 1
