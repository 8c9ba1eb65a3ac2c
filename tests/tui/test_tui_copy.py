"""Copying (`c`): to the clipboard through a clipboard tool when one is on PATH, and to the
terminal (OSC 52) besides; the message says which, and `s` saves the text to a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_support import ELECTRONICS, ask, settle

from imvo_assist.tui.app import ImvoApp
from imvo_assist.tui.text import clipping


def record_notifications(app: ImvoApp) -> list[str]:
    """Every notification the app shows, as "title: message"."""
    shown: list[str] = []
    notify = app.notify

    def recording(message: str, *, title: str = "", **kwargs: object) -> None:
        shown.append(f"{title}: {message}")
        notify(message, title=title, **kwargs)  # type: ignore[arg-type]

    app.notify = recording  # type: ignore[method-assign]
    return shown


def fake_tool(folder: Path, name: str, target: Path) -> None:
    """A clipboard tool that writes what it is given to `target`."""
    tool = folder / name
    tool.write_text(f"#!/bin/sh\nexec /bin/cat > '{target}'\n", encoding="utf-8")
    tool.chmod(0o755)


async def copy_first_citation(app: ImvoApp) -> str:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, ELECTRONICS)
        await pilot.press("c")
        await settle(pilot)
        citation = app.main.answer.citations[0]  # type: ignore[union-attr]
        expected = clipping(citation.cite, citation.hit.passage.text)
        assert app.clipboard == expected  # OSC 52 is always sent
        await pilot.press("s")
        return expected


async def test_copy_uses_a_clipboard_tool_on_path(
    make_app, no_clipboard_tools: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    received = tmp_path / "clipboard.txt"
    fake_tool(no_clipboard_tools, "xclip", received)
    app = make_app()
    shown = record_notifications(app)
    expected = await copy_first_citation(app)
    assert received.read_text(encoding="utf-8") == expected
    assert any("Citaat gekopieerd: naar het klembord via xclip" in line for line in shown), shown
    assert any("s bewaart het in een bestand" in line for line in shown)
    [saved] = tmp_path.glob("imvo-citaat-*.txt")
    assert saved.read_text(encoding="utf-8") == expected


async def test_copy_without_a_tool_says_it_went_to_the_terminal(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    shown = record_notifications(app)
    expected = await copy_first_citation(app)
    terminal = "Citaat: naar de terminal gestuurd (OSC 52); niet elke terminal neemt dit over"
    assert any(line.startswith(terminal) for line in shown), shown
    assert not any("gekopieerd" in line for line in shown)
    [saved] = tmp_path.glob("imvo-citaat-*.txt")
    assert saved.read_text(encoding="utf-8") == expected


async def test_a_failing_tool_is_skipped(make_app, no_clipboard_tools: Path) -> None:
    broken = no_clipboard_tools / "wl-copy"  # no Wayland display: the tool fails
    broken.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    broken.chmod(0o755)
    app = make_app()
    shown = record_notifications(app)
    await copy_first_citation(app)
    assert any("naar de terminal gestuurd (OSC 52)" in line for line in shown), shown
