"""Document text is shown as written: "[bold]" in a passage is never taken as markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import ProgressBar, Static
from tui_support import ask, settle

from imvo_assist.library import refresh
from imvo_assist.settings import Settings, make_settings
from imvo_assist.tui.app import ImvoApp
from imvo_assist.tui.screens.document import DocumentScreen
from imvo_assist.tui.screens.main import MainScreen
from imvo_assist.tui.widgets import IndexBar, PassageView

MARKUP = "Deze zin bevat [bold]niet vet[/bold] en een [link=x]link[/link] over kinderarbeid."


def write_corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "opmaak.txt").write_text(f"Opmaak in documenten\n\n{MARKUP}\n", encoding="utf-8")
    return folder


@pytest.fixture
def markup_corpus(tmp_path: Path) -> Settings:
    """A one-file corpus whose only passage contains Rich markup, indexed."""
    settings = make_settings(write_corpus(tmp_path / "corpus"), tmp_path / "index")
    assert refresh(settings).indexed
    return settings


def rendered(widget: Widget) -> tuple[str, set[str]]:
    """The text a widget draws, and the texts drawn in bold."""
    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    segments = [segment for line in lines for segment in line]
    text = " ".join(" ".join("".join(s.text for s in line).split()) for line in lines)
    return text, {s.text for s in segments if s.style and s.style.bold}


async def test_passage_markup_is_shown_literally(markup_corpus: Settings) -> None:
    app = ImvoApp(markup_corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, "niet vet link")
        answer = app.main.answer
        assert answer is not None and answer.citations
        text, bold = rendered(app.screen.query_one("#answer-text"))
        assert "[bold]niet vet[/bold]" in text and "[link=x]link[/link]" in text
        assert not any("niet vet" in part for part in bold)

        await pilot.press("1")
        await settle(pilot)
        assert isinstance(app.screen, DocumentScreen)
        [view] = app.screen.query(PassageView).results(PassageView)
        text, bold = rendered(view)
        assert MARKUP in text
        assert not any("niet vet" in part for part in bold)
        await pilot.press("c")
        assert MARKUP in app.clipboard


async def test_index_is_built_with_progress(tmp_path: Path) -> None:
    """A corpus without an index: the app builds it in a worker and shows a progress bar."""
    settings = make_settings(write_corpus(tmp_path / "corpus"), tmp_path / "index")
    app = ImvoApp(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, MainScreen)
        await settle(pilot)
        assert app.library is not None
        bar = app.screen.query_one(IndexBar)
        progress = bar.query_one(ProgressBar)
        assert (progress.progress, progress.total) == (1, 1)  # drawn from IndexProgress
        assert not bar.display  # hidden once the index is ready
        assert "1 bestand in de index" in str(app.screen.query_one("#status", Static).content)
        await ask(pilot, "niet vet")
        assert app.main.answer is not None and app.main.answer.citations
