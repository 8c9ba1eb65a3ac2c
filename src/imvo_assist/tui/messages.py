"""Messages of the terminal UI: widgets and workers post them, screens decide what they mean.

Dataclass messages (as in toolong's `messages.py`): `IndexProgress` coalesces, so a fast
indexer cannot flood the queue; only the latest pending count is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from imvo_assist.models import Citation


@dataclass
class IndexProgress(Message):
    """The index worker finished `done` of `total` files."""

    done: int
    total: int
    name: str = ""
    """The file just read (shown next to the bar)."""

    def can_replace(self, message: Message) -> bool:
        """A newer count makes an older pending one pointless."""
        return isinstance(message, IndexProgress)


@dataclass
class IndexReady(Message):
    """The index is open; questions can be answered."""

    documents: int
    """Number of corpus files in the index."""
    terms: tuple[str, ...] = ()
    """Names for suggestions in the question box (sectors, risks, organisations, titles)."""


@dataclass
class IndexFailed(Message):
    """The index could not be opened or built."""

    error: str
    """One line for the user (message and hint)."""


@dataclass
class CitationSelected(Message):
    """The user chose a numbered citation of the answer."""

    citation: Citation
