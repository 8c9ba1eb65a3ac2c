"""The sector x risk matrix at 80 columns: short column labels with a legend, the focused
column's full name shown, and sideways scrolling that keeps the sector column in place."""

from __future__ import annotations

from textual.widgets import DataTable, Static
from tui_support import settle

from imvo_assist.tui.screens.matrix import MatrixScreen


async def test_short_labels_legend_full_name_and_fixed_sector_column(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        matrix = app.screen
        assert isinstance(matrix, MatrixScreen)
        table = matrix.query_one(DataTable)
        risks = matrix.risks
        labels = [str(column.label) for column in table.columns.values()][1:]
        assert len(labels) == len(risks) == 18 and all(len(label) <= 3 for label in labels)
        legend = " ".join(str(line.content) for line in matrix.query("#matrix-legend Static"))
        for label, risk in zip(labels, risks):
            assert f"{label} {risk.name_nl}" in legend

        def shown() -> str:
            return str(matrix.query_one("#matrix-cell", Static).content)

        longest = max(range(len(risks)), key=lambda n: len(risks[n].name_nl))
        table.move_cursor(row=0, column=longest + 1)
        await pilot.pause()
        assert f"{labels[longest]} {risks[longest].name_nl}" in shown()

        row = 3
        sector = matrix.sectors[row].name_nl
        table.move_cursor(row=row, column=1)
        await pilot.pause()
        assert table.scroll_x == 0
        assert labels[0] in table.render_line(0).text
        for _ in range(len(risks) - 1):
            await pilot.press("right")
        await pilot.pause()
        assert table.cursor_column == len(risks) and table.scroll_x > 0
        assert f"{labels[-1]} {risks[-1].name_nl}" in shown()
        header, line = table.render_line(0).text, table.render_line(row + 1).text
        assert header.split()[0] == "Sector" and line.strip().startswith(sector)
        assert labels[0] not in header.split() and labels[-1] in header.split()
