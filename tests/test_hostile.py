"""The hostile corpus (../shared/corpus-hostile): every file gets the behaviour its MANIFEST
entry expects, indexing never stops at a bad file, and hostile queries never raise.

The corpus is copied once per module (with the symlinks of the MANIFEST recipe) and indexed
once (about 10 s); the tests read that index.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from shared_paths import HOSTILE

from imvo_assist.index import Filters
from imvo_assist.index.writer import IndexReport
from imvo_assist.library import Library, refresh
from imvo_assist.settings import Settings, make_settings

# Every test needs ../shared/corpus-hostile; the tests of the module-scoped `hostile` index
# (about 10 s to build) are marked slow.
pytestmark = pytest.mark.shared
# The one file under names/ in the MANIFEST (249 bytes; checked against it below).
LONG_NAME = (
    "names/Kamerbrief over coördinatie IMVO – reactie op vragen van het lid Ünal "
    "(définitief, versie 2) " + "é" * 74 + ".md"
)
OUTSIDE_LINK = "links/link-naar-buiten.txt"
OUTSIDE_MARKER = "BUITEN_CORPUS_NIET_INDEXEREN"
LIGATURES = re.compile("[\ufb00-\ufb06]")


@dataclass
class Hostile:
    settings: Settings
    report: IndexReport
    library: Library
    rows: dict[str, dict]
    texts: dict[str, list[str]]
    """Stored passage texts by doc id."""

    def row(self, file: str) -> dict:
        assert file in self.rows, f"{file} missing from document_list()"
        return self.rows[file]

    def text(self, file: str) -> str:
        return "\n".join(self.texts.get(self.row(file)["id"], []))

    def hits(self, query: str, file: str | None = None) -> list:
        doc = self.row(file)["id"] if file else None
        return self.library.search(query, Filters(doc=doc, source="passage"), limit=20).hits


def hostile_copy(base: Path) -> Path:
    """A copy of the hostile corpus with the symlinks of the MANIFEST recipe."""
    root = base / "corpus"
    shutil.copytree(HOSTILE, root, symlinks=True)
    outside = base / "outside"
    outside.mkdir()
    (outside / "geheim.txt").write_text(OUTSIDE_MARKER + "\n", encoding="utf-8")
    (root / "links").mkdir()
    (root / OUTSIDE_LINK).symlink_to(outside / "geheim.txt")
    (root / "links" / "lus").symlink_to("..", target_is_directory=True)
    return root


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    base = tmp_path_factory.mktemp("hostile")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("IMVO_ASSIST_DATA", str(base / "data"))
        settings = make_settings(hostile_copy(base), base / "ix")
        report = refresh(settings)
    library = Library(settings)
    texts: dict[str, list[str]] = {}
    with library.index.searcher() as searcher:
        for fields in searcher.documents(record="passage", source="passage"):
            texts.setdefault(fields["doc_id"], []).append(fields["text"])
    listed = library.document_list()
    # registered documents that are not in this corpus are listed without a file
    assert all(row["status"] == "missing" for row in listed if not row["file"])
    rows = {row["file"]: row for row in listed if row["file"]}
    return Hostile(settings, report, library, rows, texts)


# --- what the MANIFEST expects, file by file ------------------------------------------------


@dataclass(frozen=True)
class Expect:
    status: str
    error: str = ""
    """A regular expression the error must match (the file name is always checked too)."""
    pages: int | None = None
    words: tuple[str, ...] = ()
    """Queries that must find a passage of this file."""


INDEXED = "indexed"
DAMAGED = Expect("failed", r"damaged")
NO_TEXT = Expect("skipped", r"no text layer \(scanned\?\)")

EXPECTED: dict[str, Expect] = {
    LONG_NAME: Expect(INDEXED, pages=1, words=("coördinatie",)),
    "pdf-gen/control-valid-dutch-3p.pdf": Expect(INDEXED, pages=3, words=("zorgvuldigheid", "coördinatie")),
    "pdf-gen/cyclic-form-xobject.pdf": Expect(INDEXED, pages=1, words=("Formulier roept zichzelf aan",)),
    "pdf-gen/cyclic-page-tree.pdf": DAMAGED,
    "pdf-gen/deep-nested-arrays-100k.pdf": DAMAGED,
    "pdf-gen/deep-nested-content-stream.pdf": Expect("failed"),
    "pdf-gen/empty-zero-bytes.pdf": Expect("failed", r"\bempty\b"),
    "pdf-gen/encrypted-aes256-empty-user-password.pdf": Expect(INDEXED, pages=3, words=("zorgvuldigheid",)),
    "pdf-gen/encrypted-aes256-password-geheim.pdf": Expect("failed", r"encrypted"),
    "pdf-gen/flate-bomb-2gib-double-flate.pdf": Expect("failed", r"decompression limit|too large"),
    "pdf-gen/flate-bomb-400mib.pdf": Expect("failed", r"decompression limit|too large"),
    "pdf-gen/garbage-xref.pdf": Expect(INDEXED, pages=3, words=("zorgvuldigheid",)),
    "pdf-gen/image-only-dutch-scan.pdf": NO_TEXT,
    "pdf-gen/ligature-codepoints-dutch.pdf": Expect(INDEXED, pages=1, words=("officiële", "financiële", "flexibel")),
    "pdf-gen/many-pages-5000.pdf": Expect(INDEXED, pages=5000),
    "pdf-gen/page-count-lie.pdf": Expect(INDEXED, pages=1),
    "pdf-gen/plain-text-renamed.pdf": Expect("failed", r"not a PDF"),
    "pdf-gen/self-referencing-object.pdf": DAMAGED,
    "pdf-gen/startxref-beyond-eof-no-eof-marker.pdf": DAMAGED,
    "pdf-gen/truncated-half.pdf": Expect("failed", r"damaged|truncated"),
    "pdf-gen/type3-font-no-tounicode.pdf": Expect("skipped", r"not decodable"),
    "pdf-real/005-libreoffice-writer-password__libreoffice-writer-password.pdf": Expect("failed", r"encrypted"),
    "pdf-real/007-imagemagick-images__imagemagick-CCITTFaxDecode.pdf": NO_TEXT,
    "pdf-real/008-reportlab-inline-image__inline-image.pdf": Expect(INDEXED, pages=1, words=("Test",)),
    "pdf-real/009-pdflatex-geotopo__GeoTopo-komprimiert.pdf": Expect(INDEXED, pages=117, words=("Auflage",)),
    "pdf-real/010-pdflatex-forms__pdflatex-forms.pdf": Expect(INDEXED, pages=1, words=("Submit",)),
    "pdf-real/011-google-doc-document__google-doc-document.pdf": Expect(INDEXED, pages=1),
    "pdf-real/012-libreoffice-form__libreoffice-form.pdf": Expect(INDEXED, pages=1, words=("Nationality",)),
    "pdf-real/014-outlines__mistitled_outlines_example.pdf": Expect(INDEXED, pages=4),
    "pdf-real/015-arabic__habibi-oneline-cmap.pdf": Expect(INDEXED, pages=1, words=("habibi",)),
    "pdf-real/015-arabic__habibi-rotated.pdf": Expect(INDEXED, pages=4, words=("habibi",)),
    "pdf-real/019-grayscale-image__grayscale-image.pdf": NO_TEXT,
    "pdf-real/020-xmp__output_with_metadata_pymupdf.pdf": Expect(INDEXED, pages=1, words=("Hello, World!",)),
    "pdf-real/024-annotations__annotated_pdf.pdf": Expect(INDEXED, pages=1),
    "pdf-real/025-attachment__with-attachment.pdf": Expect(INDEXED, pages=1),
    "pdf-real/026-latex-multicolumn__multicolumn.pdf": Expect(INDEXED, pages=3),
    "text/cp1252-dutch.txt": Expect(INDEXED, words=("coördinatie",)),
    "text/long-line-5mib.md": Expect(INDEXED),
    "text/nul-bytes.txt": Expect(INDEXED, words=("Einde na 64 NUL-bytes", "zorgvuldigheid")),
    "text/register-semicolon-bom.csv": Expect(INDEXED, words=("Convenant kleding",)),
    "text/script-entities.html": Expect(INDEXED, words=("zorgvuldigheid", "coördinatie")),
    "text/utf16le-bom.txt": Expect(INDEXED, words=("zorgvuldigheid",)),
    OUTSIDE_LINK: Expect("skipped", r"outside the corpus"),
}


def test_every_manifest_entry_is_covered(hostile_corpus: Path) -> None:
    manifest = tomllib.loads((hostile_corpus / "MANIFEST.toml").read_text(encoding="utf-8"))["file"]
    listed = {entry["file"] for entry in manifest} - {"links/lus"}  # a folder, not a file
    assert listed == set(EXPECTED)


@pytest.mark.slow
def test_document_list_is_exactly_the_real_files(hostile: Hostile) -> None:
    assert set(hostile.rows) == set(EXPECTED)  # no README/MANIFEST/LICENSE, nothing via links/lus
    ids = [row["id"] for row in hostile.rows.values() if row["id"]]
    assert len(ids) == len(set(ids))


@pytest.mark.slow
@pytest.mark.parametrize("file", sorted(EXPECTED), ids=lambda f: f[:60])
def test_file_gets_its_manifest_behaviour(hostile: Hostile, file: str) -> None:
    expect = EXPECTED[file]
    row = hostile.row(file)
    assert row["status"] == expect.status, row
    if expect.status == INDEXED:
        assert row["error"] == ""
        assert row["passages"] > 0
        assert hostile.text(file).strip()
    else:
        assert row["passages"] == 0
        assert hostile.texts.get(row["id"], []) == []
        name = file if file == OUTSIDE_LINK else Path(file).name
        assert name in row["error"], row  # the error names the file ...
        assert re.search(expect.error, row["error"]), row  # ... and the reason
        assert "Traceback" not in row["error"]
    if expect.pages is not None:
        assert row["pages"] == expect.pages
    for words in expect.words:
        assert hostile.hits(words, file), f"{words!r} not found in {file}"


@pytest.mark.slow
def test_report_of_the_run_matches_the_document_list(hostile: Hostile) -> None:
    report = hostile.report
    assert report.rebuilt and report.unchanged == 0 and report.removed == 0
    assert {f.file: f.status for f in report.files} == {
        file: row["status"] for file, row in hostile.rows.items()
    }
    assert report.extracted == len(EXPECTED) - 1  # all but the link outside


@pytest.mark.slow
def test_long_name_is_intact(hostile: Hostile) -> None:
    name = LONG_NAME.split("/", 1)[1]
    assert len(name.encode()) == 249
    row = hostile.row(LONG_NAME)
    assert row["file"] == LONG_NAME
    assert unicodedata.is_normalized("NFC", row["file"])
    json.dumps(row, ensure_ascii=False).encode("utf-8")  # no lone surrogates (mojibake)
    assert hostile.hits("coördinatie", LONG_NAME)


@pytest.mark.slow
def test_type3_glyph_names_are_never_indexed(hostile: Hostile) -> None:
    assert not any("/g1" in text for texts in hostile.texts.values() for text in texts)
    assert not hostile.hits("g1 g2 g3", "pdf-gen/type3-font-no-tounicode.pdf")


@pytest.mark.slow
def test_markers_outside_the_visible_text_are_never_indexed(hostile: Hostile) -> None:
    every = "\n".join(text for texts in hostile.texts.values() for text in texts)
    assert "NIET_INDEXEREN" not in every
    for marker in ("SCRIPT", "STYLE", "JSONLD", "ONLOAD", "COMMENT", "SVG_SCRIPT", "BUITEN_CORPUS"):
        assert not hostile.hits(f"{marker}_NIET_INDEXEREN")
    # the HTML's visible text, with entities decoded
    html = hostile.text("text/script-entities.html")
    assert "€ 1,2 mln" in html
    assert "<script> is hier gewone tekst" in html


@pytest.mark.slow
def test_symlink_loop_is_not_followed(hostile: Hostile) -> None:
    assert not any("lus" in file.split("/") for file in hostile.rows)
    assert len([f for f in hostile.rows if f.endswith("control-valid-dutch-3p.pdf")]) == 1


@pytest.mark.slow
def test_ligatures_are_unfolded(hostile: Hostile) -> None:
    for file in ("pdf-gen/ligature-codepoints-dutch.pdf", "pdf-real/009-pdflatex-geotopo__GeoTopo-komprimiert.pdf"):
        assert not LIGATURES.search(hostile.text(file)), file
    assert hostile.text("pdf-gen/ligature-codepoints-dutch.pdf").count("officiële") >= 2


@pytest.mark.slow
def test_text_files_are_decoded(hostile: Hostile) -> None:
    assert "\x00" not in "".join(t for texts in hostile.texts.values() for t in texts)
    assert "zorgvuldigheid" in hostile.text("text/utf16le-bom.txt")
    cp1252 = hostile.text("text/cp1252-dutch.txt")
    assert "€" in cp1252 and "\ufffd" not in cp1252
    assert hostile.row("text/cp1252-dutch.txt")["warnings"]  # the fallback is reported
    assert hostile.row("text/nul-bytes.txt")["warnings"]
    assert "Einde na 64 NUL-bytes" in hostile.text("text/nul-bytes.txt")


@pytest.mark.slow
def test_long_line_is_split_into_bounded_passages(hostile: Hostile) -> None:
    texts = hostile.texts[hostile.row("text/long-line-5mib.md")["id"]]
    assert len(texts) > 100
    assert max(len(text.split()) for text in texts) <= 400
    assert hostile.hits("zorgvuldigheid", "text/long-line-5mib.md")


@pytest.mark.slow
def test_csv_register_keeps_bom_free_header_and_quoted_newline(hostile: Hostile) -> None:
    text = hostile.text("text/register-semicolon-bom.csv")
    assert "\ufeff" not in text
    assert "Nummer" in text
    assert re.search(r"Regel 1\s+Regel 2 met ; puntkomma", text)  # one record
    warnings = " ".join(hostile.row("text/register-semicolon-bom.csv")["warnings"])
    assert re.search(r"line \d+", warnings)  # ragged rows are reported with line numbers


@pytest.mark.slow
def test_csv_unterminated_quote_is_reported(hostile: Hostile) -> None:
    warnings = hostile.row("text/register-semicolon-bom.csv")["warnings"]
    assert any(re.search(r"quote|aanhalingsteken", w, re.IGNORECASE) for w in warnings), warnings


HOSTILE_QUERIES = [
    "AND", "OR", "NOT", "OR NOT", "title:x", "text_nl:zorg", '"26 485-187', "26 485-187",
    "MVO-risico's", "(", ")", "*", "?", "zorg*", "~", "[bold]", "[red]x[/red]", "{}", "\\",
    "'", '"', "a:b:c", "NOT zorgvuldigheid", "zorgvuldigheid^5", "-", "--json", "<script>",
    "\u200b", "é" * 300, "woord " * 200, "%s%n", "\x00", "🙂",
]


@pytest.mark.slow
@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=range(len(HOSTILE_QUERIES)))
def test_hostile_query_never_raises(hostile: Hostile, query: str) -> None:
    result = hostile.library.search(query)
    assert isinstance(result.hits, list)
    json.dumps(result.to_dict())


@pytest.mark.slow
def test_syntax_words_are_searched_as_text(hostile: Hostile) -> None:
    plain = [h.passage.id for h in hostile.library.search("zorgvuldigheid").hits]
    assert plain
    assert [h.passage.id for h in hostile.library.search("title:zorgvuldigheid").hits]
    assert hostile.library.search("NOT zorgvuldigheid").hits  # NOT is a word, not an operator


# --- passwords ----------------------------------------------------------------------------


def corpus_rows(settings: Settings) -> list[dict]:
    return [row for row in Library(settings).document_list() if row["file"]]


@pytest.mark.parametrize(
    ("name", "password", "pages"),
    [
        ("pdf-gen/encrypted-aes256-password-geheim.pdf", "geheim", 3),
        ("pdf-real/005-libreoffice-writer-password__libreoffice-writer-password.pdf", "openpassword", 1),
    ],
)
def test_password_opens_encrypted_pdf(tmp_path: Path, name: str, password: str, pages: int) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(HOSTILE / name, corpus)
    file = Path(name).name

    refresh(make_settings(corpus, tmp_path / "ix-none"))
    [row] = corpus_rows(make_settings(corpus, tmp_path / "ix-none"))
    assert row["status"] == "failed" and "encrypted" in row["error"]

    wrong = make_settings(corpus, tmp_path / "ix-wrong", password="fout")
    refresh(wrong)
    [row] = corpus_rows(wrong)
    assert row["status"] == "failed" and "encrypted" in row["error"]

    settings = make_settings(corpus, tmp_path / "ix", password=password)
    refresh(settings)
    [row] = corpus_rows(settings)
    assert row["file"] == file
    assert row["status"] == "indexed", row
    assert row["pages"] == pages
    if "geheim" in name:
        assert Library(settings).search("zorgvuldigheid").hits


def test_password_given_later_reads_the_encrypted_pdf(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(HOSTILE / "pdf-gen" / "encrypted-aes256-password-geheim.pdf", corpus)
    refresh(make_settings(corpus, tmp_path / "ix"))
    settings = make_settings(corpus, tmp_path / "ix", password="geheim")
    refresh(settings)
    [row] = corpus_rows(settings)
    assert row["status"] == "indexed", row


# --- the command line ---------------------------------------------------------------------


def run_cli(*args: str) -> tuple[int, str, str]:
    from imvo_assist.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            pytest.raises(SystemExit) as caught:
        main(list(args))
    code = caught.value.code
    return (code if isinstance(code, int) else 2), out.getvalue(), err.getvalue()


@pytest.mark.slow
def test_cli_index_names_every_failed_file(hostile: Hostile) -> None:
    settings = hostile.settings
    code, out, err = run_cli("--corpus", str(settings.corpus), "--index", str(settings.index), "index", "--json")
    assert code == 0, err
    assert "Traceback" not in err
    reported = {entry["file"]: entry for entry in json.loads(out)}
    assert set(reported) == set(EXPECTED)
    not_indexed = [row for row in hostile.rows.values() if row["status"] != INDEXED]
    assert len(not_indexed) == sum(e.status != INDEXED for e in EXPECTED.values())
    lines = err.splitlines()
    for row in not_indexed:
        assert f"{row['status']}: {row['error']}" in lines, row["file"]
    assert re.search(rf"\b\d+ documents indexed\b.*\b{len(not_indexed)} not indexed\b", err)


def test_cli_index_fresh_run_exits_zero(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(HOSTILE / "pdf-gen", corpus)
    for slow in ("many-pages-5000.pdf",):
        os.remove(corpus / slow)
    code, out, err = run_cli("--corpus", str(corpus), "--index", str(tmp_path / "ix"), "index")
    assert code == 0, err
    assert out == ""  # the report goes to stderr; stdout carries results only
    for name in ("empty-zero-bytes.pdf", "plain-text-renamed.pdf", "truncated-half.pdf",
                 "flate-bomb-400mib.pdf", "encrypted-aes256-password-geheim.pdf",
                 "type3-font-no-tounicode.pdf", "image-only-dutch-scan.pdf"):
        [line] = [line for line in err.splitlines() if name in line]
        assert re.match(r"(failed|skipped): \S", line), line
