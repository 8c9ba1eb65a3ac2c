"""Small modal dialogs of the terminal UI."""

from imvo_assist.tui.dialogs.goto_page import GotoPageDialog

__all__ = ["GotoPageDialog"]
