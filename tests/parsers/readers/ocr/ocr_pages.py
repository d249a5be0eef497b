"""Small page images drawn in memory for the OCR stage tests: a ruled table (a merged cell optional), text
lines above it, a red seal, a tilt. Drawn at about 200 dpi so every stage sees the sizes it sees in a scan."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
ROW = 56
COLS = (90, 330, 200)  # widths
LEFT, TOP = 40, 150


def page(
    rows: list[list[str]],
    *,
    title: str = "工作情况统计表",
    meta: str = "填报单位：鄂托克旗市场监督管理局",
    merge_first_column: int = 0,
    size: tuple[int, int] = (760, 600),
    row_height: int = ROW,
) -> np.ndarray:
    """A BGR page: `title` and `meta` above a ruled table of `rows`; with `merge_first_column` = n the first
    column's cells of rows 1..n-1 (0-based) are one merged cell (its text is the first of them)."""
    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 26)
    draw.text((LEFT + 200, 40), title, fill=(0, 0, 0), font=font)
    draw.text((LEFT, 95), meta, fill=(0, 0, 0), font=ImageFont.truetype(FONT, 22))
    xs = [LEFT + sum(COLS[:i]) for i in range(len(COLS) + 1)]
    ys = [TOP + row_height * i for i in range(len(rows) + 1)]
    for y_index, y in enumerate(ys):
        draw.line((xs[0], y, xs[-1], y), fill=(0, 0, 0), width=2)
        if merge_first_column and 1 < y_index <= merge_first_column:
            draw.line((xs[0], y, xs[1], y), fill=(255, 255, 255), width=2)  # no rule inside the merged cell
            draw.line((xs[1], y, xs[-1], y), fill=(0, 0, 0), width=2)
    for x in xs:
        draw.line((x, ys[0], x, ys[-1]), fill=(0, 0, 0), width=2)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                draw.text((xs[c] + 12, ys[r] + 12), text, fill=(0, 0, 0), font=font)
    return cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2BGR)


def seal(image: np.ndarray, centre: tuple[int, int], radius: int = 70) -> np.ndarray:
    """A red ring and star multiplied onto the page, as ink is: black under it stays black."""
    stamp = np.full(image.shape, 255, np.uint8)
    cv2.circle(stamp, centre, radius, (45, 40, 215), 6)
    cv2.circle(stamp, centre, radius // 4, (45, 40, 215), -1)
    return (image.astype(np.float32) * stamp.astype(np.float32) / 255).astype(np.uint8)


def tilt(image: np.ndarray, degrees: float) -> np.ndarray:
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    return cv2.warpAffine(image, matrix, (width, height), borderValue=(255, 255, 255))


def encode(image: np.ndarray, suffix: str = ".png") -> bytes:
    ok, data = cv2.imencode(suffix, image)
    assert ok
    return data.tobytes()
