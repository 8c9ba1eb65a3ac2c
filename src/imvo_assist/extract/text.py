"""Text, Markdown and HTML files: decode robustly, keep the visible text, split printed pages.

Decoding: byte order mark, else strict UTF-8, else Windows-1252 (Latin-1 never fails), warning
when not UTF-8; NULs, control characters and terminal escapes are removed. Pages follow form feeds
or, in plain text, lines opened by exactly one space (page-extracted letters). HTML: visible text
via the stdlib `html.parser`, nothing is executed. Regexes are linear and long lines are wrapped
at `MAX_LINE`, so a 5 MiB single-line file takes well under a second.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

from imvo_assist.errors import ExtractionError
from imvo_assist.models import RawPage

MAX_BYTES = 64 * 1024 * 1024
MAX_LINE = 2000
# A page opened by a leading space must follow at least this many lines of the previous page.
MIN_PAGE_LINES = 10
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
BOMS = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)
MAGIC = {b"%PDF-": "a PDF", b"PK\x03\x04": "a ZIP file (.docx?)", b"\xd0\xcf\x11\xe0": "a .doc"}
# Control bytes that never occur in text (NUL included; tab, LF, FF, CR and ESC excluded).
CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\f\r\x1b")
# Terminal escapes: CSI ("\x1b[31m"), OSC (title, hyperlink) and two-byte sequences.
ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)?|[@-_])")
CONTROLS = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Footer of Kamerstukken: "Tweede Kamer, vergaderjaar 2014-2015, 26 485, nr. 188 3" (page 3).
FOOTER = re.compile(r"Tweede Kamer, vergaderjaar \d{4}\s*[-\u2013]\s*\d{4}, .+\s(\d{1,4})")
MD_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")
MD_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+)?")
# Code fences and thematic breaks ("---", "* * *"); single-character classes keep this fast.
MD_SKIP = re.compile(
    r"\s*(?:```|~~~|(?:-[ \t]*-[- \t]*-|\*[ \t]*\*[* \t]*\*|_[ \t]*_[_ \t]*_)[ \t]*$)"
)
MD_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\]\([^()\s]{0,2000}\)")
MD_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\([^()\s]{0,2000}\)")
HTML_SKIP = frozenset({"script", "style", "noscript", "template", "title", "iframe", "object"})
HTML_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Block elements end a line; "paragraph" blocks also end a paragraph (a blank line).
HTML_PARAGRAPHS = HTML_HEADINGS | {"p", "ul", "ol", "dl", "table", "blockquote", "pre", "hr"}
HTML_PARAGRAPHS |= {"section", "article", "header", "footer", "main", "aside", "nav", "form"}
HTML_BLOCKS = HTML_PARAGRAPHS | {"div", "li", "dt", "dd", "tr", "br", "caption", "figcaption"}


def read_text_file(path: Path) -> tuple[list[RawPage], list[str]]:
    """Return the printed pages of a text, Markdown or HTML file and warnings.

    Args:
        path: a `.txt`, `.md`/`.markdown` or `.html`/`.htm` file (other suffixes: plain text).

    Returns:
        The pages in order (labels "1", "2", ... unless the text prints its own page numbers)
        and warnings about the decoding and removed characters.

    Raises:
        ExtractionError: the file cannot be read, is too large, empty, binary or has no text.
    """
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ExtractionError(f"{path.name}: too large (over {MAX_BYTES >> 20} MiB)")
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ExtractionError(f"{path.name}: cannot read file ({reason})") from exc
    text, warnings = decode_bytes(data, path.name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    nuls = text.count("\x00")
    text = text.replace("\x00", "")
    text, escapes = ESCAPES.subn("", text)
    text, controls = CONTROLS.subn("", text)
    if nuls:
        warnings.append(f"removed {nuls} NUL bytes")
    if escapes + controls:
        warnings.append(f"removed {escapes + controls} control characters or escape sequences")
    if not text.strip():
        raise ExtractionError(f"{path.name}: empty file", "Add text to the file or remove it.")
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        parser = _VisibleText()
        try:
            parser.feed(text)
            parser.close()
        except AssertionError as exc:  # html.parser's way of rejecting some malformed markup
            raise ExtractionError(f"{path.name}: damaged HTML ({exc})") from exc
        pages = [("1", parser.lines, parser.headings)]
    else:
        plain = suffix not in MARKDOWN_SUFFIXES
        pages = []
        for n, raw in enumerate(_split_pages(text, plain), start=1):
            lines, heads = _page_lines(raw, markdown=not plain)
            footer = FOOTER.fullmatch(lines[-1]) if plain and lines else None
            if footer:  # the printed page number replaces the ordinal
                del lines[-1]
            pages.append((footer.group(1) if footer else str(n), lines, heads))
    if not any(lines for _, lines, _ in pages):
        raise ExtractionError(f"{path.name}: no visible text", "Check the file's contents.")
    return [
        RawPage(pdf_page=n, label=label, lines=tuple(lines), headings=frozenset(heads))
        for n, (label, lines, heads) in enumerate(pages, start=1)
    ], warnings


def decode_bytes(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode by BOM, then strict UTF-8, then Windows-1252, then Latin-1; refuse binary data."""
    for bom, codec, label in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
                return text, [] if codec == "utf-8" else [f"decoded as {label} (byte order mark)"]
            except UnicodeDecodeError:
                text = data[len(bom) :].decode(codec, errors="replace")
                return text, [f"decoded as {label} with invalid bytes replaced"]
    head = data[:1024].lstrip()
    for magic, kind in MAGIC.items():
        if head.startswith(magic):
            raise ExtractionError(f"{name}: not a text file ({kind})", "Check the file type.")
    sample = data[: 1 << 16]
    nuls = sample.count(0)
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES)) - nuls
    if nuls > 0.3 * len(sample) or controls > 8 + 0.05 * len(sample):  # a few are tolerated
        raise ExtractionError(f"{name}: not a text file (binary data)", "Check the file type.")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ["decoded as Windows-1252 (not valid UTF-8)"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), ["decoded as Latin-1 (neither UTF-8 nor Windows-1252)"]


def _split_pages(text: str, plain: bool) -> list[list[str]]:
    """Split at form feeds, or (plain text) at lines opened by exactly one space."""
    if "\f" in text:
        chunks = text.split("\f")
        if not chunks[-1].strip():
            chunks.pop()
        return [chunk.split("\n") for chunk in chunks]
    lines = text.split("\n")
    return _space_pages(lines) if plain else [lines]


def _space_pages(lines: list[str]) -> list[list[str]]:
    """Pages of a text where a line starting with exactly one space opens a page, if consistent."""
    starts = [i for i, line in enumerate(lines) if line[:1] == " " and line[1:2].strip()]
    opened = set(starts)
    indented = (i for i, line in enumerate(lines) if line[:1].isspace() and line.strip())
    if (
        len(starts) < 2
        or any(b - a < MIN_PAGE_LINES for a, b in pairwise(starts))
        or any(i not in opened for i in indented)
    ):
        return [lines]
    lines = [line[1:] if i in opened else line for i, line in enumerate(lines)]
    if any(line.strip() for line in lines[: starts[0]]):
        starts.insert(0, 0)
    return [lines[a:b] for a, b in pairwise([*starts, len(lines)])]


def _page_lines(lines: list[str], markdown: bool) -> tuple[list[str], set[int]]:
    """Lines of a page and the indices of headings; blank lines become one "" separator."""
    out: list[str] = []
    heads: set[int] = set()
    for line in lines:
        if markdown:
            _add(out, heads, *_markdown_line(line))
        else:
            _add(out, heads, line)
    if out and not out[-1]:
        out.pop()
    return out, heads


def _markdown_line(line: str) -> tuple[str, bool]:
    """A Markdown line without markup, and whether it is an ATX heading."""
    heading = MD_HEADING.match(line)
    if heading:
        line = line[heading.end() :].strip()
        closed = line.rstrip("#")  # optional closing sequence: "## Titel ##"
        line = closed.rstrip() if not closed or closed[-1] in " \t" else line
    elif MD_SKIP.match(line):
        return "", False
    else:
        line = line[MD_PREFIX.match(line).end() :]  # type: ignore[union-attr]  # always matches
    line = MD_LINK.sub(r"\1", MD_IMAGE.sub("", line)).replace("`", "")
    return re.sub(r"[*_]+", _emphasis, line), heading is not None


def _emphasis(match: re.Match[str]) -> str:
    """Drop a run of `*`/`_` at a word edge (emphasis); keep it inside words and between spaces."""
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if (before.isalnum() and after.isalnum()) or (before.isspace() and after.isspace()):
        return match.group()
    return ""


def _add(out: list[str], heads: set[int], text: str, heading: bool = False) -> None:
    """Append a line (wrapped if enormous); collapse blank lines into one separator."""
    text = text.strip()
    if not text:
        if out and out[-1]:
            out.append("")
        return
    if heading:
        heads.add(len(out))
    start = 0
    while len(text) - start > MAX_LINE:
        cut = text.rfind(" ", start + 1, start + MAX_LINE + 1)
        cut = cut if cut > start else start + MAX_LINE
        out.append(text[start:cut].strip())
        start = cut
    out.append(text[start:].strip())


class _VisibleText(HTMLParser):
    """Collect visible text lines of HTML; headings are marked, scripts and styles dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.headings: set[int] = set()
        self._parts: list[str] = []
        self._skip = 0
        self._heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HTML_SKIP:
            self._skip += 1
        elif tag in HTML_BLOCKS:
            self._flush()
            self._heading = self._heading or tag in HTML_HEADINGS
        elif tag in ("td", "th"):
            self._parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in HTML_SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in HTML_BLOCKS:
            self._flush()
            self._heading = self._heading and tag not in HTML_HEADINGS
            if tag in HTML_PARAGRAPHS:
                _add(self.lines, self.headings, "")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._parts.append(data)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Treat an unknown `<![...` section (Word's `<![if !supportLists]>`) as a comment."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i)

    def close(self) -> None:
        super().close()
        self._flush()
        if self.lines and not self.lines[-1]:
            self.lines.pop()

    def _flush(self) -> None:
        _add(self.lines, self.headings, " ".join("".join(self._parts).split()), self._heading)
        self._parts.clear()
