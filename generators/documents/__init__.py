"""Official documents (公文) in the GB/T 9704-2012 layout, as DOCX and PDF.

    spec = load_spec("notice.yaml")      # a DocSpec: the document spec keys (model.py), validated
    render_docx(spec) -> bytes           # python-docx; officials keep editing it in WPS or Word
    render_pdf(spec) -> bytes            # WeasyPrint; the same geometry, free fonts embedded

campaign.py makes specs from campaign data (通知, 催报通知, 情况通报, 工作总结); fill.py fills an office's own
Word template. Heavy libraries (python-docx, WeasyPrint, docxtpl) are imported only when rendering, and the
names below load on first use (PEP 562): a PDF-only command never imports the DOCX renderer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from forms.lazy import exports

if TYPE_CHECKING:
    from generators.documents.docx.render import render_docx
    from generators.documents.errors import DocumentError, DocumentSpecError, RenderError, TemplateFillError
    from generators.documents.model import DocSpec
    from generators.documents.pdf.render import render_pdf
    from generators.documents.spec import load_spec

_HOME = {
    "render_docx": "generators.documents.docx.render",
    "render_pdf": "generators.documents.pdf.render",
    "DocSpec": "generators.documents.model",
    "load_spec": "generators.documents.spec",
    **dict.fromkeys(
        ("DocumentError", "DocumentSpecError", "RenderError", "TemplateFillError"), "generators.documents.errors"
    ),
}

__all__ = [
    "DocSpec",
    "DocumentError",
    "DocumentSpecError",
    "RenderError",
    "TemplateFillError",
    "load_spec",
    "render_docx",
    "render_pdf",
]


__getattr__ = exports(__name__, _HOME, globals())
