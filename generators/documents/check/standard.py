"""The numbers and faces `doc check` holds a document to (GB/T 9704-2012; see layout/geometry.py)."""

from __future__ import annotations

from generators.documents.layout import geometry as g

PAPER = (g.PAGE_W, g.PAGE_H)
MARGINS = {"top": g.TOP, "bottom": g.BOTTOM, "left": g.LEFT, "right": g.RIGHT}
MARGIN_NAMES = {"top": "上白边（天头）", "bottom": "下白边", "left": "左白边（订口）", "right": "右白边"}
MARGIN_TOL = 1.0  # mm, the standard's ± 1 mm
PDF_MARGIN_TOL = 1.5  # mm: measured from glyphs, which sit a little inside their boxes
LINES, CHARS = g.LINES_PER_PAGE, g.CHARS_PER_LINE
SIZE_TOL = 0.3  # pt

# element → (face, size in pt); None: not fixed by the standard.
LOOKS: dict[str, tuple[str | None, float | None]] = {
    "copy_no": ("仿宋", 16.0),
    "secrecy": ("黑体", 16.0),
    "urgency": ("黑体", 16.0),
    "mark": ("小标宋", None),
    "number": ("仿宋", 16.0),
    "title": ("小标宋", 22.0),
    "to": ("仿宋", 16.0),
    "body": ("仿宋", 16.0),
    "heading1": ("黑体", 16.0),
    "heading2": ("楷体", 16.0),
    "heading3": ("仿宋", 16.0),
    "heading4": ("仿宋", 16.0),
    "attachment_note": ("仿宋", 16.0),
    "signature": ("仿宋", 16.0),
    "date": ("仿宋", 16.0),
    "note": ("仿宋", 16.0),
    "attachment_label": ("黑体", 16.0),
    "attachment_title": ("小标宋", None),
    "cc": ("仿宋", 14.0),
    "printed": ("仿宋", 14.0),
    "page_number": ("宋体", 14.0),
}
SIZE_NAMES = {42.0: "初号", 36.0: "小初", 26.0: "一号", 24.0: "小一", 22.0: "二号", 18.0: "小二", 16.0: "三号",
              15.0: "小三", 14.0: "四号", 12.0: "小四", 10.5: "五号", 9.0: "小五"}  # fmt: skip


def size_name(pt: float) -> str:
    name = next((n for s, n in SIZE_NAMES.items() if abs(s - pt) < 0.26), None)
    value = f"{pt:g}" if abs(pt - round(pt, 1)) < 0.05 else f"{pt:.1f}"
    return f"{name}（{value}磅）" if name else f"{value}磅"
