"""The benchmark runs on a tiny corpus and reports every key the README's table is built from
(no timings are asserted: speed is measured by the benchmark, not by tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "run.py"
KEYS = (
    "ingest.pages_per_s", "ingest.pypdf_pages_per_s", "ingest.ratio", "query.search_p95_ms",
    "query.ask_p95_ms", "query.bare_p95_ms", "query.search_ratio", "query.ask_ratio",
    "cold_start.ask_s", "cold_start.bare_s", "cold_start.ratio", "cold_start.tui_ready_s",
    "reindex.one_file_s", "reindex.one_file_ratio", "reindex.no_change_s",
    "memory.index_peak_mb", "memory.ask_peak_mb",
)


def test_benchmark_emits_every_field(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--pages", "30", "--repeat", "1", "--json", "--out", str(tmp_path / "w")],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    for key in KEYS:
        section, name = key.split(".")
        assert name in result[section], key
        if name != "tui_ready_s" or result[section][name] is not None:
            assert isinstance(result[section][name], (int, float)), key
    assert result["errors"] == []
