"""The command line: JSON contracts, exit codes, one-line errors, queries that never crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Run, run_cli
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
    result = run("search", "kinderarbied", "--json")
    assert result.code == 1
    assert "kinderarbeid" in result.json()["suggestions"]
