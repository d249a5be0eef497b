"""Text PDFs (WeasyPrint-made here): ruled tables with spans, tables continued over pages, text lines."""

from __future__ import annotations

import pytest
from reader_inputs import encrypted_pdf, flate_zeros, pages_pdf, pdf_bytes

from forms.errors import UnreadableFile
from parsers.readers import read
from parsers.readers.pdf_layout import Page
from parsers.readers.pdf_worker import Scanned, check_text

HEAD = "<thead><tr><th>序号</th><th>机构名称</th><th>领域</th><th>备注</th></tr></thead>"
FIXED = "<colgroup><col style='width:12%'><col style='width:48%'><col style='width:25%'><col></colgroup>"
FURNITURE = (
    "<style>@page { @top-center { content: '东胜区市场监督管理局' } "
    "@bottom-center { content: '第 ' counter(page) ' 页' } }</style>"
)


def _rows(section: int, first: int, last: int, domain: str) -> str:
    return "".join(
        f"<tr><td>{i}</td><td>机构{section}-{i}</td><td>{domain}</td><td></td></tr>" for i in range(first, last + 1)
    )


@pytest.fixture(scope="module")
def roster_pdf() -> bytes:
    """Table one runs onto page 2 (WeasyPrint repeats its header row there), with a rowspan and a colspan;
    running header and page-number footer on every page; section three follows on page 2."""
    return pdf_bytes(
        FURNITURE + "<h1>检验检测机构基本情况汇总表</h1><p>所在旗区：东胜区　　　　上报时间：2022年5月12日</p>"
        f"<p>二、第三方检验检测机构数量及名单</p><table>{FIXED}{HEAD}<tbody>"
        "<tr><td>1</td><td>内蒙古某某检测技术有限公司</td><td rowspan='2'>产品质量</td><td>总部</td></tr>"
        "<tr><td>2</td><td>鄂尔多斯市某某检测中心</td><td>分支</td></tr>"
        + _rows(2, 3, 5, "食品")
        + "<tr style='page-break-before: always'><td>6</td><td colspan='2'>（该机构已注销）</td><td></td></tr>"
        + _rows(2, 7, 8, "建材")
        + "</tbody></table>"
        f"<p>三、外省在本辖区内开展检验检测业务的机构数量及名单</p><table>{HEAD}<tbody>{_rows(3, 1, 1, '煤炭')}"
        "</tbody></table><p>填表说明：领域涉及多个的，用顿号分隔。</p>"
    )


def test_table_continued_on_next_page_is_one_table(roster_pdf: bytes) -> None:
    doc = read(roster_pdf, "东胜区.pdf")
    assert doc.kind == "pdf"
    assert [t.name for t in doc.tables] == ["第1页表1", "第2页表2"]
    table = doc.tables[0]
    values = [[c.value for c in row] for row in table.rows]
    assert values[0] == ["序号", "机构名称", "领域", "备注"]
    assert [row[0] for row in values] == ["序号", "1", "2", "3", "4", "5", "6", "7", "8"]  # header not repeated
    # Cells on page 2 say so, counted on that page (its row 1 is the repeated header).
    assert [(c.sheet, c.ref) for c in table.rows[6][:1]] == [("第2页", "表1行2列1")]
    assert table.rows[6][0].location == "第2页表1行2列1"
    assert (table.rows[8][1].value, table.rows[8][1].location) == ("机构2-8", "第2页表1行4列2")


def test_spans_resolved_by_cell_boxes(roster_pdf: bytes) -> None:
    rows = read(roster_pdf, "东胜区.pdf").tables[0].rows
    # rowspan: the lower position belongs to the cell above.
    assert [(c.value, c.ref, c.merged, c.origin) for c in (rows[1][2], rows[2][2])] == [
        ("产品质量", "表1行2列3", True, (1, 2))
    ] * 2
    # colspan on page 2: origin is in the joined table's rows (row 6), ref on its own page.
    assert [(c.value, c.location, c.origin) for c in rows[6][1:3]] == [
        ("（该机构已注销）", "第2页表1行2列2", (6, 1))
    ] * 2
    assert (rows[3][3].value, rows[3][3].merged) == (None, False)


def test_before_and_text_lines(roster_pdf: bytes) -> None:
    doc = read(roster_pdf, "东胜区.pdf")
    first, second = doc.tables
    # Letter-spaced title read as one word; meta fields apart.
    assert first.before[-3:] == [
        "检验检测机构基本情况汇总表",
        "所在旗区：东胜区 上报时间：2022年5月12日",
        "二、第三方检验检测机构数量及名单",
    ]
    assert second.before == ["三、外省在本辖区内开展检验检测业务的机构数量及名单"]
    assert "填表说明：领域涉及多个的，用顿号分隔。" in doc.text
    assert doc.text.count("东胜区市场监督管理局") == 2  # the running header, once per page


def test_heading_between_pages_starts_a_new_table() -> None:
    data = pdf_bytes(
        f"<p>一、体制内机构</p><table>{FIXED}{HEAD}<tbody>{_rows(1, 1, 3, '食品')}</tbody></table>"
        f"<p style='page-break-before: always'>二、第三方机构</p>"
        f"<table>{FIXED}{HEAD}<tbody>{_rows(2, 1, 2, '建材')}</tbody></table>"
    )
    doc = read(data, "a.pdf")
    assert [(t.name, t.before, len(t.rows)) for t in doc.tables] == [
        ("第1页表1", ["一、体制内机构"], 4),
        ("第2页表1", ["二、第三方机构"], 3),
    ]


def test_unmapped_glyphs_count_as_scanned() -> None:
    """Pages without usable text go to OCR (tests/parsers/readers/ocr/), in the parent process."""

    def page(chars: int, garbage: int) -> Page:
        return Page(number=1, height=842, chars=chars, garbage=garbage)

    check_text([page(100, 10), page(50, 0)])  # a few unmapped symbols are fine
    with pytest.raises(Scanned):
        check_text([page(100, 80), page(20, 0)])
    with pytest.raises(Scanned):
        check_text([page(0, 0)])


def test_password_protected_pdf() -> None:
    with pytest.raises(UnreadableFile, match=r"^文件已加密"):
        read(encrypted_pdf(), "a.pdf")


def test_pdf_named_docx_is_read_as_pdf(roster_pdf: bytes) -> None:
    assert read(roster_pdf, "东胜区.docx").kind == "pdf"


def test_too_many_pages() -> None:
    with pytest.raises(UnreadableFile, match="PDF页数过多（81页，上限80页）"):
        read(pages_pdf(81), "a.pdf")


def test_flate_bomb_hits_the_child_memory_limit() -> None:
    # 1.5 GB of zeros as a page's content stream (the child may use 1 GB): pdfminer inflates streams whole.
    bomb = pages_pdf(1, flate_zeros(1536 * 1024 * 1024), b"/Filter /FlateDecode")
    assert len(bomb) < 2 * 1024 * 1024
    with pytest.raises(UnreadableFile, match=r"^文件内容过于复杂"):
        read(bomb, "bomb.pdf")


def test_damaged_pdf() -> None:
    with pytest.raises(UnreadableFile, match=r"^文件已损坏"):
        read(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF", "a.pdf")
