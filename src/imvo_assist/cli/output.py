"""Rendering results for the terminal, as JSON or as Markdown.

stdout carries results only. Document text is data: it is printed with Rich markup and
highlighting switched off, so "[bold]" in a PDF stays literally "[bold]". Everything printed
passes `text.sanitise` here, at the edge: escape sequences and controls are shown as visible
placeholders, bidi overrides are dropped, and JSON escapes them, whatever the input.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from imvo_assist.text.sanitise import for_terminal, json_safe, terminal_text

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from imvo_assist.index import IndexReport
    from imvo_assist.library import RegisterProblems, SearchResult, Spellings
    from imvo_assist.models import Answer, Document, Hit, Passage


def _text(value: object, style: str = "", one_line: bool = False) -> Text:
    """Text for the terminal: document and file-name text with escape sequences and control
    characters shown as placeholders, never parsed as markup."""
    from rich.text import Text  # imported on use: `--json` output needs no Rich (~40 ms)

    return Text(for_terminal(str(value), one_line), style=style)


def _line(value: object, style: str = "") -> Text:
    """One line for the terminal: newlines of a file name or error are shown, not printed."""
    return _text(value, style, one_line=True)


def stdout() -> Console:
    """A console on stdout that shows every string and `Text` it prints as data (see
    `_safe_console`)."""
    return _safe_console()(file=sys.stdout, markup=False, highlight=False, emoji=False, soft_wrap=True)


def stderr() -> Console:
    """Like `stdout`, on stderr."""
    return _safe_console()(file=sys.stderr, markup=False, highlight=False, emoji=False, soft_wrap=True)


@functools.cache
def _safe_console() -> type[Console]:
    """A Rich `Console` whose `print` passes strings and `Text` through `for_terminal` (built on
    first use: `--json` output needs no Rich)."""
    from rich.console import Console
    from rich.text import Text

    class SafeConsole(Console):
        def print(self, *objects: Any, **options: Any) -> None:
            safe = [
                for_terminal(item) if isinstance(item, str)
                else terminal_text(item) if isinstance(item, Text) else item
                for item in objects
            ]
            super().print(*safe, **options)

    return SafeConsole


def print_json(data: object) -> None:
    """One JSON document on stdout (UTF-8, not ASCII-escaped; controls and bidi characters
    escaped, undecodable bytes as U+FFFD)."""
    sys.stdout.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def print_markdown(markdown: str) -> None:
    """A Markdown document on stdout, made safe for the terminal."""
    sys.stdout.write(for_terminal(markdown) + "\n")


def warn(message: str) -> None:
    """One warning line on stderr."""
    stderr().print(_line(f"warning: {message}"))


def error_line(message: str) -> str:
    """An error message as the one line it is printed as."""
    return for_terminal(message, one_line=True)


def _marked(snippet: str) -> Text:
    """A snippet whose **marked** words are shown bold (the marks come from our highlighter)."""
    text = _text("")
    for index, part in enumerate(snippet.split("**")):
        text.append(for_terminal(part), style="bold" if index % 2 else "")
    return text


def print_search(result: SearchResult) -> None:
    console = stdout()
    if result.corrected_from is not None:
        said = (
            "Searched for: {} (instead of {})" if result.language == "en"
            else "Gezocht naar: {} (in plaats van {})"
        )
        console.print(_text(said.format(result.query, result.corrected_from), style="dim"))
    if not result.hits:
        console.print(_text(f"No passages found for {result.query!r}."))
        if result.suggestions:
            console.print(_text("Did you mean: " + ", ".join(result.suggestions)))
        return
    for rank, hit in enumerate(result.hits, start=1):
        p = hit.passage
        head = _text(f"{rank}. ", style="bold")
        head.append(for_terminal(hit.title, True), style="bold")
        head.append(f" — p. {for_terminal(p.page_label, True)}")
        if p.section:
            head.append(f" — {for_terminal(p.section, True)}", style="dim")
        console.print(head)
        console.print(_text("   ") + _marked(hit.snippet))
        console.print(_text(f"   {_where(hit)}", style="dim"))
    console.print(_text(f"{len(result.hits)} passages in {result.elapsed_ms:.0f} ms", style="dim"))


def _where(hit: Hit) -> str:
    """The locator line of a hit: document id, printed page, PDF page or register origin."""
    p = hit.passage
    also = f"; also in: {', '.join(hit.also_in)}" if hit.also_in else ""
    if hit.source == "register":  # stated on a web page: no printed page, its URL
        where = f"p. {p.page_label}" if p.page_label else p.section
        return f"[register fact: {p.doc_id}{'; ' + where if where else ''}; {hit.url or 'no official URL known'}]{also}"
    if not p.page_label and not p.pdf_page:  # a whole document (coverage: checked against)
        return f"[{p.doc_id}, whole document]{also}"
    return f"[{p.doc_id} p. {p.page_label}, pdf page {p.pdf_page}]{also}"


def answer_markdown(answer: Answer) -> str:
    """The answer as a Markdown document: the answer, then each citation with its passage
    (safe for a terminal: see `text.sanitise`)."""
    lines = [f"# {for_terminal(answer.question, True)}", "", answer.answer, ""]
    for citation in answer.citations:
        hit = citation.hit
        p = hit.passage
        where = hit.title + (f", p. {p.page_label}" if p.page_label else "") + (f" ({p.section})" if p.section else "")
        url = f" — {hit.url}" if hit.url else ""
        lines += [f"**[{citation.n}]** {for_terminal(where + url, True)}", ""]
        lines += [f"> {line}" for line in p.text.splitlines()] + [""]
    if answer.suggestions:
        lines += [_suggestion_label(answer) + ": " + ", ".join(answer.suggestions), ""]
    return for_terminal("\n".join(lines))


def print_answer(answer: Answer) -> None:
    """The answer for a terminal: our own **headings** bold, *categories* italic, document text
    as data; then an excerpt of each cited passage."""
    console = stdout()
    for line in answer.answer.splitlines():
        console.print(_styled(line))
    if answer.citations:
        console.print(_text("\nCited passages" if answer.language == "en" else "\nGeciteerde passages", style="bold"))
    first: dict[str, int] = {}  # a locator printed once; later passages of it point back
    same = "same place as" if answer.language == "en" else "zelfde vindplaats als"
    for citation in answer.citations:
        p = citation.hit.passage
        where = _where(citation.hit)
        shown = where if where not in first else f"[{same} [{first[where]}]]"
        first.setdefault(where, citation.n)
        console.print(_text(f"[{citation.n}] {shown}", style="dim"))
        console.print(_text(_shorten(p.text, 300)))
    if answer.suggestions:
        console.print(_text(f"\n{_suggestion_label(answer)}: " + ", ".join(answer.suggestions)))


def _suggestion_label(answer: Answer) -> str:
    """How an answer's suggestions are introduced: the typos an answer was read with ("Read
    as: wlke → welke"), or the words a not-found answer offers ("Did you mean")."""
    if answer.not_found:
        return "Did you mean" if answer.language == "en" else "Bedoelde u"
    return "Read as" if answer.language == "en" else "Gelezen als"


def _styled(line: str) -> Text:
    """A line of our answer Markdown with its own emphasis markers turned into styles."""
    if line.startswith("**") and line.endswith("**") and len(line) > 4:
        return _text(line[2:-2], style="bold")
    if line.startswith("*") and line.endswith("*") and not line.startswith("**") and len(line) > 2:
        return _text(line[1:-1], style="italic")
    return _text(line)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def print_page(document: Document, passages: list[Passage]) -> None:
    console = stdout()
    console.print(_text(f"{document.title} ({document.id})", style="bold"))
    label = None
    for passage in passages:
        if passage.page_label != label:
            label = passage.page_label
            console.print(_text(f"\n— p. {label} (pdf page {passage.pdf_page}) —", style="bold"))
        if passage.section:
            console.print(_text(passage.section, style="dim"))
        prefix = "Footnote: " if passage.kind == "footnote" else ""
        console.print(_text(prefix + passage.text))


def print_documents(rows: list[dict[str, object]]) -> None:
    """The corpus files with their status, and one line on the registered documents that are
    not in the corpus (`print_missing` lists them)."""
    from rich.table import Table

    present = [row for row in rows if row["status"] != "missing"]
    missing = len(rows) - len(present)
    console = stdout()
    if present:
        table = Table(show_lines=False)
        for column in ("status", "id", "pages", "passages", "file / problem"):
            table.add_column(column, overflow="fold")
        for row in present:
            detail = str(row["error"] or row["file"])
            table.add_row(
                _text(str(row["status"])), _text(str(row["id"])), str(row["pages"]),
                str(row["passages"]), _text(detail),
            )
        console.print(table)
    else:
        console.print(_text("No documents in the corpus."))
    if missing:
        are = "document is" if missing == 1 else "documents are"
        console.print(_text(
            f"{missing} registered {are} not in the corpus; `imvo-assist docs --missing` lists "
            f"{'it' if missing == 1 else 'them'}.", style="dim",
        ))


def print_missing(rows: list[dict[str, object]]) -> None:
    """The registered documents that are not in the corpus: id, title and where to get each."""
    console = stdout()
    missing = [row for row in rows if row["status"] == "missing"]
    if not missing:
        console.print(_text("Every registered document is in the corpus."))
        return
    for row in missing:
        head = _text(str(row["id"]), style="bold")
        head.append(f"  {for_terminal(str(row['title']), True)}")
        console.print(head)
        where = str(row["error"]).removeprefix("not in the corpus; ")
        console.print(_text(f"   {where}", style="dim"))
    count = len(missing)
    console.print(_text(
        f"{count} registered {'document is' if count == 1 else 'documents are'} not in the "
        f"corpus; add {'it' if count == 1 else 'them'} with `imvo-assist fetch ID` (when an "
        "address is known) or `imvo-assist add FILE`.", style="dim",
    ))


def print_index_report(report: IndexReport) -> None:
    """Summary of an index run on stderr, with one line per failed or skipped file."""
    console = stderr()
    for item in report.failed:
        console.print(_line(f"{item.status}: {item.error or item.file}"))
    for item in report.files:
        for warning in item.warnings:
            console.print(_line(f"warning: {item.file}: {warning}"))
    pages = sum(f.pages for f in report.indexed)
    passages = sum(f.passages for f in report.indexed)
    console.print(
        _text(
            f"{len(report.indexed)} documents indexed ({pages} pages, {passages} passages), "
            f"{len(report.failed)} not indexed; {report.extracted} read, {report.unchanged} "
            f"unchanged, {report.removed} removed in {report.seconds:.1f} s"
        )
    )


def print_fetch(results: list) -> None:  # list[FetchResult]
    """A table of the register documents: fetched (file, size, address and how it was known),
    already present, not downloadable or failed, with why; below a failure the addresses tried
    and refused; then the counts."""
    console = stdout()
    labels = {"downloaded": "fetched", "present": "already present", "skipped": "not downloadable",
              "failed": "failed"}
    width = max((len(result.id) for result in results), default=0)
    for result in results:
        if result.status == "downloaded":
            what = f"{result.file} ({result.bytes / 1e6:.1f} MB) from {result.url}"
            what += f" ({result.source})" if result.source else ""
        elif result.status == "present":
            what = result.file
        else:
            what = result.error
        console.print(_line(f"{labels[result.status]:<16} {result.id:<{width}}  {what}"))
        for tried in result.tried:
            if tried != result.error:
                console.print(_line(f"{'':<16} {'':<{width}}  tried {tried}", style="dim"))
    counts = [f"{sum(r.status == status for r in results)} {label}" for status, label in labels.items()]
    console.print(_line(", ".join(counts)))


def print_added(results: list, err: bool = False) -> None:  # list[AddResult]
    """One line per added file: the document it was recorded as, and whether that is a register
    match (on evidence, or forced) or a document of its own; below it the evidence weighed,
    each piece with its points, and what to do when the match was unsure. `err`: on stderr."""
    console = stderr() if err else stdout()
    how = {"unsure": "unsure", "refused": "refused with --no-match", "none": "no match"}
    for result in results:
        if result.status == "failed":
            console.print(_line(f"failed     {result.source}: {result.error}"))
            continue
        if result.matched:
            match = "register match" if result.how != "forced" else "forced with --as"
            match += f", evidence score {result.score:.0f}" if result.evidence else ""
        else:
            match = "new document" + (f", {result.kind}" if result.kind else "")
            if result.candidate:
                match += (f"; not {result.candidate}: {how.get(result.how, result.how)}, "
                          f"evidence score {result.score:.0f}")
        console.print(_line(f"{result.status:<10} {result.source} -> {result.file} as {result.id} ({match})"))
        for item in result.evidence:
            console.print(_line(f"{'':<10} {item['points']:+4d} {item['item']}: {item['detail']}", style="dim"))
        if result.how == "unsure":
            console.print(_line(f"{'':<10} If it is {result.candidate_title} ({result.candidate}), run: "
                                f"imvo-assist add --as {result.candidate} {result.source}"))


def print_lines(lines: list[str]) -> None:
    """Plain lines on stdout."""
    console = stdout()
    for line in lines:
        console.print(_text(line))


def print_problems(found: RegisterProblems) -> None:
    """The problems of the register, one a line, and how many entries were checked."""
    console = stdout()
    for problem in found.problems:
        console.print(_text(problem))
    count = len(found.problems)
    console.print(_text(f"{count} problem{'' if count == 1 else 's'} in {found.entries} entries"))


def print_unmatched(found: Spellings) -> None:
    """Spellings the vocabulary does not know with their entries, and how many there are."""
    console = stdout()
    if not found.unknown:
        console.print(_text(f"all {found.spellings} spellings known ({found.entries} entries)"))
        return
    for spelling, count in found.unknown:
        console.print(_text(f"{spelling} ({count})"))
    console.print(_text(f"{len(found.unknown)} of {found.spellings} spellings unknown to the vocabulary"))


def print_references(references: list, cited_by: Mapping) -> None:  # list[Reference]
    """Register entries with the report pages that cite them."""
    console = stdout()
    if not references:
        console.print("No references found.")
        return
    for reference in references:
        head = _text(f"[{reference.nr}] ", style="bold")
        head.append(for_terminal(f"{reference.spelling} ({reference.year or '?'}). {reference.title}"))
        console.print(head)
        pages = ", ".join(f"p. {c.page}" for c in cited_by.get(reference.key, []))
        where = f"   {reference.register_doc}" + (f" p. {reference.page}" if reference.page else "")
        where += f"; {reference.sector_label}; cited on {pages}" if pages else f"; {reference.sector_label}; not cited in the text"
        console.print(_text(where, style="dim"))
        if reference.url:
            console.print(_text(f"   {reference.url}", style="dim"))


def print_inclusion(report: Mapping[str, Any]) -> None:
    """The inclusion report of an organisation (see register.inclusion_report)."""
    from imvo_assist.catalogue.loader import load_vocabulary  # only this output needs it

    console = stdout()
    org = report["organisation"]
    if report["not_found"]:
        near = ", ".join(report["suggestions"]) or "none"
        console.print(_text(f"{org['name'] or 'This organisation'} is not in the source register. Nearest names: {near}."))
        return
    console.print(_text(f"{org['name']} ({org['id']}): {len(report['references'])} references", style="bold"))
    console.print(_text("Spelled as: " + "; ".join(org["spellings"])))
    console.print(_text("By sector: " + load_vocabulary().sector_counts(report["by_sector"], "en")))
    for entry in report["references"]:
        pages = ", ".join(f"{c['doc_id']} p. {c['page']}" for c in entry["cited_by"]) or "not cited in the text"
        console.print(_text(f"[{entry['nr']}] {entry['title']} ({entry['year']}) — {pages}"))
    if report["uncited"]:
        console.print(_text("In the register, never cited in the text: " + ", ".join(map(str, report["uncited"]))))
