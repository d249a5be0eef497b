"""A table's 合计 row never stands alone at the top of a page, in the PDF nor in the DOCX as LibreOffice lays
it out: the last two rows keep together. The 情况通报 once ended its table with only 合计 on the last page."""

from __future__ import annotations

import pytest
from doc_inputs import PARAGRAPH, body_lines, libreoffice_pdfs, pdf_pages

from generators.documents import load_spec, render_docx, render_pdf

ROWS = ["产品质量", "食品", "药品", "化妆品", "医疗器械", "特种设备", "计量器具", "建筑材料", "环境监测", "机动车"]


def spec(lead: tuple[int, int]) -> str:
    """Two-line and one-line paragraphs, then a 11-row table ending in 合计: among the leads, some put a page
    break right before the last row (3 + 1 in the PDF, 5 + 0 in LibreOffice)."""
    rows = "".join(f"    - [{r}, '{10 + i}', '{i}']\n" for i, r in enumerate(ROWS)) + "    - [合计, '145', '45']\n"
    body = "".join(f"  - |\n    {PARAGRAPH}\n" for _ in range(lead[0])) + "  - |\n    请各单位认真落实。\n" * lead[1]
    return (
        "title: 关于检验检测工作情况的通报\nbody:\n"
        + body
        + "  - heading: 工作情况统计表（汇总）\n    columns: [领域, 检查机构数, 发现问题数]\n    rows:\n"
        + rows
        + "  - |\n    特此通报。\n"
    )


LEADS = [(3, 1), (4, 0), (5, 0), (5, 1)]  # (3, 1) splits before 合计 in the PDF, (5, 0) in LibreOffice


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory) -> dict[tuple[int, str], list]:
    specs = {lead: load_spec(spec(lead)) for lead in LEADS}
    docx = libreoffice_pdfs(
        {f"t{a}{b}": render_docx(s) for (a, b), s in specs.items()}, tmp_path_factory.mktemp("lo-total")
    )
    out = {}
    for (a, b), s in specs.items():
        out[((a, b), "pdf")] = pdf_pages(render_pdf(s))
        out[((a, b), "docx")] = pdf_pages(docx[f"t{a}{b}"])
    return out


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_the_total_row_has_company_on_its_page(laid_out, kind: str) -> None:
    split = 0
    for lead in LEADS:
        pages = [[ln.text for ln in body_lines(p)] for p in laid_out[(lead, kind)]]
        page = next(p for p in pages if any(t.startswith("合计") for t in p))
        rows_here = [t for t in page if t.split(" ")[0] in ROWS or t.startswith(tuple(ROWS))]
        assert rows_here, f"{kind}, {lead} paragraphs before the table: 合计 alone on its page"
        split += pages.index(page) > next(i for i, p in enumerate(pages) if any("工作情况统计表" in t for t in p))
    assert split  # at least one layout does break the table across pages
