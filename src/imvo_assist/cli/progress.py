"""A Rich progress bar on stderr for index runs (only used when stderr is a terminal)."""

from __future__ import annotations

import atexit
from collections.abc import Callable

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from imvo_assist.text.sanitise import for_terminal


def terminal_progress(console: Console | None = None) -> Callable[[int, int, str], None]:
    """A callback (done, total, name) drawing one progress bar; it stops itself when done.

    The file name is untrusted: it is shown through `for_terminal` (escapes as placeholders).

    Args:
        console: where to draw (default: stderr).
    """
    bar = Progress(
        TextColumn("indexing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}", markup=False),
        console=console or Console(stderr=True), transient=True,
    )
    task = bar.add_task("", total=None)
    atexit.register(bar.stop)

    def update(done: int, total: int, name: str) -> None:
        if total == 0:
            return
        bar.start()
        bar.update(task, completed=done, total=total, description=for_terminal(name, one_line=True)[-40:])
        if done >= total:
            bar.stop()

    return update
