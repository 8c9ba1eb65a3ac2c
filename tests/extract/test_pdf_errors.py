"""A damaged PDF is reported with a plain reason, never with the raw text of a Python error
that pypdf lets through ("property 'indirect_reference' of 'IndirectObject' object has no
setter")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_support import run_cli
from pdf_support import write_objects

from imvo_assist.errors import ExtractionError
from imvo_assist.extract.pdf import read_pdf
from imvo_assist.settings import make_settings

# Python's own error texts: "object has no setter", "'NoneType' object is not subscriptable".
RAW = re.compile(r"setter|IndirectObject|NoneType|object (has no|is not)|Error\b")


def self_referencing(path: Path) -> Path:
    """/Pages points to an object that is a reference to itself (pypdf: AttributeError)."""
    return write_objects(path, [b"<< /Type /Catalog /Pages 2 0 R >>", b"3 0 R", b"3 0 R"])


def test_pythons_error_text_becomes_the_plain_reason(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as caught:
        read_pdf(self_referencing(tmp_path / "kapot.pdf"))
    assert str(caught.value) == "kapot.pdf: damaged or truncated PDF"
    assert isinstance(caught.value.__cause__, AttributeError)  # what pypdf raised


def test_pypdfs_own_message_is_kept(tmp_path: Path) -> None:
    pdf = self_referencing(tmp_path / "half.pdf")
    pdf.write_bytes(pdf.read_bytes()[:60])
    with pytest.raises(ExtractionError, match=r"^half\.pdf: damaged or truncated PDF \(\w"):
        read_pdf(pdf)


def test_index_reports_the_damaged_file_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    self_referencing(corpus / "kapot.pdf")
    (corpus / "notitie.txt").write_text("Een korte notitie over kinderarbeid.\n", encoding="utf-8")
    result = run_cli(capsys, make_settings(corpus, tmp_path / "ix"), "index")
    assert "failed: kapot.pdf: damaged or truncated PDF" in result.err + result.out
    assert not RAW.search(result.err + result.out), result.err + result.out
