"""The Dutch <-> English lexicon: size, validity, phrase mapping, inflection and the checker."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from imvo_assist.text.lexicon import Entry, Lexicon, Mapping, load_lexicon, read_entries
from imvo_assist.text.lexicon_check import main, validate_lexicon

ROOT = Path(__file__).resolve().parents[2]
LEXICON_FILE = ROOT / "corpus" / "lexicon-nl-en.tsv"
# Dutch question words start with one of these ("waarheen", "welke", "hoeveel", "sinds wanneer").
QUESTION_WORD_STARTS = (
    "hoe", "wa", "wie", "welk", "toen", "sinds", "tot", "om", "in", "op", "van",
)


def targets(mappings: list[Mapping], text: str) -> tuple[str, ...]:
    """The targets of the mapping whose source span is `text`."""
    found = [m for m in mappings if m.text.lower() == text.lower()]
    assert found, f"{text!r} not mapped in {[m.text for m in mappings]}"
    return found[0].targets


def to_dutch(question: str) -> list[Mapping]:
    return load_lexicon().to_dutch(question.replace("?", " ").split())


def to_english(question: str) -> list[Mapping]:
    return load_lexicon().to_english(question.replace("?", " ").split())


# --- the file ---------------------------------------------------------------------------------


def test_has_at_least_3000_distinct_pairs() -> None:
    lexicon = load_lexicon()
    assert lexicon.pair_count() >= 3000
    assert len(lexicon) >= lexicon.pair_count()


def test_file_validates_without_errors() -> None:
    errors = [p for p in validate_lexicon(LEXICON_FILE) if p.severity == "error"]
    assert errors == []


def test_header_explains_format_and_licence() -> None:
    lines = LEXICON_FILE.read_text(encoding="utf-8").splitlines()
    header = "\n".join(line for line in lines[:40] if line.startswith("#"))
    assert "nl<TAB>en<TAB>domain" in header
    assert "Licence" in header and "written for imvo-assist" in header


def test_every_line_is_lower_case_with_a_domain() -> None:
    entries = read_entries(LEXICON_FILE)
    domains = {entry.domain for entry in entries}
    assert {"labour", "environment", "question", "finance", "human-rights"} <= domains
    assert all(e.nl == e.nl.lower() and e.en == e.en.lower() for e in entries)


def test_question_words_map_to_question_words_only() -> None:
    """'how often' -> 'hoe vaak', never to an answer such as 'half jaar'."""
    for entry in read_entries(LEXICON_FILE):
        first = entry.en.split()[0]
        if entry.domain == "question" and first in {"how", "when", "who", "which", "where"}:
            assert entry.nl.startswith(QUESTION_WORD_STARTS), entry
        assert not any(ch.isdigit() for ch in entry.nl + entry.en if entry.domain == "question")


# --- mapping ----------------------------------------------------------------------------------


def test_phrases_map_whole_and_longest_first() -> None:
    mapped = to_dutch("Is forced labour banned and may workers join trade unions?")
    assert "dwangarbeid" in targets(mapped, "forced labour")
    assert {"vakbond", "vakbonden"} & set(targets(mapped, "trade unions"))
    assert not any(m.text == "labour" for m in mapped)  # the phrase won, not its last word


@pytest.mark.parametrize(
    ("english", "dutch"),
    [
        ("freedom of association", "vrijheid van vereniging"),
        ("deforestation", "ontbossing"),
        ("living wage", "leefbaar loon"),
        ("due diligence", "gepaste zorgvuldigheid"),
        ("land grabbing", "landroof"),
        ("grievance mechanism", "klachtenmechanisme"),
        ("how often", "hoe vaak"),
        ("how long", "hoe lang"),
        ("deadline", "termijn"),
        ("quote", "citaat"),
        ("page", "pagina"),
        ("letter", "brief"),
        # English words Dutch writes in another sense ("raar", "kort") or beside a native word
        ("rare", "zeldzaam"),
        ("brief", "kort"),
        ("race", "ras"),
        ("feedback", "terugkoppeling"),
        ("status", "stand van zaken"),
    ],
)
def test_known_expressions(english: str, dutch: str) -> None:
    mapped = to_dutch(english)
    assert len(mapped) == 1 and mapped[0].start == 0 and mapped[0].end == len(english.split())
    assert dutch in mapped[0].targets


def test_spans_point_into_the_question() -> None:
    words = ["When", "does", "the", "textile", "covenant", "end", "?"]
    mapped = load_lexicon().to_dutch(words)
    spans = {(m.start, m.end): m for m in mapped}
    assert spans[(3, 5)].source == ("textile", "covenant")
    assert "textielconvenant" in spans[(3, 5)].targets
    assert "wanneer" in spans[(0, 1)].targets
    assert all(m.start < m.end for m in mapped)
    assert [m.start for m in mapped] == sorted(m.start for m in mapped)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("companies", "bedrijf"), ("company", "bedrijf"), ("Unions", "vakbond"),
     ("mines", "mijn"), ("Suppliers", "leverancier")],
)
def test_english_inflection(word: str, expected: str) -> None:
    assert any(expected in m.targets for m in to_dutch(word))


@pytest.mark.parametrize(
    ("word", "expected"),
    [("convenanten", "covenant"), ("convenant", "covenant"), ("Vakbonden", "trade union"),
     ("COÖPERATIE", "cooperative"), ("cooperatie", "cooperative"),
     ("leveranciers", "supplier"), ("risico's", "risks")],
)
def test_dutch_inflection_and_accents(word: str, expected: str) -> None:
    mapped = to_english(word)
    assert mapped and any(expected in t for t in mapped[0].targets), mapped


def test_unknown_dutch_compound_maps_part_by_part() -> None:
    mapped = to_english("goudmijnwerkers")
    assert mapped and mapped[0].how == "compound"
    assert mapped[0].matched == ("goud", "mijnwerkers")
    assert any(t.startswith("gold ") for t in mapped[0].targets)


def test_hyphenated_word_maps_as_one_term() -> None:
    mapped = to_english("Het MVO-beleid van de overheid")
    assert "csr policy" in targets(mapped, "MVO-beleid")
    assert "government" in targets(mapped, "overheid")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("De boeren oogsten cacao in Ghana", {"boeren": "farmers", "cacao": "cocoa"}),
        ("De bank verstrekt leningen aan kleine boeren",
         {"bank": "bank", "leningen": "loans", "kleine boeren": "smallholders"}),
        ("Het ziekenhuis zoekt vrijwilligers", {"ziekenhuis": "hospital"}),
    ],
)
def test_sentences_not_about_the_corpus(sentence: str, expected: dict[str, str]) -> None:
    mapped = to_english(sentence)
    for source, target in expected.items():
        assert target in targets(mapped, source)


def test_everyday_english_sentence() -> None:
    mapped = to_dutch("The river near the village was polluted by the factory")
    assert "rivier" in targets(mapped, "river")
    assert "dorp" in targets(mapped, "village")
    assert "fabriek" in targets(mapped, "factory")


@pytest.mark.parametrize(
    ("word", "dutch"),
    [("partly", "gedeeltelijk"), ("largely", "grotendeels"), ("mainly", "voornamelijk"),
     ("already", "al"), ("recently", "onlangs"), ("last", "afgelopen"), ("both", "beide")],
)
def test_adverbs_and_quantifiers_of_questions(word: str, dutch: str) -> None:
    """Degree, time and quantity words of everyday questions have a translation (an
    untranslated one is taken for key content the documents lack)."""
    assert dutch in load_lexicon().translations(word, "en")


def test_nonsense_maps_to_nothing() -> None:
    assert to_dutch("xyzzy plugh frobnicate") == []
    assert to_english("") == []


def test_translations_of_a_single_term() -> None:
    lexicon = load_lexicon()
    assert "dwangarbeid" in lexicon.translations("Forced Labour", "en")
    assert "child labour" in lexicon.translations("kinderarbeid", "nl")
    assert lexicon.translations("xyzzy", "nl") == ()


def test_load_is_cached() -> None:
    assert load_lexicon() is load_lexicon()


def test_lexicon_from_entries() -> None:
    lexicon = Lexicon.from_entries(
        [Entry("rode draad", "common thread", "general"), Entry("draad", "thread", "general")]
    )
    mapped = lexicon.to_english(["de", "rode", "draad"])
    assert [(m.start, m.end, m.targets) for m in mapped] == [(1, 3, ("common thread",))]


# --- validation -------------------------------------------------------------------------------

BAD_FILE = """\
# comment
vakbond\ttrade union\tlabour
vakbond\ttrade union\tlabour
coöperatie\tcooperative\tlaw
cooperatie\tcooperative\tlaw
only two\tcolumns
\tempty\tlabour
Hoofdletter\tcapital\tgeneral
bedrijf\tcompany\tBad Domain!
company\tbedrijf\tbusiness
de\tthe\tgeneral
"""


def problems_of(tmp_path: Path, text: str) -> list:  # type: ignore[type-arg]
    path = tmp_path / "lexicon.tsv"
    path.write_text(text, encoding="utf-8")
    return validate_lexicon(path)


def test_validator_reports_each_kind_of_problem(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, BAD_FILE)
    kinds = {(p.line, p.kind) for p in problems}
    assert (3, "duplicate") in kinds
    assert (5, "folded-duplicate") in kinds
    assert (6, "columns") in kinds
    assert (7, "empty") in kinds
    assert (8, "case") in kinds
    assert (9, "domain") in kinds
    assert (10, "language") in kinds  # sides swapped
    assert (11, "stopwords") in kinds
    severities = {p.kind: p.severity for p in problems}
    assert severities["language"] == "warning" and severities["stopwords"] == "warning"
    assert severities["duplicate"] == "error"


def test_validator_accepts_loanwords_and_proper_nouns(tmp_path: Path) -> None:
    text = "due diligence\tdue diligence\tpolicy\nrana plaza\trana plaza\ttextiles\n"
    assert problems_of(tmp_path, text) == []


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.tsv"
    good.write_text("# ok\nvakbond\ttrade union\tlabour\n", encoding="utf-8")
    bad = tmp_path / "bad.tsv"
    bad.write_text(BAD_FILE, encoding="utf-8")
    assert main(["--check", str(good)]) == 0
    assert "0 errors" in capsys.readouterr().out
    assert main(["--check", str(bad)]) == 1
    assert "duplicate" in capsys.readouterr().out


def test_cli_module_checks_the_bundled_lexicon() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "imvo_assist.text.lexicon_check", "--check", "--quiet"],
        check=False, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 errors" in done.stdout
