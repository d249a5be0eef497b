"""WordprocessingML built as text and parsed once: faster than python-docx's proxies and exact about order.

Word rejects a file whose pPr/rPr children are out of schema order, so each builder emits its children in
the order of CT_PPr / CT_RPr whatever order the caller gives them in.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from generators.documents.layout.fonts import FACES, LATIN_DOCX

W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_NS = f'xmlns:w="{W_URI}"'
_PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "pBdr",
    "shd",
    "tabs",
    "autoSpaceDE",
    "autoSpaceDN",
    "snapToGrid",
    "spacing",
    "ind",
    "jc",
    "outlineLvl",
    "rPr",
    "sectPr",
)
_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "color", "spacing", "w", "kern", "sz", "szCs", "highlight", "lang")


def attrs(**values: object) -> str:
    """w:-prefixed attributes; keyword `_` separates words: first_line_chars → w:firstLineChars."""
    out = []
    for key, value in values.items():
        if value is None:
            continue
        head, *rest = key.split("_")
        name = head + "".join(p.capitalize() for p in rest)
        out.append(f"w:{name}={quoteattr(str(value))}")
    return " ".join(out)


def ordered(parts: dict[str, str], order: tuple[str, ...]) -> str:
    return "".join(parts[k] for k in order if parts.get(k))


def rfonts(face: str, latin: str | None = None) -> str:
    """East-Asian font of `face`; digits and Latin letters in `latin` (Times New Roman unless told)."""
    latin = latin or LATIN_DOCX
    names = f'w:ascii="{latin}" w:hAnsi="{latin}" w:cs="{latin}"'
    return f'<w:rFonts {names} w:eastAsia="{FACES[face].docx}" w:hint="eastAsia"/>'


def rpr(
    face: str | None = None,
    size_pt: float | None = None,
    color: str | None = None,
    spacing_pt: float | None = None,
    highlight: str | None = None,
    bold: bool | None = None,
    latin: str | None = None,
) -> str:
    parts = {
        "rFonts": rfonts(face, latin) if face else "",
        "b": ("<w:b/>" if bold else '<w:b w:val="0"/>') if bold is not None else "",
        "bCs": ("<w:bCs/>" if bold else '<w:bCs w:val="0"/>') if bold is not None else "",
        "color": f'<w:color w:val="{color}"/>' if color else "",
        "spacing": f'<w:spacing w:val="{round(spacing_pt * 20)}"/>' if spacing_pt is not None else "",
        "sz": f'<w:sz w:val="{round(size_pt * 2)}"/>' if size_pt else "",
        "szCs": f'<w:szCs w:val="{round(size_pt * 2)}"/>' if size_pt else "",
        "highlight": f'<w:highlight w:val="{highlight}"/>' if highlight else "",
    }
    body = ordered(parts, _RPR_ORDER)
    return f"<w:rPr>{body}</w:rPr>" if body else ""


def run(text: str, **props: object) -> str:
    """A run; line breaks in `text` become <w:br/>."""
    pieces = [f'<w:t xml:space="preserve">{escape(t)}</w:t>' if t else "" for t in text.split("\n")]
    return f"<w:r>{rpr(**props)}{'<w:br/>'.join(pieces)}</w:r>"  # type: ignore[arg-type]


def field_run(instr: str, **props: object) -> str:
    """A complex field (PAGE …) showing its result; Word and WPS update it when the page is laid out."""
    r = rpr(**props)  # type: ignore[arg-type]
    return (
        f'<w:r>{r}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{r}<w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        f'<w:r>{r}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{r}<w:t>1</w:t></w:r>"
        f'<w:r>{r}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def ppr(**parts: str | None) -> str:
    """pPr from named children (already serialised), emitted in schema order."""
    body = ordered({k: v or "" for k, v in parts.items()}, _PPR_ORDER)
    return f"<w:pPr>{body}</w:pPr>" if body else ""


def paragraph(runs: str = "", **parts: str | None) -> str:
    return f"<w:p>{ppr(**parts)}{runs}</w:p>"


def style(style_id: str) -> str:
    return f'<w:pStyle w:val="{style_id}"/>'


def jc(value: str) -> str:
    return f'<w:jc w:val="{value}"/>'


def exact(line_twips: int, before: int = 0, after: int = 0) -> str:
    return f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line_twips}" w:lineRule="exact"/>'


def ind(**values: object) -> str:
    return f"<w:ind {attrs(**values)}/>"


def border(side: str, val: str, eighths: int, space_pt: int, color: str = "000000") -> str:
    """One paragraph border line: thickness in eighths of a point, distance from the text in points."""
    return f'<w:{side} w:val="{val}" w:sz="{eighths}" w:space="{space_pt}" w:color="{color}"/>'


def pbdr(*lines: str) -> str:
    return f"<w:pBdr>{''.join(lines)}</w:pBdr>"


def tabs(*stops: tuple[str, int]) -> str:
    return "<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:pos="{p}"/>' for v, p in stops) + "</w:tabs>"


def qn(tag: str) -> str:
    """Clark notation of a w: tag, as python-docx's qn (without importing python-docx)."""
    return "{%s}%s" % (W_URI, tag.split(":", 1)[1])  # noqa: UP031


def parse(xml: str):
    """Parse a fragment of WordprocessingML (one or more elements wrapped in a throwaway root)."""
    from docx.oxml import parse_xml

    return parse_xml(f"<w:body {W_NS}>{xml}</w:body>")
