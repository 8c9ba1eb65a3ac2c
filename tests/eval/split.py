#!/usr/bin/env python3
"""Split the evaluation questions once into a tuning half and a held-out half.

    python tests/eval/split.py --input ALL.toml     # write questions-tuning.toml / -heldout.toml
    python tests/eval/split.py --check              # the two files are the split of their union

The unsplit list is kept out of the repository: the two halves are the record. The split is
random with a fixed seed, stratified by (group, kind): each stratum's ids are sorted, shuffled
with one `random.Random(SEED)` and halved; strata with an odd count give their extra question to
the tuning and the held-out half in turn, so the halves differ by at most one question.
`--check` merges the two files, splits the union again and fails when any id would move, so a
question edited in place keeps its half and a question moved by hand is caught.

Standard library only (Python >= 3.11).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tomllib
from pathlib import Path

SEED = 1208  # issue 12, item 8; never change it once the halves exist
HERE = Path(__file__).resolve().parent
TUNING = HERE / "questions-tuning.toml"
HELDOUT = HERE / "questions-heldout.toml"
FIELDS = ("id", "question", "language", "kind", "group", "expected", "expected_terms", "must_not")

HEADER = """\
# imvo-assist evaluation questions: {half} half ({n} questions), written from the documents of
# ../shared/corpus (MANIFEST ids; page = printed page label). Made by tests/eval/split.py
# (seed {seed}, stratified by group and kind); edit questions in place, never move them between
# halves. {note}
# Score: python ../shared/eval/score.py --questions tests/eval/{name} --manifest ../shared/corpus/MANIFEST.toml --cmd 'uv run imvo-assist --corpus ../shared/corpus ask --json {{question}}'
"""
NOTES = {
    "tuning": "Tune on this half only.",
    "held-out": "Do not look at individual results of this half while tuning: report its aggregate.",
}


def load(path: Path) -> list[dict]:
    with path.open("rb") as f:
        return list(tomllib.load(f).get("question", []))


def split(questions: list[dict], seed: int = SEED) -> tuple[list[dict], list[dict]]:
    """(tuning, held-out), each in id order."""
    strata: dict[tuple[str, str], list[dict]] = {}
    for q in questions:
        strata.setdefault((q.get("group", ""), q.get("kind", "")), []).append(q)
    rng = random.Random(seed)
    tuning: list[dict] = []
    heldout: list[dict] = []
    extra_to_tuning = True
    for key in sorted(strata):
        items = sorted(strata[key], key=lambda q: str(q["id"]))
        rng.shuffle(items)
        half = len(items) // 2
        if len(items) % 2:
            half += 1 if extra_to_tuning else 0
            extra_to_tuning = not extra_to_tuning
        tuning += items[:half]
        heldout += items[half:]
    order = lambda q: str(q["id"])
    return sorted(tuning, key=order), sorted(heldout, key=order)


def _value(v: object) -> str:
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)  # JSON string escapes are valid TOML
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k} = {_value(x)}" for k, x in v.items()) + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    raise TypeError(f"cannot write {type(v).__name__} as TOML")


def dumps(questions: list[dict], half: str, name: str) -> str:
    out = [HEADER.format(half=half, n=len(questions), seed=SEED, note=NOTES[half], name=name)]
    for q in questions:
        out.append("\n[[question]]\n")
        keys = [k for k in FIELDS if k in q] + [k for k in q if k not in FIELDS]
        for k in keys:
            out.append(f"{k} = {_value(q[k])}\n")
    return "".join(out)


def write(questions: list[dict]) -> tuple[list[dict], list[dict]]:
    ids = [str(q["id"]) for q in questions]
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate ids in the input")
    tuning, heldout = split(questions)
    TUNING.write_text(dumps(tuning, "tuning", TUNING.name), encoding="utf-8")
    HELDOUT.write_text(dumps(heldout, "held-out", HELDOUT.name), encoding="utf-8")
    # what was written must read back as the same questions
    assert load(TUNING) == tuning and load(HELDOUT) == heldout
    return tuning, heldout


def check() -> list[str]:
    """Problems with the current halves (empty when they are the split of their union)."""
    tuning, heldout = load(TUNING), load(HELDOUT)
    want_t, want_h = split(tuning + heldout)
    problems = []
    moved = {str(q["id"]) for q in want_t} ^ {str(q["id"]) for q in tuning}
    if moved:
        problems.append(f"not the seeded split: {sorted(moved)}")
    if len(want_h) != len(heldout):
        problems.append("held-out size differs from the seeded split")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, help="the unsplit question list (TOML, [[question]])")
    ap.add_argument("--check", action="store_true", help="verify the existing halves")
    a = ap.parse_args(argv)
    if a.check:
        problems = check()
        for p in problems:
            print(p, file=sys.stderr)
        print("split ok" if not problems else "split NOT ok")
        return 1 if problems else 0
    if not a.input:
        ap.error("--input or --check is required")
    tuning, heldout = write(load(a.input))
    print(f"{len(tuning)} tuning -> {TUNING.name}, {len(heldout)} held-out -> {HELDOUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
