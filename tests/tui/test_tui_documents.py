"""The documents screen lists failed files with their reason."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import DataTable, Static

from imvo_assist.library import refresh
from imvo_assist.settings import make_settings
from imvo_assist.tui.app import ImvoApp
from imvo_assist.tui.screens.documents import DocumentsScreen


async def test_documents_screen_shows_failed_files_with_reasons(
    tmp_path: Path, shared_corpus: Path, hostile_corpus: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(shared_corpus / "notitie-test.md", corpus)
    shutil.copy(hostile_corpus / "pdf-gen" / "empty-zero-bytes.pdf", corpus)
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
        assert any("mislukt" in row and "empty-zero-bytes.pdf: empty file" in row for row in cells)
        assert any("geïndexeerd" in row and "notitie-test" in row for row in cells)
        # the Dutch screen has no English status words, and counts in the right form
        statuses = {str(table.get_row_at(i)[0]) for i in range(table.row_count)}
        assert not statuses & {"indexed", "failed", "skipped", "missing"}, statuses
        headers = [str(column.label) for column in table.columns.values()]
        assert headers == ["status", "document", "pagina's", "passages", "bestand / probleem"]
        title = str(app.screen.query_one("#documents-title", Static).content)
        assert title.startswith(f"{table.row_count} documenten; 1 niet geïndexeerd")
