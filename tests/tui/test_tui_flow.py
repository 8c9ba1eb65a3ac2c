"""Pilot tests of the main flow: ask, open a citation, read the page, copy, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static
from tui_support import ELECTRONICS, SIZES, ask, settle

from imvo_assist.cli.output import answer_markdown
from imvo_assist.tui.screens.document import DocumentScreen
from imvo_assist.tui.screens.main import MainScreen
from imvo_assist.tui.widgets import CitationList, PassageView


@pytest.mark.parametrize("size", SIZES)
async def test_ask_then_open_citation_one(make_app, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert app.library is not None
        if size == (80, 24):  # typed once, key by key; set directly otherwise (faster)
            await pilot.press(*ELECTRONICS, "enter")
            await settle(pilot)
        else:
            await ask(pilot, ELECTRONICS)
        main = app.screen
        assert isinstance(main, MainScreen) and main.answer is not None
        citations = main.query_one(CitationList)
        assert citations.has_focus and len(citations.citations) >= 3
        first = main.answer.citations[0]

        await pilot.press("1")
        await settle(pilot)
        viewer = app.screen
        assert isinstance(viewer, DocumentScreen)
        page_line = str(viewer.query_one("#doc-page", Static).content)
        assert page_line.startswith(f"p. {first.hit.passage.page_label}")
        cited = list(viewer.query(".-cited").results(PassageView))
        assert [view.passage.id for view in cited] == [first.hit.passage.id]
        assert cited[0].passage.text == first.hit.passage.text
        assert cited[0].has_focus and cited[0].region.height > 0  # on screen
        assert str(viewer.query_one("#cite-line", Static).content) == first.cite

        await pilot.press("escape")
        assert app.screen is main


async def test_page_navigation_and_goto(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_passage("sra-testrapport", "22")
        await settle(pilot)
        viewer = app.screen
        assert isinstance(viewer, DocumentScreen) and viewer.label == "22"
        await pilot.press("n")
        await settle(pilot)
        assert viewer.label == "23"
        await pilot.press("p", "p")
        await settle(pilot)
        assert viewer.label == "21"
        await pilot.press("g")
        await pilot.pause()
        app.screen.query_one(Input).value = "5"
        await pilot.press("enter")
        await settle(pilot)
        assert viewer.label == "5"
        assert str(viewer.query_one("#doc-page", Static).content).startswith("p. 5")
        await pilot.press("g")
        await pilot.pause()
        app.screen.query_one(Input).value = "9999"
        await pilot.press("enter")
        await settle(pilot)
        assert viewer.label == "5"  # unknown page: a warning, the page stays


async def test_register_fact_citation_shows_the_fact(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await ask(pilot, ELECTRONICS)
        answer = app.main.answer
        fact = next(c for c in answer.citations if c.hit.source == "register")
        await pilot.press(str(fact.n))
        await settle(pilot)
        viewer = app.screen
        assert isinstance(viewer, DocumentScreen)
        [view] = viewer.query(PassageView).results(PassageView)
        assert view.passage.id == fact.hit.passage.id and view.has_class("-cited")
        assert str(viewer.query_one("#cite-line", Static).content) == fact.cite


async def test_copy_and_export(make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, ELECTRONICS)
        answer = app.main.answer
        await pilot.press("down", "c")
        second = answer.citations[1]
        assert app.clipboard.startswith(second.cite + "\n\n> ")
        assert second.hit.passage.text.splitlines()[0] in app.clipboard

        await pilot.press("e")
        [exported] = tmp_path.glob("imvo-antwoord-*.md")
        assert exported.read_text(encoding="utf-8") == answer_markdown(answer)

        await pilot.press("2")  # copy from the viewer: the focused (cited) passage
        await settle(pilot)
        await pilot.press("c")
        assert app.clipboard.startswith(second.cite)


async def test_history_walks_back_and_forth(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await ask(pilot, "Is SOMO opgenomen in het bronnenboek?")
        await ask(pilot, ELECTRONICS)
        box = app.screen.query_one("#question", Input)
        box.focus()
        box.value = "concept"
        await pilot.press("up")
        assert box.value == ELECTRONICS
        await pilot.press("up")
        assert box.value == "Is SOMO opgenomen in het bronnenboek?"
        await pilot.press("down", "down")
        assert box.value == "concept"


async def test_question_before_the_index_is_ready_is_answered_later(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        library, app.library = app.library, None  # as if the index worker were still busy
        await ask(pilot, ELECTRONICS)
        assert app.main.answer is None
        app.library = library
        from imvo_assist.tui.messages import IndexReady

        app.main.post_message(IndexReady(10))
        await settle(pilot)
        assert app.main.answer is not None and app.main.answer.citations


async def test_a_failing_answer_is_reported_not_raised(make_app, monkeypatch) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)

        def broken(question: str) -> None:
            raise RuntimeError("kapot")

        monkeypatch.setattr(app.library, "ask", broken)
        await ask(pilot, ELECTRONICS)
        assert isinstance(app.screen, MainScreen) and app.main.answer is None
        assert "kapot" in str(app.screen.query_one("#status", Static).content)


async def test_citations_at_one_place_are_told_apart(make_app) -> None:
    # three passages of p. 22 and facts of the register's overview: each line says what its own says
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, ELECTRONICS)
        citations = app.screen.query_one(CitationList)
        prompts = [str(citations.get_option_at_index(i).prompt) for i in range(citations.option_count)]
        places = [p.split(" — ")[0].split("] ", 1)[1] for p in prompts]
        assert any(places.count(place) > 1 for place in places), prompts
        assert len(set(prompts)) == len(prompts), prompts
        shared = [p for p, place in zip(prompts, places, strict=True) if places.count(place) > 1]
        assert all(" — " in p for p in shared), prompts
