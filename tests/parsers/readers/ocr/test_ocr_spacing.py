"""Ink the text read leaves unexplained: a dropped character is found by its width (parsers/readers/ocr/spacing.py).

The pure measure on hand-made layouts, then on what the recogniser really sees in two drawn lines: one read
right, whose text explains all its ink, and one whose rare character it drops."""

from __future__ import annotations

import dataclasses

import cv2
import numpy as np
import pytest
from ocr_pages import FONT
from PIL import Image, ImageDraw, ImageFont

from parsers.readers.ocr.engine import Reading
from parsers.readers.ocr.spacing import Layout, unexplained

EM = 30  # pixels; the ink of a line of Chinese characters is 0.9 em high


def _line(text: str, inked: list[tuple[float, float]], width: int = 400) -> Reading:
    """A reading of `text`, one character every em from x = EM, over ink in the given spans (in ems)."""
    columns = [False] * width
    for start, end in inked:
        for x in range(round(start * EM), round(end * EM)):
            columns[x] = True
    centres = tuple(EM * 1.5 + EM * i for i in range(len(text)))
    return Reading(text, 0.99, Layout(centres, tuple(columns), EM * 0.9))


def test_characters_that_fill_the_ink_leave_nothing() -> None:
    assert unexplained([_line("沙圪堵", [(1.05, 3.95)])]) == pytest.approx(0.0)


def test_a_characters_worth_of_ink_between_two_read_is_unexplained() -> None:
    # ink for three characters, two read, placed at the first and the third
    reading = _line("沙堵", [(1.05, 3.95)])
    centres = reading.layout.centres
    moved = dataclasses.replace(reading.layout, centres=(centres[0], centres[1] + EM))
    # a character's ink, less the slack either side of its neighbours
    assert unexplained([dataclasses.replace(reading, layout=moved)]) == pytest.approx(0.8, abs=0.05)


def test_ink_after_the_last_character_read() -> None:
    assert unexplained([_line("沙圪", [(1.05, 3.95)])]) == pytest.approx(0.85, abs=0.05)


def test_paper_between_characters_spaced_out_is_no_ink() -> None:
    reading = _line("郭瑞", [(1.05, 1.95), (3.05, 3.95)])
    spaced = dataclasses.replace(reading.layout, centres=(1.5 * EM, 3.5 * EM))
    assert unexplained([dataclasses.replace(reading, layout=spaced)]) == 0.0


def test_digits_take_half_an_em() -> None:
    columns = [1.05 + 0.5 * i for i in range(4)]
    inked = [(x, x + 0.42) for x in columns]
    reading = _line("2021", inked)
    half = dataclasses.replace(reading.layout, centres=tuple((x + 0.21) * EM for x in columns), height=EM * 0.72)
    assert unexplained([dataclasses.replace(reading, layout=half)]) == 0.0


def test_nothing_known_nothing_unexplained() -> None:
    assert unexplained([Reading("", 1.0), Reading("东胜区", 0.9)]) == 0.0


def _drawn(text: str) -> np.ndarray:
    image = Image.new("RGB", (40 + 30 * len(text), 52), (255, 255, 255))
    ImageDraw.Draw(image).text((20, 10), text, fill=(0, 0, 0), font=ImageFont.truetype(FONT, 28))
    return cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2BGR)


def test_the_recogniser_drops_a_rare_character_sure_of_the_rest_and_its_ink_shows_it() -> None:
    from parsers.readers.ocr.engine import engine

    common, rare = engine().read([_drawn("鄂尔多斯市东胜区检测站"), _drawn("准格尔旗沙圪堵检测站")])
    assert common.text == "鄂尔多斯市东胜区检测站" and unexplained([common]) < 0.3
    # PP-OCRv4 reads 圪 as nothing, and is sure of every character it kept: only the ink tells
    assert rare.text == "准格尔旗沙堵检测站" and rare.confidence > 0.93
    assert unexplained([rare]) >= 0.5
