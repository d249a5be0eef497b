"""Which page each paragraph of a DOCX starts on, estimated as Word fills its pages: lines of the measured
pitch until the block is full; page breaks, sections starting on a new, an even or an odd page. Exact for
text on a grid (every line one pitch high); tables and pictures make it an estimate."""

from __future__ import annotations

from generators.documents.reading.docx_read import DocxDoc

MM_PT = 72 / 25.4


def estimate_pages(doc: DocxDoc) -> tuple[dict[int, int], int | None]:
    """({paragraph number: page}, the first paragraph from which the estimate is uncertain: after a table)."""
    starts = {s.start: s for s in doc.sections}
    section = doc.sections[0] if doc.sections else None
    page, used, uncertain = 1, 0.0, None
    out: dict[int, int] = {}
    for i, b in enumerate(doc.blocks):
        if i in starts and i > 0:
            section = starts[i]
            if section.kind != "continuous":
                page, used = page + 1, 0.0
                if (section.kind == "evenPage" and page % 2) or (section.kind == "oddPage" and page % 2 == 0):
                    page += 1
        height = (section.block_h if section else 225.0) * MM_PT
        if b.extra.get("break_before") and used > 0:
            page, used = page + 1, 0.0
        pitch = b.line_pitch or 16 * 1.3
        h = b.lines * pitch + b.extra.get("before", 0.0) + b.extra.get("after", 0.0)
        if b.table and uncertain is None:
            uncertain = b.paragraph + 1
        if used + pitch > height + 0.5:
            page, used = page + 1, 0.0
        if b.paragraph:
            out[b.paragraph] = page
        used += h
        while used > height + 0.5:
            page += 1
            used -= height
    return out, uncertain


def page_count(doc: DocxDoc, pages: dict[int, int]) -> int:
    """Pages of the document: those the text takes, and the pages of sections that hold no text (the 版记
    in the footer of a last section that starts on an even page, after a blank page if need be)."""
    last = max(pages.values(), default=1)
    for section in doc.sections[1:]:
        if any(b.paragraph for b in doc.blocks[section.start :]):
            continue
        last += 1
        if (section.kind == "evenPage" and last % 2) or (section.kind == "oddPage" and last % 2 == 0):
            last += 1
    return last
