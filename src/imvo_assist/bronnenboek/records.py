"""Records of a source register (bronnenboek): one `Reference` per numbered entry."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import NamedTuple


class CitingPassage(NamedTuple):
    """A passage of a report that cites a reference, with the printed page a reader sees."""

    doc_id: str
    page: str
    passage_id: str


RefKey = tuple[str, int]
"""A reference's identity across registers: (register doc id, nr)."""


@dataclass(frozen=True)
class Reference:
    """One entry of a source register, with its organisation normalised."""

    register_doc: str
    """Id of the register document the entry comes from."""
    nr: int
    sector: str
    """Sector id from the vocabulary, or the folded label when it names none or several."""
    sector_label: str
    """The sector as printed."""
    organisation: str
    """Vocabulary organisation id, or a slug of the printed name when unmatched."""
    organisation_name: str
    """Display name: the vocabulary's Dutch name, or the printed name when unmatched."""
    spelling: str
    """The organisation as printed in the register."""
    matched: bool
    """True when the spelling was recognised as a vocabulary organisation."""
    year: int | None
    title: str
    kind: str = ""
    url: str = ""
    themes: tuple[str, ...] = ()
    page: str = ""
    """Printed page label where the entry starts (PDF registers); "" for tables."""
    line: int = 0
    """Line where the row starts (CSV/TSV registers); 0 for PDFs or when unknown."""

    @property
    def key(self) -> RefKey:
        """(register_doc, nr): unique across all registers of a corpus."""
        return (self.register_doc, self.nr)

    def to_dict(self) -> dict[str, object]:
        """The reference as JSON-ready data (themes as a list)."""
        data = asdict(self)
        data["themes"] = list(self.themes)
        return data
