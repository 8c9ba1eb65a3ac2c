"""Helpers of the overview tests: the bundled corpus (the real letter and the register), indexed
once per session. (A fixture module, not a conftest.py: a second conftest would take the name
`conftest` that other test modules import `run_cli` from.)"""

from __future__ import annotations

import shutil

import pytest

from imvo_assist.paths import BUNDLED_CORPUS
from imvo_assist.settings import Settings, make_settings

LETTER = "kamerbrief-2014-11-19-sra.pdf"
_BUILT: dict[str, Settings] = {}


@pytest.fixture(scope="session", name="bundled")
def bundled_fixture(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The documents the package ships (the letter of 19 November 2014; the register is always
    indexed), in a corpus folder of their own so the index is built quickly, once per session
    for every module that imports this fixture."""
    if "settings" not in _BUILT:
        from imvo_assist.library import refresh

        corpus = tmp_path_factory.mktemp("bundled") / "corpus"
        corpus.mkdir()
        shutil.copy2(BUNDLED_CORPUS / LETTER, corpus / LETTER)
        settings = make_settings(corpus, tmp_path_factory.mktemp("bundled-index") / "ix")
        report = refresh(settings)
        assert [f.doc_id for f in report.indexed] == ["kamerbrief-2014-11-19-sra"], report.files
        _BUILT["settings"] = settings
    return _BUILT["settings"]
