"""Benchmark of imvo-assist against a bare pypdf + Whoosh peer, every ratio measured in one run.

Usage (from the project root):

    uv run python bench/run.py --pages 1500 --json      # generated corpus of 1,500 PDF pages
    uv run python bench/run.py --pages 300              # JSON on stdout + a summary on stderr
    uv run python bench/run.py --corpus ../shared/corpus   # the shared test corpus as it is

Steps, in one run (see bench/README.md for what is compared and why it is fair):

1. corpus: distinct generated PDF pages (corpus_gen.py, cached under bench/out/corpus/), or the
   folder given with --corpus; hard-linked into a work dir under bench/out/.
2. ingest: `imvo-assist index` vs `bare.py index` as new processes: wall time, CPU time of the
   process tree, and the peak of the summed PSS of the tree sampled every 50 ms.
3. query: Library.search / Library.ask vs bare.query in this process, each on a searcher it keeps
   open; TIMED questions once each, WARM questions (a distinct set) for the warm figures.
4. cold_start: `imvo-assist ask --json` vs `bare.py ask` as new processes, through .venv/bin and
   through `uv run`; memory of one sampled run each.
5. reindex: `imvo-assist index` vs `bare.py index` with nothing changed, and after one PDF changed.

Prints one JSON object on stdout, each target beside its figure (`<key>_target`: max and pass).
Only the standard library and the project's dependencies are used.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import corpus_gen
import steps
from procs import rnd

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent / "out"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_SEED = 14


# ==== imvo_assist: the only place the benchmark names the project's modules ====================
# Everything else reaches the project through these and through the `imvo-assist` command.
IMVO_COMMAND = "imvo-assist"  # console script: .venv/bin/imvo-assist, `uv run imvo-assist`
IMVO_SETTINGS = "imvo_assist.settings"  # make_settings(corpus, index)
IMVO_LIBRARY = "imvo_assist.library"  # Library(settings): .search(text), .ask(question)
IMVO_TUI = "imvo_assist.tui.app"  # ImvoApp(settings), for the TUI ready time


def imvo_entry_points() -> SimpleNamespace:
    import importlib

    settings = importlib.import_module(IMVO_SETTINGS)
    library = importlib.import_module(IMVO_LIBRARY)
    return SimpleNamespace(
        library=lambda corpus, index: library.Library(settings.make_settings(corpus, index)),
        tui_ready=lambda ctx: steps.tui_ready(ctx, IMVO_SETTINGS, IMVO_TUI),
    )
# ==== end of imvo_assist uses ===================================================================


def ask_limit(pages: int) -> float:
    """ask p95 target: 50 ms at 1,500 pages, 150 ms at 15,000, linear between (flat outside)."""
    share = min(max((pages - 1500) / (15000 - 1500), 0.0), 1.0)
    return round(50 + share * 100, 1)


# (section, key, max, note); a figure passes when it is at most max.
def targets(pages: int) -> list[tuple[str, str, float, str]]:
    return [
        ("query", "ask_p95_ms", ask_limit(pages), "50 ms at 1,500 pages, 150 ms at 15,000"),
        ("query", "search_p95_ratio", 1.3, "search p95 / bare query p95"),
        ("cold_start", "ask_ratio", 2.0, "ask --json vs bare, through .venv/bin"),
        ("cold_start", "uv_ask_ratio", 2.5, "ask --json vs bare, through uv run"),
        ("reindex", "no_change_s", 0.5, "set at 15,000 pages"),
        ("reindex", "one_file_ratio", 2.0, "one changed PDF vs bare"),
        ("memory", "index_peak_pss_mb", 300.0, "summed PSS of the tree, set at 15,000 pages"),
        ("memory", "ask_peak_pss_mb", 150.0, "one ask process"),
        ("ingest", "cpu_ratio", 1.3, "CPU of the tree vs bare pypdf + Whoosh, same schema"),
        ("ingest", "wall_to_bare_cpu", 0.65, "our wall time / bare CPU time, 2 cores"),
    ]


def apply_targets(result: dict, pages: int) -> dict:
    """Put `<key>_target` beside each figure; return the summary."""
    failed, unknown = [], []
    for section, key, limit, note in targets(pages):
        value = result[section].get(key)
        passed = None if value is None else value <= limit
        result[section][f"{key}_target"] = {"max": limit, "pass": passed, "note": note}
        if passed is None:
            unknown.append(f"{section}.{key}")
        elif not passed:
            failed.append(f"{section}.{key}")
    return {"count": len(targets(pages)), "failed": failed, "not_measured": unknown,
            "all_pass": not failed and not unknown}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1500,
                        help="PDF pages of the generated corpus (default 1500)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    parser.add_argument("--corpus", type=Path,
                        help=f"use this folder as it is instead (e.g. {SHARED_CORPUS})")
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--out", type=Path, help="keep the work dir under this folder")
    parser.add_argument("--cold-runs", type=int, default=5,
                        help="timed runs of each new-process measurement (default 5)")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="run everything with PYTHONDONTWRITEBYTECODE=1 "
                        "(default: compiled modules cached under bench/out/pycache)")
    parser.add_argument("--no-uv", action="store_true", help="skip the `uv run` figures")
    args = parser.parse_args(argv)
    if args.pages < 1 or args.cold_runs < 1:
        parser.error("--pages and --cold-runs must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    parent = args.out or OUT
    parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="run-", dir=parent)).resolve()
    try:
        return run(args, work)
    finally:
        if args.out is None:
            shutil.rmtree(work, ignore_errors=True)


def environment(args: argparse.Namespace, work: Path) -> dict[str, str]:
    """The environment of every measured process (and of this one): a private data dir, and
    compiled modules cached as an installed app has them (unless --no-bytecode-cache)."""
    os.environ["IMVO_ASSIST_DATA"] = str(work / "data")
    os.environ.pop("IMVO_ASSIST_CORPUS", None)
    if args.no_bytecode_cache:
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
        os.environ.pop("PYTHONPYCACHEPREFIX", None)
    else:
        prefix = OUT / "pycache"
        prefix.mkdir(parents=True, exist_ok=True)
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(prefix)
        sys.dont_write_bytecode = False
        sys.pycache_prefix = str(prefix)
    return dict(os.environ)


def make_corpus(args: argparse.Namespace, target: Path) -> tuple[dict, dict[Path, int]]:
    """Link the corpus into the work dir; its description and the PDF pages of each PDF."""
    from pypdf import PdfReader

    if args.corpus is not None:
        source = args.corpus.resolve()
        info: dict[str, object] = {"kind": "directory", "source": str(source)}
    else:
        source, generated = corpus_gen.generated_corpus(args.pages, args.seed)
        info = {**generated, "source": str(source)}
    target.mkdir()
    pdfs: dict[Path, int] = {}
    files = 0
    for path in sorted(source.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            files += 1
            steps.link_or_copy(path, target / path.name)
            if path.suffix.lower() == ".pdf":
                pdfs[target / path.name] = len(PdfReader(path).pages)
    info.update(files=files, pdf_files=len(pdfs), other_files=files - len(pdfs),
                pdf_pages=sum(pdfs.values()))
    if not pdfs:
        raise SystemExit(f"bench: no PDF in {source}")
    return info, pdfs


def launchers(
    args: argparse.Namespace, notes: list[str]
) -> tuple[steps.Launcher, steps.Launcher | None]:
    bin_dir = Path(sys.executable).parent
    command = bin_dir / IMVO_COMMAND
    if not command.exists():
        raise SystemExit(f"bench: {command} not found; run `uv sync` and start the bench with "
                         "the project's .venv (uv run python bench/run.py)")
    venv = steps.Launcher("venv", [str(command)], [sys.executable, str(steps.BARE_SCRIPT)])
    uv = shutil.which("uv")
    if args.no_uv or uv is None:
        notes.append("uv run figures skipped" + ("" if args.no_uv else ": uv not on PATH"))
        return venv, None
    return venv, steps.Launcher("uv", [uv, "run", IMVO_COMMAND],
                                [uv, "run", "python", str(steps.BARE_SCRIPT)])


def run(args: argparse.Namespace, work: Path) -> int:
    started = time.perf_counter()
    load_before = os.getloadavg()
    log = (lambda message: None) if args.json else (
        lambda message: print(message, file=sys.stderr, flush=True))
    env = environment(args, work)
    notes: list[str] = []
    venv, uv = launchers(args, notes)
    log(f"bench: work dir {work}")
    corpus_info, pdfs = make_corpus(args, work / "corpus")
    log(f"bench: corpus of {corpus_info['files']} files, {corpus_info['pdf_pages']} PDF pages")
    ctx = steps.Context(
        work=work, corpus=work / "corpus", index=work / "data" / "index",
        bare_index=work / "bare-index", env=env, imvo=imvo_entry_points(), venv=venv, uv=uv,
        cold_runs=args.cold_runs, log=log, notes=notes,
    )
    by_size = sorted(pdfs, key=lambda p: (pdfs[p], p.name))
    steps.warm_up(ctx, by_size[:2])
    ingest, memory = steps.ingest(ctx, corpus_info["pdf_pages"])
    query = steps.time_queries(ctx)
    log("bench: queries timed")
    cold, ask_memory = steps.cold_start(ctx)
    changed = by_size[len(by_size) // 2]  # a PDF of median size
    reindexed = steps.reindex(ctx, changed, pdfs[changed])
    pages = corpus_info["pdf_pages"]
    result: dict[str, Any] = {
        "machine": machine(args, load_before),
        "corpus": corpus_info,
        "ingest": ingest,
        "query": query,
        "cold_start": cold,
        "reindex": reindexed,
        "memory": {**memory, **ask_memory, "sample_interval_ms": {
            "index": steps.INGEST_SAMPLE_S * 1000, "ask": steps.ASK_SAMPLE_S * 1000}},
    }
    result["targets"] = apply_targets(result, pages)
    result["errors"] = ctx.errors
    result["notes"] = notes
    result["machine"]["loadavg_after"] = [round(x, 2) for x in os.getloadavg()]
    result["bench_seconds"] = rnd(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if not args.json:
        print(summary(result), file=sys.stderr)
    return 0


def machine(args: argparse.Namespace, load_before: tuple[float, ...]) -> dict:
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "whoosh": _version("whoosh-reloaded"),
        "pypdf": _version("pypdf"),
        "imvo_assist": _version("imvo-assist"),
        "bytecode": "none" if args.no_bytecode_cache else "cached",
        "loadavg_before": [round(x, 2) for x in load_before],
    }


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def summary(r: dict) -> str:
    """The figures with their targets, one line each, for a person."""
    load = r["machine"]["loadavg_before"][0], r["machine"]["loadavg_after"][0]
    corpus = (f"corpus  {r['corpus']['files']} files, {r['corpus']['pdf_pages']} PDF pages "
              f"({r['ingest']['printed_pages']} printed), load {load[0]} -> {load[1]}")
    lines = ["", corpus]
    shown = {
        "ingest": ("wall_s", "bare_wall_s", "cpu_s", "bare_cpu_s", "pdf_pages_per_s",
                   "bare_pdf_pages_per_s", "cpu_ratio", "wall_to_bare_cpu"),
        "query": ("ask_p50_ms", "ask_p95_ms", "search_p50_ms", "search_p95_ms",
                  "bare_query_p50_ms", "bare_query_p95_ms", "search_p95_ratio", "ask_p95_ratio",
                  "warm_ask_p95_ms", "warm_search_p95_ratio"),
        "cold_start": ("ask_s", "bare_ask_s", "ask_ratio", "uv_ask_s", "uv_bare_ask_s",
                       "uv_ask_ratio", "tui_ready_s"),
        "reindex": ("no_change_s", "bare_no_change_s", "uv_no_change_s", "one_file_s",
                    "bare_one_file_s", "one_file_ratio"),
        "memory": ("index_peak_pss_mb", "bare_index_peak_pss_mb", "ask_peak_pss_mb",
                   "bare_ask_peak_pss_mb"),
    }
    for section, keys in shown.items():
        for key in keys:
            target = r[section].get(f"{key}_target")
            mark = ""
            if target is not None:
                verdict = {True: "pass", False: "FAIL", None: "?"}[target["pass"]]
                mark = f"   (<= {target['max']}: {verdict})"
            lines.append(f"{section + '.' + key:38} {r[section].get(key)}{mark}")
    t = r["targets"]
    lines.append(f"targets: {t['count'] - len(t['failed']) - len(t['not_measured'])}/{t['count']} "
                 f"pass; failed {t['failed'] or 'none'}; errors {len(r['errors'])}; "
                 f"{r['bench_seconds']} s")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
