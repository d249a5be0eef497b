"""The DOCX as another program lays it out: LibreOffice, with Fandol standing in for the officials' fonts.

Word is not available here; LibreOffice reads the same grid, exact line heights, sections and footers, so
what it shows is what the DOCX says rather than what huizong's own PDF renderer does.
"""

from __future__ import annotations

import pytest
from doc_inputs import SAMPLES, body_lines, libreoffice_pdfs, long_spec, pdf_pages, pdf_rects

from generators.documents import load_spec, render_docx, render_pdf

IMPRINT = {"cc": "[市司法局, 市财政局]", "printed_by": "鄂尔多斯市市场监督管理局办公室", "printed_on": "2022-05-10"}
# A 抄送 of 15 offices wraps to 6 lines: counted as one, it pushed the 版记 past the page (split, odd page).
LONG_CC = (
    "["
    + ", ".join(
        f"{n}市场监督管理局"
        for n in (
            "内蒙古自治区",
            "鄂尔多斯市人民政府",
            "东胜区",
            "康巴什区",
            "达拉特旗",
            "准格尔旗",
            "伊金霍洛旗",
            "乌审旗",
            "杭锦旗",
            "鄂托克旗",
            "鄂托克前旗",
            "包头市",
            "呼和浩特市",
            "乌海市",
            "赤峰市",
        )
    )
    + "]"
)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, bytes]:
    docs = {
        "shared": render_docx(load_spec(long_spec(30, **IMPRINT))),  # the 版记 fits under the text on page 4
        "blank": render_docx(load_spec(long_spec(18, **IMPRINT))),  # text ends on a full page 2
        "long_cc": render_docx(load_spec(long_spec(30, **{**IMPRINT, "cc": LONG_CC}))),  # still fits under the text
        "long_cc_own": render_docx(load_spec(long_spec(36, **{**IMPRINT, "cc": LONG_CC}))),  # needs its own page
        "letter": render_docx(load_spec(SAMPLES / "letter.yaml")),
    }
    return libreoffice_pdfs(docs, tmp_path_factory.mktemp("lo"))


def numbers(page) -> list[str]:
    return [ln.text for ln in page if ln.top > 262]


def test_grid_22_lines_of_28_characters(rendered: dict[str, bytes]) -> None:
    page = body_lines(pdf_pages(rendered["shared"])[1])
    assert len(page) == 22
    assert 37 <= page[0].top <= 41  # in the block's first grid line
    assert (page[-1].top - page[0].top) / 21 == pytest.approx(225 / 22, abs=0.05)
    assert max(len(ln.text) for ln in page) == 28
    assert sum(len(ln.text) == 28 for ln in page) >= 7


def test_page_numbers_alternate_sides_7mm_under_the_block(rendered: dict[str, bytes]) -> None:
    pages = pdf_pages(rendered["shared"])
    for index, page in enumerate(pages, 1):
        (number,) = [ln for ln in page if ln.top > 262]
        assert number.text == f"— {index} —" and number.top == pytest.approx(269, abs=1.2)
        assert (number.x1 > 170) if index % 2 else (number.x0 < 40)


def test_imprint_shares_the_even_last_page_at_the_bottom(rendered: dict[str, bytes]) -> None:
    pages = pdf_pages(rendered["shared"])
    assert len(pages) == 4
    assert any(ln.text.startswith("抄送：") for ln in pages[3])
    rules = pdf_rects(rendered["shared"], 3)
    assert max(r["bottom"] for r in rules) == pytest.approx(262, abs=1)
    assert min(r["x0"] for r in rules) == pytest.approx(28, abs=0.5) and max(r["x1"] for r in rules) == pytest.approx(
        184, abs=0.5
    )


def test_blank_page_then_unnumbered_imprint_page(rendered: dict[str, bytes]) -> None:
    pages = pdf_pages(rendered["blank"])
    assert len(pages) == 4
    assert body_lines(pages[1]) and not pages[2]  # page 3 is the blank page LibreOffice inserts
    assert pages[3][0].text.startswith("抄送：") and not numbers(pages[3])
    rules = pdf_rects(rendered["blank"], 3)
    assert max(r["bottom"] for r in rules) == pytest.approx(262, abs=1)


@pytest.mark.parametrize(("doc", "pages"), [("long_cc", 4), ("long_cc_own", 6)])
def test_a_wrapping_cc_keeps_the_imprint_whole_at_the_foot_of_the_even_last_page(
    rendered: dict[str, bytes], doc: str, pages: int
) -> None:
    laid = pdf_pages(rendered[doc])
    assert len(laid) == pages
    where = [i for i, page in enumerate(laid, 1) for ln in page if ln.text.startswith("抄送：") or "印发" in ln.text]
    assert where == [pages, pages]
    rules = pdf_rects(rendered[doc], pages - 1)
    assert max(r["bottom"] for r in rules) == pytest.approx(262, abs=1)


def test_letter_number_sits_where_the_pdf_puts_it(rendered: dict[str, bytes]) -> None:
    """The 信函's 发文字号 (first line under the double rule, at the right) once sat 1.3 mm lower in the DOCX."""
    pdf = pdf_pages(render_pdf(load_spec(SAMPLES / "letter.yaml")))[0]
    docx = pdf_pages(rendered["letter"])[0]

    def number(page):
        return next(ln for ln in page if "鄂市监函〔2022〕116号" in ln.text)

    assert number(docx).baseline == pytest.approx(number(pdf).baseline, abs=0.4)
    assert number(docx).x1 == pytest.approx(number(pdf).x1, abs=0.5)
