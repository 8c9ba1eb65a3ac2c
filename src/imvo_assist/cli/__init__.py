"""The command-line front end."""

from imvo_assist.cli.commands import main

__all__ = ["main"]
