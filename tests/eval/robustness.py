#!/usr/bin/env python3
"""How the engine holds up when answerable questions are typed carelessly.

    uv run python tests/eval/robustness.py --sets dev,tuning,probe,... [--seed 7] [--rows]

Each answerable question the engine answers as written is asked again with one typing slip in
one word of four letters or more (two letters swapped, one dropped, one doubled or one replaced
by a random letter; the word and slip drawn from `--seed` and the question, so a question gets the
same slip in every run), in lower case and in capitals. A
variant counts as broken when it is "not found" or its first citation is another page than the
question's own. Run it on tuned sets only: the figures say where the reading of questions
breaks, and a row shows the question.
"""

from __future__ import annotations

import argparse
import random
import tomllib
from collections.abc import Callable

from run_eval import SETS, SHARED

from imvo_assist.library import open_library
from imvo_assist.settings import make_settings

LETTERS = "abcdefghijklmnopqrstuvwxyz"
MIN_WORD = 4


def slipped(question: str, rng: random.Random) -> str:
    """The question with one typing slip in one of its longer words."""
    words = question.split()
    places = [i for i, word in enumerate(words) if word.isalpha() and len(word) >= MIN_WORD]
    if not places:
        return question
    at = rng.choice(places)
    word, i = words[at], rng.randrange(len(words[at]) - 1)
    kind = rng.choice(["swap", "drop", "double", "replace"])
    words[at] = {
        "swap": word[:i] + word[i + 1] + word[i] + word[i + 2:],
        "drop": word[:i] + word[i + 1:],
        "double": word[:i] + word[i] + word[i:],
        "replace": word[:i] + rng.choice(LETTERS) + word[i + 1:],
    }[kind]
    return " ".join(words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="dev,tuning")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rows", action="store_true", help="print every broken variant")
    args = parser.parse_args(argv)
    library = open_library(make_settings(SHARED / "corpus"))

    def first_page(question: str) -> tuple[str, str] | None:
        answer = library.ask(question)
        if answer.not_found or not answer.citations:
            return None
        passage = answer.citations[0].hit.passage
        return passage.doc_id, passage.page_label

    variants: dict[str, Callable[[str], str]] = {  # each question's slip drawn from its own seed,
        # so the same question gets the same slip in every run, whatever else is answered
        "typing slip": lambda q: slipped(q, random.Random(f"{args.seed}:{q}")),
        "lower case": str.lower, "capitals": str.upper,
    }
    broken = dict.fromkeys(variants, 0)
    asked = 0
    for name in args.sets.split(","):
        for question in tomllib.loads(SETS[name].read_text())["question"]:
            if question["kind"] == "negative" or (page := first_page(question["question"])) is None:
                continue
            asked += 1
            for variant, change in variants.items():
                typed = change(question["question"])
                if first_page(typed) != page:
                    broken[variant] += 1
                    if args.rows:
                        print(f"{variant:12} | {typed}")
    for variant, count in broken.items():
        print(f"{variant}: {count} of {asked} broken")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
