"""Covenants against the sector risks: every cell cited, "not named in ..." never "not covered",
the report's role filled by the indexed document under its own title, else the register's
examples."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from cli_support import run_cli
from overview_support import bundled_fixture  # noqa: F401 (the `bundled` fixture)

from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.errors import CorpusError, QueryError
from imvo_assist.library import Library
from imvo_assist.overview.coverage import Coverage, sector_coverage
from imvo_assist.overview.register import load_coverage_themes
from imvo_assist.overview.render import coverage_markdown, coverage_text
from imvo_assist.paths import BUNDLED_CORPUS
from imvo_assist.settings import Settings

OVERVIEW_URL = "https://www.imvoconvenanten.nl/nl/waarom/risicosectoren"
NEVER = ("not covered", "niet gedekt", "niet afgedekt", "uncovered")


def cells(data: dict) -> list[dict]:
    return [cell for row in data["rows"] for cell in (*row["cells"], *row["related_cells"])]


def assert_every_cell_cited(data: dict) -> None:
    assert data["rows"], "no risks"
    for row in data["rows"]:
        assert row["named_for_sector"]["cite"]
        for cell in (*row["cells"], *row["related_cells"]):
            assert cell["citations"], (row["risk"]["id"], cell["covenant"])
            assert all(c["cite"] for c in cell["citations"])
            assert all(r["citation"]["cite"] for r in cell["related"])


def row(coverage: Coverage, risk: str):  # type: ignore[no-untyped-def]
    return next(r for r in coverage.rows if r.risk == risk)


def test_cli_shared_textile_every_cell_cited(
    indexed: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(capsys, indexed, "coverage", "textiel", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert isinstance(data, dict)
    assert data["sector"]["id"] == "textiel-kleding"
    assert data["risks_from"] == {
        "kind": "document",
        "doc_id": "sra-testrapport",
        "title": "MVO Sector Risico Analyse (testversie)",
        "examples": False,
        "note": "",
    }
    assert_every_cell_cited(data)
    [covenant] = data["covenants"]
    assert covenant["id"] == "convenant-kleding-textiel" and covenant["basis"] == "text"
    assert {c["doc_id"] for c in covenant["checked"]} == {
        "convenant-test-textiel",
        "agreement-test-garments-en",
    }
    assert not any(word in result.out.lower() for word in NEVER)


def test_shared_textile_cells(indexed: Settings) -> None:
    coverage = sector_coverage(Library(indexed), "kleding")
    risks = [r.risk for r in coverage.rows]
    assert risks == [
        "broeikasgassen-luchtverontreiniging",
        "waterschaarste",
        "onveilige-werkomstandigheden",
        "kinderarbeid",
        "vrouwenrechten",
    ]
    child = row(coverage, "kinderarbeid")
    assert (
        child.named_for_sector.doc_id == "sra-testrapport" and child.named_for_sector.page == "26"
    )
    assert "Kinderarbeid" in child.named_for_sector.quote
    [named] = child.cells
    assert named.status == "named"
    assert named.citations[0].doc_id == "convenant-test-textiel"  # the Dutch text first
    assert named.citations[0].page == "3" and "kinderarbeid" in named.citations[0].quote.lower()
    women = row(coverage, "vrouwenrechten").cells[0]
    assert women.status == "not_named"
    assert {c.source for c in women.citations} == {"document"}  # the texts it was checked against
    assert [risk for risk, _ in women.related] == ["discriminatie"]
    assert "Discriminatie" in women.related[0][1].quote


def test_text_and_markdown_say_not_named_in(indexed: Settings) -> None:
    coverage = sector_coverage(Library(indexed), "textiel")
    lines = "\n".join(coverage_text(coverage))
    assert "niet genoemd in Convenant Duurzame Kleding en Textiel (testversie)" in lines
    assert "Kinderarbeid (Arbeid) [" in lines and "Bronnen:" in lines
    markdown = coverage_markdown(coverage)
    assert "| Risico | Genoemd voor de sector | Convenant Duurzame Kleding en Textiel |" in markdown
    assert "[^1]: MVO Sector Risico Analyse (testversie), p. 26." in markdown
    english = "\n".join(coverage_text(sector_coverage(Library(indexed), "textiel", "en")))
    assert "not named in" in english and "Child labour (Labour)" in english
    assert not any(word in (lines + markdown + english).lower() for word in NEVER)


def test_bundled_corpus_marks_the_risks_as_examples(
    bundled: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(capsys, bundled, "coverage", "textiel", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert isinstance(data, dict)
    assert data["risks_from"]["kind"] == "register" and data["risks_from"]["examples"] is True
    assert "onder andere" in data["risks_from"]["note"]
    sector = load_vocabulary().sector("textiel-kleding")
    assert [r["risk"]["id"] for r in data["rows"]] == list(sector.risks)
    for item in data["rows"]:
        fact = item["named_for_sector"]
        assert fact["source"] == "register" and fact["url"] == OVERVIEW_URL
        assert fact["confidence"] == "reported" and "onder andere" in fact["quote"]
        assert "vanaf p. 148" in fact["cite"] and ", p. 148" not in fact["cite"]
    assert_every_cell_cited(data)
    [covenant] = data["covenants"]
    assert covenant["basis"] == "themes" and covenant["mapping"]["confidence"] == "inferred"
    by_risk = {r["risk"]["id"]: r["cells"][0] for r in data["rows"]}
    assert by_risk["kinderarbeid"]["status"] == "named"
    assert by_risk["kinderarbeid"]["citations"][0]["quote"] == "kinderarbeid"
    assert by_risk["kinderarbeid"]["citations"][0]["confidence"] == "inferred"
    women = by_risk["vrouwenrechten"]
    assert women["status"] == "not_named"
    assert "discriminatie" in women["citations"][0]["quote"]  # the theme list checked
    assert "[niet geverifieerd:" in women["citations"][0]["cite"]
    assert [r["citation"]["quote"] for r in women["related"]] == ["discriminatie"]


def test_related_sectors_covenants_are_listed_apart(bundled: Settings) -> None:
    library = Library(bundled)
    retail = sector_coverage(library, "detailhandel")
    assert retail.covenants == []
    assert {c.id for c in retail.related_covenants} == {
        "convenant-kleding-textiel",
        "convenant-voedingsmiddelen",
    }
    assert all(r.cells == [] and len(r.related_cells) == 2 for r in retail.rows)
    electronics = sector_coverage(library, "elektronica")
    assert [c.id for c in electronics.covenants] == ["convenant-goud"]
    assert [c.id for c in electronics.related_covenants] == ["convenant-metaal"]
    chemistry = sector_coverage(library, "chemie")
    assert chemistry.covenants == [] and chemistry.related_covenants == []
    assert "Geen convenant van deze sector" in "\n".join(coverage_text(chemistry))


def test_banking_covenant_and_land_grabbing(bundled: Settings) -> None:
    finance = sector_coverage(Library(bundled), "banken", "en")
    banks = next(c for c in finance.covenants if c.id == "convenant-banken")
    assert banks.names["landroof"].quote == "landrechten"  # the theme, mapped editorially
    assert banks.names["landroof"].confidence == "inferred"


def test_every_sector_every_cell_cited(
    indexed: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(capsys, indexed, "coverage", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert isinstance(data, list) and len(data) == 13
    for sector in data:
        for cell in cells(sector):
            assert cell["citations"], (sector["sector"]["id"], cell["covenant"])


def test_unknown_sector(indexed: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(QueryError):
        sector_coverage(Library(indexed), "ruimtevaart")
    result = run_cli(capsys, indexed, "coverage", "ruimtevaart")
    assert result.code == 2 and result.err.startswith("imvo-assist: Unknown sector 'ruimtevaart'.")


def test_coverage_themes_file_is_checked(tmp_path: Path) -> None:
    themes = load_coverage_themes()
    assert themes.covenants["convenant-kleding-textiel"].id == "kleding-textiel"
    bad = tmp_path / "coverage-themes.toml"
    text = (BUNDLED_CORPUS / "coverage-themes.toml").read_text(encoding="utf-8")
    bad.write_text(
        text.replace('same = ["kinderarbeid"]', 'same = ["kinderwerk-x"]', 1), encoding="utf-8"
    )
    with pytest.raises(
        CorpusError,
        match=r"line \d+: covenant 'kleding-textiel' maps to unknown risk id 'kinderwerk-x'",
    ):
        load_coverage_themes(bad)


@pytest.mark.shared
def test_theme_lists_are_the_facts(shared_dir: Path) -> None:
    facts = tomllib.loads((shared_dir / "facts" / "covenants.toml").read_text(encoding="utf-8"))
    themes = load_coverage_themes()
    by_id = {c.id: c for c in themes.covenants.values()}
    for covenant in facts["covenant"]:
        listed = by_id[covenant["id"]]
        assert [t.theme for t in listed.themes] == covenant["themes"]
        assert listed.source_url == covenant["source_url"]
