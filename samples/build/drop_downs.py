"""Drop-down lists (data validation) added to a written workbook, as a clerk's template has them: a short list
inline in the validation, a longer one on a hidden sheet."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from forms.model import Choice
from samples.build.fixed import freeze_zip

_LISTS = "选项"


def add_drop_downs(path: Path, sheet: str, lists: Mapping[str, Sequence[Choice]], hidden: Iterable[str] = ()) -> None:
    """`lists` maps an area (C4:C20) to its choices; columns named in `hidden` keep theirs on a hidden sheet."""
    book = load_workbook(path)
    target = book[sheet]
    store = None
    for n, (area, choices) in enumerate(lists.items()):
        values = [c.value for c in choices]
        if area[0] in set(hidden):
            store = store or book.create_sheet(_LISTS)
            letter = get_column_letter(n + 1)
            for r, value in enumerate(values, start=1):
                store.cell(row=r, column=n + 1, value=value)
            formula = f"'{_LISTS}'!${letter}$1:${letter}${len(values)}"
        else:
            formula = '"' + ",".join(values) + '"'
        validation = DataValidation(type="list", formula1=formula, allow_blank=True)
        validation.add(area)
        target.add_data_validation(validation)
    if store is not None:
        store.sheet_state = "hidden"
    book.save(path)
    freeze_zip(path)
