"""The evaluation questions (tests/eval/questions-*.toml) are well formed and checkable.

Mechanical checks only: every expected {doc, page} is a printed page of an indexed test document,
every expected term is on one of the question's expected pages (or is a sector, risk or
organisation name of the bundled vocabulary), the two halves share no id or question, there are
enough negatives, every user group and both languages are covered, the halves are the seeded
split of split.py, and ../shared/eval/score.py reads the files (its own self-test passes on them).
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
import unicodedata
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from shared_paths import CORPUS, ROOT, SHARED

from imvo_assist.library import Library
from imvo_assist.settings import Settings

HERE = Path(__file__).resolve().parent
FILES = {"tuning": HERE / "questions-tuning.toml", "heldout": HERE / "questions-heldout.toml"}
PROBES = (HERE / "questions-probe.toml", HERE / "questions-probe2.toml", HERE / "questions-probe3.toml",
          HERE / "questions-probe4.toml", HERE / "questions-probe5.toml",
          HERE / "questions-probe6.toml", HERE / "questions-probe7.toml",
          HERE / "questions-probe8.toml", HERE / "questions-probe9.toml",
          HERE / "questions-probe10.toml", HERE / "questions-probe11.toml",
          HERE / "questions-probe12.toml", HERE / "questions-probe13.toml",
          HERE / "questions-probe14.toml", HERE / "questions-probe15.toml",
          HERE / "questions-probe16.toml", HERE / "questions-probe17.toml",
          HERE / "questions-probe18.toml", HERE / "questions-probe19.toml",
          HERE / "questions-probe20.toml", HERE / "questions-probe21.toml",
          HERE / "questions-probe22.toml", HERE / "questions-probe23.toml",
          HERE / "questions-probe24.toml", HERE / "questions-probe25.toml",
          HERE / "questions-probe26.toml", HERE / "questions-probe27.toml",
          HERE / "questions-probe28.toml", HERE / "questions-probe29.toml",
          HERE / "questions-probe30.toml", HERE / "questions-probe31.toml",
          HERE / "questions-probe32.toml", HERE / "questions-probe33.toml",
          HERE / "questions-probe34.toml", HERE / "questions-probe35.toml",
          HERE / "questions-probe36.toml", HERE / "questions-probe37.toml")
MANIFEST = CORPUS / "MANIFEST.toml"
SCORER = SHARED / "eval" / "score.py"
VOCABULARY = ROOT / "corpus" / "vocabulary.toml"

GROUPS = {"policy", "ngo", "company", "negotiator"}
KINDS = {"citation_lookup", "definition", "expectations", "negative", "org_included",
         "provenance", "quote", "sector_risks"}
LANGUAGES = {"nl", "en"}
MIN_QUESTIONS = 160
MIN_NEGATIVES = 35
MIN_NEGATIVE_SHARE = 0.30

pytestmark = pytest.mark.shared  # skipped with the one shared-corpus reason when ../shared is missing


def fold(text: object) -> str:
    """Like score.py: casefold, accents off, '-'/'_' as spaces, other punctuation as spaces."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[-_\u2010-\u2015]", " ", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def contains(haystack: str, term: str) -> bool:
    """Whole-word phrase match of folded texts."""
    return f" {fold(term)} " in f" {fold(haystack)} "


def load(path: Path) -> list[dict]:
    with path.open("rb") as f:
        return tomllib.load(f).get("question", [])


def module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def halves() -> dict[str, list[dict]]:
    return {name: load(path) for name, path in FILES.items()}


@pytest.fixture(scope="module")
def questions(halves: dict[str, list[dict]]) -> list[dict]:
    return [q for qs in halves.values() for q in qs]


@pytest.fixture(scope="module")
def probe() -> list[dict]:
    """The probe sets (p001..., p101..., p201..., p301...)."""
    return [q for path in PROBES for q in load(path)]


@pytest.fixture(scope="module")
def answerable(questions: list[dict], probe: list[dict]) -> list[dict]:
    """Answerable questions of the halves and of the probe set (pages and terms checked alike)."""
    return [q for q in questions + probe if q["kind"] != "negative"]


@pytest.fixture(scope="module")
def vocabulary_names() -> list[str]:
    """Ids, names, aliases and abbreviations of the vocabulary's sectors, risks, organisations."""
    with VOCABULARY.open("rb") as f:
        data = tomllib.load(f)
    names: list[str] = []
    for table in ("sector", "risk", "organisation"):
        for entry in data.get(table, []):
            names += [entry.get("id"), entry.get("name_nl"), entry.get("name_en")]
            names += list(entry.get("aliases") or []) + list(entry.get("abbreviations") or [])
    return [fold(n) for n in names if n]


@pytest.fixture(scope="module")
def pages(indexed: Settings, answerable: list[dict]) -> dict[tuple[str, str], str]:
    """Folded text (sections and passages) of every expected page, by (doc id, printed page)."""
    library = Library(indexed)
    text: dict[tuple[str, str], str] = {}
    for q in answerable:
        for e in q["expected"]:
            key = (e["doc"], str(e["page"]))
            if key not in text:
                passages = library.passages_of(*key)
                text[key] = " ".join(f"{p.section} {p.text}" for p in passages) if passages else ""
    return text


# --------------------------------------------------------------------------- shape
def test_every_question_has_the_fields_score_py_reads(questions: list[dict]) -> None:
    for q in questions:
        where = q.get("id")
        assert re.fullmatch(r"t\d{3}", str(q.get("id"))), where
        assert isinstance(q.get("question"), str) and q["question"].strip(), where
        assert q.get("language") in LANGUAGES, where
        assert q.get("kind") in KINDS, where
        assert q.get("group") in GROUPS, where
        assert isinstance(q.get("expected"), list), where
        assert all(set(e) == {"doc", "page"} and isinstance(e["page"], str) for e in q["expected"]), where
        assert all(isinstance(t, str) and t.strip() for t in q.get("expected_terms", [])), where
        assert all(isinstance(t, str) and t.strip() for t in q.get("must_not", [])), where


def test_negatives_expect_nothing_and_answerable_questions_expect_a_page_and_terms(
    questions: list[dict], probe: list[dict]
) -> None:
    for q in questions + probe:
        if q["kind"] == "negative":
            assert q["expected"] == [] and q.get("expected_terms", []) == [], q["id"]
        else:
            assert q["expected"], q["id"]
            assert 1 <= len(q.get("expected_terms", [])) <= 4, q["id"]


def test_expected_documents_are_manifest_ids(answerable: list[dict]) -> None:
    with MANIFEST.open("rb") as f:
        ids = {d["id"] for d in tomllib.load(f).get("document", [])}
    for q in answerable:
        for e in q["expected"]:
            assert e["doc"] in ids, (q["id"], e)


# --------------------------------------------------------------------- the corpus
def test_every_expected_page_exists(answerable: list[dict], pages: dict) -> None:
    missing = [(q["id"], e["doc"], e["page"]) for q in answerable for e in q["expected"]
               if not pages[(e["doc"], e["page"])]]
    assert not missing, f"no such printed page: {missing}"


def test_every_expected_term_is_on_an_expected_page_or_a_vocabulary_name(
    answerable: list[dict], pages: dict, vocabulary_names: list[str]
) -> None:
    names = set(vocabulary_names)
    missing = []
    for q in answerable:
        texts = [pages[(e["doc"], e["page"])] for e in q["expected"]]
        for term in q["expected_terms"]:
            if fold(term) not in names and not any(contains(t, term) for t in texts):
                missing.append((q["id"], term))
    assert not missing, f"terms on none of the expected pages: {missing}"


# ------------------------------------------------------------------------ the probe set
def test_the_probe_set_is_well_formed_and_new(probe: list[dict], questions: list[dict]) -> None:
    """p001...: same fields as the halves, every group and language, a third negatives, no
    question of the halves repeated."""
    for q in probe:
        where = q.get("id")
        assert re.fullmatch(r"p\d{3}|q\d{4}", str(q.get("id"))), where
        assert isinstance(q.get("question"), str) and q["question"].strip(), where
        assert q.get("language") in LANGUAGES and q.get("kind") in KINDS, where
        assert q.get("group") in GROUPS, where
        assert all(set(e) == {"doc", "page"} and isinstance(e["page"], str) for e in q["expected"]), where
    assert max(Counter(q["id"] for q in probe).values()) == 1
    assert {q["group"] for q in probe} == GROUPS and {q["language"] for q in probe} == LANGUAGES
    assert sum(q["kind"] == "negative" for q in probe) >= len(probe) / 4
    assert not {fold(q["question"]) for q in probe} & {fold(q["question"]) for q in questions}


# ------------------------------------------------------------------------ the split
def test_the_halves_share_no_id_and_no_question(halves: dict[str, list[dict]]) -> None:
    ids = {name: Counter(str(q["id"]) for q in qs) for name, qs in halves.items()}
    texts = {name: Counter(fold(q["question"]) for q in qs) for name, qs in halves.items()}
    for name in halves:
        assert max(ids[name].values()) == 1, f"duplicate id in {name}"
        assert max(texts[name].values()) == 1, f"duplicate question in {name}"
    assert not set(ids["tuning"]) & set(ids["heldout"])
    assert not set(texts["tuning"]) & set(texts["heldout"])


def test_there_are_enough_questions_and_negatives(questions: list[dict]) -> None:
    negatives = sum(q["kind"] == "negative" for q in questions)
    assert len(questions) >= MIN_QUESTIONS
    assert negatives >= MIN_NEGATIVES
    assert negatives / len(questions) >= MIN_NEGATIVE_SHARE


def test_every_group_and_language_is_in_both_halves(halves: dict[str, list[dict]]) -> None:
    for name, qs in halves.items():
        assert {q["group"] for q in qs} == GROUPS, name
        assert {q["language"] for q in qs} == LANGUAGES, name
        for group in GROUPS:
            in_group = [q for q in qs if q["group"] == group]
            assert any(q["kind"] == "negative" for q in in_group), (name, group)
            assert any(q["kind"] != "negative" for q in in_group), (name, group)
    sizes = [len(qs) for qs in halves.values()]
    assert max(sizes) - min(sizes) <= 1


def test_the_halves_are_the_seeded_split() -> None:
    split = module(HERE / "split.py", "eval_split")
    assert split.check() == []


def test_score_py_scores_a_perfect_answer_perfectly(
    questions: list[dict], probe: list[dict], capsys: pytest.CaptureFixture[str]
) -> None:
    """score.py's own self-test on our questions: extra keys (group, notes) are ignored."""
    score = module(SCORER, "eval_score")
    with MANIFEST.open("rb") as f:
        manifest = tomllib.load(f)
    score.selftest(questions, manifest)
    score.selftest(probe, manifest)
    assert "selftest ok" in capsys.readouterr().out
