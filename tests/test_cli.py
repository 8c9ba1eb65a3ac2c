"""The command line: JSON contracts, exit codes, one-line errors, queries that never crash."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from cli_support import Run, run_cli

from imvo_assist.settings import Settings

ASK_KEYS = {
    "question", "language", "intent", "sectors", "risks", "organisations", "answer",
    "citations", "references", "not_found", "suggestions", "elapsed_ms",
}
CITATION_KEYS = {
    "n", "doc_id", "title", "kind", "page", "pdf_page", "section", "passage", "score", "source", "url",
}


@pytest.fixture
def run(indexed: Settings, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run `imvo-assist --corpus C --index I ARGS...` in-process."""

    def invoke(*args: str, settings: Settings = indexed) -> Run:
        return run_cli(capsys, settings, *args)

    return invoke


def test_ask_json_cites_the_letter_page_naming_the_sectors(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ask", "--json", "Welke sectoren heeft KPMG geïdentificeerd?")
    assert result.code == 0
    answer = result.json()
    assert set(answer) >= ASK_KEYS
    assert answer["not_found"] is False and answer["language"] == "nl"
    first = answer["citations"][0]
    assert set(first) >= CITATION_KEYS
    assert (first["doc_id"], first["page"], first["pdf_page"]) == ("kamerbrief-2014-11-19-sra", "2", 2)
    assert "13 sectoren" in first["passage"]
    assert "[1]" in answer["answer"]


def test_search_json_returns_passages_from_several_documents(run) -> None:  # type: ignore[no-untyped-def]
    result = run("search", "kinderarbeid", "--json")
    assert result.code == 0
    hits = result.json()["hits"]
    assert len({hit["doc_id"] for hit in hits}) >= 3
    assert all(hit["page"] for hit in hits)
    report = [hit for hit in hits if hit["doc_id"] == "sra-testrapport"]
    assert report and all(int(hit["page"]) != hit["pdf_page"] for hit in report)


def test_search_filters_by_document_and_kind(run) -> None:  # type: ignore[no-untyped-def]
    hits = run("search", "kinderarbeid", "--doc", "sra-testrapport", "--json").json()["hits"]
    assert hits and {hit["doc_id"] for hit in hits} == {"sra-testrapport"}
    hits = run("search", "convenant", "--kind", "covenant", "--json").json()["hits"]
    assert hits and {hit["kind"] for hit in hits} == {"covenant"}


@pytest.mark.parametrize(
    "query", ["26 485-187", "MVO-risico's", "AND", "title:x", '"unbalanced', "(a OR", "*", "NOT", "[bold]x[/bold]"]
)
def test_operator_and_punctuation_queries_never_crash(run, query: str) -> None:  # type: ignore[no-untyped-def]
    result = run("search", query, "--json")
    assert result.code in (0, 1)
    assert "hits" in result.json()
    assert "Traceback" not in result.err


def test_kamerstuk_number_is_found_as_text(run) -> None:  # type: ignore[no-untyped-def]
    hits = run("search", "Kamerstuk 26 485, nr. 187", "--json").json()["hits"]
    assert any("nr. 187" in hit["passage"] for hit in hits[:3])


def test_unknown_topic_is_not_found_with_exit_code_1(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ask", "--json", "Wat zegt de brief over ruimtevaarttoerisme op Mars?")
    assert result.code == 1
    answer = result.json()
    assert answer["not_found"] is True and answer["citations"] == []


def test_show_prints_a_printed_page(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "sra-testrapport", "22", "--json")
    assert result.code == 0
    passages = result.json()["passages"]
    assert passages and {p["page_label"] for p in passages} == {"22"}
    assert any("Kinderarbeid" in p["text"] for p in passages)


def test_errors_are_one_line_on_stderr_with_exit_code_2(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "geen-document")
    assert result.code == 2
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1 and "geen-document" in result.err
    result = run("show", "sra-testrapport", "999")
    assert result.code == 2 and "999" in result.err


def test_missing_corpus_is_a_clear_error(run, tmp_path: Path, indexed: Settings) -> None:  # type: ignore[no-untyped-def]
    missing = Settings(corpus=tmp_path / "nope", index=tmp_path / "ix")
    result = run("search", "x", settings=missing)
    assert result.code == 2
    assert "Corpus folder not found" in result.err and "Traceback" not in result.err


def test_docs_json_lists_every_file_with_status(run) -> None:  # type: ignore[no-untyped-def]
    rows = run("docs", "--json").json()
    assert {"id", "file", "title", "status", "pages", "passages", "error"} <= set(rows[0])
    by_id = {row["id"]: row for row in rows}
    assert by_id["sra-testrapport"]["status"] == "indexed"
    assert by_id["sra-testrapport"]["pages"] == 29
    assert by_id["ser-advies-test"]["pages"] == 10


def test_markdown_answer_quotes_each_cited_passage(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ask", "--markdown", "Hoe vaak wordt de Tweede Kamer geïnformeerd over de voortgang?")
    assert result.code == 0
    assert result.out.startswith("# ") and "**[1]**" in result.out and "\n> " in result.out


def test_index_command_reports_and_exits_zero(run, corpus_copy: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(corpus=corpus_copy, index=tmp_path / "ix")
    result = run("index", settings=settings)
    assert result.code == 0
    assert "documents indexed" in result.err and result.out == ""


def test_search_without_hits_suggests_indexed_words(run) -> None:  # type: ignore[no-untyped-def]
    # two indexed words are one letter away (electronics, elektronica): not certain, suggested
    result = run("search", "electronica", "--json")
    assert result.code == 1
    found = result.json()
    assert found["suggestions"] and found["corrected_from"] is None
    text = run("search", "electronica")
    assert text.code == 1 and "Did you mean: " in text.out and "Gezocht naar" not in text.out


@pytest.mark.parametrize("typo", ["kinderabeid", "kinderarbied"])
def test_search_corrects_a_certain_typo_and_says_so(run, typo: str) -> None:  # type: ignore[no-untyped-def]
    result = run("search", typo, "--limit", "3")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == f"Gezocht naar: kinderarbeid (in plaats van {typo})"
    assert "Kinderarbeid" in result.out
    found = run("search", typo, "--json").json()
    assert found["corrected_from"] == typo and found["query"] == "kinderarbeid"
    assert found["hits"] and not found["not_found"]


def test_search_correction_is_said_in_the_language_of_the_query(run) -> None:  # type: ignore[no-untyped-def]
    result = run("search", "chlid labuor", "--limit", "2")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "Searched for: child labour (instead of chlid labuor)"


def test_search_found_as_typed_is_not_corrected(run) -> None:  # type: ignore[no-untyped-def]
    found = run("search", "kinderarbeid", "--json").json()
    assert found["corrected_from"] is None and found["query"] == "kinderarbeid"


def test_search_is_not_corrected_when_one_unknown_word_has_no_certain_correction(run) -> None:  # type: ignore[no-untyped-def]
    result = run("search", "kwispelvlinder kinderabeid", "--json")
    assert result.code == 1
    found = result.json()
    assert found["corrected_from"] is None and "kinderarbeid" in found["suggestions"]


@pytest.mark.parametrize(
    ("typed", "doc_id"),
    [
        ("kamerbrief", "kamerbrief-2014-11-19-sra"),  # a prefix; the -txt twin extends the PDF's id
        ("KAMERBRIEF-2014-11-19-SRA", "kamerbrief-2014-11-19-sra"),
        ("kamerbrief-2014-11-19-sra.txt", "kamerbrief-2014-11-19-sra-txt"),  # a file name
        ("bronnenboek-test.csv", "bronnenboek-test-csv"),
        ("sra-testraport", "sra-testrapport"),  # a close spelling
        ("ser", "ser-advies-test"),
    ],
)
def test_show_accepts_a_prefix_a_file_name_and_a_close_spelling(run, typed: str, doc_id: str) -> None:  # type: ignore[no-untyped-def]
    result = run("show", typed, "--json")
    assert result.code == 0, result.err
    assert result.json()["document"]["id"] == doc_id


def test_show_kamerbrief_page_2(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "kamerbrief", "2")
    assert result.code == 0, result.err
    assert "(kamerbrief-2014-11-19-sra)" in result.out.splitlines()[0]
    assert "— p. 2 (pdf page 2) —" in result.out


def test_show_names_only_indexed_documents(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "geen-document")
    assert result.code == 2 and result.out == ""
    [line] = result.err.splitlines()
    assert "Unknown document 'geen-document'" in line and "Indexed documents: " in line
    assert "sra-testrapport" in line
    for not_indexed in ("kpmg-sra-2014-nl", "nota-mvo-loont-2013", "convenant-banken"):
        assert not_indexed not in line


def test_show_of_a_registered_document_not_in_the_corpus_says_how_to_add_it(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "kpmg-sra-2014-nl")
    assert result.code == 2 and result.out == ""
    assert "not in the corpus" in result.err and "imvo-assist fetch kpmg-sra-2014-nl" in result.err
    near = run("show", "kpmg")
    assert near.code == 2 and "Not indexed: kpmg-sra-2014-en, kpmg-sra-2014-nl" in near.err


def test_show_of_an_ambiguous_name_lists_the_candidates(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", "o")
    assert result.code == 2
    assert "matches 3 indexed documents: oud-bericht-cp1252, overzicht-risicosectoren-en, overzicht-risicosectoren-nl" in result.err


def test_docs_summarises_the_missing_documents_in_one_line(run) -> None:  # type: ignore[no-untyped-def]
    rows = run("docs", "--json").json()
    missing = [row for row in rows if row["status"] == "missing"]
    present = [row for row in rows if row["status"] != "missing"]
    assert missing and present
    result = run("docs")
    assert result.code == 0
    assert result.out.splitlines()[-1] == (
        f"{len(missing)} registered documents are not in the corpus; "
        "`imvo-assist docs --missing` lists them."
    )
    assert not any(row["id"] in result.out for row in missing)
    assert "missing" not in result.out.replace("--missing", "")
    assert len(result.out.splitlines()) < 2 * len(present) + 8  # a table row may fold once at 80


def test_docs_missing_lists_the_registered_documents_not_in_the_corpus(run) -> None:  # type: ignore[no-untyped-def]
    rows = run("docs", "--missing", "--json").json()
    assert rows and {row["status"] for row in rows} == {"missing"}
    assert "kpmg-sra-2014-nl" in {row["id"] for row in rows}
    result = run("docs", "--missing")
    assert result.code == 0
    lines = result.out.splitlines()
    assert any(line.startswith("kpmg-sra-2014-nl  ") for line in lines)
    assert "   get it from https://www.rijksoverheid.nl/" in result.out
    assert "no official address known" in result.out
    assert not any(row["id"] in result.out for row in run("docs", "--json").json() if row["status"] == "indexed")


def test_a_command_runs_with_the_collector_off_and_leaves_it_on(
    run, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from imvo_assist.library import Library

    seen: list[bool] = []
    ask = Library.ask
    monkeypatch.setattr(Library, "ask", lambda self, q: seen.append(gc.isenabled()) or ask(self, q))
    assert run("ask", "Wat is een IMVO-convenant?").code == 0
    assert seen == [False] and gc.isenabled()
