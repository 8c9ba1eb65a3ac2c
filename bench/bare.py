"""The bare peer: what a plain pypdf + Whoosh script does, for the benchmark to compare with.

    python bench/bare.py ask INDEX QUESTION
        Open the index, run one Or-of-terms query on text_nl (the question's words through the
        index's own Dutch analyzer), print the top 10 with highlights as JSON.
    python bench/bare.py index CORPUS INDEX [SCHEMA_INDEX]
        Incremental indexer: compare each PDF's size and mtime with a manifest beside the
        index; extract the changed PDFs with pypdf (`extract_text` of every page) and index
        every page as one record, in one Whoosh writer, with the schema of SCHEMA_INDEX (the
        project's index: same fields, same analyzers); drop the records of removed files.
        With nothing changed it exits after the scan. Prints what it did as JSON.

The script imports nothing of imvo_assist (the schema is read from the index, where Whoosh keeps
it), so its start-up is that of Whoosh (and pypdf when it extracts). `query` is also what the
benchmark runs in-process, on a searcher it keeps open as the project does.
"""

from __future__ import annotations

import json
import os
import sys
import time

LIMIT = 10
MANIFEST = "bare-manifest.json"


def fragmenter() -> object:
    from whoosh.highlight import ContextFragmenter

    return ContextFragmenter(maxchars=220, surround=60)


def query(searcher: object, analyzer: object, frag: object, question: str) -> list[tuple[str, str]]:
    """Or of the question's analyzed words on text_nl; (id, highlight) of the top 10."""
    from whoosh.query import Or, Term

    tokens = analyzer(question, mode="query")  # type: ignore[operator]
    words = list(dict.fromkeys(t.text for t in tokens if t.text))
    if not words:
        return []
    terms = Or([Term("text_nl", w) for w in words])
    results = searcher.search(terms, limit=LIMIT, terms=True)  # type: ignore[attr-defined]
    results.fragmenter = frag
    return [
        (hit.get("id"), hit.highlights("text_nl", text=hit.get("text") or "", top=2))
        for hit in results
    ]


def ask(index_dir: str, question: str) -> int:
    from whoosh.index import open_dir

    ix = open_dir(index_dir)
    with ix.searcher() as searcher:
        hits = query(searcher, ix.schema["text_nl"].analyzer, fragmenter(), question)
    json.dump({"question": question, "hits": [{"id": i, "text": t} for i, t in hits]},
              sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0 if hits else 1


def index(corpus: str, index_dir: str, schema_index: str | None = None) -> int:
    started = time.perf_counter()
    manifest_path = os.path.join(index_dir, MANIFEST)
    try:
        with open(manifest_path, encoding="utf-8") as handle:
            known = json.load(handle)
    except OSError:
        known = None
    current = {}
    with os.scandir(corpus) as entries:
        for entry in entries:
            if entry.name.lower().endswith(".pdf") and entry.is_file():
                stat = entry.stat()
                current[entry.name] = [stat.st_size, stat.st_mtime_ns]
    changed = sorted(n for n in current if known is None or known.get(n) != current[n])
    gone = sorted(n for n in (known or {}) if n not in current)
    report = {"files": len(current), "changed": len(changed), "removed": len(gone), "pages": 0,
              "extract_cpu_s": 0.0, "index_cpu_s": 0.0}
    if changed or gone:
        _write(corpus, index_dir, schema_index, known is None, changed, gone, report)
        with open(manifest_path, "w", encoding="utf-8") as handle:
            json.dump(current, handle)
    report["seconds"] = time.perf_counter() - started
    json.dump(report, sys.stdout)
    sys.stdout.write("\n")
    return 0


def _write(corpus: str, index_dir: str, schema_index: str | None, create: bool,
           changed: list[str], gone: list[str], report: dict) -> None:
    import logging

    from pypdf import PdfReader
    from whoosh.index import create_in, open_dir

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    cpu = time.process_time
    if create:
        os.makedirs(index_dir, exist_ok=True)
        ix = create_in(index_dir, open_dir(schema_index or index_dir).schema)
    else:
        ix = open_dir(index_dir)
    started = cpu()
    writer = ix.writer(limitmb=256)
    for name in gone + ([] if create else changed):
        writer.delete_by_term("path", name)
    extract = 0.0
    for name in changed:
        mark = cpu()
        texts = [page.extract_text() or "" for page in PdfReader(os.path.join(corpus, name)).pages]
        extract += cpu() - mark
        for number, text in enumerate(texts, start=1):
            writer.add_document(
                record="passage", id=f"{name}#{number}", doc_id=name[:-4], path=name, lang="nl",
                text_nl=text, exact=text, text=text, pdf_page=number,
            )
        report["pages"] += len(texts)
    writer.commit()
    report["extract_cpu_s"] = extract
    report["index_cpu_s"] = cpu() - started - extract


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    sys.exit(ask(*rest) if command == "ask" else index(*rest))
