"""Scans read end to end by the reader (real recognition: one engine per test process, small pages)."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import cv2
import numpy as np
import pytest
from ocr_pages import FONT, encode, page, seal, tilt
from PIL import Image, ImageDraw, ImageFont

from forms.errors import UnreadableFile
from parsers.readers import read
from parsers.readers.ocr.engine import digits

ROWS = [["序号", "机构名称", "领域"], ["1", "东胜区检测中心", "食品"], ["2", "康巴什区检测站", "农产品"]]
SAMPLES = Path(__file__).resolve().parents[4] / "samples"


def _texts(doc) -> list[list[str]]:
    return [[cell.text for cell in row] for row in doc.tables[0].rows]


def test_a_photo_of_a_table_reads_as_its_cells() -> None:
    doc = read(encode(page(ROWS), ".jpg"), "东胜区.jpg")
    assert doc.kind == "image" and doc.scanned is not None and doc.scanned.pages == 1
    assert _texts(doc) == ROWS
    title, meta = doc.tables[0].before
    assert title == "工作情况统计表" and meta.startswith("填报单位：鄂托克旗")
    # every cell with text has a confidence, by the location the records will carry
    assert set(doc.scanned.confidence) == {f"第1页表1行{r}列{c}" for r in (1, 2, 3) for c in (1, 2, 3)}
    assert all(0.0 <= v <= 1.0 for v in doc.scanned.confidence.values())
    # and its unexplained ink: none, the text read right
    assert set(doc.scanned.spacing) == set(doc.scanned.confidence)
    assert max(doc.scanned.spacing.values()) < 0.5


def test_a_stamped_tilted_scan_reads_the_same() -> None:
    stamped = seal(page(ROWS), (40 + 90 + 150, 150 + 56 + 28))  # over 东胜区检测中心
    doc = read(encode(tilt(stamped, 2.0)), "东胜区.png")
    assert _texts(doc) == ROWS


def test_a_page_scanned_upside_down() -> None:
    doc = read(encode(cv2.rotate(page(ROWS), cv2.ROTATE_180)), "倒扫.png")
    assert _texts(doc) == ROWS


def test_merged_cell_keeps_its_text_on_every_row_it_covers() -> None:
    rows = [["领域", "检查数", "问题数"], ["食品", "3", "1"], ["", "4", "0"]]
    doc = read(encode(page(rows, merge_first_column=2)), "合并.png")
    table = doc.tables[0]
    assert [c.text for c in table.rows[2]] == ["食品", "4", "0"]
    assert table.rows[2][0].merged and table.rows[2][0].origin == (1, 0)


def test_a_table_without_rules_by_text_alignment() -> None:
    image = Image.new("RGB", (760, 420), (255, 255, 255))
    draw, font = ImageDraw.Draw(image), ImageFont.truetype(FONT, 26)
    draw.text((250, 30), "工作情况统计表", fill=(0, 0, 0), font=font)
    for r, row in enumerate(ROWS):
        for x, text in zip((40, 200, 560), row, strict=True):
            draw.text((x, 120 + 60 * r), text, fill=(0, 0, 0), font=font)
    doc = read(encode(cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2BGR)), "无框线.png")
    assert doc.scanned is not None and doc.scanned.unruled_pages == [1]
    assert _texts(doc) == ROWS
    assert set(doc.scanned.spacing) == set(doc.scanned.confidence) and max(doc.scanned.spacing.values()) < 0.5
    assert doc.text == ["工作情况统计表"]


def test_scanned_pdf_of_a_blank_form_is_a_table_of_blank_cells() -> None:
    blank = Image.fromarray(cv2.cvtColor(page([["", "", ""], ["", "", ""]], title="", meta=""), cv2.COLOR_BGR2RGB))
    buffer = io.BytesIO()
    blank.save(buffer, "PDF", resolution=200.0)
    doc = read(buffer.getvalue(), "扫描件.pdf")
    assert doc.kind == "pdf" and doc.scanned is not None and len(doc.tables) == 1
    assert all(cell.value is None for table in doc.tables for row in table.rows for cell in row)


def test_blank_page_says_nothing_was_recognised() -> None:
    with pytest.raises(UnreadableFile, match=r"^扫描件或照片中未能识别出任何文字"):
        read(encode(np.full((600, 500, 3), 255, np.uint8)), "空白.png")


def test_without_the_ocr_extra_the_clerk_is_told_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def missing(name: str, *args: object):
        return None if name == "rapidocr_onnxruntime" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", missing)
    with pytest.raises(UnreadableFile, match=r"需要文字识别（OCR）组件.*setup.sh --ocr.*huizong\[ocr\]"):
        read(encode(page(ROWS)), "东胜区.png")


def test_engine_import_failing_is_the_same_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    from parsers.readers.ocr.engine import Engine

    monkeypatch.setitem(__import__("sys").modules, "rapidocr_onnxruntime", None)  # import raises ImportError
    with pytest.raises(UnreadableFile, match="需要文字识别（OCR）组件"):
        Engine()


@pytest.mark.parametrize(
    ("read_as", "number"),
    [("o", "0"), ("。", "0"), ("1o", "10"), ("O.5", "0.5"), ("〇", "0"), ("东胜区", "东胜区"), ("DO", "00"), ("", "")],
)
def test_digits_lookalikes(read_as: str, number: str) -> None:
    assert digits(read_as) == number


def test_reads_under_the_heavy_lanes_memory_cap(tmp_path: Path) -> None:
    """The service runs a scan's parse in a job capped at the heavy lane's address space (parsers/caps.py)."""
    import subprocess
    import sys

    from huizong.service.settings import Settings

    image = tmp_path / "东胜区.png"
    image.write_bytes(encode(page(ROWS)))
    script = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({Settings().worker_memory_mb} * 1024 * 1024, resource.RLIM_INFINITY))\n"
        "from parsers.readers import read\n"
        "doc = read(sys.argv[1], 'x.png')\n"
        "print(doc.tables[0].rows[1][1].text)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(image)], capture_output=True, text=True, timeout=120, cwd=SAMPLES.parent
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "东胜区检测中心"
