"""A DOCX read as Word shows it: body paragraphs and tables as blocks (text with list labels, spans with
resolved fonts, sizes and colours, alignment, indents, line and character pitch), the sections' page
setup and grid, the headers and footers, and where red lines are drawn."""

from __future__ import annotations

import math
import posixpath
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from lxml import etree

from generators.documents.layout.pagecount import line_count
from generators.documents.reading.blocks import Block, Span
from generators.documents.reading.docx_lists import Lists
from generators.documents.reading.docx_styles import ParaProps, RunProps, Styles, W, wval

if TYPE_CHECKING:
    import zipfile

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MM_TW = 72 / 25.4 * 20
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)
_JC = {"start": "left", "end": "right", "both": "both", "distribute": "both", "center": "center", "left": "left",
       "right": "right"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Section:
    page_w: float  # mm
    page_h: float
    top: float
    bottom: float
    left: float
    right: float
    kind: str  # nextPage / evenPage / oddPage / continuous
    grid: str | None  # lines / linesAndChars / snapToChars / None
    grid_pitch: float | None  # pt per line of the grid
    char_space: int | None  # docGrid charSpace (1/4096 pt)
    title_page: bool
    footers: dict[str, list[Block]] = field(default_factory=dict)  # default / even / first
    headers: dict[str, list[Block]] = field(default_factory=dict)
    start: int = 0  # index of its first block

    @property
    def block_w(self) -> float:
        return self.page_w - self.left - self.right

    @property
    def block_h(self) -> float:
        return self.page_h - self.top - self.bottom


@dataclass
class DocxDoc:
    blocks: list[Block]
    sections: list[Section]
    even_odd: bool
    normal_size: float
    red_lines: list[int]  # paragraph numbers (blocks) under which a red line is drawn (border or shape)


def read_docx(archive: zipfile.ZipFile) -> DocxDoc:
    reader = _Reader(archive)
    return reader.read()


class _Reader:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.zip = archive
        self.names = set(archive.namelist())
        settings = self._xml("word/settings.xml")
        lang = "zh-CN"
        if settings is not None:
            theme_lang = settings.find(f"{W}themeFontLang")
            lang = (theme_lang.get(f"{W}eastAsia") if theme_lang is not None else None) or lang
        self.even_odd = settings is not None and settings.find(f"{W}evenAndOddHeaders") is not None
        self.styles = Styles(self._xml("word/styles.xml"), self._xml("word/theme/theme1.xml"), lang)
        self.lists = Lists(self._xml("word/numbering.xml"))
        self.rels = self._rels("word/_rels/document.xml.rels")
        normal = self.styles.run(None, None, None)
        self.normal_size = normal.size or 10.5
        self.blocks: list[Block] = []
        self.red_lines: list[int] = []

    def _xml(self, name: str) -> etree._Element | None:
        if name not in self.names:
            return None
        return etree.fromstring(self.zip.read(name), _PARSER)

    def _rels(self, name: str) -> dict[str, str]:
        root = self._xml(name)
        if root is None:
            return {}
        base = posixpath.dirname(posixpath.dirname(name))
        return {
            r.get("Id"): posixpath.normpath(posixpath.join(base, r.get("Target", "")))
            for r in root.findall(f"{PR}Relationship")
        }

    def read(self) -> DocxDoc:
        document = self._xml("word/document.xml")
        if document is None:
            from forms.errors import UnreadableFile

            raise UnreadableFile("不是 Word 文档（缺少 word/document.xml）")
        body = document.find(f"{W}body")
        sections: list[Section] = []
        start = 0
        pending_break = False
        for el in _body_elements(body):
            if el.tag == f"{W}p":
                sect = el.find(f"{W}pPr/{W}sectPr")
                section = self._section(sect) if sect is not None else self._section(body.find(f"{W}sectPr"))
                block, pending_break = self._paragraph(el, section, pending_break)
                if block is not None:
                    self.blocks.append(block)
                if sect is not None:
                    sections.append(self._with_parts(section, sect, start))
                    start = len(self.blocks)
            elif el.tag == f"{W}tbl":
                self.blocks.append(self._table(el, self._section(body.find(f"{W}sectPr"))))
        last = body.find(f"{W}sectPr")
        if last is not None:
            sections.append(self._with_parts(self._section(last), last, start))
        return DocxDoc(self.blocks, sections, self.even_odd, self.normal_size, self.red_lines)

    # -- sections --------------------------------------------------------------------------------------
    def _section(self, sect: etree._Element | None) -> Section:
        size = sect.find(f"{W}pgSz") if sect is not None else None
        mar = sect.find(f"{W}pgMar") if sect is not None else None
        grid = sect.find(f"{W}docGrid") if sect is not None else None

        def tw(el: etree._Element | None, name: str, default: float) -> float:
            v = wval(el, name)
            return abs(float(v)) / MM_TW if v and v.lstrip("-").replace(".", "", 1).isdigit() else default

        pitch = wval(grid, "linePitch")
        char_space = wval(grid, "charSpace")
        return Section(
            page_w=tw(size, "w", 210.0),
            page_h=tw(size, "h", 297.0),
            top=tw(mar, "top", 25.4),
            bottom=tw(mar, "bottom", 25.4),
            left=tw(mar, "left", 31.8),
            right=tw(mar, "right", 31.8),
            kind=wval(sect.find(f"{W}type")) if sect is not None and sect.find(f"{W}type") is not None else "nextPage",
            grid=wval(grid, "type"),
            grid_pitch=int(pitch) / 20 if pitch and pitch.isdigit() else None,
            char_space=int(char_space) if char_space and char_space.lstrip("-").isdigit() else None,
            title_page=sect is not None and sect.find(f"{W}titlePg") is not None,
        )

    def _with_parts(self, section: Section, sect: etree._Element, start: int) -> Section:
        footers, headers = {}, {}
        for kind, store in (("footer", footers), ("header", headers)):
            for ref in sect.findall(f"{W}{kind}Reference"):
                target = self.rels.get(ref.get(f"{R}id"))
                root = self._xml(target) if target else None
                if root is not None:
                    store[ref.get(f"{W}type", "default")] = self._part_blocks(root, section, target)
        return Section(**{**_fields(section), "footers": footers, "headers": headers, "start": start})

    def _part_blocks(self, root: etree._Element, section: Section, name: str) -> list[Block]:
        rels = self._rels(posixpath.join(posixpath.dirname(name), "_rels", posixpath.basename(name) + ".rels"))
        del rels  # pictures in headers are not read; the red lines are
        out = []
        for p in root.iter(f"{W}p"):
            block, _ = self._paragraph(p, section, False, number=False)
            if block is not None:
                out.append(block)
        return out

    # -- paragraphs ------------------------------------------------------------------------------------
    def _paragraph(
        self, p: etree._Element, section: Section, pending_break: bool, number: bool = True
    ) -> tuple[Block | None, bool]:
        ppr_el = p.find(f"{W}pPr")
        style = wval(ppr_el.find(f"{W}pStyle")) if ppr_el is not None else None
        base = self.styles.para(style, ppr_el)
        label, label_ppr = "", {}
        num = base.get("numPr")
        if num:
            label, label_ppr = self.lists.label(num.get("numId"), num.get("ilvl"))
        props = self.styles.para(style, ppr_el, label_ppr) if label_ppr else base
        spans: list[Span] = []
        if label:
            mark = ppr_el.find(f"{W}rPr") if ppr_el is not None else None
            spans.append(_span(label, self.styles.run(style, None, mark)))
        fields = []
        breaks_page = pending_break
        for text, rpr, kind in _runs(p):
            if kind == "page":
                breaks_page = True
                continue
            if kind == "field":
                fields.append(text)
                continue
            if kind == "drawing":
                if _red_drawing(rpr):
                    self.red_lines.append(self._next_number())
                continue
            r_style = wval(rpr.find(f"{W}rStyle")) if rpr is not None else None
            spans.append(_span(text, self.styles.run(style, r_style, rpr)))
        text = "".join(s.text for s in spans)
        border = props.get("border_bottom") or {}
        red_rule = _is_red(border.get("color")) and border.get("val") not in (None, "nil", "none")
        if number and red_rule:
            self.red_lines.append(self._next_number())
        if not text.strip() and not fields:
            if not number:
                return None, False
            # An empty paragraph still takes its line (spacers push the 版记 down): kept, without a number.
            blank = self._block("", spans, props, style, section, breaks_page, fields, number)
            return replace(blank, paragraph=0, extra={**blank.extra, "empty": True}), False
        return self._block(text, spans, props, style, section, breaks_page, fields, number), False

    def _block(
        self,
        text: str,
        spans: list[Span],
        props: ParaProps,
        style: str | None,
        section: Section,
        breaks_page: bool,
        fields: list[str],
        number: bool,
    ) -> Block:
        size = _main_size(spans) or self.normal_size
        ind = props.get("ind") or {}
        spacing = props.get("spacing") or {}
        snap = props.get("snapToGrid", True)
        pitch = _line_pitch(spacing, size, section, snap)
        char = _char_pitch(spans, size, section, snap, self.normal_size)
        first, left, right = _indents(ind, size)
        width = section.block_w * 72 / 25.4 / char
        lines = line_count(text.replace("\t", "  "), first=left + first, left=left, right=right, width=width)
        return Block(
            text=text,
            paragraph=self._next_number() if number else 0,
            spans=tuple(spans),
            align=_JC.get(props.get("jc") or "", "left"),
            indent=first,
            left=left,
            right=right,
            lines=max(lines, text.count("\n") + 1),
            line_pitch=pitch,
            char_pitch=char,
            extra={
                "style": self.styles.name(style or self.styles.default_para),
                "break_before": breaks_page or bool(props.get("pageBreakBefore")),
                "before": _twips(spacing.get("before")) / 20,
                "after": _twips(spacing.get("after")) / 20,
                "fields": fields,
                "outline": props.get("outlineLvl"),
                "red_rule": _is_red((props.get("border_bottom") or {}).get("color")),
            },
        )

    def _next_number(self) -> int:
        """Paragraphs are numbered as an official counts them: the ones with text (and tables)."""
        return sum(1 for b in self.blocks if b.paragraph) + 1

    def _table(self, tbl: etree._Element, section: Section) -> Block:
        rows = []
        spans: list[Span] = []
        for tr in tbl.findall(f"{W}tr"):
            row = []
            for tc in tr.findall(f"{W}tc"):
                cell = "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in tc.findall(f"{W}p"))
                row.append(cell)
            rows.append(row)
        text = "\n".join("\t".join(r) for r in rows)
        height = sum(max(1, max((c.count("\n") + 1 + len(c) // 12 for c in r), default=1)) for r in rows)
        return Block(
            text=text,
            paragraph=self._next_number(),
            spans=tuple(spans),
            table=True,
            lines=height,
            line_pitch=14.0 * 1.4,
            extra={"rows": rows, "break_before": False, "before": 0.0, "after": 0.0, "fields": [], "outline": None},
        )


def _fields(section: Section) -> dict:
    return {name: getattr(section, name) for name in Section.__slots__ if name not in ("footers", "headers", "start")}


def _body_elements(body: etree._Element):
    """Paragraphs and tables of the body in order, content controls opened."""
    for el in body:
        if el.tag == f"{W}sdt":
            content = el.find(f"{W}sdtContent")
            if content is not None:
                yield from _body_elements(content)
        elif el.tag in (f"{W}p", f"{W}tbl"):
            yield el


def _runs(p: etree._Element):
    """(text, rPr, kind) of the paragraph's runs in order; kind: text / page / field / drawing.

    Deleted text is skipped, inserted text kept; a field shows its result (PAGE's cached number), and its
    instruction is reported as kind `field`.
    """
    in_instr = False
    for r in p.iter(f"{W}r"):
        if any(a.tag == f"{W}del" for a in r.iterancestors()):
            continue
        rpr = r.find(f"{W}rPr")
        for child in r:
            tag = child.tag
            if tag == f"{W}fldChar":
                kind = child.get(f"{W}fldCharType")
                in_instr = kind == "begin"
            elif tag == f"{W}instrText":
                yield (child.text or "").strip().split(" ")[0], rpr, "field"
            elif tag == f"{W}t" and not in_instr:
                yield child.text or "", rpr, "text"
            elif tag == f"{W}tab":
                yield "\t", rpr, "text"
            elif tag in (f"{W}br", f"{W}cr"):
                if child.get(f"{W}type") == "page":
                    yield "", rpr, "page"
                else:
                    yield "\n", rpr, "text"
            elif tag in (f"{W}drawing", f"{W}pict") or tag.endswith("}AlternateContent"):
                yield "", child, "drawing"
    for simple in p.iter(f"{W}fldSimple"):
        yield (simple.get(f"{W}instr") or "").strip().split(" ")[0], None, "field"


def _span(text: str, props: RunProps) -> Span:
    return Span(text, props.east_asia, props.size, _is_red(props.color), props.bold, props.ascii, props.spacing)


def _is_red(color: str | None) -> bool:
    if not color or len(color) != 6:
        return False
    try:
        r, g, b = int(color[:2], 16), int(color[2:4], 16), int(color[4:], 16)
    except ValueError:
        return False
    return r >= 0xB0 and g <= 0x60 and b <= 0x60


def _red_drawing(el: etree._Element) -> bool:
    """A line or thin shape drawn in red (DrawingML srgbClr in a:ln, or VML strokecolor/fillcolor)."""
    for node in el.iter():
        tag = node.tag.split("}")[-1] if isinstance(node.tag, str) else ""
        if tag == "srgbClr" and _is_red(node.get("val")):
            return True
        for attr in ("strokecolor", "fillcolor"):
            value = (node.get(attr) or "").lstrip("#")
            if _is_red(value.upper()) or value.lower() in ("red",):
                return True
    return False


def _main_size(spans: list[Span]) -> float | None:
    counts: dict[float, int] = {}
    for s in spans:
        if s.size and s.text.strip():
            counts[s.size] = counts.get(s.size, 0) + len(s.text.strip())
    return max(counts, key=counts.get) if counts else None


def _twips(value: str | None) -> float:
    try:
        return float(value) if value else 0.0
    except ValueError:
        return 0.0


def _line_pitch(spacing: dict, size: float, section: Section, snap: bool) -> float:
    """Points from one line to the next, as Word sets it."""
    rule = spacing.get("lineRule", "auto")
    line = _twips(spacing.get("line")) or 240
    natural = size * 1.3
    if rule == "exact":
        return line / 20
    if rule == "atLeast":
        return max(line / 20, _grid_lines(natural, section, snap))
    base = _grid_lines(natural, section, snap)
    return base * line / 240


def _grid_lines(natural: float, section: Section, snap: bool) -> float:
    if snap and section.grid in ("lines", "linesAndChars", "snapToChars") and section.grid_pitch:
        return section.grid_pitch * max(1, math.ceil(natural / section.grid_pitch - 0.05))
    return natural


def _char_pitch(spans: list[Span], size: float, section: Section, snap: bool, normal: float) -> float:
    """Points from one character to the next: the grid's pitch when characters snap to it, else the size and
    the run's character spacing."""
    spacing = 0.0
    counted = [s for s in spans if s.text.strip()]
    if counted:
        spacing = sum(s.spacing for s in counted) / len(counted)
    if snap and section.grid in ("linesAndChars", "snapToChars") and section.char_space is not None:
        grid = normal + section.char_space / 4096
        if grid > 0:
            return grid * max(1, math.floor(size / grid + 0.5))  # a character a cell, unless much bigger
    return size + spacing


def _indents(ind: dict, size: float) -> tuple[float, float, float]:
    """First-line indent (negative: hanging), left and right indents, in characters of `size`."""

    def chars(key: str) -> float | None:
        if f"{key}Chars" in ind:
            return _twips(ind[f"{key}Chars"]) / 100
        if key in ind:
            return _twips(ind[key]) / (size * 20)
        return None

    first = chars("firstLine")
    hanging = chars("hanging")
    left = chars("left") if chars("left") is not None else chars("start")
    right = chars("right") if chars("right") is not None else chars("end")
    first_line = -hanging if hanging else (first or 0.0)
    return first_line, left or 0.0, right or 0.0
