"""One file of the corpus in, its document record and passages out.

`extract_file` is what a worker process runs; it picks the reader by file type, lays out
pages, builds passages and decides the language. pypdf is imported only for PDFs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from imvo_assist.collection.scan import CorpusFile, guess_kind
from imvo_assist.errors import ExtractionError
from imvo_assist.models import Document, Passage, RawPage
from imvo_assist.text.language import detect_language

__all__ = ["PLAIN", "Enrichment", "ExtractResult", "NoTextError", "Tags", "extract_file"]

# Glyph names such as "/g12" are what pypdf emits for Type3 fonts without a ToUnicode map.
GLYPH_NAMES = re.compile(r"/[A-Za-z]{1,3}\d{1,4}")


class NoTextError(ExtractionError):
    """The file opened fine but holds no usable text (a scan, or undecodable glyphs)."""


class Tags(Protocol):
    """What a tagger found in a text."""

    @property
    def sectors(self) -> Sequence[str]: ...
    @property
    def risks(self) -> Sequence[str]: ...
    @property
    def orgs(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class _NoTags:
    sectors: tuple[str, ...] = ()
    risks: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()


def _no_references(path: Path, document: Document) -> tuple[list, list[str]]:
    return [], []


@dataclass(frozen=True)
class Enrichment:
    """What the layers above add to extraction (extraction imports neither tagging nor the
    source register): tags for passages, and the entries of a file that is a source register."""

    tag: Callable[[str], Tags] = lambda text: _NoTags()
    """Sectors, risks and organisations a text mentions."""
    read_references: Callable[[Path, Document], tuple[list, list[str]]] = _no_references
    """The register entries of a file (and warnings); nothing for an ordinary document."""
    preload: Callable[[], None] = lambda: None
    """Loads what `tag` and `read_references` need once, before workers are forked."""


PLAIN = Enrichment()
"""No tags and no register entries."""


@dataclass
class ExtractResult:
    """The outcome of extracting one file."""

    document: Document
    passages: list[Passage]
    warnings: list[str] = field(default_factory=list)
    references: list = field(default_factory=list)  # list[register.Reference]
    """Entries of a source register (bronnenboek), when the file is one."""


def extract_file(
    item: CorpusFile, sha256: str, password: str | None = None, enrichment: Enrichment = PLAIN
) -> ExtractResult:
    """Extract one corpus file into a document record and its passages.

    Raises:
        ExtractionError: the file cannot be read (the message names it and the reason).
        NoTextError: the file has no text layer or only undecodable glyphs.
    """
    path = item.path
    suffix = path.suffix.lower()
    warnings: list[str] = []
    pdf_title = ""
    if suffix == ".pdf":
        from imvo_assist.extract.layout import lay_out
        from imvo_assist.extract.pdf import read_pdf

        physical, pdf_title = read_pdf(path, password)
        pages = lay_out(physical)
    elif suffix in (".csv", ".tsv"):
        from imvo_assist.extract.table import read_table

        pages, warnings = read_table(path)
    else:
        from imvo_assist.extract.text import read_text_file

        pages, warnings = read_text_file(path)
        if len(pages) > 1:
            pages = [_with_footnotes(page) for page in pages]
    text = "\n".join(line for page in pages for line in page.lines)
    _check_text(path, pages, text)
    info = item.info
    document = Document(
        id=info.id,
        title=info.title or pdf_title or _first_heading(pages) or Path(item.relative).stem,
        kind=info.kind or guess_kind(path.name),
        language=info.language or detect_language(text),
        publisher=info.publisher,
        date=info.date,
        citation=info.citation,
        url=info.url,
        file=item.relative,
        sha256=sha256,
        pages=len(pages),
    )
    references, reference_warnings = enrichment.read_references(path, document)
    warnings += reference_warnings
    from imvo_assist.extract.passages import build_passages  # not loaded by `ask`

    passages = _tagged(build_passages(info.id, pages), document.title, enrichment.tag)
    return ExtractResult(document, passages, warnings, references)


def _tagged(passages: list[Passage], title: str, tag: Callable[[str], Tags]) -> list[Passage]:
    """Passages with the sectors, risks and organisations they (and their section) mention;
    a document whose title names a sector (the textile covenant) gives it to every passage."""
    title_sectors = tag(title).sectors
    tagged = []
    for passage in passages:
        tags = tag(f"{passage.section}\n{passage.text}")
        sectors = tuple(sorted(set(tags.sectors) | set(title_sectors)))
        tagged.append(replace(passage, sectors=sectors, risks=tuple(tags.risks), orgs=tuple(tags.orgs)))
    return tagged


def _with_footnotes(page: RawPage) -> RawPage:
    """Split numbered footnotes off the bottom of a paged text file, as for PDFs."""
    from imvo_assist.extract.layout import split_footnotes

    body, notes = split_footnotes(list(page.lines))
    return replace(page, lines=tuple(body), footnotes=tuple(notes)) if notes else page


def _check_text(path: Path, pages: list[RawPage], text: str) -> None:
    if not any(c.isalpha() for c in text):  # stops at the first letter
        kind = "no text layer (scanned?)" if path.suffix.lower() == ".pdf" else "no text"
        raise NoTextError(f"{path.name}: {kind}; {len(pages)} page(s), nothing to index")
    glyphs = GLYPH_NAMES.findall(text)
    if glyphs and sum(map(len, glyphs)) > 0.3 * len(text.replace(" ", "")):
        raise NoTextError(f"{path.name}: text layer not decodable (glyph names, no ToUnicode map)")


def _first_heading(pages: list[RawPage]) -> str:
    for page in pages[:2]:
        for index in sorted(page.headings):
            return page.lines[index].strip()[:120]
        for line in page.lines[:3]:
            if line.strip():
                return line.strip()[:120]
    return ""
