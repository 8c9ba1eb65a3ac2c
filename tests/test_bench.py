"""The benchmark runs on a tiny generated corpus and reports every figure with its target (no
timings are asserted: speed is measured by the benchmark, not by tests); the corpus generator is
deterministic and its pages are distinct."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
KEYS = {
    "corpus": ("files", "pdf_files", "pdf_pages", "printed_pages"),
    "ingest": (
        "pdf_pages", "printed_pages", "passages", "wall_s", "cpu_s", "pdf_pages_per_s",
        "bare_pdf_pages", "bare_wall_s", "bare_cpu_s", "bare_pypdf_cpu_s", "bare_whoosh_cpu_s",
        "bare_pdf_pages_per_s", "pdf_pages_per_s_ratio", "wall_ratio", "cpu_ratio",
        "wall_to_bare_cpu",
    ),
    "query": tuple(
        f"{warm}{name}_p{q}_ms" for warm in ("", "warm_")
        for name in ("search", "ask", "bare_query") for q in (50, 95)
    ) + tuple(
        f"{warm}{name}_p{q}_ratio" for warm in ("", "warm_") for name in ("search", "ask")
        for q in (50, 95)
    ) + ("search_cpu_p95_ms", "bare_query_cpu_p95_ms", "search_cpu_p95_ratio",
         "ask_first_call_ms", "timed_questions", "warm_questions", "ask_not_found"),
    "cold_start": (
        "ask_s", "bare_ask_s", "ask_ratio", "uv_ask_s", "uv_bare_ask_s", "uv_ask_ratio",
        "ask_cpu_s", "bare_ask_cpu_s", "tui_ready_s", "tui_index_ready_s",
    ),
    "reindex": (
        "no_change_s", "bare_no_change_s", "no_change_ratio", "uv_no_change_s",
        "uv_bare_no_change_s", "uv_no_change_ratio", "one_file_s", "bare_one_file_s",
        "one_file_ratio", "one_file_read", "bare_one_file_changed",
    ),
    "memory": (
        "index_peak_pss_mb", "index_parent_peak_pss_mb", "bare_index_peak_pss_mb",
        "ask_peak_pss_mb", "ask_peak_rss_mb", "bare_ask_peak_pss_mb",
    ),
}
TARGETS = (
    "query.ask_p95_ms", "query.search_p95_ratio", "cold_start.ask_ratio",
    "cold_start.uv_ask_ratio", "reindex.no_change_s", "reindex.one_file_ratio",
    "memory.index_peak_pss_mb", "memory.ask_peak_pss_mb", "ingest.cpu_ratio",
    "ingest.wall_to_bare_cpu",
)


@pytest.mark.slow
def test_benchmark_emits_every_figure_and_target(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--pages", "24", "--cold-runs", "1", "--json",
         "--out", str(tmp_path / "w")],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["errors"] == []
    assert result["corpus"]["pdf_pages"] == result["ingest"]["pdf_pages"] == 24
    assert result["ingest"]["bare_pdf_pages"] == 24  # the same pages on both sides
    for section, keys in KEYS.items():
        for key in keys:
            assert isinstance(result[section].get(key), (int, float)), f"{section}.{key}"
    for key in TARGETS:
        section, name = key.split(".")
        target = result[section][f"{name}_target"]
        assert target["max"] > 0 and isinstance(target["pass"], bool), key
    assert result["targets"]["count"] == len(TARGETS)


def test_generated_corpus_is_deterministic_and_distinct(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import corpus_gen
        from pypdf import PdfReader
    finally:
        sys.path.remove(str(BENCH))
    first, info = corpus_gen.generated_corpus(40, seed=3, cache=tmp_path / "a")
    second, _ = corpus_gen.generated_corpus(40, seed=3, cache=tmp_path / "b")
    digest = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in first.iterdir()}
    assert digest == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in second.iterdir()}
    assert info["pdf_pages"] == 40
    pages = [page.extract_text() for path in sorted(first.iterdir())
             for page in PdfReader(path).pages]
    assert len(pages) == 40 and len(set(pages)) == 40
    text = "\n".join(pages)
    assert re.search(r"^\d+ \| .+ \| [A-Z]+ \d{4}$", text, re.MULTILINE)  # left running header
    assert re.search(r"^[A-Z]+ \d{4} \| .+ \| \d+$", text, re.MULTILINE)  # right running header
    assert re.search(r"^\d+  \S", text, re.MULTILINE) and re.search(r"\[\d+\]", text)
    assert {"Milieu", "Arbeid", "Mensenrechten"} <= set(text.splitlines())
