"""Blank forms as districts receive them: xlsx and docx, laid out and printable as on paper."""

from __future__ import annotations

from pathlib import Path

from forms.errors import HuizongError
from forms.model import FormDef


def write_template(form: FormDef, target: Path) -> None:
    """Write the blank form; the format follows the suffix (.xlsx or .docx)."""
    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        from generators.templates.xlsx import write

        write(form, target)
    elif suffix == ".docx":
        from generators.templates.docx import write

        write(form, target)
    else:
        raise HuizongError(f"不支持的模板格式“{target.suffix}”，请使用 .xlsx 或 .docx")
