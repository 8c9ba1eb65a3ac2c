"""Pilot tests of the other screens: source register, organisation view, overview, search,
help, command palette and theme."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, OptionList
from tui_support import SIZES, settle

from imvo_assist.answer.citations import cite_string
from imvo_assist.tui.screens.document import DocumentScreen
from imvo_assist.tui.screens.help import HelpScreen
from imvo_assist.tui.screens.main import MainScreen
from imvo_assist.tui.screens.matrix import MatrixScreen
from imvo_assist.tui.screens.organisation import OrganisationScreen
from imvo_assist.tui.screens.search import SearchScreen
from imvo_assist.tui.screens.sources import SourcesScreen
from imvo_assist.tui.text import clipping
from imvo_assist.tui.widgets import FacetList, PassageView


@pytest.mark.parametrize("size", SIZES)
async def test_register_filtered_to_an_organisation(make_app, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        sources = app.screen
        assert isinstance(sources, SourcesScreen)
        everything = len(sources.references)
        await pilot.press(*"SOMO")
        await settle(pilot)
        assert 0 < len(sources.references) < everything
        assert {r.organisation for r in sources.references} == {"somo"}
        assert sources.query_one(DataTable).row_count == len(sources.references)

        await pilot.press("enter")  # from the filter to the table
        assert sources.query_one(DataTable).has_focus
        await pilot.press("enter")  # to the passages citing the first reference
        citing = sources.query_one("#citing", OptionList)
        assert citing.has_focus and citing.option_count
        await pilot.press("enter")
        await settle(pilot)
        viewer = app.screen
        assert isinstance(viewer, DocumentScreen)
        [cited] = viewer.query(".-cited").results(PassageView)
        assert cited.passage.doc_id == "sra-testrapport"
        await pilot.press("escape")
        assert app.screen is sources


async def test_organisation_view_shows_the_inclusion_report(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2", *"SOMO", "enter")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        view = app.screen
        assert isinstance(view, OrganisationScreen)
        summary = str(view.query_one("#org-summary").content)
        assert summary.startswith("Stichting Onderzoek Multinationale Ondernemingen")
        options = view.query_one(OptionList)
        assert options.has_focus and options.highlighted is not None
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DocumentScreen)


async def test_matrix_cell_opens_the_answer(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        matrix = app.screen
        assert isinstance(matrix, MatrixScreen)
        table = matrix.query_one(DataTable)
        assert table.row_count == 13 and len(table.columns) == len(matrix.risks) + 1
        row = [s.id for s in matrix.sectors].index("elektronica")
        column = [r.id for r in matrix.risks].index("kinderarbeid") + 1
        assert int(str(table.get_cell_at((row, column)))) > 0
        assert app.matrix_counts is not None
        table.move_cursor(row=row, column=column)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        answer = app.main.answer
        assert answer is not None and answer.citations
        assert [s["id"] for s in answer.sectors] == ["elektronica"]
        assert "kinderarbeid" in {r["id"] for r in answer.risks}
        assert app.screen.query_one("#question", Input).value == answer.question

        await pilot.press("f3")  # counted once: the second visit reuses the counts
        await settle(pilot)
        assert app.screen.query_one(DataTable).row_count == 13


async def test_search_facets_filter_the_results(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        app.screen.query_one("#search-query", Input).value = "kinderarbeid"
        await pilot.press("enter")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen) and search.hits
        assert any("elektronica" not in h.passage.sectors for h in search.hits)
        facet = search.query_one("#facet-sector", FacetList)
        ids = [facet.get_option_at_index(i).id for i in range(facet.option_count)]
        facet.focus()
        facet.highlighted = ids.index("=elektronica")
        await pilot.press("enter")
        await settle(pilot)
        assert facet.value == "elektronica" and search.hits
        assert all("elektronica" in h.passage.sectors for h in search.hits)
        await pilot.press("c")
        first = search.hits[0]
        cite = cite_string(first, app.library.documents)
        assert app.clipboard == clipping(cite, first.passage.text)


async def test_help_palette_and_theme(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"bronnen")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SourcesScreen)

        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        assert app.current_theme.dark is not dark
