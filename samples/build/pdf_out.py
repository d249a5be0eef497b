"""Draw paragraphs and grids as a PDF with WeasyPrint: ruled tables, explicit page breaks.

Page breaks are only ever explicit (a `PageBreak` block or a row in `Grid.breaks`) and each page's content is
kept well inside the page, so the page, table and row of every cell is known without reading the PDF back.
On a continued table the header rows repeat (`<thead>`), as Word's 标题行重复 does.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from samples.build.docx_out import cell_text
from samples.build.grid import Block, Cell, Grid, PageBreak, Para, Tag
from samples.build.truth import Location

# AR PL SungtiL subsets to a few KB where Noto CJK costs ~150 KB per file; Noto fills any missing glyph.
_CSS = """
@page { size: A4 %(orient)s; margin: 20mm 18mm; }
body { font-family: "AR PL SungtiL GB", "Noto Serif CJK SC"; font-size: 10.5pt; line-height: 1.5; }
p { margin: 0 0 3pt 0; }
.title { font-weight: bold; font-size: 17pt; text-align: center; margin: 4pt 0 10pt 0;
         letter-spacing: %(spacing)s; }
.heading { font-weight: bold; font-size: 11pt; margin-top: 8pt; }
.meta { font-size: 11.5pt; margin-bottom: 6pt; white-space: pre; }
.note { font-size: 9.5pt; margin-top: 6pt; }
table { border-collapse: collapse; width: 100%%; margin-bottom: 4pt; }
td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; line-height: 1.35; }
td.header, td.heading { font-weight: bold; text-align: center; font-size: 10pt; }
td.heading { text-align: left; }
td.total { font-weight: bold; text-align: center; }
td.num { text-align: center; }
tr.break { break-before: page; }
"""


def _td(cell: Cell) -> str:
    attrs = ""
    if cell.span > 1:
        attrs += f' colspan="{cell.span}"'
    if cell.down > 1:
        attrs += f' rowspan="{cell.down}"'
    cls = "num" if cell.kind == "body" and isinstance(cell.value, int | float) else cell.kind
    text = "<br>".join(escape(line) for line in cell_text(cell).split("\n"))
    return f'<td class="{cls}"{attrs}>{text}</td>'


def _table_html(grid: Grid) -> str:
    total = sum(grid.widths) or grid.width
    cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in grid.widths)
    rows = []
    for r, row in enumerate(grid.rows):
        cls = ' class="break"' if r in grid.breaks else ""
        rows.append(f"<tr{cls}>" + "".join(_td(row[c]) for c in sorted(row)) + "</tr>")
    head = "".join(rows[: grid.repeat_header])
    body = "".join(rows[grid.repeat_header :])
    thead = f"<thead>{head}</thead>" if head else ""
    return f"<table><colgroup>{cols}</colgroup>{thead}<tbody>{body}</tbody></table>"


def _para_html(para: Para) -> str:
    style = f' style="text-align:{para.align}"' if para.align else ""
    return f'<p class="{para.kind}"{style}>{escape(para.text)}</p>'


def _grid_locations(grid: Grid, page: int, index: int) -> tuple[dict[Tag, Location], int, int]:
    """Locations of a grid's tagged cells, and the page and table index its last part ends on."""
    starts: dict[int, tuple[int, int, int]] = {}  # row -> (page, table index on page, first row of part)
    part_start = 0
    for r in range(len(grid.rows)):
        if r in grid.breaks:
            page, index, part_start = page + 1, 1, r
        starts[r] = (page, index, part_start)
    locs: dict[Tag, Location] = {}
    for tag, (r, c) in grid.tags().items():
        p, t, first = starts[r]
        # A continued part begins with the repeated header rows.
        row = r - first + 1 + (grid.repeat_header if first else 0)
        locs[tag] = (f"第{p}页", f"表{t}行{row}列{c + 1}")
    return locs, page, index


def write_pdf(
    path: Path, blocks: list[Block], landscape: bool = False, spaced_title: bool = False
) -> dict[Tag, Location]:
    """Write the blocks as one HTML document rendered to PDF; returns ("第P页", "表T行R列C") per tag."""
    from weasyprint import HTML

    parts: list[str] = []
    locs: dict[Tag, Location] = {}
    page, index = 1, 0
    for block in blocks:
        if isinstance(block, PageBreak):
            parts.append('<div style="break-before: page"></div>')
            page, index = page + 1, 0
        elif isinstance(block, Para):
            parts.append(_para_html(block))
        else:
            found, page, index = _grid_locations(block, page, index + 1)
            locs.update(found)
            parts.append(_table_html(block))
    css = _CSS % {"orient": "landscape" if landscape else "portrait", "spacing": "0.5em" if spaced_title else "0"}
    html = f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>{''.join(parts)}</body></html>"
    path.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=html).write_pdf(path)
    return locs
