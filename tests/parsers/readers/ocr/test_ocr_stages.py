"""The OCR stages one by one, on small pages drawn in memory (no recognition model: milliseconds each)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from ocr_pages import COLS, LEFT, ROW, TOP, page, seal, tilt

from parsers.readers.ocr.deskew import deskew, ink, skew_angle
from parsers.readers.ocr.ruling import Box, find_grids, strokes
from parsers.readers.ocr.seal import red_mask, remove_red
from parsers.readers.ocr.text import clean_ink, crop, lines_in

ROWS = [["序号", "机构名称", "领域"], ["1", "东胜区检测中心", "食品"], ["2", "康巴什区检测站", "农产品"]]


def _gray(image: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


@pytest.mark.parametrize("degrees", [2.5, -1.5, 0.0])
def test_skew_angle_from_the_rules(degrees: float) -> None:
    measured = skew_angle(_gray(tilt(page(ROWS), degrees)))
    assert measured == pytest.approx(-degrees, abs=0.2)


def test_deskew_straightens_the_page() -> None:
    straight, angle = deskew(tilt(page(ROWS), 3.0))
    assert angle == pytest.approx(-3.0, abs=0.2)
    assert skew_angle(_gray(straight)) == pytest.approx(0.0, abs=0.15)


def test_grid_rows_columns_and_a_merged_cell() -> None:
    rows = [["领域", "检查数", "问题数"], ["食品", "3", "1"], ["", "4", "0"], ["药品", "5", "2"]]
    (grid,) = find_grids(ink(_gray(page(rows, merge_first_column=2))))
    assert len(grid.rows) == 5 and len(grid.cols) == 4
    assert [abs(y - (TOP + ROW * i)) <= 3 for i, y in enumerate(grid.rows)] == [True] * 5
    assert abs(grid.cols[-1] - (LEFT + sum(COLS))) <= 3
    # 食品 spans rows 2-3 of the first column; every other cell is its own
    assert grid.owner[2][0] == (1, 0) and grid.owner[1][0] == (1, 0)
    assert grid.owner[2][1] == (2, 1) and grid.owner[3][0] == (3, 0)
    box = grid.cell_box(1, 0)
    assert (box.y1 - box.y0) == pytest.approx(2 * ROW, abs=4)


def test_no_table_on_a_page_of_text() -> None:
    image = page([], title="关于报送检验检测机构情况的通知")
    assert find_grids(ink(_gray(image))) == []


def test_red_seal_is_removed_and_black_text_under_it_stays() -> None:
    clean_page = page(ROWS)
    stamped = seal(clean_page, (LEFT + 90 + 330 + 100, TOP + ROW + 28))  # over 食品 in the third column
    assert red_mask(stamped).sum() > 0 and red_mask(clean_page).sum() == 0
    removed = remove_red(stamped)
    assert red_mask(removed).sum() == 0
    # the text the seal covers is still ink, where it was
    before, after = ink(_gray(clean_page)), ink(_gray(removed))
    box = (slice(TOP + ROW + 5, TOP + 2 * ROW - 5), slice(LEFT + COLS[0] + COLS[1] + 5, LEFT + sum(COLS) - 5))
    shared = np.logical_and(before[box] > 0, after[box] > 0).sum()
    assert shared >= 0.8 * (before[box] > 0).sum()
    # and the ring itself is gone: almost no ink left where only the seal was
    ring = (slice(TOP + ROW + 18, TOP + ROW + 38), slice(LEFT + 520 + 64, LEFT + 520 + 76))
    assert (after[ring] > 0).sum() <= 5


def test_text_lines_inside_a_cell_and_fields_on_one_line() -> None:
    image = page([["名称", "准格尔旗\n产品质量检验中心", "食品"], ["1", "2", "3"]], row_height=90)
    binary = ink(_gray(image))
    horizontal, vertical = strokes(binary)
    text = clean_ink(binary, cv2.bitwise_or(horizontal, vertical))
    (grid,) = find_grids(binary)
    lines = lines_in(text, grid.cell_box(0, 1))
    assert len(lines) == 2 and lines[0].box.y1 <= lines[1].box.y0
    fields = page([], meta="填报单位：东胜区                    填报日期：2022年5月1日")
    binary = ink(_gray(fields))
    band = lines_in(binary, Box(0, 85, 760, 135), inset=0, split_fields=True)
    assert len(band) == 2 and band[0].box.x1 < band[1].box.x0


def test_crop_makes_paper_white_and_ink_black() -> None:
    grey = np.full((60, 120, 3), 190, np.uint8)
    cv2.putText(grey, "0", (50, 45), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (90, 90, 90), 3)
    whole = Box(0, 0, 120, 60)
    (line,) = lines_in(ink(_gray(grey)), whole, inset=0)
    piece = crop(grey, line, whole)
    assert piece[0, 0].tolist() == [255, 255, 255]
    assert piece.min() == 0 and np.median(piece) == 255
