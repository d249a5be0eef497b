"""DocSpec → DOCX that officials open and keep editing in WPS or Word (python-docx, XML built directly)."""

from __future__ import annotations

import io

from generators.documents.docx import body as docx_body
from generators.documents.docx import head as docx_head
from generators.documents.docx import imprint as docx_imprint
from generators.documents.docx import sections as docx_sections
from generators.documents.docx import styles as docx_styles
from generators.documents.layout.pagecount import Flow
from generators.documents.layout.plan import Plan, plan
from generators.documents.model import DocSpec


def render_docx(spec: DocSpec) -> bytes:
    return write_docx(plan(spec))


def write_docx(p: Plan) -> bytes:
    import docx

    doc = docx.Document()
    docx_styles.setup(doc)
    docx_sections.apply_setup(doc.element.body.sectPr, title_page=p.format == "letter")
    docx_sections.page_number_footers(doc)
    w = docx_body.Writer(doc)
    _head(w, p)
    docx_body.main_text(w, p)
    docx_body.attachments(w, p.attachments)
    if p.imprint is not None:
        docx_imprint.place(w, p.imprint)
    w.flush()
    _properties(doc, p)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _head(w: docx_body.Writer, p: Plan) -> None:
    if p.format == "letter":
        docx_sections.letter_first_page(w.doc, docx_head.letter_header(p))
        # The header (mark + rule) is taller than the top margin and pushes page 1's text down.
        head = docx_head.letter_lines(p)
        w.add(head.xml, Flow((head.twips + 1200,), certain=False))
        return
    head = docx_head.head(p)
    if head.xml:
        w.add(head.xml, Flow((head.twips,)))


def _properties(doc, p: Plan) -> None:
    props = doc.core_properties
    props.title = "".join(p.title_lines)
    props.author = "huizong"
    props.language = "zh-CN"
