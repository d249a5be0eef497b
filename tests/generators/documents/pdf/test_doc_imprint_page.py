"""The 版记's own page laid out alone and joined after a text ending on an odd page: the same pages, text and
rules as laying the whole document out with the 版记 on its own page, from one layout of the text instead of two."""

from __future__ import annotations

from doc_inputs import long_spec, page_number, pdf_pages, pdf_rects

from generators.documents import load_spec
from generators.documents.pdf import render

IMPRINT = {"cc": "[市司法局, 市财政局]", "printed_by": "鄂尔多斯市市场监督管理局办公室", "printed_on": "2022-05-10"}


def test_the_imprint_page_joined_is_the_page_a_whole_layout_makes(monkeypatch):
    spec = load_spec(long_spec(24, **IMPRINT))  # text over 3 pages
    layouts: list[str] = []
    real = render._layout
    monkeypatch.setattr(
        render, "_layout", lambda p, imprint, gap=0.0: (layouts.append(imprint), real(p, imprint, gap))[1]
    )
    joined = render.render_pdf(spec)
    assert layouts == ["measured", "alone"]
    whole = render.render_html(render.final_html(spec))  # the same HTML laid out in one go
    pages = pdf_pages(joined)
    assert len(pages) == 4 and pages[2] and pages[3][0].text.startswith("抄送：")
    assert page_number(pages[2]) is not None and page_number(pages[3]) is None
    assert pages == pdf_pages(whole)
    assert [pdf_rects(joined, i) for i in range(4)] == [pdf_rects(whole, i) for i in range(4)]
