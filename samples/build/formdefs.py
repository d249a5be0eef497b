"""The built-in form definitions, loaded once for the whole build."""

from __future__ import annotations

from functools import cache

from forms.loader import FormRegistry
from forms.model import FormDef


@cache
def _registry() -> FormRegistry:
    return FormRegistry.load()


def form(form_id: str) -> FormDef:
    return _registry().get(form_id)
