"""Shared fixtures: isolated data dirs, the shared test corpus, and one indexed copy of it.

Tests never touch the user's data directory or the network: `IMVO_ASSIST_DATA` and
`IMVO_ASSIST_CORPUS` point into pytest's temporary folders for every test.

The shared test corpus (`../shared` beside the repository) is owned here, its paths in
`shared_paths` (`SHARED`, `CORPUS`, `HOSTILE`, `LETTER_PDF`: nothing reads them at import); a test that needs
the folder either uses the `shared_dir` fixture (directly or through `shared_corpus`,
`hostile_corpus`, `corpus_copy`, `indexed`) or carries `@pytest.mark.shared`. When the folder
is missing such tests are skipped with one reason; with `CI=true` a missing folder is an error.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from shared_paths import CORPUS, SHARED, SHARED_MISSING, shared_available

from imvo_assist.settings import Settings, make_settings


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def pytest_configure(config: pytest.Config) -> None:
    if _in_ci() and not shared_available():
        raise pytest.UsageError(
            f"CI is set but the shared test corpus is missing: expected {CORPUS} "
            "(check out ../shared beside the repository)"
        )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that uses the shared folder through a fixture `shared`."""
    for item in items:
        if "shared_dir" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("shared"):
            item.add_marker(pytest.mark.shared)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # Skipped from here (not through a skip mark) so `-ra` folds them all into one line.
    if item.get_closest_marker("shared") and not shared_available():
        pytest.skip(SHARED_MISSING)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """`../shared` beside the repository (tests using it are skipped when it is missing)."""
    if not shared_available():
        pytest.skip(SHARED_MISSING)
    return SHARED


@pytest.fixture(scope="session")
def shared_corpus(shared_dir: Path) -> Path:
    """The shared test corpus, `../shared/corpus` (read-only: copy before changing)."""
    return shared_dir / "corpus"


@pytest.fixture(scope="session")
def hostile_corpus(shared_dir: Path) -> Path:
    """The hostile test corpus, `../shared/corpus-hostile` (read-only)."""
    return shared_dir / "corpus-hostile"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user data folder and corpus."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("IMVO_ASSIST_DATA", str(data))
    monkeypatch.setenv("IMVO_ASSIST_CORPUS", str(CORPUS))


@pytest.fixture(scope="session")
def corpus_copy(tmp_path_factory: pytest.TempPathFactory, shared_corpus: Path) -> Path:
    """A read-only-by-convention copy of the shared test corpus (built once)."""
    target = tmp_path_factory.mktemp("corpus") / "corpus"
    shutil.copytree(shared_corpus, target)
    return target


@pytest.fixture(scope="session")
def indexed(tmp_path_factory: pytest.TempPathFactory, corpus_copy: Path) -> Settings:
    """Settings of the shared test corpus with its index built once per session."""
    from imvo_assist.library import refresh

    settings = make_settings(corpus_copy, tmp_path_factory.mktemp("index") / "ix")
    report = refresh(settings)
    assert report.indexed, report.files
    return settings


@pytest.fixture
def fresh_corpus(tmp_path: Path) -> Path:
    """An empty corpus folder of this test's own."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def letter_only(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The bundled letter with the bundled register facts and no source register, indexed once
    per module."""
    from imvo_assist.library import refresh
    from imvo_assist.paths import BUNDLED_CORPUS

    corpus = tmp_path_factory.mktemp("bundled") / "corpus"
    corpus.mkdir()
    shutil.copy(BUNDLED_CORPUS / "kamerbrief-2014-11-19-sra.pdf", corpus)
    settings = make_settings(corpus, tmp_path_factory.mktemp("index") / "ix")
    assert refresh(settings).indexed
    return settings
