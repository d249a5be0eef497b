"""The 主体 of the DOCX — title, 主送机关, 正文, 附件说明, 署名, 附注, attachments — and its flow estimate.

`Writer` appends XML to the document body and, alongside, what each piece does to the page flow, so the
版记 can be placed without Word telling us where pages break (see pagecount.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generators.documents.docx import figures as docx_figures
from generators.documents.docx import sections as docx_sections
from generators.documents.docx import tables as docx_tables
from generators.documents.docx import xml as x
from generators.documents.docx.head import blank, line
from generators.documents.docx.styles import BLOCK_TWIPS, CHAR_TWIPS
from generators.documents.layout import geometry as g
from generators.documents.layout.body import Paragraph
from generators.documents.layout.geometry import LANDSCAPE
from generators.documents.layout.pagecount import Flow, line_count
from generators.documents.layout.plan import AttachmentPage, BodyItem, Plan
from generators.documents.layout.textfit import SigLine, todo_segments
from generators.documents.model import Chart, Table

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

LANDSCAPE_TWIPS = g.mm_to_twips(g.PAGE_H) - g.mm_to_twips(LANDSCAPE[1]) - g.mm_to_twips(LANDSCAPE[3])
HEAD_FACES = {1: "hei", 2: "kai"}
KEEP_NEXT = "<w:keepNext/>"


class Writer:
    def __init__(self, doc: DocxDocument) -> None:
        self.doc = doc
        self.parts: list[str] = []
        self.flows: list[Flow] = []
        self.width = BLOCK_TWIPS

    def add(self, xml: str, flow: Flow | None = None) -> None:
        self.parts.append(xml)
        if flow is not None:
            self.flows.append(flow)

    def lines(self, xml: str, count: int, keep_next: bool = False, together: bool = False) -> None:
        self.add(xml, Flow((g.LINE_TWIPS,) * count, keep_next=keep_next, together=together))

    def flush(self) -> None:
        anchor = self.doc.element.body.sectPr
        for el in x.parse("".join(self.parts)):
            anchor.addprevious(el)
        self.parts = []

    def new_section(self, landscape: bool, kind: str = "nextPage") -> None:
        self.flush()
        docx_sections.break_section(self.doc, landscape, kind)
        self.width = LANDSCAPE_TWIPS if landscape else BLOCK_TWIPS
        self.flows.append(Flow(new_page=True, landscape=landscape))


def main_text(w: Writer, p: Plan) -> None:
    w.lines(title(p.title_lines), len(p.title_lines))
    if p.to:
        w.lines(blank(), 1)
        w.lines(line(x.run(p.to)), line_count(p.to, 0))
    else:
        w.lines(blank(), 1)
    body_items(w, p.body, p.keep_tail)
    _attachment_note(w, p)
    _attendance(w, p)
    _signature(w, p)
    if p.note:
        w.lines(x.paragraph(x.run(p.note)), 1)


def title(lines: tuple[str, ...]) -> str:
    return x.paragraph(x.run("\n".join(lines)), pStyle=x.style("HzTitle"))


def body_items(w: Writer, items: tuple[BodyItem, ...], keep_tail: int = 0) -> None:
    """The 正文; the last `keep_tail` items keep with the 署名 that follows (Plan.keep_tail)."""
    for i, item in enumerate(items):
        kept = i >= len(items) - keep_tail
        if isinstance(item, Table):
            _table(w, item, keep=kept)
        elif isinstance(item, Chart):
            docx_figures.figure(w, item, keep=kept)
        else:
            _paragraph(w, item, keep=kept)


def _paragraph(w: Writer, p: Paragraph, keep: bool = False) -> None:
    """One paragraph; `keep`: whole, on the page of what follows (the end of the text, before the 署名)."""
    runs = _marked(p.head, HEAD_FACES.get(p.level))
    if p.text:
        runs += _marked(p.text, "fang" if p.level in HEAD_FACES else None)
    style = x.style(f"Heading{p.level}") if p.level else None
    heading = bool(p.level and not p.text)
    # A heading that runs into its paragraph is a paragraph: it must not hold the next one on its page.
    keep_next = KEEP_NEXT if keep else '<w:keepNext w:val="0"/>' if p.level and p.text else None
    xml = x.paragraph(runs, pStyle=style, keepNext=keep_next, keepLines="<w:keepLines/>" if keep else None)
    w.lines(xml, line_count(p.full), keep_next=keep or heading, together=keep)


def _marked(text: str, face: str | None) -> str:
    """Runs for `text`; notes in 【】 left for the official are highlighted yellow."""
    return "".join(x.run(seg, face=face, highlight="yellow" if todo else None) for seg, todo in todo_segments(text))


def _table(w: Writer, t: Table, keep: bool = False) -> None:
    """A table; `keep`: its last row and its notes keep with what follows (the 署名)."""
    if t.heading:
        centre = not t.heading.startswith(("一", "二", "三", "四", "五", "六", "七", "八", "九", "十"))
        w.lines(line(x.run(t.heading, face="hei"), jc="center" if centre else None), 1, keep_next=True)
    xml, heights = docx_tables.table(t, w.width, keep_last=keep)
    w.add(xml)
    # No page break before the last row (the table keeps its last two rows together).
    w.flows += [
        Flow(tuple(heights[:-1]), keep_next=True, certain=False),
        Flow(tuple(heights[-1:]), keep_next=keep, certain=False),
    ]
    for note in t.notes:
        para = x.paragraph(x.run(note, size_pt=12), pStyle=x.style("HzPlain"), keepNext=KEEP_NEXT if keep else None)
        w.lines(para, 1, keep_next=keep)


def _attachment_note(w: Writer, p: Plan) -> None:
    """One blank line, then the 附件说明 items kept together — and kept with the 署名 when the text is."""
    if not p.note_items:
        return
    chained = p.keep_tail > 0
    w.lines(line("", keepNext=KEEP_NEXT if chained else None), 1, keep_next=chained)
    xml, lines = [], 0
    for i, item in enumerate(p.note_items):
        hanging = round((item.indent - item.first) * CHAR_TWIPS)
        indent = x.ind(left=round(item.indent * CHAR_TWIPS), hanging=hanging, first_line_chars=0)
        keep = KEEP_NEXT if chained or i < len(p.note_items) - 1 else None
        xml.append(line(x.run(item.text), ind=indent, keepNext=keep))
        lines += line_count(item.text, item.first, item.indent)
    w.add("".join(xml), Flow((g.LINE_TWIPS,) * lines, together=True, keep_next=chained))


def _attendance(w: Writer, p: Plan) -> None:
    chained = p.keep_tail > 0  # the lists stand between the text and the 署名: they go along
    keep = KEEP_NEXT if chained else None
    for i, (label, names) in enumerate(p.attendance):
        if i == 0:
            w.lines(line("", keepNext=keep), 1, keep_next=chained)
        indent = x.ind(left=5 * CHAR_TWIPS, hanging=3 * CHAR_TWIPS, first_line_chars=0)
        text = f"{label}：{names}"
        xml = line(x.run(f"{label}：", face="hei") + x.run(names), ind=indent, keepNext=keep)
        w.lines(xml, line_count(text, 2, 5), keep_next=chained)


def _signature(w: Writer, p: Plan) -> None:
    if not p.signature:
        return
    # Blank lines, 署名 and date stay together (keep with next): a date never opens a page alone.
    xml = line("", keepNext="<w:keepNext/>") * p.signature_gap
    xml += "".join(_sig_line(sig, keep=i < len(p.signature) - 1) for i, sig in enumerate(p.signature))
    w.add(xml, Flow((g.LINE_TWIPS,) * (p.signature_gap + len(p.signature)), together=True))


def _sig_line(sig: SigLine, keep: bool) -> str:
    keep_next = "<w:keepNext/>" if keep else None
    if len(sig.texts) == 1:
        indent = x.ind(right=round(sig.right * CHAR_TWIPS))
        return line(x.run(sig.texts[0]), jc="right", ind=indent, keepNext=keep_next)
    # Joint issuers with seals: side by side, each centred in its half of the line.
    stops = x.tabs(("center", BLOCK_TWIPS // 4), ("center", BLOCK_TWIPS * 3 // 4))
    runs = "".join("<w:r><w:tab/></w:r>" + x.run(t) for t in sig.texts)
    return line(runs, tabs=stops, keepNext=keep_next)


def attachments(w: Writer, pages: tuple[AttachmentPage, ...]) -> None:
    landscape = False
    for page in pages:
        if page.landscape != landscape:
            w.new_section(page.landscape)
            landscape = page.landscape
            label = line(x.run(page.label, face="hei"))
        else:
            label = line(x.run(page.label, face="hei"), pageBreakBefore="<w:pageBreakBefore/>")
            w.flows.append(Flow(new_page=True, landscape=landscape))
        w.lines(label, 1)
        w.lines(blank(), 1)
        w.lines(title(page.title_lines), len(page.title_lines))
        if page.meta:
            meta = x.paragraph(x.run(page.meta, size_pt=14, spacing_pt=0), pStyle=x.style("HzPlain"))
            w.lines(meta, 1)
        body_items(w, page.body)
