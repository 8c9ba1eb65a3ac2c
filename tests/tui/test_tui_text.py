"""Rendering helpers, the question box's suggester and the messages, without an app."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content

from imvo_assist.tui.messages import IndexProgress, IndexReady
from imvo_assist.tui.text import answer_content, clipping, export_name, marked
from imvo_assist.tui.widgets import NameSuggester

ANSWER = """**Risico's voor de sector Elektronica**

*Arbeid*
- Kinderarbeid: "Kinderarbeid [44] en **niet vet** [bold]x[/bold]." [1] [2]

**Bronnen**

[1] MVO Sector Risico Analyse, p. 22."""


def styles_of(content: Content, text: str) -> set[str]:
    start = content.plain.index(text)
    return {
        str(span.style) for span in content.spans
        if span.start <= start and span.end >= start + len(text)
    }


def test_answer_content_styles_our_markdown_and_leaves_quotes_alone() -> None:
    content = answer_content(ANSWER, numbers={1, 2})
    plain = content.plain
    assert plain.splitlines()[0] == "Risico's voor de sector Elektronica"
    assert "bold" in " ".join(styles_of(content, "Risico's voor de sector Elektronica"))
    assert "italic" in " ".join(styles_of(content, "Arbeid"))
    assert '• Kinderarbeid: "Kinderarbeid [44] en **niet vet** [bold]x[/bold]." [1] [2]' in plain
    assert not styles_of(content, "**niet vet**")  # inside a quotation: as written
    assert not styles_of(content, "[44]")  # a register marker of the document, not ours
    assert any("$accent" in s for s in styles_of(content, "[1]"))
    assert "Bronnen" not in plain  # the citations list shows the sources


def test_marked_snippet_and_clipping() -> None:
    assert marked("de **kinderarbeid** in [bold]").plain == "de kinderarbeid in [bold]"
    assert clipping("Rapport, p. 22.", "regel een\nregel twee") == (
        "Rapport, p. 22.\n\n> regel een\n> regel twee\n"
    )
    assert export_name(datetime(2025, 3, 4, 5, 6, 7)) == "imvo-antwoord-20250304-050607.md"


async def test_suggester_completes_names_and_history() -> None:
    history = ["Welke risico's gelden voor textiel?"]
    suggester = NameSuggester(["Elektronica", "Schone Kleren Campagne", "SOMO"], history)
    assert await suggester.get_suggestion("Welke risico's gelden voor elek") == (
        "Welke risico's gelden voor elektronica"
    )
    assert await suggester.get_suggestion("Is Schone Kl") == "Is Schone Kleren Campagne"
    assert await suggester.get_suggestion("Welke risico's gelden voor t") == history[0]
    assert await suggester.get_suggestion("x") is None


def test_index_progress_coalesces() -> None:
    assert IndexProgress(2, 10).can_replace(IndexProgress(1, 10))
    assert not IndexProgress(2, 10).can_replace(IndexReady(10))


def test_control_characters_never_reach_the_terminal() -> None:
    from imvo_assist.tui.text import assemble, cell, plain

    hostile = "titel\x1b]8;;http://x\x1b\\klik\x07\x9b31m\nregel\ttab"
    for shown in (plain(hostile).plain, assemble(hostile, (hostile, "bold")).plain,
                  cell(hostile).plain, answer_content(hostile).plain, marked(hostile).plain):
        assert not any(c in shown for c in "\x1b\x07\x9b")
        assert "\ufffd" in shown
    assert "\n" in plain(hostile).plain and "\t" in plain(hostile).plain
