"""The DOCX as another program lays it out: LibreOffice, with Fandol standing in for the officials' fonts.

Word is not available here; LibreOffice reads the same grid, exact line heights, sections and footers, so
what it shows is what the DOCX says rather than what huizong's own PDF renderer does.
"""

from __future__ import annotations

import pytest
from doc_inputs import body_lines, libreoffice_pdfs, long_spec, pdf_pages, pdf_rects

from generators.documents import load_spec, render_docx

IMPRINT = {"cc": "[市司法局, 市财政局]", "printed_by": "鄂尔多斯市市场监督管理局办公室", "printed_on": "2022-05-10"}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, bytes]:
    docs = {
        "shared": render_docx(load_spec(long_spec(30, **IMPRINT))),  # the 版记 fits under the text on page 4
        "blank": render_docx(load_spec(long_spec(18, **IMPRINT))),  # text ends on a full page 2
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
    assert min(r["x0"] for r in rules) == pytest.approx(28, abs=0.5) and max(r["x1"] for r in rules) == pytest.approx(184, abs=0.5)


def test_blank_page_then_unnumbered_imprint_page(rendered: dict[str, bytes]) -> None:
    pages = pdf_pages(rendered["blank"])
    assert len(pages) == 4
    assert body_lines(pages[1]) and not pages[2]  # page 3 is the blank page LibreOffice inserts
    assert pages[3][0].text.startswith("抄送：") and not numbers(pages[3])
    rules = pdf_rects(rendered["blank"], 3)
    assert max(r["bottom"] for r in rules) == pytest.approx(262, abs=1)
