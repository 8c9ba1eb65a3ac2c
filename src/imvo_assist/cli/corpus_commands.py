"""Commands that keep the corpus and its index: index, docs, add, fetch and doctor."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from imvo_assist.cli.options import json_option, library_for, progress_bar, settings_of
from imvo_assist.errors import ExitCode

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.progress import TaskID


def register(cli: click.Group) -> None:
    """Add these commands to the `imvo-assist` group."""
    for command in (index_command, docs_command, fetch_command, add_command, doctor_command):
        cli.add_command(command)


@click.command("index")
@click.option("--rebuild", is_flag=True, help="Start from an empty index.")
@click.option("--wait", type=float, default=0.0, show_default=True, help="Seconds to wait for another indexer.")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds allowed to extract one file.")
@click.option("--memory-mb", type=int, default=1024, show_default=True, help="Extra memory one extraction may use.")
@click.option("--json", "as_json", is_flag=True, help="Print the per-file report as JSON.")
@click.pass_context
def index_command(
    ctx: click.Context, rebuild: bool, wait: float, timeout: float, memory_mb: int, as_json: bool
) -> None:
    """Build or update the index of the corpus (only changed files are read)."""
    from dataclasses import replace

    from imvo_assist.cli import output
    from imvo_assist.library import refresh

    if timeout <= 0 or memory_mb <= 0:
        raise click.UsageError("--timeout and --memory-mb must be positive.")
    settings = replace(settings_of(ctx), timeout_s=timeout, memory_mb=memory_mb)
    report = refresh(settings, rebuild=rebuild, progress=progress_bar(), wait_s=wait)
    output.print_index_report(report)
    if as_json:
        output.print_json([f.to_dict() for f in report.files])
    if not report.indexed:
        ctx.exit(ExitCode.NOT_FOUND)


@click.command("docs")
@click.option("--missing", is_flag=True, help="List the registered documents that are not in the corpus.")
@json_option
@click.pass_context
def docs_command(ctx: click.Context, missing: bool, as_json: bool) -> None:
    """List every document of the corpus with its status (indexed, failed, skipped).

    Registered documents that are not in the corpus are counted in one line; --missing lists
    them with where to get each.
    """
    from imvo_assist.cli import output

    rows = library_for(settings_of(ctx)).document_list()
    if missing:
        rows = [row for row in rows if row["status"] == "missing"]
    if as_json:
        output.print_json(rows)
    elif missing:
        output.print_missing(rows)
    else:
        output.print_documents(rows)


@click.command("fetch")
@click.argument("ids", nargs=-1)
@click.option("--url", "urls", multiple=True, metavar="ID=URL", help="Download document ID from this https URL, a file or a landing page (repeatable).")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds per network operation.")
@click.option("--deadline", type=float, default=600.0, show_default=True, help="Seconds allowed to download one file (what arrived is kept; fetch again resumes).")
@click.option("--max-mb", type=int, default=100, show_default=True, help="Refuse files larger than this.")
@json_option
@click.pass_context
def fetch_command(
    ctx: click.Context, ids: tuple[str, ...], urls: tuple[str, ...], timeout: float,
    deadline: float, max_mb: int, as_json: bool,
) -> None:
    """Download the official files of registered documents (https only), then index them.

    Each file comes from the register's file address or the document's official landing page
    (the link that is the document), and is kept only when its first pages name the
    document's title or publisher. Exits 1 when a download failed or nothing is there.
    """
    from imvo_assist.cli import output
    from imvo_assist.library import fetch_documents, refresh

    if timeout <= 0 or deadline <= 0:
        raise click.UsageError("--timeout and --deadline must be positive.")
    settings = settings_of(ctx)
    progress, stop = _download_bars()
    try:
        results = fetch_documents(
            settings, list(ids) or None, allow_urls=list(urls), timeout_s=timeout,
            deadline_s=deadline, max_bytes=max_mb * 2**20, progress=progress,
        )
    finally:
        stop()
    if as_json:
        output.print_json([result.to_dict() for result in results])
    else:
        output.print_fetch(results)
    if any(result.status == "downloaded" for result in results):
        output.print_index_report(refresh(settings, progress=progress_bar()))
    if any(result.status == "failed" for result in results) or not any(
        result.status in ("downloaded", "present") for result in results
    ):
        ctx.exit(ExitCode.NOT_FOUND)


def _download_bars() -> tuple[Callable[[int, int, str], None] | None, Callable[[], None]]:
    """One Rich progress bar per downloaded file on stderr when it is a terminal, and the
    function that ends them; (None, a no-op) when stderr is piped."""
    import sys

    if not sys.stderr.isatty():
        return None, lambda: None
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

    from imvo_assist.text.sanitise import for_terminal

    bars = Progress(TextColumn("{task.description}", markup=False), BarColumn(), DownloadColumn(),
                    TransferSpeedColumn(), console=Console(stderr=True))
    tasks: dict[str, TaskID] = {}

    def update(done: int, total: int, doc_id: str) -> None:
        if doc_id not in tasks:
            bars.start()
            tasks[doc_id] = bars.add_task(for_terminal(doc_id, one_line=True)[:40], total=total or None)
        bars.update(tasks[doc_id], completed=done, total=total or None)

    return update, bars.stop


@click.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--as", "as_id", metavar="ID", help="Record the file as this registered document, whatever the evidence says.")
@click.option("--no-match", is_flag=True, help="Never claim a registered document: add the files as documents of their own.")
@json_option
@click.pass_context
def add_command(ctx: click.Context, files: tuple[Path, ...], as_id: str | None, no_match: bool,
                as_json: bool) -> None:
    """Copy FILES into the corpus, match them to the register on evidence, and index them.

    A file becomes a registered document (its id, official citation and URL) only when its
    first pages show the document's title and publisher and more (page count, sha256,
    distinctive phrases, date), and it does not call itself a test, draft or other version.
    The evidence and its score are shown. When it is unsure you are asked (in a terminal);
    otherwise the file is added as a document of its own, under its own title.

    Exits 2 when a file could not be added, or was added but could not be indexed.
    """
    import sys
    from dataclasses import replace

    from imvo_assist.cli import output
    from imvo_assist.library import add_files, refresh

    if as_id is not None and no_match:
        raise click.UsageError("--as and --no-match contradict each other.")
    if as_id is not None and len(files) > 1:
        raise click.UsageError("--as names the document of one file; give one file.")
    settings = settings_of(ctx)
    results = add_files(settings, list(files), as_id=as_id, match=not no_match)
    if not as_json and sys.stdin.isatty() and sys.stderr.isatty():
        for index, result in enumerate(results):
            if result.how != "unsure":
                continue
            output.print_added([result], err=True)
            if click.confirm(f"Is {result.file} {result.candidate_title} ({result.candidate})?",
                             default=False, err=True):
                [forced] = add_files(settings, [Path(result.source)], as_id=result.candidate)
                results[index] = forced if forced.status == "failed" else replace(forced, status=result.status)
    if as_json:
        output.print_json([result.to_dict() for result in results])
    else:
        output.print_added(results)
    added = {result.file for result in results if result.status in ("added", "present")}
    not_indexed = []
    if added:
        report = refresh(settings, progress=progress_bar())
        output.print_index_report(report)
        not_indexed = [item for item in report.failed if item.file in added]
    for item in not_indexed:
        output.warn(f"{item.file} was added but could not be indexed: {item.error or item.status}")
    if not_indexed or any(result.status == "failed" for result in results):
        ctx.exit(ExitCode.USAGE)


@click.command("doctor")
@json_option
@click.pass_context
def doctor_command(ctx: click.Context, as_json: bool) -> None:
    """Check Python, dependencies, corpus, index and disk; print a fix for every problem."""
    from imvo_assist.cli import output
    from imvo_assist.cli.doctor import render_checks, run_checks

    checks = run_checks(settings_of(ctx))  # never builds or refreshes the index
    if as_json:
        output.print_json([check.to_dict() for check in checks])
    else:
        output.stdout().print(render_checks(checks))
    if any(check.status == "fail" for check in checks):
        ctx.exit(ExitCode.NOT_FOUND)
