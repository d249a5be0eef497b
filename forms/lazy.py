"""A package's names loaded on first use (PEP 562), so a command imports only what it touches: `huizong --help`
does not pay for pydantic models, a PDF-only command never imports the DOCX renderer."""

from __future__ import annotations

import importlib
from collections.abc import Callable


def exports(package: str, homes: dict[str, str], namespace: dict[str, object]) -> Callable[[str], object]:
    """The package's `__getattr__`: `name` from the module `homes[name]`, kept in `namespace` once loaded."""

    def load(name: str) -> object:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        namespace[name] = value
        return value

    return load
