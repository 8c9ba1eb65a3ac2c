"""What every command shares: the settings on the context, the --json option, the progress bar
and the library opened for a command."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from imvo_assist.errors import QueryError
from imvo_assist.settings import MAX_QUESTION_CHARS, Settings

if TYPE_CHECKING:
    from imvo_assist.library import Library


def settings_of(ctx: click.Context) -> Settings:
    return ctx.obj  # type: ignore[no-any-return]


def json_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")(function)


def progress_bar() -> Callable[[int, int, str], None] | None:
    """A Rich progress bar on stderr when it is a terminal; None (silent) when piped."""
    if not sys.stderr.isatty():
        return None
    from imvo_assist.cli.progress import terminal_progress

    return terminal_progress()


def library_for(settings: Settings) -> Library:
    from imvo_assist.cli import output
    from imvo_assist.library import open_library

    return open_library(settings, progress=progress_bar(), warn=output.warn)


def user_text(words: tuple[str, ...], what: str) -> str:
    """The words of a question, query or quote as one text: bytes that are not UTF-8 (kept by
    Python as surrogates) become U+FFFD, and its length is capped.

    Raises:
        QueryError: the text is longer than `MAX_QUESTION_CHARS`.
    """
    from imvo_assist.text.sanitise import valid_text

    text = valid_text(" ".join(words))
    if len(text) > MAX_QUESTION_CHARS:
        raise QueryError(
            f"The {what} is {len(text):,} characters long; at most {MAX_QUESTION_CHARS:,} are read.",
            f"Shorten the {what} to its key words.",
        )
    return text
