"""The face and size of every element (GB/T 9704 7.x), and the red of the 发文机关标志.

One finding per kind of fault and element, at its first place, with how many times it occurs: a draft
typed in 宋体 throughout gets one line for its 正文, not one per paragraph.
"""

from __future__ import annotations

import re

from generators.documents.check.findings import ELEMENTS, Report
from generators.documents.check.standard import LOOKS, SIZE_TOL, size_name
from generators.documents.reading.blocks import Block
from generators.documents.reading.structure import Outline, Part

MARK_MAX_PT = 46.0  # 15 mm a character, the standard's limit, is about 46 pt of 小标宋
_HEAD_END = re.compile(r"[。！？]")


def check_looks(outline: Outline, report: Report) -> None:
    found: dict[tuple[str, str, str], list[Part]] = {}
    for p in outline.every:
        for element, start, end in _segments(p):
            if element not in LOOKS:
                continue
            face, size = p.first.look(start, end)
            if face is None and size is None:
                face, size = p.first.look(start, end, cjk_only=False)
            want_face, want_size = LOOKS[element]
            name = ELEMENTS[element]
            if want_face and face and face != want_face:
                found.setdefault(("font-face", element, f"{name}应为{want_face}，此处为{face}"), []).append(p)
            if want_face and face is None and _named(p.first, start, end):
                font = _named(p.first, start, end)
                found.setdefault(("font-unknown", element, f"{name}的字体“{font}”不是{want_face}"), []).append(p)
            if want_size and size and abs(size - want_size) > SIZE_TOL:
                message = f"{name}字号应为{size_name(want_size)}，此处为{size_name(size)}"
                found.setdefault(("font-size", element, message), []).append(p)
    for (code, element, message), parts in found.items():
        more = f"（共{len(parts)}处）" if len(parts) > 1 else ""
        severity = "warning" if code == "font-unknown" else "error"
        first = parts[0].first
        report.add(severity, code, message + more, element, page=first.page, paragraph=first.paragraph or None)
    _mark(outline, report)


def _segments(p: Part) -> list[tuple[str, int, int | None]]:
    """(element, start, end) stretches of a part that have a face of their own: a heading's number and
    heading text, then the paragraph it runs into (正文)."""
    if p.kind != "heading" or p.numbering is None:
        return [(p.kind, 0, None)]
    text = p.text
    m = _HEAD_END.search(text)
    end = m.end() if m and m.end() < len(text) else len(text)
    out = [(f"heading{p.numbering.level}", 0, end)]
    if end < len(text):
        out.append(("body", end, None))
    return out


def _named(b: Block, start: int, end: int | None) -> str | None:
    names = [s.font for s in b.spans if s.font and s.text.strip()]
    return names[0] if names else None


def _mark(outline: Outline, report: Report) -> None:
    for p in outline.of("mark"):
        b = p.first
        where = {"page": b.page, "paragraph": b.paragraph or None}
        if not b.red and not b.table:
            report.add("error", "mark-color", "发文机关标志应为红色", "mark", **where)
        size = max(b.sizes, default=0)
        if size > MARK_MAX_PT:
            report.add(
                "error", "mark-size", f"发文机关标志字号{size_name(size)}过大：每字不应大于22mm×15mm", "mark", **where
            )
