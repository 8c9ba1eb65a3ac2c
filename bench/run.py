"""Benchmark of imvo-assist against bare pypdf and bare Whoosh, on a scaled copy of the test corpus.

Usage (from the project root):

    uv run python bench/run.py --pages 1500 --json
    uv run python bench/run.py --pages 300 --repeat 5 --out /tmp/imvo-bench

Steps, in one run:

1. Build a scaled corpus: copies of the test corpus' PDF, .txt and .md files (no CSV) under
   varied names (`copy-017-sra-testrapport.pdf`) until ~N pages (PDF pages by pypdf, 1 per text
   file). Copies have no metadata entry, so each gets its own doc id from its file name.
2. ingest: `refresh(settings, rebuild=True)` in a child process (its peak RSS via a launcher), next
   to bare pypdf (PdfReader + extract_text on every page, one process) and a bare Whoosh build
   of the same passage texts (one TEXT field with `analysis.dutch()`, one writer).
3. query: `Library.search` and `Library.ask` in-process over all dev questions, next to a bare
   Whoosh `Or` of `Term`s with highlights of the top 10, on the same index.
4. cold_start: a new `imvo-assist ask --json` process vs a new process that only imports
   Whoosh, opens the index and runs one query.
5. reindex: `refresh` with nothing changed, and after modifying one text file.

Prints one JSON object on stdout; without `--json` also a human summary on stderr.
Uses only the standard library and the project's dependencies. `IMVO_ASSIST_DATA` points at
the work directory, so no user data is read or written.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path("/work/shared/corpus")
DEFAULT_QUESTIONS = Path("/work/shared/eval/dev-questions.toml")
COPY_SUFFIXES = (".pdf", ".txt", ".md")
SKIP_NAMES = re.compile(r"^(readme|license|licence|copying|manifest)(\b|[-_.])", re.IGNORECASE)
COLD_RUNS = 3
ASK_EXIT_CODES = (0, 1)  # answered / "not found" (imvo_assist.errors.ExitCode)

# Child process: index the scaled corpus from scratch and report what it did.
INGEST_SCRIPT = r"""
import json, resource, sys, time
from pathlib import Path
from imvo_assist.library import refresh
from imvo_assist.settings import make_settings

settings = make_settings(Path(sys.argv[1]), Path(sys.argv[2]))
started = time.perf_counter()
report = refresh(settings, rebuild=True)
seconds = time.perf_counter() - started
statuses = {}
for f in report.files:
    statuses[f.status] = statuses.get(f.status, 0) + 1
print(json.dumps({
    "seconds": seconds,
    "report_seconds": report.seconds,
    "files": len(report.files),
    "statuses": statuses,
    "printed_pages": sum(f.pages for f in report.files),
    "passages": sum(f.passages for f in report.files),
    "errors": [f.error for f in report.files if f.status != "indexed"][:5],
    "self_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "children_maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
}))
"""

# Child process: the least a Whoosh app does to answer one query (no imvo_assist import).
BARE_COLD_SCRIPT = r"""
import re, sys
from whoosh.highlight import ContextFragmenter
from whoosh.index import open_dir
from whoosh.query import Or, Term

ix = open_dir(sys.argv[1])
words = list(dict.fromkeys(re.findall(r"\w+", sys.argv[2].lower())))
with ix.searcher() as searcher:
    results = searcher.search(Or([Term("exact", w) for w in words]), limit=10, terms=True)
    results.fragmenter = ContextFragmenter(maxchars=220, surround=60)
    for hit in results:
        print(hit.get("id"), hit.highlights("exact", text=hit.get("text") or "", top=2)[:80])
"""


def log(args: argparse.Namespace, message: str) -> None:
    if not args.json:
        print(message, file=sys.stderr, flush=True)


def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (0-100) by linear interpolation between closest ranks."""
    if not values:
        return None
    data = sorted(values)
    pos = (len(data) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (pos - low)


def rnd(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def ratio(ours: float | None, bare: float | None) -> float | None:
    if ours is None or not bare:
        return None
    return round(ours / bare, 2)


# Launcher of measured commands. A process's ru_maxrss never falls below the high-water RSS of
# the process it was spawned from (the kernel keeps it across exec, and vfork shares the parent's
# memory), so a command spawned straight from this (large) process would report at least this
# process's RSS. The launcher is a small fresh interpreter; it times the command and reports
# RUSAGE_CHILDREN of it (floor: the launcher's own ~10 MB, below any Python process's peak).
LAUNCHER_SCRIPT = r"""
import json, resource, subprocess, sys, time
started = time.perf_counter()
rc = subprocess.call(sys.argv[2:])
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w", encoding="utf-8") as handle:
    json.dump({"rc": rc, "wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
               "maxrss_kb": usage.ru_maxrss}, handle)
"""


def run_measured(cmd: list[str], env: dict[str, str], cwd: Path) -> dict:
    """Run a command; return its exit code, output, wall time and peak RSS (MB).

    Peak RSS is the maximum over the command's process and the descendants it waited for
    (extraction workers included). The wall time excludes the launcher's own start-up.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.TemporaryDirectory() as scratch:
        stats = Path(scratch) / "stats.json"
        launcher = [sys.executable, "-S", "-c", LAUNCHER_SCRIPT, str(stats)]
        subprocess.run(launcher + cmd, stdout=out, stderr=err, env=env, cwd=cwd, check=False)
        out.seek(0)
        err.seek(0)
        measured = json.loads(stats.read_text(encoding="utf-8"))
        return {
            "rc": measured["rc"],
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
            "wall_s": measured["wall_s"],
            "cpu_s": measured["cpu_s"],  # user + system, the command and its waited-for children
            "maxrss_mb": measured["maxrss_kb"] / 1024,  # KiB on Linux
        }


# --- 1. the scaled corpus ------------------------------------------------------------------


def source_documents(corpus: Path) -> list[tuple[Path, int]]:
    """The documents to copy, with their page count (pypdf for PDFs, 1 for text files)."""
    from pypdf import PdfReader

    found = []
    for path in sorted(corpus.iterdir()):
        wanted = path.suffix.lower() in COPY_SUFFIXES and not SKIP_NAMES.match(path.name)
        if not path.is_file() or not wanted:
            continue
        pages = len(PdfReader(path).pages) if path.suffix.lower() == ".pdf" else 1
        found.append((path, pages))
    if not found:
        raise SystemExit(f"bench: no PDF/txt/md documents in {corpus}")
    return found


def make_corpus(source: Path, target: Path, pages: int) -> dict:
    """Copy the source documents as `copy-NNN-<name>` until the total page count reaches `pages`."""
    documents = source_documents(source)
    target.mkdir(parents=True)
    total = pdf_pages = files = pdf_files = size = copies = 0
    while total < pages:
        copies += 1
        for path, count in documents:
            if total >= pages:
                break
            destination = target / f"copy-{copies:03d}-{path.name}"
            shutil.copyfile(path, destination)
            total += count
            files += 1
            size += destination.stat().st_size
            if path.suffix.lower() == ".pdf":
                pdf_pages += count
                pdf_files += 1
    return {
        "source": str(source),
        "source_files": [p.name for p, _ in documents],
        "source_pages": sum(c for _, c in documents),
        "copies": copies,
        "files": files,
        "pdf_files": pdf_files,
        "text_files": files - pdf_files,
        "pages": total,
        "pdf_pages": pdf_pages,
        "bytes": size,
    }


# --- 2. ingest ------------------------------------------------------------------------------


def ingest_command(corpus: Path, index_dir: Path) -> list[str]:
    return [sys.executable, "-c", INGEST_SCRIPT, str(corpus), str(index_dir)]


def bare_pypdf(corpus: Path) -> dict:
    """PdfReader + extract_text on every page of every PDF, in this process."""
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    pages = chars = 0
    cpu = time.process_time()
    started = time.perf_counter()
    for path in sorted(corpus.glob("*.pdf")):
        for page in PdfReader(path).pages:
            chars += len(page.extract_text() or "")
            pages += 1
    seconds = time.perf_counter() - started
    return {"pages": pages, "chars": chars, "seconds": seconds, "cpu_s": time.process_time() - cpu}


def passage_texts(index_dir: Path) -> list[str]:
    from whoosh.index import open_dir

    with open_dir(str(index_dir)).searcher() as searcher:
        return [fields.get("text") or "" for fields in searcher.documents(record="passage")]


def bare_whoosh_build(texts: list[str], directory: Path) -> tuple[float, float]:
    """Wall and CPU seconds to index `texts` in a one-field schema with the Dutch analyzer."""
    from whoosh.fields import TEXT, Schema
    from whoosh.index import create_in

    from imvo_assist.index import analysis

    directory.mkdir(parents=True)
    cpu = time.process_time()
    started = time.perf_counter()
    ix = create_in(str(directory), Schema(text=TEXT(analyzer=analysis.dutch())))
    writer = ix.writer(limitmb=256)
    for text in texts:
        writer.add_document(text=text)
    writer.commit()
    return time.perf_counter() - started, time.process_time() - cpu


# --- 3. queries -----------------------------------------------------------------------------


def load_questions(path: Path) -> list[str]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [q["question"] for q in data.get("question", []) if q.get("question")]


def bare_query(
    ix: object, question: str, fragmenter: object, tokens: object, analyzer: object
) -> int:
    """Plain Or of the question's (Dutch-analyzed) words on text_nl, highlights of the top 10."""
    from whoosh.query import Or, Term

    words = list(dict.fromkeys(tokens(analyzer, question)))
    if not words:
        return 0
    with ix.searcher() as searcher:  # type: ignore[attr-defined]
        results = searcher.search(Or([Term("text_nl", w) for w in words]), limit=10, terms=True)
        results.fragmenter = fragmenter
        for hit in results:
            hit.highlights("text_nl", text=hit.get("text") or "", top=2)
        return len(results)


def time_queries(settings: object, index_dir: Path, questions: list[str], repeat: int) -> dict:
    from whoosh.highlight import ContextFragmenter
    from whoosh.index import open_dir

    from imvo_assist.index import analysis
    from imvo_assist.library import Library

    library = Library(settings)  # type: ignore[arg-type]
    ix = open_dir(str(index_dir))
    fragmenter = ContextFragmenter(maxchars=220, surround=60)
    dutch = analysis.dutch()
    # Warm-up: open the index, load file records and caches once, for both sides.
    not_found = 0
    for question in questions:
        library.search(question)
        not_found += library.ask(question).not_found
        bare_query(ix, question, fragmenter, analysis.tokens, dutch)
    wall: dict[str, list[float]] = {"search": [], "ask": [], "bare": []}
    cpu: dict[str, list[float]] = {"search": [], "ask": [], "bare": []}
    calls = {
        "bare": lambda q: bare_query(ix, q, fragmenter, analysis.tokens, dutch),
        "search": library.search,
        "ask": library.ask,
    }
    gc.collect()
    for _ in range(repeat):
        for question in questions:
            for name, call in calls.items():
                cpu_started = time.process_time()
                started = time.perf_counter()
                call(question)
                wall[name].append((time.perf_counter() - started) * 1000)
                cpu[name].append((time.process_time() - cpu_started) * 1000)
    search_ms, ask_ms, bare_ms = wall["search"], wall["ask"], wall["bare"]
    search_p50, ask_p50, bare_p50 = (percentile(v, 50) for v in (search_ms, ask_ms, bare_ms))
    cpu_p50 = {name: percentile(values, 50) for name, values in cpu.items()}
    return {
        "questions": len(questions),
        "repeat": repeat,
        "ask_not_found": not_found,
        "search_p50_ms": rnd(search_p50, 2),
        "search_p95_ms": rnd(percentile(search_ms, 95), 2),
        "search_max_ms": rnd(max(search_ms), 2),
        "ask_p50_ms": rnd(ask_p50, 2),
        "ask_p95_ms": rnd(percentile(ask_ms, 95), 2),
        "ask_max_ms": rnd(max(ask_ms), 2),
        "bare_p50_ms": rnd(bare_p50, 2),
        "bare_p95_ms": rnd(percentile(bare_ms, 95), 2),
        "search_ratio": ratio(search_p50, bare_p50),
        "ask_ratio": ratio(ask_p50, bare_p50),
        # CPU time of this process per call: steadier than wall time on a busy machine.
        "search_cpu_p50_ms": rnd(cpu_p50["search"], 2),
        "ask_cpu_p50_ms": rnd(cpu_p50["ask"], 2),
        "bare_cpu_p50_ms": rnd(cpu_p50["bare"], 2),
        "search_cpu_ratio": ratio(cpu_p50["search"], cpu_p50["bare"]),
        "ask_cpu_ratio": ratio(cpu_p50["ask"], cpu_p50["bare"]),
    }


# --- 4. cold start --------------------------------------------------------------------------


def ask_command(corpus: Path, index_dir: Path, question: str) -> list[str]:
    return [
        sys.executable, "-c", "from imvo_assist.cli import main; main()",
        "--corpus", str(corpus), "--index", str(index_dir), "ask", "--json", question,
    ]


def cold_ask_once(
    corpus: Path, index_dir: Path, question: str, env: dict[str, str]
) -> float | None:
    """Wall time of one cold ask in the environment as given (e.g. without bytecode cache)."""
    measured = run_measured(ask_command(corpus, index_dir, question), env, ROOT)
    return measured["wall_s"] if measured["rc"] in ASK_EXIT_CODES else None


TUI_READY_SCRIPT = """
import asyncio, sys, time
from pathlib import Path
launched = float(sys.argv[3])
from textual.widgets import Input
from imvo_assist.settings import make_settings
from imvo_assist.tui.app import ImvoApp

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


def tui_ready(corpus: Path, index_dir: Path, env: dict[str, str], errors: list[str]) -> dict:
    """Seconds from launching the TUI in a new process (existing index) to a focused question
    box, and to the index being open behind it; median of COLD_RUNS after a warm-up."""
    runs = []
    for attempt in range(COLD_RUNS + 1):
        cmd = [sys.executable, "-c", TUI_READY_SCRIPT, str(corpus), str(index_dir), str(time.time())]
        done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            errors.append(f"tui ready: exit {done.returncode}: {done.stderr[-1500:]}")
            return {"tui_ready_s": None, "tui_index_ready_s": None}
        if attempt:  # the first run warms the bytecode cache
            runs.append([float(x) for x in done.stdout.split()])
    return {
        "tui_ready_s": rnd(statistics.median(r[0] for r in runs)),
        "tui_index_ready_s": rnd(statistics.median(r[1] for r in runs)),
    }


def cold_start(
    corpus: Path, index_dir: Path, question: str, env: dict[str, str], errors: list[str]
) -> tuple[dict, dict]:
    """Median wall time of new processes answering one question: ours vs bare Whoosh.

    A failing command is reported in `errors` and its numbers are null.
    """
    ask_cmd = ask_command(corpus, index_dir, question)
    bare_cmd = [sys.executable, "-c", BARE_COLD_SCRIPT, str(index_dir), question]
    # Warm-up (not measured): compiles and caches the imports of both commands.
    run_measured(ask_cmd, env, ROOT)
    run_measured(bare_cmd, env, ROOT)
    asks, bares = [], []
    for _ in range(COLD_RUNS):
        asks.append(run_measured(ask_cmd, env, ROOT))
        bares.append(run_measured(bare_cmd, env, ROOT))
    answered = None
    try:
        answered = not json.loads(asks[0]["stdout"]).get("not_found", True)
    except ValueError:
        asks = [dict(r, rc=-1) for r in asks]  # no JSON answer: count as failed
    for name, runs, codes in (("ask", asks, ASK_EXIT_CODES), ("bare", bares, (0,))):
        bad = [r for r in runs if r["rc"] not in codes]
        if bad:
            errors.append(f"cold {name}: exit {bad[0]['rc']}: {bad[0]['stderr'][-1500:]}")
            runs.clear()

    def median(runs: list[dict], key: str) -> float | None:
        return statistics.median(r[key] for r in runs) if runs else None

    ask_s, bare_s = median(asks, "wall_s"), median(bares, "wall_s")
    cold = {
        "runs": COLD_RUNS,
        "question": question,
        "answered": answered,
        "ask_s": rnd(ask_s),
        "ask_min_s": rnd(min(r["wall_s"] for r in asks)) if asks else None,
        "bare_s": rnd(bare_s),
        "ratio": ratio(ask_s, bare_s),
        "ask_cpu_s": rnd(median(asks, "cpu_s")),
        "bare_cpu_s": rnd(median(bares, "cpu_s")),
        **tui_ready(corpus, index_dir, env, errors),
    }
    memory = {
        "ask_peak_mb": rnd(max(r["maxrss_mb"] for r in asks), 1) if asks else None,
        "bare_peak_mb": rnd(max(r["maxrss_mb"] for r in bares), 1) if bares else None,
    }
    return cold, memory


# --- 5. reindex -----------------------------------------------------------------------------


def reindex(settings: object, corpus: Path) -> dict:
    from imvo_assist.library import refresh

    started = time.perf_counter()
    unchanged = refresh(settings)  # type: ignore[arg-type]
    no_change_s = time.perf_counter() - started
    target = next(
        (p for p in sorted(corpus.glob("copy-*")) if p.suffix in (".txt", ".md")), None
    )
    one_file_s = one_file_extracted = None
    if target is not None:
        with target.open("a", encoding="utf-8") as handle:
            handle.write("\nExtra regel van de benchmark: het bestand is gewijzigd.\n")
        started = time.perf_counter()
        changed = refresh(settings)  # type: ignore[arg-type]
        one_file_s = time.perf_counter() - started
        one_file_extracted = changed.extracted
    alone_s = _index_alone(target) if target is not None else None
    return {
        "no_change_s": rnd(no_change_s),
        "no_change_extracted": unchanged.extracted,
        "one_file_s": rnd(one_file_s),
        "one_file_extracted": one_file_extracted,
        "one_file": target.name if target else None,
        "one_file_alone_s": rnd(alone_s),
        "one_file_ratio": ratio(one_file_s, alone_s),
    }


def _index_alone(target: Path) -> float:
    """Seconds to index just this file into a fresh index (the re-index baseline)."""
    import shutil
    import tempfile

    from imvo_assist.library import refresh
    from imvo_assist.settings import make_settings

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "alone"
        corpus.mkdir()
        shutil.copy2(target, corpus / target.name)
        settings = make_settings(corpus, Path(folder) / "ix")
        refresh(settings)  # builds the register passages once; the next build is the baseline
        (corpus / target.name).write_text((corpus / target.name).read_text(encoding="utf-8") + "\n.", encoding="utf-8")
        started = time.perf_counter()
        refresh(settings)
        return time.perf_counter() - started


# --- main -----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pages", type=int, default=1500, help="pages of the scaled corpus (default 1500)"
    )
    parser.add_argument("--json", action="store_true", help="print only the JSON object on stdout")
    parser.add_argument(
        "--out", type=Path, help="work directory (kept); default a temp dir, removed"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="timed passes over the questions (default 3)"
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="source test corpus")
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS, help="questions TOML")
    parser.add_argument(
        "--no-bytecode-cache", action="store_true",
        help="run everything with PYTHONDONTWRITEBYTECODE=1 "
        "(default: cache compiled modules in the work dir)",
    )
    args = parser.parse_args(argv)
    if args.pages < 1 or args.repeat < 1:
        parser.error("--pages and --repeat must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="run-", dir=args.out))
    else:
        work = Path(tempfile.mkdtemp(prefix="imvo-bench-"))
    try:
        return run(args, work.resolve())
    finally:
        if args.out is None:
            shutil.rmtree(work, ignore_errors=True)


def use_bytecode_cache(work: Path) -> dict[str, str]:
    """Cache compiled modules under the work dir, for this process and its children.

    An installed app imports from cached bytecode; with PYTHONDONTWRITEBYTECODE (set in some dev
    shells) every process, and every forked extraction worker that imports lazily, compiles
    its modules from source again. The prefix keeps the caches out of the source tree and venv.
    """
    prefix = work / "pycache"
    prefix.mkdir()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(prefix)
    sys.dont_write_bytecode = False
    sys.pycache_prefix = str(prefix)
    return dict(os.environ)


def no_bytecode_cache() -> dict[str, str]:
    """An environment that neither writes nor uses a private bytecode cache (as in a dev shell
    with PYTHONDONTWRITEBYTECODE=1); never writes __pycache__ into the source tree or venv."""
    env = dict(os.environ)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONPYCACHEPREFIX", None)
    sys.dont_write_bytecode = True
    return env


def run(args: argparse.Namespace, work: Path) -> int:
    total_started = time.perf_counter()
    load_before = os.getloadavg()
    dont_write_env = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))
    data_dir = work / "data"
    data_dir.mkdir()
    os.environ["IMVO_ASSIST_DATA"] = str(data_dir)
    os.environ.pop("IMVO_ASSIST_CORPUS", None)
    no_cache_env = no_bytecode_cache()
    bytecode = "none" if args.no_bytecode_cache else "cached"
    env = no_cache_env if args.no_bytecode_cache else use_bytecode_cache(work)
    corpus = work / "corpus"
    index_dir = data_dir / "index"

    log(args, f"bench: work dir {work}")
    corpus_info = make_corpus(args.corpus, corpus, args.pages)
    log(args, f"bench: corpus of {corpus_info['files']} files, {corpus_info['pages']} pages")

    # Warm-up (not measured): index the small source corpus once, so imports of the parent
    # and of the extraction workers are compiled and cached, and files are in the page cache.
    warm = run_measured(ingest_command(args.corpus, work / "warm-index"), env, ROOT)
    if warm["rc"] != 0:
        raise SystemExit(f"bench: warm-up indexing failed:\n{warm['stderr'][-3000:]}")
    shutil.rmtree(work / "warm-index", ignore_errors=True)

    ingest_run = run_measured(ingest_command(corpus, index_dir), env, ROOT)
    if ingest_run["rc"] != 0:
        raise SystemExit(f"bench: indexing failed:\n{ingest_run['stderr'][-3000:]}")
    ours = json.loads(ingest_run["stdout"].strip().splitlines()[-1])
    log(args, f"bench: ours indexed in {ours['seconds']:.2f} s")
    errors: list[str] = []
    if ours["statuses"].get("indexed", 0) != corpus_info["files"]:
        errors.append(f"ingest: not every file was indexed: {ours['statuses']} {ours['errors']}")

    pypdf_run = bare_pypdf(corpus)
    log(args, f"bench: bare pypdf {pypdf_run['pages']} pages in {pypdf_run['seconds']:.2f} s")
    texts = passage_texts(index_dir)
    whoosh_build_s, whoosh_build_cpu_s = bare_whoosh_build(texts, work / "bare-index")
    log(args, f"bench: bare whoosh build of {len(texts)} passages in {whoosh_build_s:.2f} s")

    from imvo_assist.settings import make_settings

    settings = make_settings(corpus, index_dir)
    questions = load_questions(args.questions)
    query = time_queries(settings, index_dir, questions, args.repeat)
    log(args, f"bench: queries timed ({len(questions)} questions x {args.repeat})")
    cold, memory = cold_start(corpus, index_dir, questions[0], env, errors)
    if not args.no_bytecode_cache:
        no_cache_s = cold_ask_once(corpus, index_dir, questions[0], no_cache_env)
        cold["ask_no_bytecode_cache_s"] = rnd(no_cache_s)
    log(args, "bench: cold starts timed")
    reindexed = reindex(settings, corpus)

    seconds = ours["seconds"]
    bare_total = pypdf_run["seconds"] + whoosh_build_s
    result = {
        "machine": {
            "cpu_count": os.cpu_count(),
            "cpus_usable": len(os.sched_getaffinity(0)),
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "whoosh": _version("whoosh-reloaded"),
            "pypdf": _version("pypdf"),
            "imvo_assist": _version("imvo-assist"),
            "bytecode": bytecode,
            "dont_write_bytecode_env": dont_write_env,
            "loadavg_before": [round(x, 2) for x in load_before],
            "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        },
        "corpus": corpus_info,
        "ingest": {
            "pages": corpus_info["pages"],
            "printed_pages": ours["printed_pages"],
            "files": ours["files"],
            "statuses": ours["statuses"],
            "errors": ours["errors"],
            "passages": ours["passages"],
            "index_passages": len(texts),
            "seconds": rnd(seconds),
            "process_wall_s": rnd(ingest_run["wall_s"]),
            "cpu_s": rnd(ingest_run["cpu_s"]),
            "pages_per_s": rnd(corpus_info["pages"] / seconds, 1),
            "passages_per_s": rnd(ours["passages"] / seconds, 1),
            "workers": settings.workers,
            "pypdf_pages": pypdf_run["pages"],
            "pypdf_s": rnd(pypdf_run["seconds"]),
            "pypdf_cpu_s": rnd(pypdf_run["cpu_s"]),
            "pypdf_pages_per_s": rnd(pypdf_run["pages"] / pypdf_run["seconds"], 1),
            "whoosh_build_s": rnd(whoosh_build_s),
            "whoosh_build_cpu_s": rnd(whoosh_build_cpu_s),
            "whoosh_passages_per_s": rnd(len(texts) / whoosh_build_s, 1),
            "ratio": ratio(seconds, bare_total),
            # target >= 1.5: our pages/s over single-process pypdf's
            "vs_pypdf_throughput": ratio(corpus_info["pages"] / seconds, pypdf_run["pages"] / pypdf_run["seconds"]),
            # CPU of ours (parent + all workers, incl. interpreter start-up) / CPU of the bare steps
            "cpu_ratio": ratio(ingest_run["cpu_s"], pypdf_run["cpu_s"] + whoosh_build_cpu_s),
            "peak_rss_mb": rnd(ingest_run["maxrss_mb"], 1),
            "parent_rss_mb": rnd(ours["self_maxrss_kb"] / 1024, 1),
            "worker_rss_mb": rnd(ours["children_maxrss_kb"] / 1024, 1),
        },
        "query": query,
        "cold_start": cold,
        "reindex": reindexed,
        "memory": {"index_peak_mb": rnd(ingest_run["maxrss_mb"], 1), **memory},
        "errors": errors,
        "bench_seconds": rnd(time.perf_counter() - total_started, 1),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if not args.json:
        print(_summary(result), file=sys.stderr)
    return 0


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _summary(r: dict) -> str:
    i, q, c, x, m = r["ingest"], r["query"], r["cold_start"], r["reindex"], r["memory"]
    return "\n".join(
        [
            "",
            f"corpus   {r['corpus']['files']} files, {i['pages']} pages "
            f"({i['printed_pages']} printed), {i['passages']} passages; "
            f"{r['machine']['cpu_count']} cpus, Python {r['machine']['python']}",
            f"ingest   {i['seconds']:.2f} s = {i['pages_per_s']} pages/s, "
            f"{i['passages_per_s']} passages/s ({i['workers']} workers); "
            f"peak RSS {i['peak_rss_mb']} MB",
            f"  bare   pypdf {i['pypdf_s']:.2f} s ({i['pypdf_pages_per_s']} pages/s) + whoosh "
            f"build {i['whoosh_build_s']:.2f} s  -> ratio {i['ratio']} "
            f"(CPU {i['cpu_s']} s, ratio {i['cpu_ratio']})",
            f"query    search p50 {q['search_p50_ms']} / p95 {q['search_p95_ms']} ms; "
            f"ask p50 {q['ask_p50_ms']} / p95 {q['ask_p95_ms']} ms; "
            f"bare p50 {q['bare_p50_ms']} / p95 {q['bare_p95_ms']} ms",
            f"  ratios search {q['search_ratio']}, ask {q['ask_ratio']} "
            f"(CPU time: {q['search_cpu_ratio']}, {q['ask_cpu_ratio']})",
            f"cold     ask {c['ask_s']} s vs bare {c['bare_s']} s -> ratio {c['ratio']} "
            f"(ask without bytecode cache {c.get('ask_no_bytecode_cache_s')} s); "
            f"ask peak RSS {m['ask_peak_mb']} MB (bare {m['bare_peak_mb']} MB)",
            f"reindex  no change {x['no_change_s']} s; one file {x['one_file_s']} s "
            f"({x['one_file_extracted']} extracted)",
            f"total    {r['bench_seconds']} s",
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
