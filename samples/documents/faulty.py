"""Documents with one deliberate fault each, and the findings `doc check` must make of them (with where).

DOCX: a notice typed in Word (typed.py), spoilt one way at a time. PDF: the same notice made by huizong and
spoilt in its HTML or CSS before layout, as another program would have laid it out. Written to faulty/
with expected.json by `python -m samples.documents.build`.
"""

from __future__ import annotations

from generators.documents import load_spec
from generators.documents.layout.plan import plan
from generators.documents.pdf.html import document_html
from generators.documents.pdf.render import final_html, render_html
from samples.documents.typed import BODY, TITLE, standard_docx, typed_body

FAULTS = ("title-18pt", "lines-21", "heading-skip", "ascii-commas", "imprint-odd")
# fault → the finding `doc check` must make (code, element, page), in the DOCX and the PDF alike; and
# the other codes the fault brings with it (a 版记 on page 1 is not at the foot of the last page either).
EXPECTED = {
    "title-18pt": {"code": "font-size", "element": "title", "page": 1},
    "lines-21": {"code": "lines-per-page", "element": "page", "page": None},
    "heading-skip": {"code": "heading-sequence", "element": "heading2", "page": 1},
    "ascii-commas": {"code": "half-width-punctuation", "element": "body", "page": None},
    "imprint-odd": {"code": "imprint-page", "element": "imprint", "page": 1},
}
ALSO = {"imprint-odd": {"imprint-place"}, "lines-21": {"imprint-page", "imprint-place"}}
IMPRINT = ("cc: [内蒙古自治区市场监督管理局]", "printed_by: 鄂尔多斯市市场监督管理局办公室", "printed_on: 2024-03-08")


def spec_text(body: list[tuple[str, str]]) -> str:
    lines = [
        "issuer_mark: 鄂尔多斯市市场监督管理局文件",
        "number: 鄂市监发〔2024〕12号",
        f"title: {TITLE}",
        "to: 各旗区市场监督管理局",
        "body: |",
        *(f"  {text}" for _, text in body),
        "signature: 鄂尔多斯市市场监督管理局",
        "date: 2024-03-08",
        *IMPRINT,
    ]
    return "\n".join(lines) + "\n"


def faulty_pdf(fault: str) -> bytes:
    body = typed_body(frozenset({fault}) if fault in ("heading-skip", "imprint-odd") else frozenset())
    spec = load_spec(spec_text(body))
    if fault == "imprint-odd":
        # A short text ending on page 1, the 版记 right after it instead of at the foot of an even page.
        short = load_spec(spec_text(body[:1]))
        return render_html(document_html(plan(short)))
    html = final_html(spec)
    extra = ""
    if fault == "title-18pt":
        extra = "body > .title { font-size: 18pt; }"
    elif fault == "lines-21":
        extra = "html { line-height: 30.2pt; } .gap1 { margin-top: 30.2pt; } .gap2 { margin-top: 60.4pt; }"
    elif fault == "ascii-commas":
        text = BODY[6][1]
        cut = text.index("，")
        html = html.replace(text[: cut + 3], text[:cut] + "," + text[cut + 1 : cut + 3])
    return render_html(html, extra_css=extra)


def faulty_docx(fault: str) -> bytes:
    return standard_docx(frozenset({fault}))
