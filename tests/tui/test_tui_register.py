"""The F2 source register: its table uses the width it gets, and its keys show from the first
view (before the table has the focus)."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static
from tui_support import settle

from imvo_assist.tui.screens.organisation import OrganisationScreen
from imvo_assist.tui.screens.sources import CHROME, SourcesScreen


def widths(screen: SourcesScreen) -> dict[str, int]:
    columns = screen.query_one(DataTable).columns
    return {str(key.value): column.width for key, column in columns.items()}


async def test_register_table_widens_with_the_terminal(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        sources = app.screen
        assert isinstance(sources, SourcesScreen)
        narrow = widths(sources)
        assert sum(narrow.values()) + CHROME == 80

        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        wide = widths(sources)
        assert sum(wide.values()) + CHROME == 120
        assert wide["title"] > narrow["title"] and wide["org"] >= narrow["org"]
        table = sources.query_one(DataTable)
        assert table.row_count == len(sources.references)
        first = sources.references[0]
        shown = str(table.get_row_at(0)[-1])
        assert shown == first.title or (shown.endswith("…") and len(shown) == wide["title"])


async def test_register_keys_show_before_the_table_has_focus(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        sources = app.screen
        assert isinstance(sources, SourcesScreen)
        assert sources.query_one(Input).has_focus
        hint = str(sources.query_one("#source-count", Static).content)
        assert hint.startswith("60 van 60 bronnen") and "o: organisatie" in hint
        assert "↓/Enter: tabel" in hint

        await pilot.press("down")  # as the hint says: from the filter to the table
        assert sources.query_one(DataTable).has_focus
        assert "o" in app.screen.active_bindings  # and the footer now shows `o` too
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, OrganisationScreen)
