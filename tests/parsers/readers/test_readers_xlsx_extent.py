"""The written area of a sheet part: the plain fast path agrees with the general one on every shape of tag."""

from __future__ import annotations

import pytest

from parsers.readers import xlsx_extent as x

HEAD = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
TAIL = b"</sheetData></worksheet>"


def _general(data: bytes) -> int | None:
    """What _written_area gave before the fast path: both regexes over every tag."""
    refs = x._CELL_REF.findall(data)
    if len(refs) != len(x._CELL_TAG.findall(data)):
        return None
    if not refs:
        return 0
    rows = [int(n) for _l, n in refs]
    cols = [x._column(col.decode() + "1", -1) for col, _n in refs]
    return (max(rows) - min(rows) + 1) * (max(cols) - min(cols) + 1)


SHEETS = {
    "plain": b'<row r="2"><c r="B2" t="s"><v>0</v></c><c r="D9"><v>1</v></c></row>',
    "ref not first": b'<row r="2"><c r="B2"><v>0</v></c><c s="1" r="F30"><v>1</v></c></row>',
    "no ref": b'<row r="2"><c r="B2"><v>0</v></c><c t="s"><v>1</v></c></row>',
    "prefixed": b'<x:row><x:c r="C3"><x:v>0</x:v></x:c><x:c r="E40"><x:v>1</x:v></x:c></x:row>',
    "mixed prefix": b'<row><c r="A1"><v>0</v></c><x:c r="Z99"><v>1</v></x:c></row>',
    "prefixed without ref": b'<row><c r="A1"><v>0</v></c><x:c><v>1</v></x:c></row>',
    "self-closing and tabs": b'<row><c r="A1"/><c\tr="H8"><v>1</v></c><c r="C2"/></row>',
    "lower-case ref": b'<row><c r="a1"><v>0</v></c></row>',
    "styles-like": b"<cellXfs><color/><c>",
    "no cells": b'<row r="1"/>',
}


@pytest.mark.parametrize("name", SHEETS)
def test_fast_path_gives_what_the_general_one_gives(name: str) -> None:
    data = HEAD + SHEETS[name] + TAIL
    assert x._written_area(data) == _general(data)
