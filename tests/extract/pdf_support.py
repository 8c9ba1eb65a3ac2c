"""A minimal PDF writer for extraction tests: Helvetica text (WinAnsi) at given positions."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path

A4 = (595.28, 841.89)
LANDSCAPE = (841.89, 595.28)  # a two-page spread of A5 pages


@dataclass
class Page:
    """One PDF page: its size and the text drawn on it."""

    size: tuple[float, float] = A4
    lines: list[tuple[float, float, str]] = field(default_factory=list)

    def text(self, x: float, y: float, text: str) -> Page:
        self.lines.append((x, y, text))
        return self


def _string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def write_pdf(path: Path, pages: list[Page]) -> Path:
    """Write the pages as a PDF 1.4 file (objects, xref table, trailer)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for page in pages:
        ops = b"\n".join(
            b"BT /F1 10 Tf %.2f %.2f Td %s Tj ET" % (x, y, _string(text))
            for x, y, text in page.lines
        )
        stream = zlib.compress(ops)
        number = len(objects) + 1
        kids.append(b"%d 0 R" % number)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (*page.size, number + 1)
        )
        objects.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream)
        )
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return write_objects(path, objects)


def write_objects(path: Path, objects: list[bytes]) -> Path:
    """A PDF file of numbered objects (1 is the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path
