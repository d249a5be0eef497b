"""Tables in the DOCX: ruled, fixed column widths, header row repeated on every page.

Built as XML in one go (python-docx's cell merging costs seconds per hundred merges).
"""

from __future__ import annotations

from generators.documents.docx import xml as x
from generators.documents.layout import geometry as g
from generators.documents.layout.pagecount import table_row_twips
from generators.documents.layout.plan import table_size
from generators.documents.model import Table

BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
BLANK_ROW_MM = 8  # room to write by hand in a blank form, per line of a cell


def table(t: Table, width_twips: int, keep_last: bool = False) -> tuple[str, list[int]]:
    """The table's XML and the estimated height of each row in twips (header first).

    `keep_last`: the last row keeps with the paragraph after the table (keep with next in its cells).
    """
    size = {14: 14.0, 12: 12.0, 10: 10.5}[table_size(t)]
    widths = _widths(t, width_twips)
    width_mm = [w / 20 / g.MM_PT for w in widths]
    rows_xml, heights = [], []
    if t.columns:
        cells = "".join(_cell(c, widths[i], size, "hei") for i, c in enumerate(t.columns))
        rows_xml.append(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{cells}</w:tr>")
        heights.append(table_row_twips(list(zip(t.columns, width_mm, strict=True)), size))
    for r, row in enumerate(t.rows):
        xml, texts, col, tallest = [], [], 0, 1
        # The row before the last keeps with it (a 合计 row never stands alone on a page); the last keeps
        # with what follows the table when asked.
        keep = (keep_last and r == len(t.rows) - 1) or (len(t.rows) > 2 and r == len(t.rows) - 2)
        for c in row:
            span_w = sum(widths[col : col + c.span])
            face = "hei" if c.header else "fang"
            xml.append(_cell(c.text, span_w, size, face, c.span, left=len(c.text) > 12, keep=keep))
            texts.append((c.text, span_w / 20 / g.MM_PT))
            tallest = max(tallest, c.lines)
            col += c.span
        min_h = g.mm_to_twips(BLANK_ROW_MM * tallest)
        rows_xml.append(
            f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{min_h}" w:hRule="atLeast"/></w:trPr>{"".join(xml)}</w:tr>'
        )
        heights.append(max(min_h, table_row_twips(texts, size)))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    props = (
        f'<w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="68" w:type="dxa"/><w:right w:w="68" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    )
    return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows_xml)}</w:tbl>", heights


def _widths(t: Table, total: int) -> list[int]:
    weights = list(t.widths) or [1.0] * t.width
    scale = total / sum(weights)
    widths = [round(w * scale) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def _cell(text: str, width: int, size: float, face: str, span: int = 1, left: bool = False, keep: bool = False) -> str:
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    para = x.paragraph(
        x.run(text, face=face, size_pt=size),
        pStyle=x.style("HzTable"),
        keepNext="<w:keepNext/>" if keep else None,
        jc=x.jc("left") if left else None,
    )
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}<w:vAlign w:val="center"/></w:tcPr>{para}</w:tc>'
    )
