"""`imvo-assist sources`: the same organisation under every spelling, and honest negatives."""

from __future__ import annotations

import json

import pytest

from imvo_assist.cli import main
from imvo_assist.settings import Settings


def run(settings: Settings, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["--corpus", str(settings.corpus), "--index", str(settings.index), "sources", *args])
    return int(exit_info.value.code or 0), capsys.readouterr().out


def test_org_spellings_give_one_inclusion_report(indexed: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(indexed, capsys, "--org", "Clean Clothes Campaign", "--json")
    assert code == 0
    report = json.loads(out)
    assert run(indexed, capsys, "--org", "SKC", "--json")[1] == out
    assert report["organisation"]["id"] == "skc"
    assert {"SKC", "Clean Clothes Campaign", "Schone Kleren Campagne"} <= set(report["organisation"]["spellings"])
    assert report["by_sector"] == {"detailhandel": 1, "textiel-kleding": 3}
    cited = {c["page"] for ref in report["references"] for c in ref["cited_by"]}
    assert {"9", "25", "26"} <= cited
    assert set(report) == {"organisation", "references", "by_sector", "uncited", "not_found", "suggestions"}


def test_absent_organisation_is_not_found_with_near_names(indexed: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(indexed, capsys, "--org", "Human Rights Watch", "--json")
    report = json.loads(out)
    assert code == 1 and report["not_found"] is True and report["suggestions"]


def test_query_and_sector_filter(indexed: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(indexed, capsys, "kinderarbeid", "--sector", "elektronica", "--json")
    rows = json.loads(out)
    assert code == 0 and [row["nr"] for row in rows] == [44]
    assert {c["page"] for c in rows[0]["cited_by"]} >= {"22"}


def test_uncited_references_are_listed(indexed: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    report = json.loads(run(indexed, capsys, "--org", "SOMO", "--json")[1])
    assert 24 in report["uncited"]


def test_show_lists_the_sources_behind_a_passage(indexed: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--corpus", str(indexed.corpus), "--index", str(indexed.index), "show", "sra-testrapport", "22", "--json"])
    passages = json.loads(capsys.readouterr().out)["passages"]
    cited = {ref["nr"] for p in passages for ref in p["references"]}
    assert {43, 44, 45} <= cited


def test_check_says_so_when_the_register_has_no_problems(indexed: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    entries = len(json.loads(run(indexed, capsys, "--json")[1]))
    assert entries == 60
    code, out = run(indexed, capsys, "--check")
    assert code == 0 and out == f"0 problems in {entries} entries\n"
    code, out = run(indexed, capsys, "--check", "--json")
    assert code == 0 and json.loads(out) == []


def test_unmatched_says_so_when_every_spelling_is_known(indexed: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    rows = json.loads(run(indexed, capsys, "--json")[1])
    spellings = len({row["spelling"] for row in rows})
    code, out = run(indexed, capsys, "--unmatched")
    assert code == 0 and out == f"all {spellings} spellings known ({len(rows)} entries)\n"
    code, out = run(indexed, capsys, "--unmatched", "--json")
    assert code == 0 and json.loads(out) == []


def test_problems_and_unknown_spellings_are_listed_and_counted(capsys: pytest.CaptureFixture[str]) -> None:
    from imvo_assist.cli import output
    from imvo_assist.library import RegisterProblems, Spellings

    output.print_problems(RegisterProblems(["bronnenboek [3]: no url"], 60))
    assert capsys.readouterr().out == "bronnenboek [3]: no url\n1 problem in 60 entries\n"
    output.print_unmatched(Spellings([("Stichting X", 2)], 28, 60))
    assert capsys.readouterr().out == "Stichting X (2)\n1 of 28 spellings unknown to the vocabulary\n"


def test_text_report_names_sectors_not_their_ids(indexed: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(indexed, capsys, "--org", "Oxfam Novib")
    assert code == 0
    by_sector = next(line for line in out.splitlines() if line.startswith("By sector: "))
    assert "Finance: 1" in by_sector and "Agriculture and horticulture: 1" in by_sector
    assert "financiele-sector" not in by_sector and "land-tuinbouw" not in by_sector
