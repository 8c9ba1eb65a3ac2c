"""Paths of the shared test corpus (`../shared` beside the repository): paths only, nothing is
read at import. A module of its own, not conftest.py: `from shared_paths import` can resolve to
tests/tui/conftest.py, depending on which tests ran first."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
HOSTILE = SHARED / "corpus-hostile"
LETTER_PDF = CORPUS / "kamerbrief-2014-11-19-sra.pdf"
SHARED_MISSING = "../shared test corpus not found beside the repository; tests that need it are skipped"


def shared_available() -> bool:
    return CORPUS.is_dir()
