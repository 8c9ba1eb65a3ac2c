"""The documents screen lists failed files with their reason."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import DataTable

from imvo_assist.library import refresh
from imvo_assist.settings import make_settings
from imvo_assist.tui.app import ImvoApp
from imvo_assist.tui.screens.documents import DocumentsScreen

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = SHARED / "corpus"
HOSTILE = SHARED / "corpus-hostile"


async def test_documents_screen_shows_failed_files_with_reasons(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "notitie-test.md", corpus)
    shutil.copy(HOSTILE / "pdf-gen" / "empty-zero-bytes.pdf", corpus)
    settings = make_settings(corpus, tmp_path / "ix")
    refresh(settings)
    app = ImvoApp(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, DocumentsScreen)
        table = app.screen.query_one(DataTable)
        cells = [" ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        assert any("failed" in row and "empty-zero-bytes.pdf: empty file" in row for row in cells)
        assert any("indexed" in row and "notitie-test" in row for row in cells)
