"""Checking hand-written catalogue files: every error names the file and the line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from imvo_assist.errors import CorpusError


class Source:
    """A register file's path, raw text and data, to put file and line into errors."""

    def __init__(self, path: Path) -> None:
        try:
            self.text = path.read_text(encoding="utf-8-sig")
            self.data: dict[str, Any] = tomllib.loads(self.text)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise CorpusError(f"{path}: cannot read ({exc})", "Fix the register file.") from exc
        self.path = path

    def error(self, table: str, entry: dict[str, Any] | int, problem: str,
              *patterns: str) -> CorpusError:
        """An error at an entry's line, or at the line of `patterns` searched from there on."""
        steps = [rf"^\s*\[\[{table}\]\]"]
        if isinstance(entry, int):
            steps *= entry
        else:
            steps.append(rf'^\s*id\s*=\s*"{re.escape(entry["id"])}"')
        pos, line = 0, 1
        for pattern in (*steps, *patterns):
            match = re.compile(pattern, re.MULTILINE).search(self.text, pos)
            if match is None:
                break
            pos, line = match.end(), self.text.count("\n", 0, match.start()) + 1
        return CorpusError(f"{self.path}, line {line}: {problem}", "Fix the register file.")

    def entries(self, table: str, required: tuple[str, ...]) -> list[dict[str, Any]]:
        """The `[[table]]` entries, checked for required fields and unique ids."""
        seen: set[str] = set()
        entries: list[dict[str, Any]] = self.data.get(table, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise self.error(table, 1, f"'{table}' must be written as [[{table}]] tables")
        for n, entry in enumerate(entries, 1):
            for key in required:
                if entry.get(key) in (None, "", []):
                    where = entry if "id" in entry else n
                    raise self.error(table, where, f"{table} entry {n} lacks field '{key}'")
            if entry["id"] in seen:  # the line of the second `id = "..."`
                raise self.error(table, entry, f"duplicate {table} id '{entry['id']}'",
                                 rf'^\s*id\s*=\s*"{re.escape(entry["id"])}"')
            seen.add(entry["id"])
        return entries

    def check(self, ok: bool, table: str, entry: dict[str, Any], problem: str,
              value: str = "") -> None:
        """Raise an error at the entry (or at `value` inside it) unless `ok`."""
        if not ok:
            raise self.error(table, entry, f"{table} '{entry['id']}' {problem}",
                             *([rf'"{re.escape(value)}"'] if value else []))
