"""A deterministic corpus of distinct PDF pages for the benchmark, cached under bench/out/.

Most documents follow the layout of the KPMG "MVO Sector Risico Analyse" (2014): a portrait
cover, then landscape two-page spreads whose halves each carry a running header
("2 | MVO Sector Risico Analyse | SEPTEMBER 2014" left, "SEPTEMBER 2014 | MVO Sector Risico
Analyse | 3" right), numbered sector chapters ("4  Textiel en kleding"), risk lists under the
category headings Milieu / Arbeid / Mensenrechten and reference markers like [12]. The rest are
portrait letters (some in English) with a bare page number at the foot of each page.

Sentences come from the templates in vocab.py with one random.Random per document, seeded from
(seed, document number), so the corpus of N pages is the same on every run and a larger corpus
starts with the documents of a smaller one. PDFs are written by the small writer below (standard
Helvetica fonts, WinAnsiEncoding, Flate-compressed content streams): no dependency needed.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import textwrap
import zlib
from dataclasses import dataclass
from pathlib import Path

import vocab

GENERATOR_VERSION = 1
CACHE = Path(__file__).resolve().parent / "out" / "corpus"
LANDSCAPE = (841.89, 595.28)
PORTRAIT = (595.28, 841.89)
LETTER_SHARE = 0.15  # share of documents that are letters
REPORT_PAGES = (12, 60)  # PDF pages of a report: cover + spreads
LETTER_PAGES = (2, 6)

# --- a minimal PDF writer -------------------------------------------------------------------


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _info_string(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


class Canvas:
    """The drawing operations of one page."""

    def __init__(self, size: tuple[float, float]) -> None:
        self.size = size
        self.ops: list[bytes] = []

    def text(self, x: float, y: float, text: str, size: float = 9.5, bold: bool = False) -> None:
        font = b"/F2" if bold else b"/F1"
        self.ops.append(
            b"BT %s %.1f Tf %.2f %.2f Td %s Tj ET" % (font, size, x, y, _pdf_string(text))
        )

    def rule(self, x1: float, x2: float, y: float) -> None:
        self.ops.append(b"0.5 w %.2f %.2f m %.2f %.2f l S" % (x1, y, x2, y))


def write_pdf(path: Path, pages: list[Canvas], info: dict[str, str]) -> None:
    """Write the pages as a PDF 1.4 file (objects, xref table, trailer)."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< %s >>" % b" ".join(b"/%s %s" % (k.encode(), _info_string(v)) for k, v in info.items()),
    ]
    kids = []
    for page in pages:
        stream = zlib.compress(b"\n".join(page.ops), 6)
        page_number = len(objects) + 1
        kids.append(b"%d 0 R" % page_number)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>"
            % (page.size[0], page.size[1], page_number + 1)
        )
        objects.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream)
        )
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref,
    )
    path.write_bytes(bytes(out))


# --- sentences ------------------------------------------------------------------------------


class Words:
    """Fills the templates of vocab.py from one random generator."""

    def __init__(self, rng: random.Random, sectors: list[str] | None = None) -> None:
        self.rng = rng
        self.sector = rng.choice(list(vocab.SECTORS))
        self.sectors = sectors or list(vocab.SECTORS)

    def pick(self, slot: str) -> str:
        rng = self.rng
        if slot in ("risk", "Risk"):
            word = rng.choice(vocab.RISKS[rng.choice(list(vocab.RISKS))])
            return word[0].upper() + word[1:] if slot == "Risk" else word
        if slot == "product":
            # mostly the current sector's products, sometimes another sector's
            sector = self.sector if rng.random() < 0.8 else rng.choice(self.sectors)
            return rng.choice(vocab.SECTORS[sector])
        if slot == "sector":
            return self.sector.lower() if rng.random() < 0.8 else rng.choice(self.sectors).lower()
        choices = {
            "org": vocab.ORGANISATIONS, "country": vocab.COUNTRIES, "actor": vocab.ACTORS,
            "covenant": vocab.COVENANTS, "risk_en": vocab.RISKS_EN,
            "org_en": vocab.ORGANISATIONS_EN, "covenant_en": vocab.COVENANTS_EN,
            "product_en": vocab.PRODUCTS_EN, "country_en": vocab.COUNTRIES_EN,
        }
        if slot in choices:
            return rng.choice(choices[slot])
        if slot == "ref":
            return f"[{rng.randint(1, 250)}]"
        if slot == "year":
            return str(rng.randint(2006, 2016))
        if slot == "pct":
            return str(rng.randint(5, 90))
        if slot == "num":
            return f"{rng.randint(2, 600) * 500:,}".replace(",", ".")
        raise KeyError(slot)

    def fill(self, template: str) -> str:
        choice = re.compile(r"\{([^{}]*)\}")
        while "{" in template:
            template = choice.sub(lambda m: self.rng.choice(m.group(1).split("|")), template)
        text = re.sub(r"<(\w+)>", lambda m: self.pick(m.group(1)), template)
        text = " ".join(text.split()).replace(" ,", ",").replace(" .", ".")
        return text[0].upper() + text[1:]

    def paragraph(self, sentences: tuple[str, ...] = vocab.SENTENCES) -> str:
        """Three to six sentences."""
        count = self.rng.randint(3, 6)
        return " ".join(self.fill(self.rng.choice(sentences)) for _ in range(count))


# --- layout ---------------------------------------------------------------------------------

# style: (font size, bold, leading, space before, indent)
STYLES = {
    "h1": (15.0, True, 20.0, 10.0, 0.0),
    "h2": (11.5, True, 16.0, 8.0, 0.0),
    "h3": (10.5, True, 14.0, 6.0, 0.0),
    "body": (9.5, False, 12.5, 0.0, 0.0),
    "bullet": (9.5, False, 12.5, 0.0, 14.0),
    "gap": (9.5, False, 6.0, 0.0, 0.0),
}


@dataclass
class Line:
    style: str
    text: str


def wrap(style: str, text: str, width: int) -> list[Line]:
    """Lines of a block; bullets get a bullet on their first line and indented continuations."""
    if style == "gap":
        return [Line("gap", "")]
    chunks = textwrap.wrap(text, width - (3 if style == "bullet" else 0))
    if style == "bullet":
        return [Line("bullet", ("\u2022 " if i == 0 else "  ") + c) for i, c in enumerate(chunks)]
    return [Line(style, c) for c in chunks]


def fill_columns(lines: list[Line], top: float, bottom: float) -> list[list[tuple[float, Line]]]:
    """Flow lines into columns from `top` down to `bottom`; a heading never ends a column."""
    columns: list[list[tuple[float, Line]]] = [[]]
    y = top
    for line in lines:
        _, _, leading, before, _ = STYLES[line.style]
        need = leading + before + (3 * 12.5 if line.style.startswith("h") else 0)
        if y - need < bottom and columns[-1]:
            columns.append([])
            y = top
        if line.style == "gap" and not columns[-1]:
            continue
        y -= leading + (before if columns[-1] else 0)
        columns[-1].append((y, line))
    return columns


def draw_column(canvas: Canvas, x: float, column: list[tuple[float, Line]]) -> None:
    for y, line in column:
        if line.style != "gap":
            size, bold, _, _, indent = STYLES[line.style]
            canvas.text(x + indent, y, line.text, size, bold)


# --- documents ------------------------------------------------------------------------------


def report(path: Path, rng: random.Random, pages: int) -> int:
    """A report of `pages` PDF pages (cover + spreads); returns its printed pages."""
    title = rng.choice(vocab.REPORT_TITLES)
    month, year = rng.choice(vocab.MONTHS), rng.randint(2012, 2016)
    date = f"{month} {year}"
    sectors = rng.sample(list(vocab.SECTORS), rng.randint(4, len(vocab.SECTORS)))
    words = Words(rng, sectors)
    halves = 2 * (pages - 1)
    blocks: list[tuple[str, str]] = [("h1", "1  Managementsamenvatting")]
    blocks += [("body", words.paragraph()) for _ in range(3)]
    lines: list[Line] = []
    chapter = 1
    while len(fill_columns(lines, 515.0, 40.0)) <= halves:
        for style, text in blocks:
            lines += wrap(style, text, 68) + [Line("gap", "")]
        chapter += 1
        sector = sectors[(chapter - 2) % len(sectors)]
        words.sector = sector
        blocks = [("h1", f"{chapter}  {sector}")]
        blocks += [("body", words.paragraph()) for _ in range(rng.randint(2, 4))]
        blocks.append(("h2", f"{chapter}.1  Risico's in de keten"))
        for category in vocab.RISKS:
            blocks.append(("h3", category))
            count = rng.randint(2, 4)
            blocks += [("bullet", words.fill(rng.choice(vocab.BULLETS))) for _ in range(count)]
        blocks.append(("h2", f"{chapter}.2  Initiatieven en dialoog"))
        blocks += [("body", words.paragraph()) for _ in range(rng.randint(1, 3))]
    columns = fill_columns(lines, 515.0, 40.0)[:halves]
    cover = Canvas(PORTRAIT)
    cover.text(60, 600, title, 22, True)
    cover.text(60, 570, "Aandachtspunten voor dialoog", 14)
    cover.text(60, 540, date, 12)
    cover.text(60, 80, "Benchmarkdocument (synthetisch) - geen officiële tekst", 8)
    canvases = [cover]
    for spread in range(pages - 1):
        canvas = Canvas(LANDSCAPE)
        left, right = 2 * spread + 2, 2 * spread + 3  # printed page numbers
        for x, number, header in (
            (42.52, left, f"{left} | {title} | {date}"),
            (463.46, right, f"{date} | {title} | {right}"),
        ):
            canvas.text(x, 561.26, header, 8)
            canvas.rule(x, x + 336, 555.59)
            draw_column(canvas, x, columns[number - 2] if number - 2 < len(columns) else [])
        canvases.append(canvas)
    write_pdf(path, canvases, _info(title, year, rng))
    return 1 + 2 * (pages - 1)


def letter(path: Path, rng: random.Random, pages: int) -> int:
    """A portrait letter of `pages` pages (Dutch, or English for about one in four)."""
    english = rng.random() < 0.25
    words = Words(rng)
    year = rng.randint(2012, 2016)
    day, month = rng.randint(1, 28), rng.randrange(12)
    if english:
        date = f"{day} {vocab.MONTHS_EN[month]} {year}"
        subject = f"Progress of the responsible business conduct agreements {year}"
        head = [("h2", "Ministry of Foreign Affairs"), ("body", f"Date {date}"),
                ("body", f"Subject {subject}")]
        body_sentences: tuple[str, ...] = vocab.ENGLISH
    else:
        date = f"{day} {vocab.MONTHS[month].lower()} {year}"
        topic = rng.choice(["IMVO-convenanten", "sectorrisicoanalyse", "ketenverantwoordelijkheid"])
        subject = f"Voortgang {topic}"
        head = [
            ("h2", "Ministerie van Buitenlandse Zaken"),
            ("body", "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"),
            ("body", f"Datum {date}"), ("body", f"Betreft {subject}"),
        ]
        body_sentences = vocab.SENTENCES
    lines: list[Line] = []
    for style, text in head:
        lines += wrap(style, text, 90) + [Line("gap", "")]
    if not english:
        lines += wrap("body", words.fill(rng.choice(vocab.LETTER_OPENINGS)), 90) + [Line("gap", "")]
    while len(fill_columns(lines, 770.0, 60.0)) <= pages:
        if rng.random() < 0.2:
            lines += wrap("h3", words.fill("<Risk> in de keten van <product>") if not english
                          else "Due diligence", 90)
        lines += wrap("body", words.paragraph(body_sentences), 90) + [Line("gap", "")]
    canvases = []
    for number, column in enumerate(fill_columns(lines, 770.0, 60.0)[:pages], start=1):
        canvas = Canvas(PORTRAIT)
        draw_column(canvas, 70.0, column)
        if number > 1:
            canvas.text(295.0, 30.0, str(number), 9)
        canvases.append(canvas)
    write_pdf(path, canvases, _info(subject, year, rng))
    return pages


def _info(title: str, year: int, rng: random.Random) -> dict[str, str]:
    return {
        "Title": title,
        "Author": "imvo-assist bench (synthetisch)",
        "Subject": "BENCHMARKDOCUMENT (synthetisch) - geen officiële tekst",
        "Producer": f"bench/corpus_gen.py v{GENERATOR_VERSION}",
        "CreationDate": f"D:{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}120000Z",
    }


@dataclass(frozen=True)
class Spec:
    """One document of the corpus: its kind, file name and PDF pages."""

    number: int
    kind: str
    pages: int

    @property
    def name(self) -> str:
        return f"{'rapport' if self.kind == 'report' else 'brief'}-{self.number:05d}.pdf"


def plan(seed: int, pages: int) -> list[Spec]:
    """The documents of a corpus of exactly `pages` PDF pages."""
    rng = random.Random(f"plan:{seed}")
    specs: list[Spec] = []
    total = 0
    while total < pages:
        kind = "letter" if rng.random() < LETTER_SHARE else "report"
        count = rng.randint(*(LETTER_PAGES if kind == "letter" else REPORT_PAGES))
        count = min(count, pages - total)
        if kind == "report" and count < 3:
            kind = "letter"
        specs.append(Spec(len(specs) + 1, kind, count))
        total += count
    return specs


def write_document(spec: Spec, seed: int, path: Path) -> int:
    """Write one document (the same bytes for the same seed); its printed pages."""
    rng = random.Random(f"doc:{seed}:{spec.number}")
    make = report if spec.kind == "report" else letter
    return make(path, rng, spec.pages)


def generated_corpus(pages: int, seed: int, cache: Path = CACHE) -> tuple[Path, dict]:
    """The corpus folder for (pages, seed), generated once and then read from the cache."""
    name = f"v{GENERATOR_VERSION}-seed{seed}-pages{pages}"
    folder, info_file = cache / name, cache / f"{name}.json"
    if folder.is_dir() and info_file.is_file():
        return folder, json.loads(info_file.read_text(encoding="utf-8"))
    staging = cache / f".{name}.{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    specs = plan(seed, pages)
    printed = sum(write_document(spec, seed, staging / spec.name) for spec in specs)
    info = {
        "kind": "generated",
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "files": len(specs),
        "pdf_files": len(specs),
        "reports": sum(s.kind == "report" for s in specs),
        "letters": sum(s.kind == "letter" for s in specs),
        "pdf_pages": sum(s.pages for s in specs),
        "printed_pages": printed,
        "bytes": sum(p.stat().st_size for p in staging.iterdir()),
    }
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
    info_file.write_text(json.dumps(info, indent=2), encoding="utf-8")
    return folder, info


if __name__ == "__main__":  # python bench/corpus_gen.py PAGES [SEED]: generate and print the info
    import sys

    found, about = generated_corpus(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 14)
    print(found)
    print(json.dumps(about, indent=2))
