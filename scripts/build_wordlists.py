"""Build the compact Dutch and English word-frequency lists shipped in corpus/.

Maintainer script, run once by hand (wordfreq is *not* a runtime dependency):

    uv run --with wordfreq python scripts/build_wordlists.py

It writes `corpus/wordlist-nl.tsv` and `corpus/wordlist-en.tsv`: one `word<TAB>zipf` line per
word (zipf frequency rounded to 2 decimals), sorted by descending frequency, after a `#` header
that states the source and licence. Only alphabetic words of at least two letters with a zipf
frequency at or above the threshold are kept, which keeps each file under about 1.5 MB.

Data licence: the frequencies come from the `wordfreq` package by Robyn Speer (data
compiled from Wikipedia, OpenSubtitles, news, web text and other sources). The wordfreq data is
licensed under the Creative Commons Attribution-ShareAlike 4.0 licence (CC-BY-SA 4.0), and so
are the derived lists: https://creativecommons.org/licenses/by-sa/4.0/ .
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"

# Minimum zipf frequency kept per language (zipf 2.0 = about 1 per 10 million words).
THRESHOLDS = {"nl": 2.0, "en": 2.0}
NAMES = {"nl": "Dutch", "en": "English"}

HEADER = """\
# {name} word-frequency list for imvo-assist ({lang}).
#
# Format: UTF-8, one word per line: word<TAB>zipf frequency (log10 of occurrences per billion
# words, rounded to 2 decimals), sorted by descending frequency. Lines starting with '#' are
# comments. Kept: lower-case alphabetic words of at least 2 letters with zipf >= {threshold}.
#
# Purpose: offline word knowledge for imvo-assist (compound splitting, language checks of the
# lexicon); read by imvo_assist.text.wordlist. Regenerate with
#     uv run --with wordfreq python scripts/build_wordlists.py
#
# Source and licence: derived from the `wordfreq` package {version} (Robyn Speer et al.;
# frequencies compiled from Wikipedia, subtitles, news, web text and other sources), wordlist
# "large". The wordfreq data is licensed CC-BY-SA 4.0
# (https://creativecommons.org/licenses/by-sa/4.0/); this derived list is shared under the same
# licence: attribute wordfreq and keep this notice when redistributing.
#
"""


def build(lang: str, threshold: float) -> list[tuple[str, float]]:
    """Return (word, zipf) pairs of `lang` at or above `threshold`, most frequent first."""
    import wordfreq

    rows: list[tuple[str, float]] = []
    for word in wordfreq.iter_wordlist(lang, wordlist="large"):
        zipf = wordfreq.zipf_frequency(word, lang, wordlist="large")
        if zipf < threshold:
            break  # iter_wordlist yields words in descending frequency
        if len(word) >= 2 and word.isalpha() and word == word.lower():
            rows.append((word, round(zipf, 2)))
    return rows


def write(lang: str, rows: list[tuple[str, float]], threshold: float, target: Path) -> None:
    """Write one word list with its licence header."""
    import wordfreq

    version = getattr(wordfreq, "__version__", "") or _dist_version("wordfreq")
    header = HEADER.format(name=NAMES[lang], lang=lang, threshold=threshold, version=version)
    body = "".join(f"{word}\t{zipf:.2f}\n" for word, zipf in rows)
    target.write_text(header + body, encoding="utf-8")


def _dist_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:  # pragma: no cover - metadata missing
        return ""


def main(argv: list[str] | None = None) -> int:
    """Build both lists; print sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=CORPUS, help="output folder (corpus/)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for lang, threshold in THRESHOLDS.items():
        rows = build(lang, threshold)
        target = args.out / f"wordlist-{lang}.tsv"
        write(lang, rows, threshold, target)
        print(f"{target}: {len(rows)} words, {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
