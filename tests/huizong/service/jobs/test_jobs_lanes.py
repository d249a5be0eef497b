"""A parse's lane is judged from the file's name and bytes, without parsing it."""

from __future__ import annotations

from service_samples import pdf_operator_bomb, roster_xlsx, zip_bomb_xlsx

from huizong.service.jobs import lane_for


def test_small_spreadsheets_and_word_files_take_the_quick_lane():
    assert lane_for("东胜区.xlsx", roster_xlsx("东胜区", ["甲检测站"])) == "quick"
    assert lane_for("东胜区.csv", "序号,机构名称\n1,甲\n".encode()) == "quick"
    assert lane_for("damaged.xlsx", b"not a zip at all") == "quick"  # refused at once by the reader


def test_what_may_legitimately_take_long_takes_the_heavy_lane():
    assert lane_for("扫描件.pdf", pdf_operator_bomb(10)) == "heavy"  # PDFs and scans (OCR)
    assert lane_for("旧格式.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 100) == "heavy"
    assert lane_for("旧格式.doc", b"\xd0\xcf\x11\xe0") == "heavy"
    assert lane_for("大文件.xlsx", b"PK" + b"\x00" * (3 * 1024 * 1024)) == "heavy"  # big as stored
    assert lane_for("炸弹.xlsx", zip_bomb_xlsx()) == "heavy"  # small, but inflates to 256 MB
