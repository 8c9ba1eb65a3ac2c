"""Lazy exports (PEP 562) for a package's `__init__`: each name is imported when first used.

Ground floor: imports nothing of the project. A package keeps its TYPE_CHECKING imports of the
same names for type checkers and sets `__getattr__ = lazy_exports(__name__, HOMES)`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module

__all__ = ["lazy_exports"]


def lazy_exports(package: str, homes: Mapping[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` for `package`: a name of `homes` (name -> submodule) is imported
    from `package.<submodule>` on first use and kept in the package's namespace."""

    def __getattr__(name: str) -> object:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{home}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
