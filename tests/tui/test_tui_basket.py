"""The basket, coverage and timeline screens: `b` adds citations of answers to the basket, F6
lists them, keys reorder, remove and export; `v` on the matrix opens a sector's coverage; F7 the
timeline. A basket built from three answers is exported to Markdown and compared with a golden
file (`IMVO_UPDATE_GOLDEN=1` rewrites it; look at the diff before committing it)."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from textual.command import CommandInput
from textual.widgets import DataTable, Static
from tui_support import ELECTRONICS, ask, settle

from imvo_assist.basket import add_citations, load_basket
from imvo_assist.models import Citation, Hit, Passage
from imvo_assist.tui.screens.basket import BasketScreen
from imvo_assist.tui.screens.coverage import CoverageScreen
from imvo_assist.tui.screens.document import DocumentScreen
from imvo_assist.tui.screens.matrix import MatrixScreen
from imvo_assist.tui.screens.timeline import TimelineScreen

GOLDEN = Path(__file__).parent / "golden" / "basket-three-answers.md"
SOMO = "Is SOMO opgenomen in het bronnenboek?"
TEXTILE = "Wat wordt er van bedrijven in het textielconvenant verwacht?"


def item_questions() -> list[str]:
    return [item.question for item in load_basket("default").items]


async def test_basket_from_three_answers_exported_to_markdown(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for question in (ELECTRONICS, SOMO, TEXTILE):
            await ask(pilot, question)
            assert app.main.answer is not None and app.main.answer.citations
            await pilot.press("b")  # the focused citation: the first
        await pilot.press("b")  # the same citation again is merged, not added
        assert item_questions() == [ELECTRONICS, SOMO, TEXTILE]
        assert load_basket("default").items[2].cite == app.main.answer.citations[0].cite

        await pilot.press("f6")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BasketScreen)
        assert screen.query_one(DataTable).row_count == 3
        assert "Vraag: " + ELECTRONICS in str(screen.query_one("#basket-item", Static).content)
        await pilot.press("d")
        assert item_questions() == [SOMO, ELECTRONICS, TEXTILE]
        await pilot.press("u")
        assert item_questions() == [ELECTRONICS, SOMO, TEXTILE]
        await pilot.press("m")
        [exported] = tmp_path.glob("imvo-mandje-default-*.md")
    text = exported.read_text(encoding="utf-8")
    if os.environ.get("IMVO_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


async def test_whole_answer_remove_and_other_exports(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("b")  # nothing answered yet: a warning, no basket
        assert not load_basket("default", missing_ok=True).items
        await ask(pilot, ELECTRONICS)
        answer = app.main.answer
        await pilot.press("B")  # the whole answer
        assert [i.passage_id for i in load_basket("default").items] == [
            c.hit.passage.id for c in answer.citations
        ]
        await pilot.press("f6")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BasketScreen)
        count = len(answer.citations)
        await pilot.press("x")
        assert len(load_basket("default").items) == count - 1
        await pilot.press("t", "s")
        [text] = tmp_path.glob("imvo-mandje-default-*.txt")
        [table] = tmp_path.glob("imvo-mandje-default-*.csv")
        assert text.read_text(encoding="utf-8").startswith(f"Mandje: default ({count - 1} citaten)")
        rows = list(csv.DictReader(table.open(encoding="utf-8", newline="")))
        assert len(rows) == count - 1 and rows[0]["question"] == ELECTRONICS
        await pilot.press("enter")  # opens the highlighted citation
        await settle(pilot)
        assert isinstance(app.screen, DocumentScreen)


async def test_document_text_in_the_basket_is_never_markup(make_app) -> None:
    quote = "Zie [bold]artikel 5[/bold] en [link=https://example.org]dit[/link] – «echt»."
    passage = Passage(id="x:1:1", doc_id="x", pdf_page=1, page_label="1", section="", text=quote)
    hit = Hit(passage=passage, title="[red]Titel[/red]", kind="note", url="", score=0.0, snippet="")
    add_citations(
        "default", "Vraag [i]met[/i] haken?", [Citation(1, hit, "[red]Titel[/red], p. 1.")]
    )
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        detail = str(app.screen.query_one("#basket-item", Static).content)
        assert quote in detail and "Vraag [i]met[/i] haken?" in detail
        assert "[red]Titel[/red], p. 1." in detail


async def test_matrix_v_opens_the_coverage_of_the_sector(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        matrix = app.screen
        assert isinstance(matrix, MatrixScreen)
        row = [s.id for s in matrix.sectors].index("textiel-kleding")
        matrix.query_one(DataTable).move_cursor(row=row, column=1)
        await pilot.press("v")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CoverageScreen) and screen.coverage is not None
        table = screen.query_one(DataTable)
        assert table.row_count == len(screen.coverage.rows) == 5
        title = str(screen.query_one("#coverage-title", Static).content)
        assert title.startswith(
            "Textiel en kleding: risico's volgens MVO Sector Risico Analyse (testversie)"
        )
        child = [r.risk for r in screen.coverage.rows].index("kinderarbeid")
        table.move_cursor(row=child, column=1)
        await pilot.pause()
        assert "genoemd" in str(screen.query_one("#coverage-cell", Static).content)
        await pilot.press("enter")
        await settle(pilot)
        assert (
            isinstance(app.screen, DocumentScreen) and app.screen.doc_id == "convenant-test-textiel"
        )


async def test_f7_shows_the_timeline(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen) and screen.events
        assert screen.query_one(DataTable).row_count == len(screen.events)
        starts = [e.span.start for e in screen.events]
        assert starts == sorted(starts)
        announced = next(i for i, e in enumerate(screen.events) if "Begin volgend jaar" in e.what)
        screen.query_one(DataTable).move_cursor(row=announced)
        await pilot.pause()
        assert "Kamerstukken II 2014/15, 26 485, nr. 197, p. 5" in str(
            screen.query_one("#timeline-event", Static).content
        )
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DocumentScreen)


async def palette(pilot, words: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await pilot.pause()
    pilot.app.screen.query_one(CommandInput).value = words  # typed at once: one search, not one per key
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_the_palette_names_basket_timeline_and_coverage(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, ELECTRONICS)
        answer = app.main.answer
        await palette(pilot, "antwoord in mandje")  # B
        assert [i.passage_id for i in load_basket("default").items] == [
            c.hit.passage.id for c in answer.citations
        ]
        await palette(pilot, "tijdlijn")  # F7
        assert isinstance(app.screen, TimelineScreen)
        await palette(pilot, "mandje")  # F6
        assert isinstance(app.screen, BasketScreen)
        await palette(pilot, "convenanten tegenover")  # elsewhere: the matrix, to choose a sector
        matrix = app.screen
        assert isinstance(matrix, MatrixScreen)
        row = [s.id for s in matrix.sectors].index("textiel-kleding")
        matrix.query_one(DataTable).move_cursor(row=row, column=1)
        await palette(pilot, "convenanten tegenover")  # on the matrix: `v`
        assert isinstance(app.screen, CoverageScreen) and app.screen.sector == "textiel-kleding"
