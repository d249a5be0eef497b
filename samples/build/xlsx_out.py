"""Draw grids as an Excel workbook the way a clerk's sheet looks: ruled table, merged title, A4 print setup."""

from __future__ import annotations

import math
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from samples.build.fixed import FIXED, freeze_zip
from samples.build.grid import Cell, Grid, Tag
from samples.build.truth import Location

_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_RULED = {"heading", "header", "body", "total", "blank"}
_FONTS = {
    "title": Font(name="方正小标宋简体", size=16, bold=True),
    "heading": Font(name="黑体", size=11),
    "header": Font(name="宋体", size=11, bold=True),
    "total": Font(name="宋体", size=11, bold=True),
    "note": Font(name="宋体", size=10),
}
_BODY_FONT = Font(name="宋体", size=11)


def _alignment(cell: Cell) -> Alignment:
    centred = cell.kind in ("title", "header", "total") or isinstance(cell.value, int | float)
    return Alignment(
        horizontal="center" if centred else "left",
        vertical="center",
        wrap_text=cell.kind not in ("title", "meta"),
    )


def _draw_cell(ws: Worksheet, r: int, c: int, cell: Cell) -> None:
    target = ws.cell(row=r + 1, column=c + 1, value=cell.value)
    target.font = _FONTS.get(cell.kind, _BODY_FONT)
    target.alignment = _alignment(cell)
    if cell.number_format:
        target.number_format = cell.number_format
    if cell.span > 1 or cell.down > 1:
        ws.merge_cells(start_row=r + 1, start_column=c + 1, end_row=r + cell.down, end_column=c + cell.span)
    if cell.kind in _RULED:
        # Every position of a merged range needs its own border, or Excel draws only the first one.
        for dr in range(cell.down):
            for dc in range(cell.span):
                ws.cell(row=r + 1 + dr, column=c + 1 + dc).border = _BOX


def _text_width(text: str) -> float:
    """Width in Excel character units: a CJK or full-width character is nearly two digits wide."""
    return sum(1.8 if ord(ch) > 0x2E80 else 1.0 for ch in text)


def _row_height(grid: Grid, r: int) -> float | None:
    """Excel does not grow a row for wrapped text written by a program; estimate the lines it needs."""
    lines = 1
    for c, cell in grid.rows[r].items():
        if cell.value is None or cell.kind in ("title", "meta") or cell.down > 1:
            continue
        width = sum(grid.widths[c : c + cell.span]) - 0.5 if grid.widths else 10
        paras = str(cell.value).split("\n") if isinstance(cell.value, str) else [""]
        lines = max(lines, sum(max(1, math.ceil(_text_width(p) / max(width, 1))) for p in paras))
    return 14.5 * lines + 2 if lines > 1 else None


def draw_sheet(ws: Worksheet, grid: Grid, landscape: bool = False) -> None:
    for c, width in enumerate(grid.widths):
        ws.column_dimensions[get_column_letter(c + 1)].width = width
    for r, row in enumerate(grid.rows):
        for c, cell in row.items():
            _draw_cell(ws, r, c, cell)
        if any(cell.kind == "title" for cell in row.values()):
            ws.row_dimensions[r + 1].height = 32
        elif height := _row_height(grid, r):
            ws.row_dimensions[r + 1].height = height
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True


def sheet_locations(name: str, grid: Grid) -> dict[Tag, Location]:
    return {tag: (name, f"{get_column_letter(c + 1)}{r + 1}") for tag, (r, c) in grid.tags().items()}


def write_xlsx(path: Path, sheets: list[tuple[str, Grid]], landscape: bool = False) -> dict[Tag, Location]:
    """Write one sheet per grid; returns every tagged cell's (sheet, A1 reference)."""
    wb = Workbook()
    wb.remove(wb.active)
    locs: dict[Tag, Location] = {}
    for name, grid in sheets:
        draw_sheet(wb.create_sheet(name), grid, landscape)
        locs.update(sheet_locations(name, grid))
    wb.properties.creator = "Administrator"
    wb.properties.lastModifiedBy = "Administrator"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    freeze_zip(path)
    return locs
