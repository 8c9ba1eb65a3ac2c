"""Regular expressions compiled on first use.

The answer modules define about a hundred patterns at import; one question uses half of them, and
compiling the rest cost a cold `ask` about 13 ms. `lazy_compile` returns a stand-in that compiles
its pattern the first time a method (`search`, `sub`, ...) or attribute is asked for. Use it for
module-level patterns used through their methods only (not passed to `re.sub(pattern, ...)`).
Ground floor: imports nothing of the project.
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["lazy_compile"]


class _LazyPattern:
    """A pattern's source and flags, compiled when first used."""

    __slots__ = ("__dict__", "_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int) -> None:
        self._source, self._flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        """The compiled pattern's attribute, kept on the stand-in: later calls of `search`,
        `sub`, ... find it directly, as fast as on the pattern itself (extraction calls some of
        these patterns on every line)."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        value = self.__dict__[name] = getattr(compiled, name)
        return value


def lazy_compile(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, compiled on first use."""
    return cast("re.Pattern[str]", _LazyPattern(source, int(flags)))
