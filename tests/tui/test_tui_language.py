"""One interface language at a time: Dutch until the first question, then that question's
language unless one was chosen; answers always in the language of their question; nouns
counted in the right form; every Dutch interface text has its English."""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path

from textual.widgets import DataTable, Input, Static
from tui_support import ELECTRONICS, ask, settle

from imvo_assist.tui import lang
from imvo_assist.tui.app import ImvoApp
from imvo_assist.tui.screens import documents, main, matrix, search, sources
from imvo_assist.tui.screens.documents import DocumentsScreen
from imvo_assist.tui.screens.main import MainScreen
from imvo_assist.tui.screens.sources import SourcesScreen
from imvo_assist.tui.widgets import answer

TUI = Path(lang.__file__).parent
# Screens another change is adding; they join this check once they show their texts with `tr`.
ADDED_IN_PARALLEL: frozenset[str] = frozenset()
ENGLISH = "Which risks apply to electronics?"


def status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.main.query_one("#status", Static).content)


def footer_keys(app) -> set[str]:  # type: ignore[no-untyped-def]
    return {b.binding.description for b in app.screen.active_bindings.values() if b.binding.show}


async def test_the_first_question_sets_the_interface_language(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.language == "nl" and "Bronnen" in footer_keys(app)
        await ask(pilot, ENGLISH)
        assert app.main.answer.language == "en" and app.language == "en"  # type: ignore[union-attr]
        assert {"Copy", "Sources", "Search"} <= footer_keys(app)
        assert not {"Kopieer", "Bronnen", "Zoek"} & footer_keys(app)
        assert re.match(r"\d+ sources · 1-9 opens a source", status(app))
        assert app.main.query_one(Input).placeholder.startswith("Ask a question")

        await ask(pilot, ELECTRONICS)  # a Dutch question: a Dutch answer, the same interface
        assert app.main.answer.language == "nl" and app.language == "en"  # type: ignore[union-attr]
        assert "Risico's voor de sector" in app.main.answer.answer  # type: ignore[union-attr]
        assert status(app).split(" · ")[0].endswith("sources")

        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, DocumentsScreen)
        table = app.screen.query_one(DataTable)
        assert [str(c.label) for c in table.columns.values()][:3] == ["status", "document", "pages"]
        assert "indexed" in {str(table.get_row_at(i)[0]) for i in range(table.row_count)}


async def test_a_chosen_language_holds_and_relabels_open_screens(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        app.action_switch_language()  # the command palette's "Taal van de interface"
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SourcesScreen)
        assert screen.query_one(Input).placeholder.startswith("Filter: organisation")
        assert str(screen.query_one("#source-count", Static).content).startswith("60 of 60 sources")
        headers = [str(c.label) for c in screen.query_one(DataTable).columns.values()]
        assert headers == ["No", "Year", "Organisation", "Sector", "Title"]
        await pilot.press("escape")
        await ask(pilot, ELECTRONICS)  # a chosen language is not changed by the question
        assert app.language == "en" and app.main.answer.language == "nl"  # type: ignore[union-attr]


async def test_one_citation_is_one_bron(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, ELECTRONICS)
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.answer is not None
        assert re.match(r"\d+ bronnen · ", status(app))
        screen.show_answer(replace(screen.answer, citations=screen.answer.citations[:1]))
        await pilot.pause()
        assert status(app).startswith("1 bron · 1-9 opent een bron")


def test_counted_nouns() -> None:
    assert lang.counted(1, "bron", "bronnen", "nl") == "1 bron"
    assert lang.counted(2, "bron", "bronnen", "nl") == "2 bronnen"
    assert lang.counted(0, "passage", "passages", "en") == "0 passages"
    assert lang.counted(1, "vermelding", "vermeldingen", "en") == "1 entry"


# Calls that show a Dutch interface text, and which of their arguments are texts.
TEXT_ARGUMENTS = {
    "tr": (0,), "say": (0,), "_status": (0,), "_count": (0,), "_warn": (0,), "counted": (1, 2),
    "Binding": (2,), "_write": (2, 3),
}


def dutch_texts() -> set[str]:
    """The Dutch texts the interface shows: literals given to tr/counted/Binding, and the
    screens' text constants."""
    texts: set[str] = set()
    for path in TUI.rglob("*.py"):
        if path.name in ADDED_IN_PARALLEL:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            function = node.func
            name = getattr(function, "attr", None) or getattr(function, "id", "")
            if path.name == "lang.py" and name == "counted":
                continue
            for position in TEXT_ARGUMENTS.get(name, ()):
                if position < len(node.args) and isinstance(node.args[position], ast.Constant):
                    texts.add(node.args[position].value)
            for keyword in node.keywords:  # counted fields: ("bron", "bronnen", n)
                if isinstance(keyword.value, ast.Tuple):
                    texts |= {e.value for e in keyword.value.elts if isinstance(e, ast.Constant)}
    texts |= {main.READY_HINT, main.PLACEHOLDER, main.OPENING, search.HINT, sources.KEYS_HINT}
    texts.add(matrix.TITLE)
    texts.add(ImvoApp.SUB_TITLE)
    texts |= {name for name, _ in sources.COLUMNS} | set(documents.COLUMNS) | set(matrix.CATEGORIES)
    texts |= {title for _, title in search.FACETS} | set(answer.EXAMPLES)
    texts |= {name for _, name in answer.KEYS}
    from imvo_assist.tui.commands import COMMANDS
    from imvo_assist.tui.screens.document import REGISTER_NOTE

    texts |= {t for title, help_text, _ in COMMANDS for t in (title, help_text)} | {REGISTER_NOTE}
    words = re.compile(r"[^\W\d_]")  # texts with words (not "{sources} · {hint}")
    return {t for t in texts if isinstance(t, str) and words.search(re.sub(r"\{\w+\}", "", t))}


def test_every_dutch_interface_text_has_its_english() -> None:
    texts = dutch_texts()
    assert len(texts) > 100
    assert sorted(texts - set(lang.EN)) == []
    assert sorted(set(lang.EN) - texts) == []  # and no English is kept for nothing


async def test_the_typos_an_answer_was_read_with_show_as_read(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, "Wlke risico's gelden voor elektronica?")
        shown = str(app.main.query_one("#answer-text", Static).content)
        assert "Gelezen als: wlke → welke" in shown and "Bedoelde u" not in shown
