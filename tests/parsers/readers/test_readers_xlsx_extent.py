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
    "columns and rules": b'<cols><col min="1"/></cols><row><c r="B2"><v>0</v></c></row><cfRule/>',
    "no space after the ref": b'<row><c r="A1"s="1"><v>0</v></c><c r="C7"><v>1</v></c></row>',
    "ref in another attribute": b'<row><c x:r="A1" r="B5"><v>0</v></c><c r="D2"><v>1</v></c></row>',
    "colon attribute, no prefixed tag": b'<row x14ac:c r="1"><c r="A1"><v>0</v></c><c r="AB300"/></row>',
    "leading zeros": b'<row><c r="A007"><v>0</v></c><c r="C10"><v>1</v></c></row>',
}


@pytest.mark.parametrize("name", SHEETS)
def test_fast_path_gives_what_the_general_one_gives(name: str) -> None:
    data = HEAD + SHEETS[name] + TAIL
    written = x._written(data)
    assert (None if written is None else written[0]) == _general(data)


STRING_PARTS = {
    "plain": b"<sst><si><t>a</t></si><si/><si\n><t>b</t></si></sst>",
    "prefixed": b"<x:sst><x:si><x:t>a</x:t></x:si><x:si/></x:sst>",
    "mixed": b"<sst><si><t>a</t></si><x:si/></sst>",
    "look-alikes": b"<sst><sign/><size/><si><t>a</t></si><tsi/></sst>",
    "none": b'<worksheet><row r="1"><c r="A1"/></row></worksheet>',
}


@pytest.mark.parametrize("name", STRING_PARTS)
def test_strings_counted_as_the_general_pattern_counts_them(name: str) -> None:
    data = STRING_PARTS[name]
    written = x._written(data)
    assert written is not None and written[1] == len(x._STRING_TAG.findall(data))
