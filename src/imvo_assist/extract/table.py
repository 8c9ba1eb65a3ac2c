"""CSV/TSV files: one page whose lines are the records, read with a sniffed dialect.

Dutch Excel writes ';' with a BOM; quoted fields may hold newlines. Each record becomes one
line "header: value; header: value" so it is searchable; ragged rows are reported by line.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from imvo_assist.errors import ExtractionError
from imvo_assist.extract.text import decode_bytes
from imvo_assist.models import RawPage


def decode_table(path: Path) -> tuple[str, list[str]]:
    """The text of a CSV/TSV file and decoding warnings."""
    data = path.read_bytes()
    if not data.strip():
        raise ExtractionError(f"{path.name}: empty file")
    return decode_bytes(data, path.name)  # the text reader's BOM/UTF-8/cp1252 detection


def read_rows(path: Path) -> tuple[list[dict[str, str]], list[str]]:
    """Records of a CSV/TSV file as dicts keyed by header, with warnings naming lines.

    Raises:
        ExtractionError: the file is empty or has no header row.
    """
    text, warnings = decode_table(path)
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=";,\t|")
    except csv.Error:
        dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    delimiter = dialect.delimiter
    rows = list(reader)
    if not rows:
        raise ExtractionError(f"{path.name}: no header row")
    header = [cell.strip() for cell in rows[0]]
    records = []
    for line_number, row in _numbered(rows, text):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            warnings.append(
                f"line {line_number}: {len(row)} fields, expected {len(header)}"
            )
        swallowed = _swallowed_lines(row, delimiter, len(header))
        if swallowed:
            warnings.append(
                f"line {line_number}: unterminated quote; it swallowed {swallowed} following "
                "line(s) that look like records"
            )
        records.append({name: value.strip() for name, value in zip(header, row)})
    return records, warnings


def _swallowed_lines(row: list[str], delimiter: str, columns: int) -> int:
    """Lines inside one quoted field that hold enough delimiters to be records of their own."""
    needed = max(2, (columns - 1) // 2)
    return sum(
        line.count(delimiter) >= needed
        for cell in row if "\n" in cell
        for line in cell.splitlines()[1:]
    )


def _numbered(rows: list[list[str]], text: str) -> list[tuple[int, list[str]]]:
    """Pair each data row with the physical line it starts on (quoted newlines counted)."""
    result = []
    line = 1 + sum(cell.count("\n") for cell in rows[0]) + 1
    for row in rows[1:]:
        result.append((line, row))
        line += 1 + sum(cell.count("\n") for cell in row)
    return result


def read_table(path: Path) -> tuple[list[RawPage], list[str]]:
    """A CSV/TSV file as one page of "header: value" record lines, blank-line separated."""
    records, warnings = read_rows(path)
    lines: list[str] = []
    for record in records:
        lines.append("; ".join(f"{k}: {' '.join(v.split())}" for k, v in record.items() if v))
        lines.append("")
    return [RawPage(1, "1", tuple(lines))], warnings
