"""Every screen names its keys from its first view: in the footer, or in a hint line for the
keys the footer cannot show yet (a focused input takes letters)."""

from __future__ import annotations

from textual.widgets import Static
from tui_support import settle

from imvo_assist.tui.screens.search import SearchScreen
from imvo_assist.tui.widgets import QuestionInput


def text(screen, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(screen.query_one(selector, Static).content)


async def test_first_views_name_their_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        welcome = text(app.main, "#answer-text")
        for key in ("F1", "F2", "F3", "F4", "F5", "ctrl+p"):
            assert key in welcome

        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        hint = text(app.screen, "#search-status")
        assert "Enter zoekt" in hint and "Tab: filters" in hint and "c kopieert" in hint

        await pilot.press("escape", "f3")
        await settle(pilot)
        assert "Enter: antwoord" in text(app.screen, "#matrix-cell")

        app.open_passage("kamerbrief-2014-11-19-sra", "2")
        await settle(pilot)
        assert "o opent de officiële URL" in text(app.screen, "#doc-page")


async def test_a_completion_is_shown_dim_and_italic_apart_from_the_question(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(pilot)
        question = app.main.query_one("#question", QuestionInput)
        await pilot.press(*"Is Schone Kl")
        await settle(pilot)
        style = question.get_component_rich_style("input--suggestion")
        assert style.italic and style.dim
        shown = "".join(segment.text for y in range(question.size.height) for segment in question.render_line(y))
        assert "Is Schone Kleren Campagne" in shown  # the completion is offered ...
        assert question.value == "Is Schone Kl"  # ... but is not part of the question
