"""The source register through the library façade (`Library.sources`): what `sources`, `show
--json` and the TUI's register screens call, and all they call (issue 11, item 6)."""

from __future__ import annotations

import ast
from pathlib import Path
from types import SimpleNamespace

import pytest
from cli_support import run_cli

from imvo_assist.bronnenboek import check, filter_references, inclusion_report, unmatched
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.library import Library, Sources
from imvo_assist.settings import Settings

COMMANDS = Path(__file__).resolve().parents[1] / "src" / "imvo_assist" / "cli" / "commands.py"






@pytest.fixture(scope="module")
def no_register(letter_only: Settings) -> Settings:
    """The bundled letter with the bundled register facts, and no bronnenboek."""
    return letter_only


def test_find_references_is_the_register_filter(indexed: Settings) -> None:
    sources = Library(indexed).sources
    everything = sources.find_references()
    assert len(everything) == 60 and everything == sources.references
    found = sources.find_references("kinderarbeid", "elektronica")
    assert [r.nr for r in found] == [44]
    assert found == filter_references(sources.references, "kinderarbeid", "elektronica")
    assert [r.nr for r in sources.find_references(year=2013)] == [
        r.nr for r in sources.references if r.year == 2013
    ]
    [row] = sources.reference_rows(found)
    assert row["nr"] == 44 and {c["page"] for c in row["cited_by"]} >= {"22"}  # type: ignore[attr-defined]
    assert {c.page for c in sources.citing(found[0])} >= {"21", "22"}


def test_inclusion_problems_and_spellings(indexed: Settings) -> None:
    sources = Library(indexed).sources
    report = sources.inclusion("SKC")
    assert report == inclusion_report("SKC", sources.references, sources.cited_by, load_vocabulary())
    assert report["organisation"]["id"] == "skc" and not report["not_found"]
    problems = sources.problems()
    assert problems.entries == 60 and problems.problems == check(sources.references)
    spellings = sources.unmatched_spellings()
    assert spellings.unknown == unmatched(sources.references) and spellings.entries == 60
    assert spellings.spellings == len({r.spelling for r in sources.references})
    assert sources.register_missing is False


def test_passage_rows_carry_the_entries_each_passage_cites(indexed: Settings) -> None:
    library = Library(indexed)
    _, passages = library.page("sra-testrapport", "22")
    rows = library.sources.passage_rows(passages)
    assert [row["id"] for row in rows] == [p.id for p in passages]
    assert {43, 44, 45} <= {ref["nr"] for row in rows for ref in row["references"]}  # type: ignore[attr-defined]


def test_without_a_register_the_sources_say_so() -> None:
    sources = Sources(SimpleNamespace(references=[], cited_by={}))  # type: ignore[arg-type]
    assert sources.register_missing
    report = sources.inclusion("SOMO")
    assert report.get("register_missing") is True and report["not_found"] is True
    assert "is not in the corpus" in sources.missing_message()
    assert sources.find_references("SOMO") == [] and sources.problems().entries == 0


def test_sources_org_says_the_register_is_missing(no_register: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(capsys, no_register, "sources", "--org", "SOMO")
    assert run.code == 1
    assert "source register" in run.out and "is not in the corpus" in run.out
    assert "imvo-assist add BRONNENBOEK.pdf" in run.out and "not in the source register" not in run.out
    data = run_cli(capsys, no_register, "sources", "--org", "SOMO", "--json").json()
    assert data["register_missing"] is True and data["not_found"] is True
    for args in (("--check",), ("--unmatched",), ("kinderarbeid",)):
        run = run_cli(capsys, no_register, "sources", *args)
        assert run.code == 1 and "is not in the corpus" in run.out


def test_the_cli_asks_the_library_for_the_source_register() -> None:
    """cli/commands.py imports nothing of the source register or the catalogue and does not
    reach past `Library.sources` into its provenance."""
    tree = ast.parse(COMMANDS.read_text(encoding="utf-8"))
    imported = [
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    ] + [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    assert not [m for m in imported if m.startswith(("imvo_assist.bronnenboek", "imvo_assist.catalogue"))]
    attributes = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    assert "provenance" not in attributes
