"""Charts in the DOCX: the PNG drawn from the chart's data as an inline picture on a paragraph exactly as tall
as the grid lines it takes, and its caption centred under it (kept together)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from generators.documents.chart import draw
from generators.documents.docx import xml as x
from generators.documents.layout import geometry as g
from generators.documents.model import Chart

if TYPE_CHECKING:
    from generators.documents.docx.body import Writer

EMU_MM = 36000
CAPTION_PT = 14.0


def figure(w: Writer, chart: Chart, keep: bool = False) -> None:
    """The chart and its caption; `keep`: the caption keeps with what follows (the 署名)."""
    from lxml import etree

    picture = draw(chart)
    inline = w.doc.part.new_pic_inline(
        io.BytesIO(picture.png), round(picture.width_mm * EMU_MM), round(picture.height_mm * EMU_MM)
    )
    lines = g.figure_lines(picture.height_mm)
    drawing = f"<w:r><w:drawing>{etree.tostring(inline, encoding='unicode')}</w:drawing></w:r>"
    para = x.paragraph(
        drawing,
        pStyle=x.style("HzPlain"),
        keepNext="<w:keepNext/>",
        # At least (not exactly) that tall: an exact line would clip the picture's top in LibreOffice.
        spacing=f'<w:spacing w:before="0" w:after="0" w:line="{lines * g.LINE_TWIPS}" w:lineRule="atLeast"/>',
        jc=x.jc("center"),
    )
    w.lines(para, lines, keep_next=True, together=True)
    caption = x.paragraph(
        x.run(chart.caption, face="hei", size_pt=CAPTION_PT, spacing_pt=0),
        pStyle=x.style("HzPlain"),
        keepNext="<w:keepNext/>" if keep else None,
        spacing=x.exact(g.LINE_TWIPS),
        jc=x.jc("center"),
    )
    w.lines(caption, 1, keep_next=keep)
