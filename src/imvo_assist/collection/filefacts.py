"""What a file says about itself: its metadata, page count and the text of its first pages.

`add` weighs this against the register (`collection.evidence`) and `fetch` checks a download
with it. The file is untrusted, so `read_file_facts` runs it through the extraction worker's
limits (`extract.workers.call_isolated`: a time limit and a memory cap) and a crafted file costs
at most those; `file_facts` is the function that child runs.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from imvo_assist.settings import Settings

PAGES_READ = 3
"""Leading pages whose text is read (the last page is read too: signatures, colophon)."""
PAGE_CHARS = 8000
"""Text kept per page read."""
TEXT_BYTES = 64 * 1024
"""Bytes read from the start of a text, Markdown or HTML file."""
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")


@dataclass(frozen=True)
class FileFacts:
    """What one file says about itself ("" / 0 / () where it says nothing)."""

    sha256: str = ""
    title: str = ""
    """Metadata or markup meant as a title: PDF /Title, HTML <title>, first Markdown heading."""
    author: str = ""
    """PDF /Author."""
    about: str = ""
    """PDF /Subject and /Keywords."""
    created: str = ""
    """PDF /CreationDate as "YYYY", "YYYY-MM" or "YYYY-MM-DD"."""
    pages: int = 0
    """Number of PDF pages (0 for other files)."""
    texts: tuple[str, ...] = ()
    """The text of the first pages (and of the last page of a longer PDF), page by page."""
    page_numbers: tuple[int, ...] = field(default=())
    """The 1-based page number of each of `texts`."""
    readable: bool = True
    """False when the file could not be read (damaged, encrypted, timed out)."""

    @property
    def opening(self) -> str:
        """The first lines of the first page (up to 3 lines or 8 words), as one line."""
        lines: list[str] = []
        for line in self.lines(0):
            lines.append(line)
            if len(lines) >= 3 or sum(len(x.split()) for x in lines) >= 8:
                break
        return " ".join(lines)[:200]

    def lines(self, index: int) -> list[str]:
        """The non-empty lines of text `index`, whitespace collapsed, Markdown marks removed."""
        if index >= len(self.texts):
            return []
        cleaned = (" ".join(raw.lstrip("#> ").split()) for raw in self.texts[index].splitlines())
        return [line for line in cleaned if line]

    def headers(self) -> list[str]:
        """The top two and bottom line of every page read: running heads, stamps, footers."""
        found: list[str] = []
        for index in range(len(self.texts)):
            lines = self.lines(index)
            found.extend([*lines[:2], *lines[-1:]])
        return found


def read_file_facts(path: Path, settings: Settings, suffix: str = "") -> FileFacts:
    """`file_facts(path)` in a child process with the extraction worker's time and memory
    limits; an unreadable `FileFacts` (with the sha256) when it fails or takes too long.
    `suffix` gives the file type when the name does not (a download's part file)."""
    from imvo_assist.extract.workers import call_isolated

    found = call_isolated(file_facts, path, settings.password, suffix,
                          timeout_s=settings.timeout_s, memory_mb=settings.memory_mb)
    if isinstance(found, FileFacts):
        return found
    return FileFacts(sha256=sha256_of(path), readable=False)


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file ("" when it cannot be read)."""
    try:
        with path.open("rb") as data:
            return hashlib.file_digest(data, "sha256").hexdigest()
    except OSError:
        return ""


def file_facts(path: Path, password: str | None, suffix: str = "") -> FileFacts:
    """Read what a file says about itself (run it through `read_file_facts`)."""
    digest = sha256_of(path)
    suffix = suffix or path.suffix.lower()
    try:
        if suffix == ".pdf":
            return _pdf_facts(path, password, digest)
        with path.open("rb") as data:
            text = decode(data.read(TEXT_BYTES))
    except Exception:  # noqa: BLE001 - an unreadable file is matched by nothing; indexing reports it
        return FileFacts(sha256=digest, readable=False)
    title = ""
    if suffix in (".html", ".htm"):
        found = _HTML_TITLE.search(text)
        title = html.unescape(_TAG.sub(" ", found.group(1))) if found else ""
        text = html.unescape(_TAG.sub("\n", text))
    elif suffix in (".md", ".markdown"):
        title = next((ln.lstrip("#") for ln in text.splitlines() if ln.startswith("#")), "")
    return FileFacts(sha256=digest, title=_one_line(title), texts=(text[: PAGE_CHARS * PAGES_READ],),
                     page_numbers=(1,))


def _pdf_facts(path: Path, password: str | None, digest: str) -> FileFacts:
    import pypdf  # deferred: slow to import, needed only for PDFs

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # damage is the indexer's to report
    reader = pypdf.PdfReader(path)
    if reader.is_encrypted:
        reader.decrypt(password or "")
    meta: object = reader.metadata or {}
    count = len(reader.pages)
    numbers = list(range(min(PAGES_READ, count)))
    if count > PAGES_READ:
        numbers.append(count - 1)
    texts = []
    for number in numbers:
        try:
            texts.append((reader.pages[number].extract_text() or "")[:PAGE_CHARS])
        except Exception:  # noqa: BLE001 - one damaged page leaves the others
            texts.append("")
    return FileFacts(
        sha256=digest,
        title=_one_line(_meta(meta, "/Title")),
        author=_one_line(_meta(meta, "/Author")),
        about=_one_line(f"{_meta(meta, '/Subject')} {_meta(meta, '/Keywords')}"),
        created=_pdf_date(_meta(meta, "/CreationDate")),
        pages=count,
        texts=tuple(texts),
        page_numbers=tuple(n + 1 for n in numbers),
    )


def _meta(meta: object, key: str) -> str:
    try:
        value = meta.get(key)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - a broken metadata object says nothing
        return ""
    return str(value) if value is not None else ""


def _pdf_date(value: str) -> str:
    """"D:20141119120000Z" -> "2014-11-19" (as far as it goes); "" when it is no date."""
    found = _PDF_DATE.match(value.strip())
    if not found or not 1900 < int(found.group(1)) < 2200:
        return ""
    return "-".join(part for part in found.groups() if part)


def _one_line(text: str) -> str:
    return " ".join(text.split())[:300]


def decode(raw: bytes) -> str:
    """Text from the first bytes of a file: UTF-16 with BOM, UTF-8, else Windows-1252."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16", "replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start > len(raw) - 4:  # a character cut off at the end of the sample
            return raw[: exc.start].decode("utf-8-sig")
        return raw.decode("cp1252", "replace")
