"""The 署名 never opens a page (GB/T 9704 7.3.5): when it does not fit under the text, the end of the text goes
to the next page with it. Measured on both renderers — huizong's PDF and LibreOffice's layout of the DOCX —
with bodies that end exactly on the last line of a page, where the 署名 used to stand alone.
"""

from __future__ import annotations

import pytest
from doc_inputs import PARAGRAPH, Docx, W, body_lines, libreoffice_pdfs, long_spec, pdf_pages

from generators.documents import load_spec, render_docx, render_pdf
from generators.documents.layout.plan import plan

IMPRINT = {"cc": "[市司法局, 市财政局]", "printed_by": "鄂尔多斯市市场监督管理局办公室", "printed_on": "2022-05-10"}
SIGNER = "鄂尔多斯市市场监督管理局"
THREE_LINES = PARAGRAPH + "各单位要按时报送。" * 3
SPECS = {
    # 31 two-line paragraphs end on the last line of page 3; then the 附件说明 and a sealed 署名. The last
    # paragraph goes to page 4 with them, and the 版记 shares that even page.
    "attached": long_spec(31, seal="true", attachments="[检验检测机构基本情况汇总表, 工作情况统计表]", **IMPRINT),
    # The body ends on the last line of page 2 with a one-line paragraph: the paragraph before it comes too.
    "one_line": long_spec(18, last=(THREE_LINES, "特此通知。"), **IMPRINT),
}
BODY = {"attached": PARAGRAPH, "one_line": PARAGRAPH + THREE_LINES + "特此通知。"}
# (pages, page of the 署名, body lines on that page, page of the 版记)
EXPECTED = {"attached": (4, 4, 2, 4), "one_line": (4, 3, 4, 4)}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    specs = {name: load_spec(text) for name, text in SPECS.items()}
    folder = tmp_path_factory.mktemp("lo-signature")
    docs = libreoffice_pdfs(
        {name: render_docx(spec) for name, spec in specs.items()}, folder, profile=(folder / "profile").as_uri()
    )
    return {name: {"pdf": render_pdf(spec), "docx": docs[name]} for name, spec in specs.items()}


def texts(data: bytes) -> list[list[str]]:
    return [[ln.text for ln in body_lines(page)] for page in pdf_pages(data)]


def find(pages: list[list[str]], test) -> int:
    """1-based number of the first page with a line passing `test`."""
    return next(i for i, page in enumerate(pages, 1) if any(test(t) for t in page))


@pytest.mark.parametrize("name", SPECS)
@pytest.mark.parametrize("renderer", ["pdf", "docx"])
def test_the_signature_page_also_holds_the_end_of_the_text(
    rendered: dict[str, dict[str, bytes]], name: str, renderer: str
) -> None:
    pages = texts(rendered[name][renderer])
    count, sig_page, body_count, imprint_page = EXPECTED[name]
    assert len(pages) == count
    assert find(pages, lambda t: t == SIGNER) == sig_page
    page = pages[sig_page - 1]
    above = page[: page.index(SIGNER)]
    body = [t for t in above if t in BODY[name]]
    assert len(body) == body_count >= 2
    assert page[0] == body[0]  # the page opens with text, not with the 署名 or the 附件说明
    assert BODY[name].endswith(body[-1])  # … the last lines of the text
    assert pages[sig_page - 2] and all(t in BODY[name] for t in pages[sig_page - 2][-2:])  # the text before it
    assert find(pages, lambda t: t.startswith("抄送：")) == imprint_page


@pytest.mark.parametrize("name", SPECS)
def test_both_renderers_break_the_pages_alike(rendered: dict[str, dict[str, bytes]], name: str) -> None:
    pdf, docx = (texts(rendered[name][r]) for r in ("pdf", "docx"))
    assert len(pdf) == len(docx)
    assert [len(p) for p in pdf] == [len(p) for p in docx]


def test_pdf_keeps_the_first_line_at_the_top_of_the_block(rendered: dict[str, dict[str, bytes]]) -> None:
    pages = pdf_pages(rendered["attached"]["pdf"])
    assert pages[3][0].text in PARAGRAPH and pages[3][0].top == pytest.approx(37.0, abs=0.3)
    assert len(body_lines(pages[2])) == 20  # page 3 gave its last paragraph to page 4


def test_docx_keeps_the_last_paragraphs_whole_and_with_the_signature() -> None:
    d = Docx(render_docx(load_spec(SPECS["one_line"])))
    paragraphs = d.paragraphs()
    texts_ = [d.text(p) for p in paragraphs]
    last = texts_.index("特此通知。")
    kept = [paragraphs[last - 1], paragraphs[last]]
    assert d.text(kept[0]) == THREE_LINES
    for p in kept:
        assert p.find(f"{W}pPr/{W}keepNext") is not None and p.find(f"{W}pPr/{W}keepLines") is not None
    assert paragraphs[last - 2].find(f"{W}pPr/{W}keepNext") is None  # the text before them may break
    # the blank line and the 署名 after them keep with the next paragraph, down to the date
    sig = texts_.index(SIGNER)
    assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in paragraphs[last + 1 : sig + 1])


def test_the_attachment_note_is_in_the_chain() -> None:
    d = Docx(render_docx(load_spec(SPECS["attached"])))
    paragraphs = d.paragraphs()
    texts_ = [d.text(p) for p in paragraphs]
    first = texts_.index(SIGNER)
    note = next(i for i, t in enumerate(texts_) if t.startswith("附件："))
    assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in paragraphs[note - 2 : first])


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        (f"{PARAGRAPH}\n{PARAGRAPH}", 1),  # a last paragraph of two lines is enough
        (f"{PARAGRAPH}\n特此通知。", 2),  # a one-line last paragraph keeps the one before it
        ("特此通知。", 1),  # nothing before it
    ],
    ids=["two-line-last", "one-line-last", "only-paragraph"],
)
def test_plan_keeps_at_least_two_lines_with_the_signature(body: str, kept: int) -> None:
    spec = load_spec(f"title: 通知\nbody: |\n  {body.replace(chr(10), chr(10) + '  ')}\nsignature: {SIGNER}\n")
    assert plan(spec).keep_tail == kept


def test_no_signature_nothing_is_kept() -> None:
    assert plan(load_spec(f"title: 通知\nbody: {PARAGRAPH}\n")).keep_tail == 0
