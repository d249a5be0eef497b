"""The text of WordprocessingML paragraphs, walked directly on the XML.

python-docx's `Paragraph.text` skips runs inside tracked insertions (`w:ins`) and content controls, which
districts' edited returns are full of; this walk keeps them, drops deleted text, and ignores text boxes
(their text would otherwise appear twice, once per `mc:AlternateContent` branch).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P, TBL, TR, TC = f"{W}p", f"{W}tbl", f"{W}tr", f"{W}tc"
_T, _TAB, _BR, _CR, _HYPHEN = f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
# Wrappers whose children belong to the enclosing story as if the wrapper were not there.
WRAPPERS = frozenset({f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"})
_SKIP = frozenset(
    {
        f"{W}pPr",
        f"{W}rPr",
        f"{W}del",
        f"{W}moveFrom",
        f"{W}drawing",
        f"{W}pict",
        f"{W}object",
        f"{W}sdtPr",
        f"{W}sdtEndPr",
        f"{W}txbxContent",
        _MC,
    }
)
_CHARS = {_TAB: "\t", _BR: "\n", _CR: "\n", _HYPHEN: "-"}


def paragraph_text(p: etree._Element) -> str:
    parts: list[str] = []
    _collect(p, parts)
    return "".join(parts)


def _collect(element: etree._Element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag in _CHARS:
            parts.append(_CHARS[tag])
        elif isinstance(tag, str) and tag not in _SKIP:
            _collect(child, parts)


def blocks(container: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs and tables of a body or cell, in order, looking through content controls."""
    for child in container:
        if child.tag in (P, TBL):
            yield child
        elif child.tag in WRAPPERS:
            yield from blocks(child)


def children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Direct children with `tag` (rows of a table, cells of a row), looking through content controls."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in WRAPPERS:
            yield from children(child, tag)


def cell_text(tc: etree._Element) -> str:
    """Paragraphs joined with newlines; a nested table contributes one line per row."""
    lines: list[str] = []
    for block in blocks(tc):
        if block.tag == P:
            lines.append(paragraph_text(block))
        else:
            lines.extend(" ".join(cell_text(c) for c in children(tr, TC)) for tr in children(block, TR))
    return "\n".join(lines).strip()
