#!/usr/bin/env python3
"""In-process evaluation: every question set asked through the library, scored by score.py.

    uv run python tests/eval/run_eval.py [--sets dev,tuning,heldout,probe,probe2,probe3,probe4,probe5,probe6,probe7,probe8,probe9,probe10,probe11,probe12,...,probe37] [--reference] [--rows]

The index of the corpus (default ../shared/corpus) is built or opened once; each question goes
to `library.ask(q).to_dict()` (and with --reference also to the plain BM25 reference of
`reference_bm25.py`). The metrics are computed by ../shared/eval/score.py's own functions
(`load_manifest`, `evaluate`, `summary_line`), loaded with importlib, so the figures match a run of
score.py with one process per question; only the timing differs (p95 here is in-process).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from imvo_assist.library import open_library
from imvo_assist.settings import make_settings

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
SETS = {
    "dev": SHARED / "eval" / "dev-questions.toml",
    "tuning": HERE / "questions-tuning.toml",
    "heldout": HERE / "questions-heldout.toml",
    "probe": HERE / "questions-probe.toml",
    "probe2": HERE / "questions-probe2.toml",
    "probe3": HERE / "questions-probe3.toml",
    "probe4": HERE / "questions-probe4.toml",
    "probe5": HERE / "questions-probe5.toml",
    "probe6": HERE / "questions-probe6.toml",
    "probe7": HERE / "questions-probe7.toml",
    "probe8": HERE / "questions-probe8.toml",
    "probe9": HERE / "questions-probe9.toml",
    "probe10": HERE / "questions-probe10.toml",
    "probe11": HERE / "questions-probe11.toml",
    "probe12": HERE / "questions-probe12.toml",
    "probe13": HERE / "questions-probe13.toml",
    "probe14": HERE / "questions-probe14.toml",
    "probe15": HERE / "questions-probe15.toml",
    "probe16": HERE / "questions-probe16.toml",
    "probe17": HERE / "questions-probe17.toml",
    "probe18": HERE / "questions-probe18.toml",
    "probe19": HERE / "questions-probe19.toml",
    "probe20": HERE / "questions-probe20.toml",
    "probe21": HERE / "questions-probe21.toml",
    "probe22": HERE / "questions-probe22.toml",
    "probe23": HERE / "questions-probe23.toml",
    "probe24": HERE / "questions-probe24.toml",
    "probe25": HERE / "questions-probe25.toml",
    "probe26": HERE / "questions-probe26.toml",
    "probe27": HERE / "questions-probe27.toml",
    "probe28": HERE / "questions-probe28.toml",
    "probe29": HERE / "questions-probe29.toml",
    "probe30": HERE / "questions-probe30.toml",
    "probe31": HERE / "questions-probe31.toml",
    "probe32": HERE / "questions-probe32.toml",
    "probe33": HERE / "questions-probe33.toml",
    "probe34": HERE / "questions-probe34.toml",
    "probe35": HERE / "questions-probe35.toml",
    "probe36": HERE / "questions-probe36.toml",
    "probe37": HERE / "questions-probe37.toml",
}
Answerer = Callable[[dict], tuple[dict | None, float, str | None]]


def load_module(name: str, path: Path) -> ModuleType:
    """A module from a file path (score.py and reference_bm25.py are not packages)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def engine_answerer(library: object) -> Answerer:
    """Ask through the library; a crash is a command error, as score.py would see it."""
    def answer(q: dict) -> tuple[dict | None, float, str | None]:
        started = time.perf_counter()
        try:
            obj = library.ask(q["question"]).to_dict()  # type: ignore[attr-defined]
        except Exception as exc:  # noqa: BLE001 - reported per question, like a failed process
            return None, time.perf_counter() - started, f"{type(exc).__name__}: {exc}"
        return obj, time.perf_counter() - started, None
    return answer


def reference_answerer(library: object) -> Answerer:
    """The plain per-page BM25 reference of reference_bm25.py, in process."""
    reference = load_module("reference_bm25", HERE / "reference_bm25.py").reference

    def answer(q: dict) -> tuple[dict | None, float, str | None]:
        started = time.perf_counter()
        obj = reference(library, q["question"])
        return obj, time.perf_counter() - started, None
    return answer


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--index", type=Path, help="index folder (default: as imvo-assist)")
    ap.add_argument("--sets", default="dev,tuning,heldout", help="comma-separated names of SETS (dev, tuning, heldout, probe, probe2 ... probe37)")
    ap.add_argument("--reference", action="store_true", help="also score the plain BM25 reference")
    ap.add_argument("--rows", action="store_true", help="print score.py's per-question table")
    ap.add_argument("--only", help="comma-separated question ids")
    a = ap.parse_args(argv)
    score = load_module("score", SHARED / "eval" / "score.py")
    alias = score.load_manifest(a.corpus / "MANIFEST.toml")
    library = open_library(make_settings(a.corpus, a.index))
    systems = [("engine", engine_answerer(library))]
    if a.reference:
        systems.append(("reference", reference_answerer(library)))
    for name in a.sets.split(","):
        questions = tomllib.loads(SETS[name].read_text(encoding="utf-8")).get("question", [])
        if a.only:
            questions = [q for q in questions if q.get("id") in a.only.split(",")]
        for system, answerer in systems:
            summary, _ = score.evaluate(questions, alias, answerer, out=a.rows)
            print(f"{system:<9} {name:<8} {score.summary_line(summary)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
