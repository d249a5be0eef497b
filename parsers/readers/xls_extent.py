"""Refuse a legacy .xls sheet whose cells span an absurd area before calamine sees it.

calamine sizes a sheet by the positions of its cell records (not the DIMENSIONS record) and allocates the
bounding box densely: a 6 KB file with values in A1 and IV65536 costs a gigabyte. The BIFF record stream
is walked here instead — only record headers and the row/column of cell records are read.
"""

from __future__ import annotations

import struct

from parsers.readers.cfb import Compound
from parsers.readers.grid import Bounds, Budget

_BOF, _EOF, _MULRK = 0x0809, 0x000A, 0x00BD
# Records holding one value, each starting with (row, column): NUMBER, LABEL, RK, FORMULA, BOOLERR,
# LABELSST, RSTRING. BLANK and MULBLANK hold no value and calamine skips them.
_CELLS = frozenset({0x0203, 0x0204, 0x027E, 0x0006, 0x0205, 0x00FD, 0x00D6})


def check_extents(compound: Compound) -> None:
    stream = compound.head("Workbook") or compound.head("Book") or b""
    bounds, budget = Bounds(), Budget()
    position = 0
    while position + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, position)
        body = stream[position + 4 : position + 4 + length]
        position += 4 + length
        if kind == _BOF:
            budget.add("工作表", bounds.area())
            bounds = Bounds()  # a new sheet (or the workbook globals) begins
        elif kind in _CELLS and len(body) >= 4:
            bounds.add(*struct.unpack_from("<HH", body))
        elif kind == _MULRK and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body)
            last = struct.unpack_from("<H", body, len(body) - 2)[0]
            bounds.add(row, first, 1, max(last - first + 1, 1))
        elif kind == _EOF:
            budget.add("工作表", bounds.area())
            bounds = Bounds()
    budget.add("工作表", bounds.area())
