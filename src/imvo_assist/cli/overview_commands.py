"""Commands beyond single answers: the citation basket, covenant coverage and the timeline.

`register(cli)` adds them to the `imvo-assist` group and `add_to_option` gives `ask` its
`--add-to NAME` (cli/commands.py uses both). They take the same context object (`Settings`) and
report errors the same way: an `ImvoError` becomes one line on stderr with its exit code in
`commands.main`. Nothing here imports `commands` at load time, so `commands` can import this.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from imvo_assist.errors import ExitCode

if TYPE_CHECKING:
    from imvo_assist.models import Answer

LANG = click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default="nl",
    show_default=True,
    help="Language of the labels and names.",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")


class _ExportFormats(click.Choice):  # type: ignore[type-arg]
    """`click.Choice` of `basket.export.FORMATS`, read when `--format` is first checked or shown:
    loading the command line does not import the basket package."""

    def __init__(self) -> None:
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        from imvo_assist.basket.export import FORMATS

        return tuple(FORMATS)


def _library(ctx: click.Context):  # type: ignore[no-untyped-def]
    from imvo_assist.cli.options import library_for

    return library_for(ctx.obj)


def _basket_name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Check `--add-to NAME` before the question is answered."""
    if value is not None:
        from imvo_assist.basket import BasketError, check_name

        try:
            check_name(value)
        except BasketError as exc:
            raise click.BadParameter(str(exc)) from None
    return value


add_to_option = click.option(
    "--add-to",
    "basket",
    metavar="NAME",
    callback=_basket_name,
    help="Also add the answer's citations to basket NAME (see `basket show NAME`).",
)


def add_to_basket(name: str, answer: Answer) -> None:
    """Add an answer's citations to a basket and say so on stderr (stdout keeps the answer)."""
    from imvo_assist.basket import add_answer
    from imvo_assist.cli import output

    if not answer.citations:
        output.stderr().print(f"Nothing added to basket {name!r}: the answer has no citations.")
        return
    added, merged = add_answer(name, answer)
    again = f" ({merged} already there)" if merged else ""
    noun = "citation" if added == 1 else "citations"
    output.stderr().print(f"Basket {name!r}: {added} {noun} added{again}.")


# Basket -----------------------------------------------------------------------------------


@click.group("basket")
def basket_group() -> None:
    """Citation baskets: cited passages collected from several answers (`ask --add-to NAME`)."""


@basket_group.command("list")
@json_option
def basket_list(as_json: bool) -> None:
    """List the baskets with their number of items."""
    from imvo_assist.basket import basket_names, load_basket
    from imvo_assist.cli import output

    rows = [{"name": name, "items": len(load_basket(name).items)} for name in basket_names()]
    if as_json:
        output.print_json(rows)
    else:
        output.print_lines(
            [f"{row['name']} ({row['items']})" for row in rows] or ["No baskets yet."]
        )


@basket_group.command("show")
@click.argument("name")
@LANG
@json_option
@click.pass_context
def basket_show(ctx: click.Context, name: str, lang: str, as_json: bool) -> None:
    """Show the items of basket NAME: quote, citation, confidence and question."""
    from imvo_assist.basket import export_basket, load_basket
    from imvo_assist.cli import output

    basket = load_basket(name)
    if as_json:
        output.print_json(basket.to_dict())
    else:
        output.print_lines(export_basket(basket, "txt", lang).splitlines())
    if not basket.items:
        ctx.exit(ExitCode.NOT_FOUND)


@basket_group.command("export")
@click.argument("name")
@click.option(
    "--format",
    "fmt",
    type=_ExportFormats(),
    default="md",
    show_default=True,
    help="Markdown (footnote citations), plain text or CSV.",
)
@click.option(
    "--output",
    "target",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout.",
)
@LANG
def basket_export(name: str, fmt: str, target: Path | None, lang: str) -> None:
    """Export basket NAME as Markdown, plain text or CSV (source characters kept)."""
    import sys

    from imvo_assist.basket import BasketError, export_basket, load_basket

    text = export_basket(load_basket(name), fmt, lang)
    if target is None:
        sys.stdout.write(text)
        return
    try:
        target.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise BasketError(f"Cannot write {target}: {exc}.") from None
    click.echo(f"Basket {name!r} exported to {target}.")


@basket_group.command("clear")
@click.argument("name")
def basket_clear(name: str) -> None:
    """Remove every item of basket NAME."""
    from imvo_assist.basket import clear_basket

    click.echo(f"Basket {name!r}: {clear_basket(name)} items removed.")


@basket_group.command("remove")
@click.argument("name")
@click.argument("position", type=int)
def basket_remove(name: str, position: int) -> None:
    """Remove the item at POSITION (1 is the first) from basket NAME."""
    from imvo_assist.basket import remove_item

    item = remove_item(name, position)
    click.echo(f"Basket {name!r}: removed {position}. {item.cite}")


@basket_group.command("move")
@click.argument("name")
@click.argument("position", type=int)
@click.argument("target", type=int)
def basket_move(name: str, position: int, target: int) -> None:
    """Move the item at POSITION of basket NAME to TARGET."""
    from imvo_assist.basket import move_item

    move_item(name, position, target)
    click.echo(f"Basket {name!r}: item {position} moved to {target}.")


# Coverage and timeline --------------------------------------------------------------------


@click.command("coverage")
@click.argument("sector", required=False)
@click.option("--markdown", is_flag=True, help="Print a Markdown table with footnote citations.")
@LANG
@json_option
@click.pass_context
def coverage_command(
    ctx: click.Context, sector: str | None, markdown: bool, lang: str, as_json: bool
) -> None:
    """Which risks named for a SECTOR (every sector without one) its covenants name, cited."""
    from imvo_assist.cli import output
    from imvo_assist.overview.render import coverage_markdown, coverage_text

    if as_json and markdown:
        raise click.UsageError("Choose one of --json and --markdown.")
    found = _library(ctx).coverage(sector, lang)
    if as_json:
        data = [c.to_dict() for c in found]
        output.print_json(data[0] if sector else data)
    elif markdown:
        click.echo("\n".join(coverage_markdown(c) for c in found), nl=False)
    else:
        for n, coverage in enumerate(found):
            output.print_lines(([""] if n else []) + coverage_text(coverage))


@click.command("timeline")
@click.option("--sector", help="Only events about this sector (e.g. textiel).")
@LANG
@json_option
@click.pass_context
def timeline_command(ctx: click.Context, sector: str | None, lang: str, as_json: bool) -> None:
    """Dated events of the register and the indexed documents, in order, each cited."""
    from imvo_assist.cli import output
    from imvo_assist.overview.render import timeline_text

    events = _library(ctx).timeline(sector, lang)
    if as_json:
        output.print_json([event.to_dict() for event in events])
    else:
        output.print_lines(timeline_text(events, lang))
    if not events:
        ctx.exit(ExitCode.NOT_FOUND)


def register(group: click.Group) -> None:
    """Add `basket`, `coverage` and `timeline` to the command group."""
    for command in (basket_group, coverage_command, timeline_command):
        group.add_command(command)
