"""The measured steps of the benchmark; run.py sets up the corpus and calls them in order.

Every step measures the project and the bare peer (bare.py) side by side, in the same run, the
same way: new processes through the same launcher, or calls in this process on a searcher each
side keeps open. The project is reached only through `imvo` (run.py's one block of project
imports) and its command-line entry point.
"""

from __future__ import annotations

import gc
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import bare
import procs
import questions
from procs import percentile, ratio, rnd

ROOT = Path(__file__).resolve().parents[1]
BARE_SCRIPT = Path(__file__).resolve().parent / "bare.py"
ASK_EXIT_CODES = (0, 1)  # answered / "not found"
INGEST_SAMPLE_S = 0.05
ASK_SAMPLE_S = 0.01


@dataclass
class Launcher:
    """How a user starts each side: `.venv/bin/imvo-assist` vs `.venv/bin/python bench/bare.py`,
    or `uv run imvo-assist` vs `uv run python bench/bare.py`."""

    name: str
    ours: list[str]
    bare: list[str]


@dataclass
class Context:
    work: Path
    corpus: Path
    index: Path
    bare_index: Path
    env: dict[str, str]
    imvo: SimpleNamespace
    venv: Launcher
    uv: Launcher | None
    cold_runs: int
    log: Callable[[str], None]
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def ours(self, launcher: Launcher, *args: str) -> list[str]:
        return [*launcher.ours, "--corpus", str(self.corpus), "--index", str(self.index), *args]

    def run(
        self, cmd: list[str], sample_s: float | None = None, env: dict | None = None
    ) -> procs.Run:
        return procs.run(cmd, env or self.env, ROOT, sample_s)


# --- ingest ---------------------------------------------------------------------------------


def ingest(ctx: Context, pdf_pages: int) -> tuple[dict, dict]:
    """A full index build as a new process on each side, CPU and summed PSS of the tree."""
    ours = ctx.run(ctx.ours(ctx.venv, "index", "--json"), INGEST_SAMPLE_S)
    if ours.rc != 0:
        raise SystemExit(f"bench: indexing failed (exit {ours.rc}):\n{ours.stderr[-3000:]}")
    files = json.loads(ours.stdout)
    statuses = Counter(f["status"] for f in files)
    if statuses.get("indexed", 0) != len(files):
        ctx.errors.append(f"ingest: not every file was indexed: {dict(statuses)}")
    ctx.log(f"bench: ours indexed in {ours.wall_s:.2f} s")
    peer = ctx.run([*ctx.venv.bare, "index", str(ctx.corpus), str(ctx.bare_index), str(ctx.index)],
                   INGEST_SAMPLE_S)
    if peer.rc != 0:
        raise SystemExit(f"bench: bare indexing failed:\n{peer.stderr[-3000:]}")
    done = json.loads(peer.stdout)
    ctx.log(f"bench: bare indexed {done['pages']} pages in {peer.wall_s:.2f} s")
    section = {
        "pdf_pages": pdf_pages,
        "printed_pages": sum(f["pages"] for f in files if f["status"] == "indexed"),
        "files": len(files),
        "statuses": dict(statuses),
        "passages": sum(f["passages"] for f in files),
        "wall_s": rnd(ours.wall_s),
        "cpu_s": rnd(ours.cpu_s),
        "pdf_pages_per_s": rnd(pdf_pages / ours.wall_s, 1),
        "bare_pdf_pages": done["pages"],
        "bare_wall_s": rnd(peer.wall_s),
        "bare_cpu_s": rnd(peer.cpu_s),
        "bare_pypdf_cpu_s": rnd(done["extract_cpu_s"]),
        "bare_whoosh_cpu_s": rnd(done["index_cpu_s"]),
        "bare_pdf_pages_per_s": rnd(done["pages"] / peer.wall_s, 1),
        "pdf_pages_per_s_ratio": ratio(pdf_pages / ours.wall_s, done["pages"] / peer.wall_s),
        "wall_ratio": ratio(ours.wall_s, peer.wall_s),
        "cpu_ratio": ratio(ours.cpu_s, peer.cpu_s),
        "wall_to_bare_cpu": ratio(ours.wall_s, peer.cpu_s),
    }
    memory = {
        "index_peak_pss_mb": ours.mb("peak_sum"),
        "index_parent_peak_pss_mb": ours.mb("peak_root"),
        "index_processes": ours.memory.peak_processes if ours.memory else None,
        "bare_index_peak_pss_mb": peer.mb("peak_sum"),
    }
    return section, memory


# --- queries in this process ----------------------------------------------------------------


def time_queries(ctx: Context) -> dict:
    """Search, ask and the bare query on searchers kept open; TIMED questions once each."""
    from whoosh.index import open_dir

    search_lib = ctx.imvo.library(ctx.corpus, ctx.index)
    ask_lib = ctx.imvo.library(ctx.corpus, ctx.index)  # no instance state shared with search
    ix = open_dir(str(ctx.index))
    searcher = ix.searcher()
    analyzer, frag = ix.schema["text_nl"].analyzer, bare.fragmenter()
    calls = {
        "bare_query": lambda q: bare.query(searcher, analyzer, frag, q),
        "search": search_lib.search,
        "ask": ask_lib.ask,
    }
    first = {}
    for index, question in enumerate(questions.WARM):  # untimed: opens the index, fills caches
        for name, call in calls.items():
            started = time.perf_counter()
            call(question)
            if index == 0:
                first[name] = (time.perf_counter() - started) * 1000
    gc.collect()
    timed, answers = _timed_pass(calls, questions.TIMED)
    warm, _ = _timed_pass(calls, questions.WARM)
    not_found = sum(bool(answer.not_found) for answer in answers["ask"])
    searcher.close()
    section: dict = {"timed_questions": len(questions.TIMED),
                     "warm_questions": len(questions.WARM), "ask_not_found": not_found}
    for prefix, (wall, cpu) in (("", timed), ("warm_", warm)):
        for name in calls:
            for q in (50, 95):
                section[f"{prefix}{name}_p{q}_ms"] = rnd(percentile(wall[name], q), 2)
        for name in ("search", "ask"):
            for q in (50, 95):
                section[f"{prefix}{name}_p{q}_ratio"] = ratio(
                    percentile(wall[name], q), percentile(wall["bare_query"], q))
        if not prefix:
            for name in calls:
                section[f"{name}_max_ms"] = rnd(max(wall[name]), 2)
                section[f"{name}_cpu_p95_ms"] = rnd(percentile(cpu[name], 95), 2)
            section["search_cpu_p95_ratio"] = ratio(
                percentile(cpu["search"], 95), percentile(cpu["bare_query"], 95))
    for name in calls:
        section[f"{name}_first_call_ms"] = rnd(first.get(name), 1)
    return section


def _timed_pass(calls: dict, asked: tuple[str, ...]) -> tuple[tuple[dict, dict], dict]:
    """Each question once per side; the side that goes first rotates from question to question
    (the sides share the OS page cache of the index, so no side always pays for it)."""
    names = list(calls)
    wall: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    results: dict[str, list] = {name: [] for name in names}
    for index, question in enumerate(asked):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            cpu_started = time.process_time()
            started = time.perf_counter()
            result = calls[name](question)
            wall[name].append((time.perf_counter() - started) * 1000)
            cpu[name].append((time.process_time() - cpu_started) * 1000)
            results[name].append(result)
    return (wall, cpu), results


# --- new processes: cold ask, no-change and one-file re-index ----------------------------


def _pair(ctx: Context, ours_cmd: list[str], bare_cmd: list[str], runs: int,
          ours_codes: tuple[int, ...], label: str) -> tuple[list[procs.Run], list[procs.Run]]:
    """`runs` runs of each command, alternating which goes first; failed runs dropped."""
    ours: list[procs.Run] = []
    peer: list[procs.Run] = []
    for index in range(runs):
        order = [("ours", ours_cmd), ("bare", bare_cmd)]
        for side, cmd in order if index % 2 == 0 else order[::-1]:
            (ours if side == "ours" else peer).append(ctx.run(cmd))
    for side, found, codes in (("ours", ours, ours_codes), ("bare", peer, (0, 1))):
        bad = [r for r in found if r.rc not in codes]
        if bad:
            ctx.errors.append(f"{label} {side}: exit {bad[0].rc}: {bad[0].stderr[-1500:]}")
            found.clear()
    return ours, peer


def _median(found: list[procs.Run], key: str = "wall_s") -> float | None:
    return statistics.median(getattr(r, key) for r in found) if found else None


def cold_start(ctx: Context) -> tuple[dict, dict]:
    """New processes answering one question: `ask --json` vs bare.py ask, per launcher."""
    question = questions.COLD
    section: dict = {"question": question, "runs": ctx.cold_runs}
    for launcher in (ctx.venv, ctx.uv):
        prefix = "" if launcher is ctx.venv else "uv_"
        if launcher is None:
            for key in ("ask_s", "bare_ask_s", "ask_ratio"):
                section[f"uv_{key}"] = None
            continue
        ours_cmd = ctx.ours(launcher, "ask", "--json", question)
        bare_cmd = [*launcher.bare, "ask", str(ctx.index), question]
        _pair(ctx, ours_cmd, bare_cmd, 1, ASK_EXIT_CODES, "cold warm-up")  # bytecode, page cache
        label = f"cold {launcher.name}"
        ours, peer = _pair(ctx, ours_cmd, bare_cmd, ctx.cold_runs, ASK_EXIT_CODES, label)
        section[f"{prefix}ask_s"] = rnd(_median(ours))
        section[f"{prefix}bare_ask_s"] = rnd(_median(peer))
        section[f"{prefix}ask_ratio"] = ratio(_median(ours), _median(peer))
        if launcher is ctx.venv:
            section["ask_min_s"] = rnd(min(r.wall_s for r in ours)) if ours else None
            section["bare_ask_min_s"] = rnd(min(r.wall_s for r in peer)) if peer else None
            section["ask_cpu_s"] = rnd(_median(ours, "cpu_s"))
            section["bare_ask_cpu_s"] = rnd(_median(peer, "cpu_s"))
            try:
                section["answered"] = not json.loads(ours[0].stdout).get("not_found", True)
            except (ValueError, IndexError):
                section["answered"] = None
                ctx.errors.append("cold ask: no JSON answer on stdout")
    ctx.log("bench: cold starts timed")
    # Memory: one more run of each, sampled (not timed: sampling takes CPU from the command)
    sampled = ctx.run(ctx.ours(ctx.venv, "ask", "--json", question), ASK_SAMPLE_S)
    bare_sampled = ctx.run([*ctx.venv.bare, "ask", str(ctx.index), question], ASK_SAMPLE_S)
    memory = {
        "ask_peak_pss_mb": sampled.mb("peak_sum"),
        "ask_peak_rss_mb": sampled.mb("root_hwm"),
        "bare_ask_peak_pss_mb": bare_sampled.mb("peak_sum"),
        "bare_ask_peak_rss_mb": bare_sampled.mb("root_hwm"),
    }
    if not ctx.env.get("PYTHONDONTWRITEBYTECODE"):
        env = dict(ctx.env, PYTHONDONTWRITEBYTECODE="1")
        env.pop("PYTHONPYCACHEPREFIX", None)
        plain = ctx.run(ctx.ours(ctx.venv, "ask", "--json", question), env=env)
        answered = plain.rc in ASK_EXIT_CODES
        section["ask_no_bytecode_cache_s"] = rnd(plain.wall_s) if answered else None
    section.update(ctx.imvo.tui_ready(ctx))
    return section, memory


def reindex(ctx: Context, changed: Path, changed_pages: int) -> dict:
    """`index` with nothing changed, and after one PDF changed, as new processes on each side."""
    section: dict = {"runs": ctx.cold_runs}
    for launcher in (ctx.venv, ctx.uv):
        prefix = "" if launcher is ctx.venv else "uv_"
        if launcher is None:
            for key in ("no_change_s", "bare_no_change_s", "no_change_ratio"):
                section[f"uv_{key}"] = None
            continue
        ours_cmd = ctx.ours(launcher, "index")
        bare_cmd = [*launcher.bare, "index", str(ctx.corpus), str(ctx.bare_index)]
        label = f"no-change {launcher.name}"
        ours, peer = _pair(ctx, ours_cmd, bare_cmd, ctx.cold_runs, (0,), label)
        section[f"{prefix}no_change_s"] = rnd(_median(ours))
        section[f"{prefix}bare_no_change_s"] = rnd(_median(peer))
        section[f"{prefix}no_change_ratio"] = ratio(_median(ours), _median(peer))
    ours_runs: list[procs.Run] = []
    bare_runs: list[procs.Run] = []
    read: list[int | None] = []
    for revision in range(1, ctx.cold_runs + 1):
        revise_pdf(changed, revision, ctx.work)
        pair = [(ours_runs, ctx.ours(ctx.venv, "index")),
                (bare_runs, [*ctx.venv.bare, "index", str(ctx.corpus), str(ctx.bare_index)])]
        for found, cmd in pair if revision % 2 else pair[::-1]:
            found.append(ctx.run(cmd))
        read.append(_files_read(ours_runs[-1].stderr))
    for side, found in (("ours", ours_runs), ("bare", bare_runs)):
        if any(r.rc != 0 for r in found):
            ctx.errors.append(f"one-file {side}: {found[0].stderr[-1500:]}")
            found.clear()
    section.update({
        "one_file": changed.name,
        "one_file_pdf_pages": changed_pages,
        "one_file_s": rnd(_median(ours_runs)),
        "bare_one_file_s": rnd(_median(bare_runs)),
        "one_file_ratio": ratio(_median(ours_runs), _median(bare_runs)),
        "one_file_read": read[0] if read else None,
        "bare_one_file_changed": json.loads(bare_runs[0].stdout)["changed"] if bare_runs else None,
    })
    ctx.log("bench: re-index timed")
    return section


def revise_pdf(path: Path, revision: int, scratch: Path) -> None:
    """Make a new version of a PDF (a comment line after %%EOF: same pages, new size, mtime and
    hash); written beside and renamed over, so the cached corpus it is linked to stays as is."""
    staging = scratch / f"revise-{path.name}"
    staging.write_bytes(path.read_bytes() + b"%%bench-revision %d\n" % revision)
    os.replace(staging, path)


def _files_read(stderr: str) -> int | None:
    found = re.search(r"(\d+) read\b", stderr)
    return int(found.group(1)) if found else None


def warm_up(ctx: Context, sample: list[Path]) -> None:
    """Unmeasured: index a few files with each side once (compiles and caches the bytecode of
    the parent, the workers and the bare script), then read every corpus file once so both
    sides find the corpus in the page cache."""
    corpus = ctx.work / "warm-corpus"
    corpus.mkdir()
    for path in sample:
        link_or_copy(path, corpus / path.name)
    index, bare_index = ctx.work / "warm-index", ctx.work / "warm-bare"
    for command in (
        [*ctx.venv.ours, "--corpus", str(corpus), "--index", str(index), "index"],
        [*ctx.venv.bare, "index", str(corpus), str(bare_index), str(index)],
    ):
        done = ctx.run(command)
        if done.rc != 0:
            raise SystemExit(f"bench: warm-up failed: {' '.join(command)}\n{done.stderr[-3000:]}")
    for path in ctx.corpus.iterdir():
        path.read_bytes()


def link_or_copy(source: Path, target: Path) -> None:
    """A hard link (the corpus cache and the work dir are both under bench/out), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


TUI_READY_SCRIPT = """
import asyncio, sys, time
from pathlib import Path
launched = float(sys.argv[3])
from textual.widgets import Input
from {settings} import make_settings
from {tui} import ImvoApp

async def main():
    app = ImvoApp(make_settings(Path(sys.argv[1]), Path(sys.argv[2])))
    async with app.run_test(size=(100, 30)) as pilot:
        while not isinstance(app.focused, Input):
            await pilot.pause(0.005)
        ready = time.time() - launched
        while app.library is None:
            await pilot.pause(0.005)
        print(ready, time.time() - launched)

asyncio.run(main())
"""


def tui_ready(ctx: Context, settings_module: str, tui_module: str) -> dict:
    """Seconds from launching the TUI in a new process (existing index) to a focused question
    box, and to the index being open behind it; median of the cold runs after a warm-up."""
    script = TUI_READY_SCRIPT.format(settings=settings_module, tui=tui_module)
    runs = []
    for attempt in range(ctx.cold_runs + 1):
        cmd = [sys.executable, "-c", script, str(ctx.corpus), str(ctx.index), str(time.time())]
        done = subprocess.run(cmd, env=ctx.env, cwd=ROOT, capture_output=True, text=True,
                              timeout=120, check=False)
        if done.returncode != 0:
            ctx.errors.append(f"tui ready: exit {done.returncode}: {done.stderr[-1500:]}")
            return {"tui_ready_s": None, "tui_index_ready_s": None}
        if attempt:
            runs.append([float(x) for x in done.stdout.split()])
    return {
        "tui_ready_s": rnd(statistics.median(r[0] for r in runs)),
        "tui_index_ready_s": rnd(statistics.median(r[1] for r in runs)),
    }
