"""The 版记's own page laid out alone and joined after a text ending on an odd page: the same pages, text and
rules as laying the whole document out with the 版记 on its own page, from one layout of the text instead of two.
A text ending on an even page with room under it: the first layout, its running 版记 at the foot, is the PDF."""

from __future__ import annotations

from doc_inputs import long_spec, page_number, pdf_pages, pdf_rects

from generators.documents import load_spec
from generators.documents.pdf import render

IMPRINT = {"cc": "[市司法局, 市财政局]", "printed_by": "鄂尔多斯市市场监督管理局办公室", "printed_on": "2022-05-10"}


def _counting_layouts(monkeypatch) -> list[str]:
    layouts: list[str] = []
    real = render._layout
    monkeypatch.setattr(
        render, "_layout", lambda p, imprint, gap=0.0: (layouts.append(imprint), real(p, imprint, gap))[1]
    )
    return layouts


def test_the_imprint_page_joined_is_the_page_a_whole_layout_makes(monkeypatch):
    spec = load_spec(long_spec(24, **IMPRINT))  # text over 3 pages
    layouts = _counting_layouts(monkeypatch)
    joined = render.render_pdf(spec)
    assert layouts == ["measured", "alone"]
    whole = render.render_html(render.final_html(spec))  # the same HTML laid out in one go
    pages = pdf_pages(joined)
    assert len(pages) == 4 and pages[2] and pages[3][0].text.startswith("抄送：")
    assert page_number(pages[2]) is not None and page_number(pages[3]) is None
    assert pages == pdf_pages(whole)
    assert [pdf_rects(joined, i) for i in range(4)] == [pdf_rects(whole, i) for i in range(4)]


def test_a_text_ending_on_an_even_page_with_room_is_laid_out_once(monkeypatch):
    spec = load_spec(long_spec(30, **IMPRINT))  # text over 4 pages, room under it on page 4
    layouts = _counting_layouts(monkeypatch)
    once = render.render_pdf(spec)
    assert layouts == ["measured"]
    pages = pdf_pages(once)
    assert len(pages) == 4 and any(ln.text.endswith("印发") for ln in pages[3]) and page_number(pages[3]) is not None
    assert sum(ln.text.startswith("抄送：") for page in pages for ln in page) == 1  # shown once, on page 4 only
    bottom = max(r["bottom"] for r in pdf_rects(once, 3))
    assert abs(bottom - 262.0) < 0.1  # the last rule on the bottom edge of the 版心
