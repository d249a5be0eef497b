"""A heading that stands on its own line never ends a page, at any level, in the PDF and in the DOCX as
LibreOffice lays it out (the PDF once left a lone “2．…” at the foot of a page)."""

from __future__ import annotations

import pytest
from doc_inputs import PARAGRAPH, body_lines, libreoffice_pdfs, long_spec, pdf_pages

from generators.documents import load_spec, render_docx, render_pdf

# 19 two-line paragraphs end on line 20 of page 2; one line more, then the heading on line 22.
HEADINGS = {1: "二、加强组织领导", 2: "（二）加强组织领导", 3: "2．加强组织领导", 4: "（2）加强组织领导"}
SPECS = {level: long_spec(19, last=("请各单位认真落实。", head, PARAGRAPH)) for level, head in HEADINGS.items()}


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory) -> dict[tuple[int, str], list]:
    specs = {level: load_spec(text) for level, text in SPECS.items()}
    docx = libreoffice_pdfs({f"h{k}": render_docx(s) for k, s in specs.items()}, tmp_path_factory.mktemp("lo-heads"))
    out = {}
    for level, spec in specs.items():
        out[(level, "pdf")] = pdf_pages(render_pdf(spec))
        out[(level, "docx")] = pdf_pages(docx[f"h{level}"])
    return out


@pytest.mark.parametrize("kind", ["pdf", "docx"])
@pytest.mark.parametrize("level", sorted(HEADINGS))
def test_a_lone_heading_goes_to_the_next_page_with_its_text(laid_out, level: int, kind: str) -> None:
    pages = [body_lines(p) for p in laid_out[(level, kind)]]
    head = HEADINGS[level]
    assert all(page[-1].text != head for page in pages[:-1])
    page = next(p for p in pages if any(ln.text == head for ln in p))
    at = [ln.text for ln in page].index(head)
    assert at + 1 < len(page) and page[at + 1].text.startswith("各旗区要对")
