"""Citations that claim only what is known (issue 13, items 1-3): confidence and its reason in
every citation, the letter's uncertain number named with its source, no inferred URL given as an
address, register facts cited to the overview page they were stated on, and overview risk lists
called examples.

The corpus here is the bundled one in miniature: the real letter as shipped in `corpus/` plus the
bundled register (the aux word lists of `corpus/` are left out so the index builds in seconds).
"""

from __future__ import annotations

import re

import pytest
from cli_support import run_cli

from imvo_assist.answer.citations import CitationList, assess, cite_string
from imvo_assist.catalogue.facts import FACTS_VERSION, register_passages
from imvo_assist.models import LEVELS, Document, Hit, Passage
from imvo_assist.settings import Settings

LETTER = "kamerbrief-2014-11-19-sra"
INFERRED_URL = "https://zoek.officielebekendmakingen.nl/kst-26485-197.html"
NR_201_URL = "https://zoek.officielebekendmakingen.nl/kst-26485-201.html"
OVERVIEW_NL = "https://www.imvoconvenanten.nl/nl/waarom/risicosectoren"
OVERVIEW_EN = "https://coe.int/en/web/human-rights-intergovernmental-cooperation/-/csr-sector"
SECTORS_QUESTION = "Welke sectoren hebben een verhoogd MVO-risico?"
FINANCE_QUESTION = "Which risks does the financial sector have?"






@pytest.fixture(scope="module")
def letter(letter_only: Settings) -> Settings:
    """The bundled letter with the bundled register facts, and no bronnenboek."""
    return letter_only


def sources_lines(text: str) -> list[str]:
    """The numbered lines of the source list under an answer."""
    block = re.split(r"^\*{0,2}(?:Bronnen|Sources)\*{0,2}$", text, maxsplit=1, flags=re.MULTILINE)[1]
    block = re.split(r"^(?:Geciteerde passages|Cited passages)$", block, maxsplit=1, flags=re.MULTILINE)[0]
    return [line for line in block.splitlines() if re.match(r"\[\d+(, \d+)*\] ", line)]


# --- Item 1: confidence in every citation --------------------------------------------------------


def test_every_citation_of_the_letter_has_confidence_and_its_reason(letter, capsys) -> None:
    run = run_cli(capsys, letter, "ask", SECTORS_QUESTION, "--json")
    citations = run.json()["citations"]
    assert citations and all(c["confidence"] in LEVELS and c["confidence_note"] for c in citations)
    ours = [c for c in citations if c["doc_id"] == LETTER]
    assert ours
    for citation in ours:
        assert citation["confidence"] == "reported"
        assert "nr. 197 volgens het verslag van het commissiedebat" in citation["confidence_note"]
        assert NR_201_URL in citation["confidence_note"] and "URL afgeleid" in citation["confidence_note"]
        assert citation["url"] == ""  # the inferred URL is not the document's address
        assert INFERRED_URL not in citation["cite"]
        assert citation["cite"].startswith(f"Kamerstukken II 2014/15, 26 485, nr. 197, p. {citation['page']} ")
        assert "(paginering van de brief zelf)" in citation["cite"] and NR_201_URL in citation["cite"]
        details = {d["field"]: d for d in citation["confidence_details"]}
        assert details["url"]["confidence"] == "inferred" and details["url"]["stated"] is False
        assert details["url"]["value"] == INFERRED_URL
        assert details["citation"]["source_url"] == NR_201_URL
        assert details["title"]["confidence"] == "reported"


def test_terminal_shows_the_marker_once_per_source_line(letter, capsys) -> None:
    run = run_cli(capsys, letter, "ask", SECTORS_QUESTION)
    assert run.code == 0
    lines = sources_lines(run.out)
    letter_lines = [line for line in lines if "26 485, nr. 197" in line]
    assert letter_lines
    for line in letter_lines:
        assert line.count("[niet geverifieerd:") == 1
        assert line.count("URL afgeleid, niet gecontroleerd") == 1
    assert all(line.count("[niet geverifieerd:") <= 1 for line in lines)
    assert INFERRED_URL not in run.out


def test_markdown_says_it_too_and_never_gives_the_inferred_url(letter, capsys) -> None:
    run = run_cli(capsys, letter, "ask", SECTORS_QUESTION, "--markdown")
    assert "[niet geverifieerd: nr. 197 volgens het verslag van het commissiedebat" in run.out
    assert INFERRED_URL not in run.out


def test_identical_source_lines_are_merged(letter, capsys) -> None:
    lines = sources_lines(run_cli(capsys, letter, "ask", SECTORS_QUESTION).out)
    cites = [line.split("] ", 1)[1] for line in lines]
    assert len(cites) == len(set(cites))


# --- Items 2 and 3: register facts cite their overview; overview lists are examples --------------


def test_financial_sector_risks_are_cited_to_their_overview_as_examples(letter, capsys) -> None:
    run = run_cli(capsys, letter, "ask", FINANCE_QUESTION, "--json")
    answer = run.json()
    assert {r["id"] for r in answer["risks"]} == {"broeikasgassen-luchtverontreiniging", "onveilige-werkomstandigheden"}
    assert all(r["citations"] and r["source"] == "register" for r in answer["risks"])
    for citation in answer["citations"]:
        assert (citation["source"], citation["kind"], citation["page"]) == ("register", "web page", "")
        assert citation["url"] == OVERVIEW_EN and citation["doc_id"] == "overzicht-risicosectoren-en"
        assert citation["section"].startswith("KPMG report, chapter Finance (from p. 90 in the English edition")
        assert OVERVIEW_EN in citation["cite"] and "see KPMG report, chapter Finance (from p. 90" in citation["cite"]
        assert citation["confidence"] == "reported" and "not from the report itself" in citation["confidence_note"]
    text = answer["answer"]
    assert "names, among others:" in text
    assert "This is not the full list" in text
    assert "The full list is in the KPMG report, chapter Finance" in text
    assert "`imvo-assist add REPORT.pdf`" in text and "`imvo-assist fetch kpmg-sra-2014-nl`" in text


def test_dutch_overview_list_points_to_the_chapter_never_to_a_page_alone(letter, capsys) -> None:
    run = run_cli(capsys, letter, "ask", "Welke risico's heeft de textielsector?")
    assert run.code == 0
    out = run.out
    assert "Het overzicht op imvoconvenanten.nl noemt onder andere:" in out
    assert "Dit is geen volledige lijst" in out
    assert "hoofdstuk Textiel en kleding (vanaf p. 148)" in out
    assert not re.search(r"(?<!vanaf )p\. 148", out)
    assert OVERVIEW_NL in out and "imvo-assist fetch kpmg-sra-2014-nl" in out


def test_terminal_finance_answer_has_the_marker_once_per_source_line(letter, capsys) -> None:
    lines = sources_lines(run_cli(capsys, letter, "ask", FINANCE_QUESTION).out)
    assert lines and all(line.count("[not verified:") == 1 for line in lines)
    assert all(OVERVIEW_EN in line for line in lines)


def test_register_fact_passages_belong_to_the_overview_page() -> None:
    assert FACTS_VERSION >= 3
    facts = [f.passage for f in register_passages() if f.passage.sectors == ("textiel-kleding",)]
    dutch = next(p for p in facts if p.id.endswith(":nl") and p.risks == ("kinderarbeid",))
    assert (dutch.doc_id, dutch.page_label) == ("overzicht-risicosectoren-nl", "")
    assert dutch.section == "KPMG-rapport, hoofdstuk Textiel en kleding (vanaf p. 148)"
    assert OVERVIEW_NL in dutch.text and "onder andere" in dutch.text
    english = next(p for p in facts if p.id.endswith(":en") and p.risks == ("kinderarbeid",))
    assert english.doc_id == "overzicht-risicosectoren-en" and OVERVIEW_EN in english.text
    wood = next(f.passage for f in register_passages() if f.passage.sectors == ("hout-papier",)
                and f.passage.id.endswith(":en"))
    assert "English edition" not in wood.section and "from p. 112" in wood.section  # p. en unknown


# --- Documents outside the register, and the corpus' own descriptions --------------------------


def hit(doc_id: str, title: str, url: str = "", page: str = "3", source: str = "passage") -> Hit:
    passage = Passage(id=f"{doc_id}:1", doc_id=doc_id, pdf_page=1, page_label=page, section="", text="x")
    return Hit(passage, title, "report", url, 1.0, "", source)  # type: ignore[arg-type]


def test_own_documents_are_cited_under_their_own_title_from_the_file() -> None:
    documents = {"notitie": Document("notitie", title="Eigen notitie", file="notitie.pdf")}
    assessment = assess(hit("notitie", "Eigen notitie"), documents, "nl")
    assert assessment.level == "verified" and "uit het bestand zelf" in assessment.note()
    assert cite_string(hit("notitie", "Eigen notitie"), documents) == "Eigen notitie, p. 3."
    english = assess(hit("notitie", "Eigen notitie"), documents, "en")
    assert "not in the register" in english.note() and "from the file itself" in english.note()


def test_an_own_url_is_reported_not_verified() -> None:
    documents = {"notitie": Document("notitie", title="Eigen notitie", url="https://example.org/n")}
    citations = CitationList(documents, "en")
    citations.add(hit("notitie", "Eigen notitie", url="https://example.org/n"))
    [citation] = citations.citations
    assert citation.confidence == "reported" and "not checked" in citation.confidence_note
    assert citation.cite == "Eigen notitie, p. 3. https://example.org/n [not verified: URL as the corpus describes the document, not checked]"


def test_a_verified_registered_document_gives_its_url_without_a_marker() -> None:
    from imvo_assist.catalogue.loader import load_documents

    report = next(d for d in load_documents() if d.id == "kpmg-sra-2014-nl")
    documents = {report.id: Document(report.id, title=report.title, citation=report.citation,
                                     url=report.url, file="kpmg.pdf")}
    assessment = assess(hit(report.id, report.title, report.url), documents)
    assert assessment.level == "verified" and assessment.url == report.url and not assessment.marker("nl")
    assert cite_string(hit(report.id, report.title, report.url), documents) == (
        f"{report.citation}, p. 3. {report.url}"
    )


def test_a_title_from_the_corpus_manifest_is_not_judged_by_the_register() -> None:
    documents = {LETTER: Document(LETTER, title="MVO Sector Risico Analyse – brief aan de Tweede Kamer",
                                  citation="Kamerstukken II 2014/15, 26 485, nr. 197", url=INFERRED_URL,
                                  file="elders/brief.pdf")}
    assessment = assess(hit(LETTER, documents[LETTER].title, INFERRED_URL), documents, "nl")
    assert {f.field for f in assessment.facts} == {"citation", "url"}
    assert assessment.url == "" and assessment.pagination == ""  # not our copy: no pagination note
    assert assessment.level == "reported"


def test_every_level_in_the_register_is_one_of_three() -> None:
    from imvo_assist.catalogue.loader import load_documents

    for document in load_documents():
        assert all(t.level in LEVELS for t in document.register.trust.values()), document.id


def test_cite_string_keeps_its_signature_for_the_front_ends(letter) -> None:
    from imvo_assist.library import Library

    library = Library(letter)
    [first, *_] = library.passages_of(LETTER, "2")
    cite = cite_string(library.hit(first), library.documents)
    assert cite.startswith("Kamerstukken II 2014/15, 26 485, nr. 197, p. 2") and INFERRED_URL not in cite


def test_the_letters_url_is_marked_inferred_and_its_number_sourced() -> None:
    from imvo_assist.catalogue.loader import load_documents

    letter_doc = next(d for d in load_documents() if d.id == LETTER)
    assert letter_doc.url == INFERRED_URL and letter_doc.register.field_trust("url").level == "inferred"
    assert letter_doc.register.field_trust("citation").source_url == NR_201_URL


def test_a_url_the_corpus_gives_a_registered_document_is_reported() -> None:
    url = "https://example.org/our-copy.pdf"
    documents = {"kpmg-sra-2014-nl": Document(
        "kpmg-sra-2014-nl", title="MVO Sector Risico Analyse — Aandachtspunten voor dialoog",
        citation="KPMG Advisory N.V., MVO Sector Risico Analyse", url=url)}
    assessment = assess(hit("kpmg-sra-2014-nl", documents["kpmg-sra-2014-nl"].title, url), documents, "en")
    assert assessment.level == "reported" and assessment.url == url
    assert "URL as the corpus describes the document" in assessment.marker("en")


def test_a_locator_is_printed_once_and_later_passages_of_it_point_back(letter, capsys) -> None:
    run = run_cli(capsys, letter, "ask", "Which risks does the overview name for the electronics sector?")
    cited = run.out.split("Cited passages", 1)[1]
    locators = re.findall(r"^\[(\d+)\] (\[.*\])$", cited, flags=re.MULTILINE)
    assert len(locators) >= 2, run.out
    full = [where for _, where in locators if not where.startswith("[same place as")]
    assert len(full) == len(set(full))  # each locator written out once
    firsts = {n for n, where in locators if not where.startswith("[same place as")}
    assert all(re.fullmatch(r"\[same place as \[(\d+)\]\]", where).group(1) in firsts
               for _, where in locators if where.startswith("[same place as"))
