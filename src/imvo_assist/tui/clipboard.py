"""Copying to the system clipboard with a clipboard tool, when one is installed.

OSC 52 (what Textual's `copy_to_clipboard` sends) reaches the clipboard only where the terminal
takes it (default tmux does not), so the app also hands the text to the first clipboard tool
found on PATH that accepts it, and says which way the text went.
"""

from __future__ import annotations

import shutil
import subprocess

# Wayland, X11 (two tools), macOS; each reads the text on stdin.
TOOLS: tuple[tuple[str, ...], ...] = (
    ("wl-copy",),
    ("xclip", "-selection", "clipboard"),
    ("xsel", "--clipboard", "--input"),
    ("pbcopy",),
)
# A tool that waits (a clipboard server that does not answer) must not hold the copy up.
TIMEOUT_S = 3.0


def copy_with_tool(text: str) -> str | None:
    """Give `text` to the first clipboard tool on PATH that takes it.

    Returns:
        The tool's name, or None when none is installed or none succeeded (no display, say).
    """
    for name, *args in TOOLS:
        path = shutil.which(name)
        if path is None:
            continue
        try:
            # No pipes for output: xclip stays running to serve the selection, and a pipe it
            # holds open would keep us waiting for it.
            done = subprocess.run(
                [path, *args], input=text.encode("utf-8"), stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, timeout=TIMEOUT_S, check=False,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0:
            return name
    return None
