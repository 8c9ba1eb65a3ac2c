"""`add` matches on evidence (issue 13, item 3): identity only on evidence a person would accept,
what a file says about itself counts against it, the evidence and score are shown, `--as` forces,
`--no-match` refuses, an unsure match is asked about, and a hand-written documents.toml is
never written. Synthetic stand-ins still fill their role under their own title."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tomllib
from pathlib import Path

import click
import pytest
from cli_support import run_cli
from extract.pdf_support import Page, write_pdf
from pypdf import PdfWriter

from imvo_assist.catalogue.loader import load_documents
from imvo_assist.collection.evidence import assess, best_match
from imvo_assist.collection.filefacts import file_facts
from imvo_assist.library import add_files, registered_documents, scan_corpus
from imvo_assist.paths import BUNDLED_CORPUS
from imvo_assist.settings import Settings, make_settings

KPMG = "kpmg-sra-2014-nl"
SYNTHETIC = ("sra-testrapport.pdf", "bronnenboek-test.pdf", "ser-advies-test.pdf",
             "convenant-test-textiel.pdf", "agreement-test-garments-en.txt", "notitie-test.md",
             "oud-bericht-cp1252.txt", "bronnenboek-test.csv")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "corpus", tmp_path / "ix")


def report_pdf(path: Path, *, pages: int = 100, head: str = "", title: str = "MVO Sector Risico Analyse",
               meta: dict[str, str] | None = None, body: str = "Managementsamenvatting") -> Path:
    """A PDF with the real KPMG report's title, publisher and page count (or what is given)."""
    cover = Page().text(72, 760, title).text(72, 740, "Aandachtspunten voor dialoog")
    cover.text(72, 720, "September 2014")
    colophon = Page().text(72, 760, "KPMG Advisory N.V.").text(
        72, 740, "In opdracht van de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking")
    rest = [Page().text(72, 760, body).text(72, 400, f"pagina {n}") for n in range(3, pages + 1)]
    all_pages = [cover, colophon, *rest]
    if head:
        for page in all_pages:
            page.text(72, 810, head)
    write_pdf(path, all_pages)
    if meta:
        writer = PdfWriter(clone_from=path)
        writer.add_metadata(meta)
        writer.write(path)
    return path


# --- the Must-shows ----------------------------------------------------------------------------


def test_a_pdf_with_the_real_title_publisher_and_page_count_is_matched_with_its_evidence(
    tmp_path: Path, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = report_pdf(tmp_path / "rapport.pdf")
    run = run_cli(capsys, settings, "add", str(pdf))
    assert run.code == 0, run.err
    first, *evidence = run.out.splitlines()
    assert first.startswith(f"added      {pdf} -> rapport.pdf as {KPMG} (register match, evidence score ")
    shown = "\n".join(evidence)
    assert "+35 title: title 'MVO Sector Risico Analyse — Aandachtspunten voor dialoog' on page 1" in shown
    assert "+25 publisher: publisher 'KPMG Advisory N.V.' on page 2" in shown
    assert "+15 pages: 100 pages, as the register records" in shown
    [item] = scan_corpus(settings)[0]
    assert item.info.id == KPMG and item.info.url.startswith("https://www.rijksoverheid.nl/")
    [result] = add_files(settings, [pdf])  # present: the manifest already says which it is
    assert (result.status, result.id, result.how) == ("present", KPMG, "known")


def test_json_shows_the_match_its_evidence_and_score(
    tmp_path: Path, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_cli(capsys, settings, "add", "--json", str(report_pdf(tmp_path / "r.pdf")))
    [result] = json.loads(run.out)
    assert (result["id"], result["matched"], result["how"], result["candidate"]) == (KPMG, True, "evidence", KPMG)
    assert result["score"] >= 85 and {e["item"] for e in result["evidence"]} >= {"title", "publisher", "pages"}
    assert all(set(e) == {"item", "points", "detail", "veto"} for e in result["evidence"])


@pytest.mark.shared
def test_no_synthetic_file_is_matched_and_each_fills_its_role(
    shared_corpus: Path, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    results = add_files(settings, [shared_corpus / name for name in SYNTHETIC])
    assert [r.status for r in results] == ["added"] * len(SYNTHETIC)
    registered = {d.id for d in load_documents()}
    assert not any(r.matched for r in results) and not {r.id for r in results} & registered
    by_file = {r.file: r for r in results}
    report = by_file["sra-testrapport.pdf"]
    assert (report.candidate, report.kind, report.how) == (KPMG, "report", "none")
    assert report.title == "MVO Sector Risico Analyse (testversie)"
    vetoes = [e["detail"] for e in report.evidence if e["veto"]]
    assert any("testversie" in v for v in vetoes) and any("geen officiële tekst" in v for v in vetoes)
    kinds = {r.file: r.kind for r in results}
    assert kinds["ser-advies-test.pdf"] == "advice" and kinds["convenant-test-textiel.pdf"] == "covenant"
    assert kinds["bronnenboek-test.pdf"] == "register"
    # The stand-in answers sector-risk questions under its own title, never as the KPMG report.
    run = run_cli(capsys, settings, "ask", "--json", "Welke risico's gelden voor elektronica?")
    answer = json.loads(run.out)
    cited = {c["doc_id"]: c for c in answer["citations"]}
    assert report.id in cited and KPMG not in cited
    assert cited[report.id]["cite"].startswith("MVO Sector Risico Analyse (testversie), p. ")
    assert "rijksoverheid.nl" not in cited[report.id]["cite"]


@pytest.mark.shared
def test_a_synthetic_file_under_a_registered_file_name_does_not_take_its_identity(
    shared_corpus: Path, settings: Settings, tmp_path: Path
) -> None:
    renamed = shutil.copy(shared_corpus / "sra-testrapport.pdf", tmp_path / "kamerbrief-2014-11-19-sra.pdf")
    [result] = add_files(settings, [Path(renamed)])
    assert not result.matched and result.file == "kamerbrief-2014-11-19-sra (2).pdf"
    [item] = scan_corpus(settings)[0]
    assert item.info.id == result.id and not item.info.citation


def test_a_hand_written_documents_toml_is_unchanged_byte_for_byte(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(BUNDLED_CORPUS / "documents.toml", corpus / "documents.toml")
    os.chmod(corpus / "documents.toml", 0o600)
    (corpus / "notitie.md").write_text("# Eigen notitie\n\nTekst.\n", encoding="utf-8")
    before = (corpus / "documents.toml").read_bytes()
    settings = make_settings(corpus, tmp_path / "ix")
    note = tmp_path / "verslag.md"
    note.write_text("# Verslag sectorgesprek\n\nTekst.\n", encoding="utf-8")
    for args in (("add", str(report_pdf(tmp_path / "r.pdf"))), ("add", str(note)),
                 ("add", "--no-match", str(corpus / "notitie.md"))):
        assert run_cli(capsys, settings, *args).code == 0
    assert (corpus / "documents.toml").read_bytes() == before
    assert os.stat(corpus / "documents.toml").st_mode & 0o777 == 0o600
    ids = {item.relative: item.info.id for item in scan_corpus(settings)[0]}
    assert ids["r.pdf"] == KPMG and ids["verslag.md"] == "verslag-sectorgesprek"
    assert {e["id"] for e in tomllib.loads((corpus / "MANIFEST.toml").read_text("utf-8"))["document"]} == {
        KPMG, "verslag-sectorgesprek", "eigen-notitie"}


# --- what a file says about itself ---------------------------------------------------------------


@pytest.mark.parametrize(("head", "meta", "word"), [
    ("CONCEPT - niet verspreiden", None, "CONCEPT"),
    ("", {"/Title": "MVO Sector Risico Analyse (draft)"}, "draft"),
    ("", {"/Keywords": "conceptversie"}, "conceptversie"),
    ("Dit rapport mag niet worden geciteerd. Niet citeren.", None, "niet citeren"),
    ("This version must not be cited.", None, "must not be cited"),
    ("Proefversie", None, "Proefversie"),
])
def test_a_file_calling_itself_a_draft_or_test_is_never_the_document(
    tmp_path: Path, head: str, meta: dict[str, str] | None, word: str
) -> None:
    facts = file_facts(report_pdf(tmp_path / "r.pdf", head=head, meta=meta), None)
    found = assess(facts, next(d for d in load_documents() if d.id == KPMG))
    assert found.verdict == "none" and found.title_seen
    assert any(e.veto and word.lower() in e.detail.lower() for e in found.evidence), found.evidence


def test_another_version_author_date_or_page_count_counts_against(tmp_path: Path) -> None:
    kpmg = next(d for d in load_documents() if d.id == KPMG)
    other = file_facts(report_pdf(tmp_path / "a.pdf", title="MVO Sector Risico Analyse 2019",
                                  meta={"/Author": "Bureau Janssen", "/CreationDate": "D:20190101"}), None)
    items = {(e.item, e.points > 0): e for e in assess(other, kpmg).evidence}
    assert "Bureau Janssen" in items["author", False].detail
    assert "2019-01-01" in items["date", False].detail and "september 2014" in items["date", True].detail
    assert "2019" in items["version", False].detail
    short = assess(file_facts(report_pdf(tmp_path / "b.pdf", pages=12), None), kpmg)
    assert short.verdict == "unsure" and any(e.item == "pages" and e.points < 0 for e in short.evidence)


def test_ordinary_words_are_no_status(tmp_path: Path) -> None:
    kpmg = next(d for d in load_documents() if d.id == KPMG)
    facts = file_facts(report_pdf(tmp_path / "r.pdf", head="Testament van de keten: aandachtspunten",
                                  body="Het concept due diligence en de testfase van het beleid"), None)
    found = assess(facts, kpmg)
    assert found.verdict == "match", found.evidence


def test_web_pages_are_never_matched(tmp_path: Path) -> None:
    page = tmp_path / "risicosectoren.html"
    page.write_text("<html><head><title>Overzicht van de risicosectoren en hun MVO-risico's "
                    "(imvoconvenanten.nl)</title></head><body>imvoconvenanten.nl</body></html>",
                    encoding="utf-8")
    assert best_match(file_facts(page, None), load_documents()) is None
    with pytest.raises(Exception, match="web page"):
        add_files(make_settings(tmp_path / "c", tmp_path / "ix"), [page], as_id="overzicht-risicosectoren-nl")


# --- --as, --no-match and asking ---------------------------------------------------------------


@pytest.mark.shared
def test_as_forces_and_no_match_refuses(
    shared_corpus: Path, settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forced = run_cli(capsys, settings, "add", "--as", KPMG, str(shared_corpus / "sra-testrapport.pdf"))
    assert forced.code == 0 and f"as {KPMG} (forced with --as, evidence score 0)" in forced.out
    assert "-60 status: the file calls itself 'testversie'" in forced.out
    refused = run_cli(capsys, settings, "add", "--no-match", str(report_pdf(tmp_path / "r.pdf")))
    assert refused.code == 0 and f"; not {KPMG}: refused with --no-match, evidence score" in refused.out
    ids = {item.relative: item.info.id for item in scan_corpus(settings)[0]}
    assert ids["sra-testrapport.pdf"] == KPMG and ids["r.pdf"] != KPMG
    both = run_cli(capsys, settings, "add", "--as", KPMG, "--no-match", str(tmp_path / "r.pdf"))
    assert both.code == 2 and "contradict" in both.err
    unknown = run_cli(capsys, settings, "add", "--as", "geen-id", str(tmp_path / "r.pdf"))
    assert unknown.code == 2 and "Unknown document id 'geen-id'" in unknown.err


def test_an_unsure_match_is_asked_about_in_a_terminal(
    tmp_path: Path, settings: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    typo = tmp_path / "kleding.md"
    typo.write_text("# Convenant Duurzame Kleding en Textiel\n\nTekst.\n", encoding="utf-8")
    asked: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    def confirm(text: str, **options: object) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(click, "confirm", confirm)
    run = run_cli(capsys, settings, "add", str(typo))
    assert run.code == 0, run.err
    assert asked == ["Is kleding.md Convenant Duurzame Kleding en Textiel (convenant-kleding-textiel)?"]
    assert "as convenant-kleding-textiel (forced with --as" in run.out
    assert [e["id"] for e in tomllib.loads((settings.corpus / "MANIFEST.toml").read_text("utf-8"))[
        "document"]] == ["convenant-kleding-textiel"]  # the entry made for the file is gone


def test_an_unsure_match_without_a_terminal_is_a_document_of_its_own(
    tmp_path: Path, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "kleding.md"
    typo.write_text("# Convenant Duurzame Kleding en Textiel\n\nTekst.\n", encoding="utf-8")
    run = run_cli(capsys, settings, "add", str(typo))
    assert "as convenant-duurzame-kleding-en-textiel (new document, covenant; not " \
           "convenant-kleding-textiel: unsure, evidence score 30)" in run.out
    assert f"run: imvo-assist add --as convenant-kleding-textiel {typo}" in run.out
    assert {i.info.id for i in scan_corpus(settings)[0]} == {"convenant-duurzame-kleding-en-textiel"}
    assert "convenant-duurzame-kleding-en-textiel" not in {d.id for d in registered_documents()}
