"""Docs cannot drift from the CLI: every command has help and appears in the README."""

from __future__ import annotations

from pathlib import Path

from imvo_assist.cli.commands import cli

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert command.help, name
        assert f"imvo-assist {name}" in readme or f"### {name}" in readme, name


def test_readme_starts_with_the_two_commands() -> None:
    lines = [line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("uv run")]
    assert lines[:2] == [
        'uv run imvo-assist ask "Welke sectoren hebben een verhoogd MVO-risico?"',
        "uv run pytest",
    ]
