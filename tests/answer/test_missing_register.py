"""Inclusion questions without a source register (issue 13, item 5): say that the register is not
in the corpus and how to add it, never that the organisation is absent."""

from __future__ import annotations

import pytest
from cli_support import run_cli

from imvo_assist.bronnenboek.report import (
    missing_register_message,
    organisation_report,
    register_missing,
)
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.settings import Settings


@pytest.fixture(scope="module")
def no_register(letter_only: Settings) -> Settings:
    """The bundled letter with the bundled register facts, and no bronnenboek."""
    return letter_only


@pytest.mark.parametrize(
    ("question", "says", "must_not"),
    [
        ("Is de input van SOMO meegenomen?",
         ["bronnenboek", "staat niet in het corpus", "SOMO", "`imvo-assist add BRONNENBOEK.pdf`"],
         "komt niet voor"),
        ("Was SOMO's research used in the analysis?",
         ["source register", "is not in the corpus", "SOMO", "`imvo-assist add BRONNENBOEK.pdf`"],
         "does not appear"),
    ],
)
def test_inclusion_question_says_the_register_is_missing(
    no_register: Settings, capsys: pytest.CaptureFixture[str], question: str, says: list[str], must_not: str
) -> None:
    run = run_cli(capsys, no_register, "ask", question, "--json")
    answer = run.json()
    assert answer["intent"] == "org_included" and answer["not_found"] is True and run.code == 1
    for phrase in says:
        assert phrase in answer["answer"]
    assert must_not not in answer["answer"]


def test_organisation_report_without_a_register() -> None:
    report = organisation_report("SOMO", [], {}, load_vocabulary())
    assert report["not_found"] is True and report.get("register_missing") is True
    assert report["organisation"]["id"] == "somo"
    assert "not in the corpus" in str(report.get("message")) and "SOMO" in str(report.get("message"))
    assert register_missing([])


def test_organisation_report_with_a_register_is_the_inclusion_report() -> None:
    from imvo_assist.bronnenboek.records import Reference

    entry = Reference(
        register_doc="reg", nr=1, sector="chemie", sector_label="Chemie", organisation="somo",
        organisation_name="SOMO", spelling="SOMO", matched=True, year=2012, title="T",
    )
    report = organisation_report("SOMO", [entry], {}, load_vocabulary())
    assert "register_missing" not in report and report["not_found"] is False
    assert set(report) == {"organisation", "references", "by_sector", "uncited", "not_found", "suggestions"}


def test_message_names_how_to_add_the_register_in_both_languages() -> None:
    dutch = missing_register_message("SOMO", "nl")
    assert dutch.startswith("Het bronnenboek") and "`imvo-assist add BRONNENBOEK.pdf`" in dutch
    assert "downloadadres is niet bekend" in dutch  # the register records no address for it
    assert missing_register_message().startswith("The source register (bronnenboek")


def test_sources_org_says_the_register_is_missing(no_register: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(capsys, no_register, "sources", "--org", "SOMO")
    assert run.code == 1
    assert "source register" in run.out and "is not in the corpus" in run.out
    assert "imvo-assist add BRONNENBOEK.pdf" in run.out and "not in the source register" not in run.out
    data = run_cli(capsys, no_register, "sources", "--org", "SOMO", "--json").json()
    assert data["register_missing"] is True and data["not_found"] is True  # type: ignore[index]
