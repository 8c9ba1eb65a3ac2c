"""The `imvo-assist` command: thin subcommands over `library.py`.

No arguments opens the terminal UI. Every command parses its options, calls one library
function and hands the result to `output.py`. Errors from any command become one line on stderr
and an exit code in `main`, in one place. Heavy modules (whoosh, pypdf, textual) are imported
inside the commands that need them so `--help` stays instant.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import click

from imvo_assist.cli import corpus_commands, overview_commands
from imvo_assist.cli.options import json_option, library_for, settings_of, user_text
from imvo_assist.cli.overview_commands import add_to_basket, add_to_option
from imvo_assist.errors import ExitCode, ImvoError
from imvo_assist.settings import make_settings

# Commands that run long: the cyclic garbage collector is back on for them, as for the TUI.
LONG_RUNNING = frozenset({"fetch"})


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--corpus", type=click.Path(path_type=Path), help="Folder of documents (default: $IMVO_ASSIST_CORPUS, else the bundled corpus/).")
@click.option("--index", "index_dir", type=click.Path(path_type=Path), help="Index folder (default: per-user data folder, keyed by corpus).")
@click.option("--password-file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="File whose first line is the password for encrypted PDFs.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.version_option(package_name="imvo-assist")
@click.pass_context
def cli(ctx: click.Context, corpus: Path | None, index_dir: Path | None, password_file: Path | None, debug: bool) -> None:
    """Answer questions about Dutch IMVO policy, citing the printed page of every passage.

    Without a command, opens the terminal UI.
    """
    if ctx.invoked_subcommand is None or ctx.invoked_subcommand in LONG_RUNNING:
        gc.enable()  # off while a command starts (see `main`)
    password = None
    if password_file is not None:
        password = password_file.read_text(encoding="utf-8").splitlines()[0] if password_file.stat().st_size else ""
    ctx.obj = make_settings(corpus, index_dir, debug=debug, password=password)
    if ctx.invoked_subcommand is None:
        from imvo_assist.tui import run_app

        run_app(ctx.obj)


@cli.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("--sector", help="Only passages tagged with this sector id (e.g. elektronica).")
@click.option("--risk", help="Only passages tagged with this risk id (e.g. kinderarbeid).")
@click.option("--doc", help="Only this document id.")
@click.option("--kind", help="Only documents of this kind (letter, report, advice, covenant, register, note).")
@click.option("--limit", type=int, default=10, show_default=True, help="Number of passages.")
@json_option
@click.pass_context
def search_command(
    ctx: click.Context, query: tuple[str, ...], sector: str | None, risk: str | None,
    doc: str | None, kind: str | None, limit: int, as_json: bool,
) -> None:
    """Search passages; every word is searched as text (no query syntax)."""
    from imvo_assist.cli import output
    from imvo_assist.index import Filters

    filters = Filters(doc=doc, kind=kind, sector=sector, risk=risk)
    text = user_text(query, "query")
    result = library_for(settings_of(ctx)).search(text, filters, limit)
    if as_json:
        output.print_json(result.to_dict())
    else:
        output.print_search(result)
    if not result.hits:
        ctx.exit(ExitCode.NOT_FOUND)


@cli.command("ask")
@click.argument("question", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the answer object as JSON.")
@click.option("--markdown", is_flag=True, help="Print the answer and quoted citations as Markdown.")
@add_to_option
@click.pass_context
def ask_command(ctx: click.Context, question: tuple[str, ...], as_json: bool, markdown: bool, basket: str | None) -> None:
    """Answer a question (Dutch or English) with numbered, page-exact citations."""
    from imvo_assist.cli import output

    if as_json and markdown:
        raise click.UsageError("Choose one of --json and --markdown.")
    text = user_text(question, "question")
    answer = library_for(settings_of(ctx)).ask(text)
    if as_json:
        output.print_json(answer.to_dict())
    elif markdown:
        output.print_markdown(output.answer_markdown(answer))
    else:
        output.print_answer(answer)
    if basket:
        add_to_basket(basket, answer)
    if answer.not_found:
        ctx.exit(ExitCode.NOT_FOUND)


@cli.command("show")
@click.argument("doc")
@click.argument("page", required=False)
@json_option
@click.pass_context
def show_command(ctx: click.Context, doc: str, page: str | None, as_json: bool) -> None:
    """Print a document, or one printed PAGE of it (the label a reader sees, e.g. 21 or ii).

    DOC is a document id, the start of one, its file name or a close spelling of it.
    """
    from imvo_assist.cli import output

    library = library_for(settings_of(ctx))
    document, passages = library.page(doc, page)
    if as_json:
        output.print_json(
            {"document": document.to_json(), "passages": library.sources.passage_rows(passages)}
        )
    else:
        output.print_page(document, passages)


@cli.command("verify")
@click.argument("quote", nargs=-1, required=True)
@click.option("--limit", type=int, default=3, show_default=True, help="Other close passages to list.")
@json_option
@click.pass_context
def verify_command(ctx: click.Context, quote: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Check a quote: where it stands (document, printed page) and how it differs, word by word."""
    from imvo_assist.answer.quotecheck import render_quote_check, verify_quote
    from imvo_assist.cli import output

    text = user_text(quote, "quote")
    check = verify_quote(library_for(settings_of(ctx)), text, limit=limit)
    if as_json:
        output.print_json(check.to_dict())
    else:
        output.stdout().print(render_quote_check(check))
    if not check.found:
        ctx.exit(ExitCode.NOT_FOUND)


@cli.command("sources")
@click.argument("query", nargs=-1)
@click.option("--org", help="Inclusion report of one organisation (any spelling: SKC, Clean Clothes Campaign).")
@click.option("--sector", help="Only references of this sector.")
@click.option("--year", type=int, help="Only references of this year.")
@click.option("--unmatched", is_flag=True, help="Spellings of organisations the vocabulary does not know.")
@click.option("--check", is_flag=True, help="Problems in the register: duplicate numbers, missing URLs, ...")
@json_option
@click.pass_context
def sources_command(
    ctx: click.Context, query: tuple[str, ...], org: str | None, sector: str | None,
    year: int | None, unmatched: bool, check: bool, as_json: bool,
) -> None:
    """The source register (bronnenboek): find references, and check whose input was used."""
    from imvo_assist.cli import output

    sources = library_for(settings_of(ctx)).sources
    if org:
        report = sources.inclusion(org)
        if as_json:
            output.print_json(report)
        elif report.get("register_missing"):  # not "absent": there is nothing to look in
            output.print_lines([str(report.get("message", ""))])
        else:
            output.print_inclusion(report)
        if report["not_found"]:
            ctx.exit(ExitCode.NOT_FOUND)
        return
    if sources.register_missing:
        message = sources.missing_message()
        if as_json:
            output.print_json([])
            output.warn(message)
        else:
            output.print_lines([message])
        ctx.exit(ExitCode.NOT_FOUND)
    if unmatched:
        spellings = sources.unmatched_spellings()
        if as_json:
            output.print_json(spellings.to_list())
        else:
            output.print_unmatched(spellings)
        return
    if check:
        problems = sources.problems()
        if as_json:
            output.print_json(problems.problems)
        else:
            output.print_problems(problems)
        return
    found = sources.find_references(" ".join(query) or None, sector, year)
    if as_json:
        output.print_json(sources.reference_rows(found))
    else:
        output.print_references(found, sources.cited_by)
    if not found:
        ctx.exit(ExitCode.NOT_FOUND)


corpus_commands.register(cli)  # index, docs, add, fetch, doctor
overview_commands.register(cli)  # basket, coverage, timeline


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the command, turning any `ImvoError` into one stderr line.

    Python's cyclic garbage collector is off while the command runs, unless it runs long (the
    TUI, `LONG_RUNNING`, an index run that writes: `index.writer`): start-up (imports, the
    catalogue, opening the index) allocates many objects that live until the process ends, and
    collecting among them costs about a tenth of a cold `ask`; a short command frees little.
    """
    gc.disable()
    try:
        _run(argv)
    finally:
        gc.enable()


def _run(argv: list[str] | None) -> None:
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        code = cli.main(args=argv, prog_name="imvo-assist", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort as exc:
        click.echo("Aborted.", err=True)
        interrupted = isinstance(exc.__cause__, KeyboardInterrupt)
        sys.exit(ExitCode.INTERRUPTED if interrupted else ExitCode.USAGE)
    except click.ClickException as exc:
        _show_usage_error(exc)
        sys.exit(ExitCode.USAGE)
    except ImvoError as exc:
        if debug:
            raise
        from imvo_assist.cli.output import error_line

        click.echo(error_line(f"imvo-assist: {exc}"), err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(ExitCode.INTERRUPTED)
    sys.exit(code if isinstance(code, int) else ExitCode.OK)


def _show_usage_error(exc: click.ClickException) -> None:
    """Click's usage message, with the user's (possibly hostile) input made safe to print."""
    import io

    from imvo_assist.text.sanitise import for_terminal

    shown = io.StringIO()
    exc.show(file=shown)
    sys.stderr.write(for_terminal(shown.getvalue()))
