"""The PDF read back with pdfplumber: GB/T 9704 geometry measured, not compared byte for byte."""

from __future__ import annotations

import subprocess
from functools import cache

import pytest
from doc_inputs import (
    FULL_SPEC,
    SAMPLES,
    body_lines,
    font_cmap,
    long_spec,
    page_number,
    page_sizes,
    pdf_pages,
    pdf_rects,
)

from generators.documents import load_spec, render_pdf

BLOCK_TOP, BLOCK_LEFT, BLOCK_RIGHT, BLOCK_BOTTOM = 37.0, 28.0, 184.0, 262.0
CHAR_4 = 14 / 72 * 25.4  # one 4号 character, mm
TOL = 0.3  # mm
IMPRINT = {"cc": "[市司法局, 市财政局]", "printed_by": "鄂尔多斯市市场监督管理局办公室", "printed_on": "2022-05-10"}


@cache
def pdf(name: str) -> bytes:
    sources = {
        "full": FULL_SPEC,
        "long": long_spec(30, **IMPRINT),  # text over 4 pages, the 版记 shares the even last page
        "blank": long_spec(18, **IMPRINT),  # text ends on a full even page: blank page, then the 版记
    }
    text = sources.get(name) or (SAMPLES / f"{name}.yaml").read_text(encoding="utf-8")
    return render_pdf(load_spec(text))


def red(rect: dict) -> bool:
    c = rect["color"]
    return isinstance(c, tuple | list) and len(c) == 3 and c[0] > 0.8 and c[1] < 0.2


def test_body_fills_the_block_22_lines_of_28_characters() -> None:
    page = body_lines(pdf_pages(pdf("long"))[1])
    assert len(page) == 22
    first = page[0]
    assert first.top == pytest.approx(BLOCK_TOP, abs=TOL)
    pitch = (page[-1].top - first.top) / 21
    assert pitch == pytest.approx(225 / 22, abs=0.05)
    full = [ln for ln in page if ln.x0 == pytest.approx(BLOCK_LEFT, abs=TOL) and len(ln.text) == 28]
    assert len(full) >= 7
    assert all(len(ln.text) <= 28 and ln.x1 <= BLOCK_RIGHT + TOL for ln in page)
    # the first line of a paragraph is indented two characters: 26 of them fit
    assert any(len(ln.text) == 26 and ln.x0 == pytest.approx(BLOCK_LEFT + 2 * 15.7 / 72 * 25.4, abs=TOL) for ln in page)


def test_issuer_mark_35mm_down_and_red_rule_4mm_under_the_number() -> None:
    page = pdf_pages(pdf("full"))[0]
    mark = next(ln for ln in page if ln.text == "鄂尔多斯市市场监督管理局文件")
    assert mark.top == pytest.approx(BLOCK_TOP + 35, abs=TOL)
    assert mark.font.endswith("FandolSong-Bold") and mark.size < 15 / 25.4 * 72 / 0.92 + 0.1
    number = next(ln for ln in page if ln.text == "鄂市监发〔2022〕74号")
    assert (number.x0 + number.x1) / 2 == pytest.approx(106, abs=1)  # centred on the block
    (rule,) = [r for r in pdf_rects(pdf("full"), 0) if red(r)]
    assert rule["top"] - number.bottom == pytest.approx(4, abs=TOL)
    assert (rule["x0"], rule["x1"]) == (pytest.approx(BLOCK_LEFT, abs=TOL), pytest.approx(BLOCK_RIGHT, abs=TOL))
    title = next(ln for ln in page if ln.text.startswith("鄂尔多斯市市场监督管理局关于"))
    assert title.size == 22 and title.top - rule["bottom"] == pytest.approx(2 * 225 / 22, abs=1.5)  # 空二行


def test_header_elements_top_left_in_order() -> None:
    page = pdf_pages(pdf("full"))[0]
    assert [ln.text for ln in page[:3]] == ["000018", "秘密★1年", "特急"]
    assert all(ln.x0 == pytest.approx(BLOCK_LEFT, abs=TOL) for ln in page[:3])
    assert page[0].top == pytest.approx(BLOCK_TOP, abs=TOL)
    assert "FandolHei" in page[1].font and "FandolHei" in page[2].font


def test_page_numbers_7mm_under_the_block_odd_right_even_left() -> None:
    pages = pdf_pages(pdf("long"))
    for index, page in enumerate(pages[:4], 1):
        number = page_number(page)
        assert number is not None and number.text == f"— {index} —"
        assert number.top == pytest.approx(BLOCK_BOTTOM + 7, abs=TOL)
        if index % 2:
            assert number.x1 == pytest.approx(BLOCK_RIGHT - CHAR_4, abs=TOL)
        else:
            assert number.x0 == pytest.approx(BLOCK_LEFT + CHAR_4, abs=TOL)
        assert number.size == 14


def test_headings_and_body_faces() -> None:
    lines = pdf_pages(pdf("full"))[0] + pdf_pages(pdf("full"))[1]
    face = {ln.text[:4]: ln.font.split("+")[-1] for ln in lines}
    assert face["一、工作"] == "FandolHei" and face["（一）全"] == "FandolKai"
    assert face["1．强化"] == "FandolFang" and face["（1）未"] == "FandolFang"
    body = next(ln for ln in lines if ln.text.startswith("为进一步规范"))
    assert "，现将" in body.text  # the half-width comma of the spec became full-width


def test_imprint_at_the_bottom_of_the_even_last_page() -> None:
    data = pdf("long")
    pages = pdf_pages(data)
    assert len(pages) % 2 == 0
    last = pages[-1]
    cc = next(ln for ln in last if ln.text.startswith("抄送："))
    assert cc.x0 == pytest.approx(BLOCK_LEFT + CHAR_4, abs=TOL) and cc.size == 14
    printed = next(ln for ln in last if ln.text.endswith("2022年5月10日印发"))
    assert printed.x1 == pytest.approx(BLOCK_RIGHT - CHAR_4, abs=TOL)
    rules = [r for r in pdf_rects(data, len(pages) - 1) if not red(r)]
    assert max(r["bottom"] for r in rules) == pytest.approx(BLOCK_BOTTOM, abs=TOL)
    assert all(
        r["x0"] == pytest.approx(BLOCK_LEFT, abs=TOL) and r["x1"] == pytest.approx(BLOCK_RIGHT, abs=TOL) for r in rules
    )
    assert page_number(last) is not None  # the page also holds text: it keeps its number


def test_blank_page_is_inserted_and_neither_page_is_numbered() -> None:
    pages = pdf_pages(pdf("blank"))
    assert len(pages) == 4
    assert body_lines(pages[1])[-1].top > 240  # the text fills page 2
    assert pages[2] == []  # blank page 3, no number
    assert pages[3][0].text.startswith("抄送：") and page_number(pages[3]) is None


def test_letter_format() -> None:
    data = pdf("letter")
    page = pdf_pages(data)[0]
    mark = page[0]
    assert mark.text == "鄂尔多斯市市场监督管理局" and mark.top == pytest.approx(30, abs=TOL)
    rules = sorted((r for r in pdf_rects(data, 0) if red(r)), key=lambda r: r["top"])
    upper, lower = rules[:2], rules[2:]
    assert min(r["top"] for r in upper) == pytest.approx(mark.bottom + 4, abs=TOL)
    assert upper[0]["bottom"] - upper[0]["top"] > upper[1]["bottom"] - upper[1]["top"]  # thick over thin
    assert lower[0]["bottom"] - lower[0]["top"] < lower[1]["bottom"] - lower[1]["top"]  # thin over thick
    assert max(r["bottom"] for r in lower) == pytest.approx(297 - 20, abs=TOL)
    assert all(r["x1"] - r["x0"] == pytest.approx(170, abs=TOL) for r in rules)
    assert (rules[0]["x0"] + rules[0]["x1"]) / 2 == pytest.approx(105, abs=TOL)  # centred on the paper
    number = next(ln for ln in page if "鄂市监函〔2022〕116号" in ln.text)
    assert number.x1 == pytest.approx(BLOCK_RIGHT, abs=TOL) and number.text.startswith("000203")
    assert page_number(page) is None  # no number on a letter's first page


def test_minutes_and_joint_and_upward_headers() -> None:
    minutes = [ln for page in pdf_pages(pdf("minutes")) for ln in page]
    present = next(ln for ln in minutes if ln.text.startswith("出席："))
    assert "FandolHei" in present.font
    upward = pdf_pages(pdf("file-upward"))[0]
    number = next(ln for ln in upward if "鄂市监报〔2022〕12号" in ln.text)
    assert number.x0 == pytest.approx(BLOCK_LEFT + 15.7 / 72 * 25.4, abs=TOL)  # one character in
    signers = next(ln for ln in upward if ln.text.startswith("签发人："))
    assert signers.x1 == pytest.approx(BLOCK_RIGHT - 15.7 / 72 * 25.4, abs=1)
    second = next(ln for ln in upward if "赵志刚" in ln.text)
    assert second.font_of("赵志刚") == "FandolKai" and signers.font_of("王建") == "FandolKai"
    assert second.x_of("赵志刚") == pytest.approx(
        signers.x_of("王建"), abs=0.1
    )  # later rows align under the first name
    joint = pdf_pages(pdf("file-joint"))[0]
    names = [ln for ln in joint if "鄂尔多斯市" in ln.text and ln.size > 22]
    assert len(names) >= 2 and abs((names[0].x1 - names[0].x0) - (names[1].x1 - names[1].x0)) < 1.5


def test_attachment_pages_and_landscape_table() -> None:
    data = render_pdf(
        load_spec(
            "title: 通知\nbody: 正文。\nattachments:\n  - {title: 统计表, form: work-statistics}\n"
            "  - {title: 名单, form: liaison-roster}\n"
        )
    )
    sizes = page_sizes(data)
    assert sizes == [(210, 297), (297, 210), (210, 297)]
    pages = pdf_pages(data)
    assert pages[1][0].text == "附件1" and pages[2][0].text == "附件2"
    texts = [ln.text for ln in pages[1]]
    assert any(t.startswith("领域") for t in texts) and "合计" in texts


def test_every_font_is_embedded(tmp_path) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf("file-upward"))
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows)  # the emb column


def test_never_a_missing_glyph() -> None:
    import io

    import pdfplumber

    for name in ("file-upward", "full", "minutes"):
        with pdfplumber.open(io.BytesIO(pdf(name))) as doc:
            for page in doc.pages:
                for c in page.chars:
                    if c["text"].strip():
                        assert ord(c["text"]) in font_cmap(c["fontname"]), (c["text"], c["fontname"])
    rare = [ln for ln in pdf_pages(pdf("file-upward"))[0] if "堃" in ln.text or "玥" in ln.text]
    assert rare  # 王建堃 and 李玥 are printed (by the Noto fallback), not as boxes
