"""Adding files: copying safely into the corpus, recognising register documents, and the
corpus manifest (`MANIFEST.toml`) writer both `add` and `fetch` use."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfWriter
from shared_paths import (
    LETTER_PDF as LETTER,  # in ../shared: the tests copying it are marked `shared`
)

from imvo_assist.collection.manifest import dumps, record_document
from imvo_assist.collection.scan import load_catalog
from imvo_assist.errors import CorpusError
from imvo_assist.library import add_files, registered_documents, scan_corpus
from imvo_assist.paths import BUNDLED_CORPUS
from imvo_assist.settings import Settings, make_settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "corpus", tmp_path / "index")


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def make_pdf(path: Path, title: str) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_metadata({"/Title": title})
    with path.open("wb") as out:
        writer.write(out)
    return path


@pytest.mark.shared
def test_letter_under_another_name_is_matched_to_the_register(settings: Settings, inbox: Path) -> None:
    source = shutil.copy(LETTER, inbox / "brief van de minister.pdf")
    [result] = add_files(settings, [Path(source)])
    assert (result.status, result.file, result.id) == ("added", "brief van de minister.pdf",
                                                       "kamerbrief-2014-11-19-sra")
    assert result.matched and result.how == "evidence" and result.score >= 70
    assert {e["item"] for e in result.evidence} >= {"title", "publisher"}
    assert (settings.corpus / result.file).read_bytes() == LETTER.read_bytes()
    [item] = scan_corpus(settings)[0]
    assert item.info.id == "kamerbrief-2014-11-19-sra"
    assert item.info.citation == "Kamerstukken II 2014/15, 26 485, nr. 197"  # from the register
    manifest = tomllib.loads((settings.corpus / "MANIFEST.toml").read_text(encoding="utf-8"))
    assert manifest == {"document": [{"id": "kamerbrief-2014-11-19-sra", "files": [result.file],
                                      "match": f"evidence, score {result.score:.0f}"}]}
    assert not (settings.corpus / "documents.toml").exists()


@pytest.mark.shared
def test_added_register_document_is_indexed_under_its_id(settings: Settings, inbox: Path) -> None:
    from imvo_assist.library import refresh

    add_files(settings, [Path(shutil.copy(LETTER, inbox / "letter.pdf"))])
    [report] = refresh(settings).files
    assert (report.doc_id, report.status) == ("kamerbrief-2014-11-19-sra", "indexed")
    assert report.title.startswith("Aanbieding van het eindrapport MVO Sector Risico Analyse")


def test_unrelated_pdf_gets_a_new_entry(settings: Settings, inbox: Path) -> None:
    source = make_pdf(inbox / "dolfijn-rapport.pdf", "Jaarverslag Zwemvereniging De Dolfijn 2023")
    [result] = add_files(settings, [source])
    assert result.status == "added" and not result.matched and result.how == "none"
    assert result.id == "jaarverslag-zwemvereniging-de-dolfijn-2023"
    info = load_catalog(settings.corpus, registered_documents())["dolfijn-rapport.pdf"]
    assert (info.id, info.title, info.kind) == (result.id, "Jaarverslag Zwemvereniging De Dolfijn 2023", "report")


def test_a_title_alone_is_unsure_and_shared_words_are_no_title(settings: Settings, inbox: Path) -> None:
    typo = inbox / "kleding.md"
    typo.write_text("# Convenant Duurzame Kleding en Textil\n\nTekst.\n", encoding="utf-8")
    near = inbox / "brief.txt"  # three of the four words of "Maatschappelijk verantwoord ondernemen loont"
    near.write_text("Hierbij informeer ik uw Kamer over maatschappelijk verantwoord ondernemen.\n",
                    encoding="utf-8")
    page = inbox / "pagina.html"
    page.write_text("<html><head><title>Caf&eacute; &amp; co</title></head><body>x</body></html>",
                    encoding="utf-8")
    typo_result, near_result, page_result = add_files(settings, [typo, near, page])
    # The title (with a typo) is seen, but no publisher, page count or phrase: not the covenant.
    assert (typo_result.matched, typo_result.how) == (False, "unsure")
    assert (typo_result.candidate, typo_result.kind) == ("convenant-kleding-textiel", "covenant")
    assert typo_result.id == "convenant-duurzame-kleding-en-textil"
    assert (near_result.id, near_result.matched, near_result.candidate) == ("brief", False, "")
    assert (page_result.id, page_result.title) == ("cafe-co", "Café & co")


def test_new_ids_never_take_a_taken_id(settings: Settings, inbox: Path) -> None:
    first = make_pdf(inbox / "x.pdf", "Convenant Goud")  # "convenant-goud" is a register id
    second = make_pdf(inbox / "y.pdf", "Convenant Goud")
    second.write_bytes(second.read_bytes() + b"\n")  # same title, other content
    results = add_files(settings, [first, second], threshold=101)  # 101: nothing matches
    assert [(r.id, r.matched) for r in results] == [("convenant-goud-2", False), ("convenant-goud-3", False)]


def test_duplicates_and_name_clashes(settings: Settings, inbox: Path, tmp_path: Path) -> None:
    first = make_pdf(inbox / "notitie.pdf", "Notitie een")
    other_dir = tmp_path / "elders"
    other_dir.mkdir()
    second = make_pdf(other_dir / "notitie.pdf", "Notitie twee")
    renamed = Path(shutil.copy(first, other_dir / "kopie.pdf"))
    results = add_files(settings, [first, first, second, renamed])
    assert [(r.status, r.file) for r in results] == [
        ("added", "notitie.pdf"), ("present", "notitie.pdf"),
        ("added", "notitie (2).pdf"), ("present", "notitie.pdf")]
    assert (settings.corpus / "notitie.pdf").read_bytes() == first.read_bytes()
    assert (settings.corpus / "notitie (2).pdf").read_bytes() == second.read_bytes()
    assert results[2].id != results[0].id
    assert sorted(p.name for p in settings.corpus.iterdir()) == [
        "MANIFEST.toml", "notitie (2).pdf", "notitie.pdf"]


def test_refused_paths_do_not_stop_the_others(settings: Settings, inbox: Path) -> None:
    good = inbox / "notitie.md"
    good.write_text("# Verslag sectorgesprek\n\nTekst.\n", encoding="utf-8")
    (inbox / "brief.docx").write_bytes(b"PK")
    os.mkfifo(inbox / "pipe.txt")
    (inbox / "link-to-pipe.txt").symlink_to(inbox / "pipe.txt")
    (inbox / "dangling.pdf").symlink_to(inbox / "gone.pdf")
    paths = [inbox, inbox / "missing.pdf", inbox / "brief.docx", inbox / "pipe.txt",
             inbox / "link-to-pipe.txt", inbox / "dangling.pdf", good]
    results = add_files(settings, paths)
    errors = [r.error for r in results[:-1]]
    assert all(r.status == "failed" for r in results[:-1])
    assert "is a folder" in errors[0] and "no such file" in errors[1]
    assert "unsupported file type .docx" in errors[2]
    assert "not a regular file" in errors[3] and "not a regular file" in errors[4]
    assert "cannot read" in errors[5]
    assert (results[-1].status, results[-1].title) == ("added", "Verslag sectorgesprek")
    assert sorted(p.name for p in settings.corpus.iterdir()) == ["MANIFEST.toml", "notitie.md"]


def test_symlinked_source_is_copied_as_a_file(settings: Settings, inbox: Path) -> None:
    target = make_pdf(inbox / "echt.pdf", "Een document")
    (inbox / "link.pdf").symlink_to(target)
    [result] = add_files(settings, [inbox / "link.pdf"])
    copied = settings.corpus / result.file
    assert result.file == "link.pdf" and not copied.is_symlink()
    assert copied.read_bytes() == target.read_bytes()


def test_names_are_made_safe(settings: Settings, inbox: Path) -> None:
    weird = inbox / ".verborgen\nregel.TXT"
    weird.write_text("tekst", encoding="utf-8")
    readme = inbox / "README.md"
    readme.write_text("# Leesmij\n", encoding="utf-8")
    results = add_files(settings, [weird, readme])
    assert [r.file for r in results] == ["verborgen_regel.txt", "document-README.md"]
    assert len(scan_corpus(settings)[0]) == 2  # neither hidden nor ignored by the indexer


@pytest.mark.shared
def test_file_already_in_the_corpus_is_not_copied(settings: Settings) -> None:
    settings.corpus.mkdir()
    inside = shutil.copy(LETTER, settings.corpus / "eigen.pdf")
    [result] = add_files(settings, [Path(inside)])
    assert (result.status, result.file, result.id) == ("present", "eigen.pdf", "kamerbrief-2014-11-19-sra")
    assert sorted(p.name for p in settings.corpus.iterdir()) == ["MANIFEST.toml", "eigen.pdf"]


def test_a_register_documents_toml_is_never_the_manifest_written() -> None:
    from imvo_assist.collection.manifest import manifest_path
    from imvo_assist.collection.scan import METADATA_FILES

    assert manifest_path(BUNDLED_CORPUS) == BUNDLED_CORPUS / "MANIFEST.toml"
    assert manifest_path(Path("/elders/corpus")).name == "MANIFEST.toml"
    assert "MANIFEST.toml" in METADATA_FILES  # the corpus scan reads what add and fetch write


# --- corpus_manifest -------------------------------------------------------------------------

def test_record_keeps_every_entry_and_value(tmp_path: Path) -> None:
    data: dict[str, Any] = {
        "schema": "mine/1",
        "document": [
            {"id": "a", "file": "a.pdf", "title": 'Quote " and \\ and\nnewline\ttab \x01 «é»',
             "pages": 12, "score": 0.5, "synthetic": False, "date": dt.date(2014, 11, 19),
             "tags": ["x", "y"], "chapters": [{"title": "Eén", "page": "3"}], "odd key": "v"},
            {"id": "b", "files": ["b.pdf", "shared.pdf"]},
        ],
    }
    (tmp_path / "MANIFEST.toml").write_text(dumps(data), encoding="utf-8")
    assert tomllib.loads((tmp_path / "MANIFEST.toml").read_text(encoding="utf-8")) == data
    assert record_document(tmp_path, "a", "shared.pdf", title="ignored", kind="letter", url=None)
    after = tomllib.loads((tmp_path / "MANIFEST.toml").read_text(encoding="utf-8"))
    a, b = after["document"]
    assert a["files"] == ["a.pdf", "shared.pdf"] and "file" not in a  # `files` wins over `file`
    assert a["title"] == data["document"][0]["title"] and a["kind"] == "letter" and "url" not in a
    assert a["chapters"] == [{"title": "Eén", "page": "3"}] and a["date"] == dt.date(2014, 11, 19)
    assert b["files"] == ["b.pdf"]  # a file is one document only
    assert after["schema"] == "mine/1"
    assert not record_document(tmp_path, "a", "shared.pdf")  # nothing new: not written


def test_new_entry_is_appended_keeping_comments_layout_and_mode(tmp_path: Path) -> None:
    original = ('# Mijn documenten\n[[document]]\nid = "a"  # eerste\nfiles = [\n  "a.pdf",  # scan\n]\n'
                'tags = ["x", "y"]\n')
    (tmp_path / "MANIFEST.toml").write_text(original, encoding="utf-8")
    os.chmod(tmp_path / "MANIFEST.toml", 0o640)
    record_document(tmp_path, "b", "b.pdf", title="B", pages=3)
    text = (tmp_path / "MANIFEST.toml").read_text(encoding="utf-8")
    assert text.startswith(original)
    assert tomllib.loads(text)["document"][1] == {"id": "b", "files": ["b.pdf"], "title": "B", "pages": 3}
    assert os.stat(tmp_path / "MANIFEST.toml").st_mode & 0o777 == 0o640
    record_document(tmp_path, "a", "c.pdf")  # an edited entry keeps its comments too
    text = (tmp_path / "MANIFEST.toml").read_text(encoding="utf-8")
    assert '# Mijn documenten\n' in text and 'id = "a"  # eerste' in text and "# scan" in text
    assert tomllib.loads(text)["document"][0]["files"] == ["a.pdf", "c.pdf"]
    assert [p.name for p in tmp_path.iterdir()] == ["MANIFEST.toml"]  # no temp file left


def test_an_entry_add_made_goes_when_its_file_moves(tmp_path: Path) -> None:
    record_document(tmp_path, "eigen", "x.pdf", title="Eigen", added=dt.date(2025, 1, 2))
    record_document(tmp_path, "hand", "y.pdf", title="Met de hand")
    record_document(tmp_path, "kpmg", "x.pdf", update={"match": "forced (--as)"})
    record_document(tmp_path, "kpmg", "y.pdf")
    entries = tomllib.loads((tmp_path / "MANIFEST.toml").read_text(encoding="utf-8"))["document"]
    assert [e["id"] for e in entries] == ["hand", "kpmg"]  # an entry written by hand stays
    assert entries[1] == {"id": "kpmg", "files": ["x.pdf", "y.pdf"], "match": "forced (--as)"}


def test_invalid_manifest_is_reported_and_left_alone(settings: Settings, inbox: Path) -> None:
    settings.corpus.mkdir()
    (settings.corpus / "MANIFEST.toml").write_text("[[document]\nid = ", encoding="utf-8")
    with pytest.raises(CorpusError, match="not valid TOML"):
        add_files(settings, [make_pdf(inbox / "x.pdf", "Iets")])
    assert (settings.corpus / "MANIFEST.toml").read_text(encoding="utf-8") == "[[document]\nid = "
    assert sorted(p.name for p in settings.corpus.iterdir()) == ["MANIFEST.toml"]
