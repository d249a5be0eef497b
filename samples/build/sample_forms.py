"""The forms of the real-world layout samples (samples/forms/*.yaml), beside the built-in ones."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from forms.loader import FormRegistry
from forms.model import FormDef

SAMPLE_FORMS = Path(__file__).resolve().parents[1] / "forms"


@cache
def _registry() -> FormRegistry:
    return FormRegistry.load([SAMPLE_FORMS])


def form(form_id: str) -> FormDef:
    return _registry().get(form_id)
