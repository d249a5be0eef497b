"""Official documents (公文) in the GB/T 9704-2012 layout, as DOCX and PDF.

    spec = load_spec("notice.yaml")      # a DocSpec: the document spec keys (model.py), validated
    render_docx(spec) -> bytes           # python-docx; officials keep editing it in WPS or Word
    render_pdf(spec) -> bytes            # WeasyPrint; the same geometry, free fonts embedded

campaign.py makes specs from campaign data (通知, 催报通知, 情况通报, 工作总结); fill.py fills an office's own
Word template. Heavy libraries (python-docx, WeasyPrint, docxtpl) are imported only when rendering.
"""

from generators.documents.docx.render import render_docx
from generators.documents.errors import DocumentError, DocumentSpecError, RenderError, TemplateFillError
from generators.documents.model import DocSpec
from generators.documents.pdf.render import render_pdf
from generators.documents.spec import load_spec

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
