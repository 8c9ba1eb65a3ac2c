"""Tests of text, Markdown and HTML extraction on the shared corpus files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from shared_paths import (  # ../shared paths: the tests reading them are marked `shared`
    CORPUS,
    HOSTILE,
)

from imvo_assist.errors import ExtractionError
from imvo_assist.extract.text import MAX_LINE, read_text_file
from imvo_assist.models import RawPage


def text_of(pages: list[RawPage]) -> str:
    return "\n".join(line for page in pages for line in page.lines)


def headings_of(page: RawPage) -> list[str]:
    return [page.lines[i] for i in sorted(page.headings)]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.shared
def test_windows_1252_letter_decodes_accents_euro_and_curly_quotes() -> None:
    pages, warnings = read_text_file(CORPUS / "oud-bericht-cp1252.txt")
    text = text_of(pages)
    for expected in ("café-eigenaren", "naïeve", "ideeën", "€ 2 per shirt", "“We betalen", "‘Het"):
        assert expected in text
    assert "\ufffd" not in text
    assert any("Windows-1252" in warning for warning in warnings)


@pytest.mark.shared
def test_utf8_file_has_no_warnings() -> None:
    pages, warnings = read_text_file(CORPUS / "agreement-test-garments-en.txt")
    assert warnings == []
    assert "Agreement on Sustainable Garments and Textile (test version)" in pages[0].lines


@pytest.mark.shared
def test_utf16_le_with_bom_decodes() -> None:
    pages, warnings = read_text_file(HOSTILE / "text" / "utf16le-bom.txt")
    text = text_of(pages)
    assert "zorgvuldigheid" in text
    assert "De coördinatie tussen ministeries is verbeterd" in text
    assert "\x00" not in text
    assert any("UTF-16" in warning for warning in warnings)


@pytest.mark.shared
def test_nul_bytes_are_removed_with_a_warning() -> None:
    pages, warnings = read_text_file(HOSTILE / "text" / "nul-bytes.txt")
    text = text_of(pages)
    assert "\x00" not in text
    assert "Einde na 64 NUL-bytes." in pages[0].lines
    assert "removed 68 NUL bytes" in warnings


@pytest.mark.shared
def test_html_keeps_visible_text_only_and_decodes_entities() -> None:
    pages, _ = read_text_file(HOSTILE / "text" / "script-entities.html")
    text = text_of(pages)
    assert "NIET_INDEXEREN" not in text
    assert "NOSCRIPT_TEKST" not in text
    assert "font-family" not in text
    assert "Coördinatie" in text
    assert "€ 1,2 mln" in text
    assert "<script> is hier gewone tekst" in text
    assert "reïntegratie, één" in text
    assert "Niet afgesloten alinea vet schuin einde" in pages[0].lines
    assert "Slot: gepaste zorgvuldigheid." in pages[0].lines
    assert headings_of(pages[0]) == ["Coördinatie van IMVO\u2011beleid"]


@pytest.mark.shared
def test_five_mib_single_line_markdown_is_wrapped_into_bounded_lines() -> None:
    path = HOSTILE / "text" / "long-line-5mib.md"
    pages, _ = read_text_file(path)
    (page,) = pages
    assert headings_of(page) == ["Eén regel van 5 MiB"]
    assert len(page.lines) > 1000
    assert all(len(line) <= MAX_LINE for line in page.lines)
    body = " ".join(page.lines[2:])
    assert "**" not in body and "](" not in body and "_cursief_" not in body
    last_word = path.read_text(encoding="utf-8").split()[-1].strip("*_")
    assert body.endswith(last_word)


@pytest.mark.shared
def test_markdown_headings_and_paragraph_separators() -> None:
    pages, warnings = read_text_file(CORPUS / "notitie-test.md")
    (page,) = pages
    assert warnings == []
    assert headings_of(page) == [
        "Notitie: eerste sectorgesprekken (TESTDOCUMENT)",
        "Aanleiding",
        "Eerste sectoren",
        "Vervolg",
    ]
    assert "TESTDOCUMENT (synthetisch) — geen officiële tekst" in page.lines  # "> " removed
    assert page.lines[1] == ""
    assert page.lines[-1] == "Het team rapporteert na drie maanden over de voortgang."
    assert not any(line.startswith(("#", "- ")) for line in page.lines)


def test_markdown_inline_markup_is_stripped(tmp_path: Path) -> None:
    source = (
        "## Titel ##\n\nZie [de brief](https://example.org/brief) en **vet**, _cursief_, "
        "`code` ![logo](logo.png)en snake_case en 2 * 3.\n"
    )
    pages, _ = read_text_file(write(tmp_path, "opmaak.md", source.encode()))
    assert pages[0].lines == (
        "Titel",
        "",
        "Zie de brief en vet, cursief, code en snake_case en 2 * 3.",
    )
    assert pages[0].headings == frozenset({0})


@pytest.mark.shared
def test_letter_text_pages_follow_leading_space_convention() -> None:
    pages, warnings = read_text_file(CORPUS / "kamerbrief-2014-11-19-sra.txt")
    assert warnings == []
    assert [(p.pdf_page, p.label) for p in pages] == [(n, str(n)) for n in range(1, 6)]
    by_label = {page.label: page.lines for page in pages}
    assert by_label["1"][0].startswith("Bij de brief van 24 juni jl.")
    assert (
        "Er werden door KPMG 13 sectoren met verhoogde risico’s geïdentificeerd." in by_label["2"]
    )
    assert by_label["3"][0] == "resultaten gebaseerd op de OESO-richtlijnen voor Multinationale"
    assert "IMVO convenanten te sluiten, zo lang er gewerkt wordt op basis van" in by_label["3"]
    assert by_label["5"][-1] == "H.G.J. Kamp"
    assert not any(line.startswith(" ") for page in pages for line in page.lines)


@pytest.mark.shared
def test_letter_text_pages_match_the_pdf_pages() -> None:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(CORPUS / "kamerbrief-2014-11-19-sra.pdf")
    pages, _ = read_text_file(CORPUS / "kamerbrief-2014-11-19-sra.txt")
    assert len(pages) == len(reader.pages) == 5
    for page, pdf_page in zip(pages, reader.pages, strict=True):
        pdf_lines = [" ".join(line.split()) for line in pdf_page.extract_text().splitlines()]
        footer = pdf_lines.pop()
        assert footer.endswith(f" {page.label}")  # "Tweede Kamer, vergaderjaar ..., 26 485 N"
        ours = [" ".join(line.split()) for line in page.lines if line]
        assert ours == [line for line in pdf_lines if line in ours]  # same lines, same order
        assert len(ours) >= len(pdf_lines) - 1  # the PDF adds only the title on page 1


def test_form_feeds_split_pages_and_kamerstuk_footer_gives_label(tmp_path: Path) -> None:
    source = (
        "Eerste pagina.\n\fTweede pagina.\n"
        "Tweede Kamer, vergaderjaar 2014–2015, 26 485, nr. 188 7\n\fDerde pagina.\n\f\n"
    )
    pages, _ = read_text_file(write(tmp_path, "brief.txt", source.encode()))
    assert [(p.pdf_page, p.label, p.lines) for p in pages] == [
        (1, "1", ("Eerste pagina.",)),
        (2, "7", ("Tweede pagina.",)),
        (3, "3", ("Derde pagina.",)),
    ]


@pytest.mark.parametrize(
    "name,source",
    [
        ("ingesprongen.txt", "".join(f" Alinea {n}.\nvervolg\n" for n in range(30))),
        ("notitie.md", "".join(f" Regel {n}\n" + "tekst\n" * 12 for n in range(3))),
        ("code.txt", " Kop\n" + "tekst\n" * 12 + " Kop twee\n" + "  code\n" + "tekst\n" * 12),
    ],
)
def test_leading_space_pages_only_when_consistent(tmp_path: Path, name: str, source: str) -> None:
    pages, _ = read_text_file(write(tmp_path, name, source.encode()))
    assert len(pages) == 1


def test_ansi_escapes_and_control_characters_are_stripped(tmp_path: Path) -> None:
    source = b"Rood: \x1b[31mgevaar\x1b[0m\x07 einde\x1b]0;titel\x07\n\tmet tab\x08\n"
    pages, warnings = read_text_file(write(tmp_path, "log.txt", source))
    assert pages[0].lines == ("Rood: gevaar einde", "met tab")
    assert any("control characters" in warning for warning in warnings)


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t \n", b"\xef\xbb\xbf\n"])
def test_empty_file_raises_with_file_name(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ExtractionError, match=r"leeg bestand\.txt: empty file"):
        read_text_file(write(tmp_path, "leeg bestand.txt", data))


def test_html_word_conditionals_and_unknown_marked_sections_do_not_crash(tmp_path: Path) -> None:
    source = "<p><![if !supportLists]>1.<![endif]>Eerste punt</p><![x <p>Tweede &amp; laatste</p>"
    pages, _ = read_text_file(write(tmp_path, "word.htm", source.encode()))
    assert pages[0].lines == ("1.Eerste punt", "", "Tweede & laatste")


def test_utf8_bom_is_removed_before_markdown_headings(tmp_path: Path) -> None:
    pages, warnings = read_text_file(write(tmp_path, "bom.md", "\ufeff# Kop\nTekst\n".encode()))
    assert (pages[0].lines, pages[0].headings, warnings) == (("Kop", "Tekst"), frozenset({0}), [])


def test_html_without_visible_text_raises(tmp_path: Path) -> None:
    path = write(tmp_path, "leeg.html", b"<html><script>alert(1)</script><!-- x --></html>")
    with pytest.raises(ExtractionError, match=r"leeg\.html: no visible text"):
        read_text_file(path)


@pytest.mark.shared
@pytest.mark.parametrize(
    "source",
    [
        CORPUS / "kamerbrief-2014-11-19-sra.pdf",
        HOSTILE / "pdf-gen" / "flate-bomb-400mib.pdf",
    ],
)
def test_pdf_renamed_to_txt_is_not_a_text_file(tmp_path: Path, source: Path) -> None:
    path = tmp_path / "verkeerd.txt"
    shutil.copyfile(source, path)
    with pytest.raises(ExtractionError, match=r"verkeerd\.txt: not a text file \(a PDF\)"):
        read_text_file(path)


@pytest.mark.parametrize(
    "data", [b"PK\x03\x04" + bytes(200), bytes(range(256)) * 64, b"A\x00" * 500]
)
def test_binary_data_is_not_a_text_file(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ExtractionError, match="not a text file"):
        read_text_file(write(tmp_path, "data.txt", data))


def test_missing_file_raises_extraction_error(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match=r"weg\.txt: cannot read file"):
        read_text_file(tmp_path / "weg.txt")


@pytest.mark.shared
def test_long_unicode_file_name_reads_in_deep_folder(tmp_path: Path) -> None:
    (source,) = (HOSTILE / "names").iterdir()
    assert len(source.name.encode()) == 249
    deep = tmp_path.joinpath(*["map met spaties é"] * 8)
    deep.mkdir(parents=True)
    path = Path(shutil.copy(source, deep))
    pages, warnings = read_text_file(path)
    assert warnings == []
    assert headings_of(pages[0]) == ["Lange bestandsnaam"]
    assert "Financiële gevolgen: € 1,2 miljoen per jaar." in text_of(pages)
