"""The drawing surface of a chart: millimetres in, pixels at print resolution out, the project's CJK faces."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from generators.documents.layout.fonts import FACES, coverage, fandol_dir

if TYPE_CHECKING:
    from PIL import Image, ImageDraw, ImageFont

DPI = 300
PX_MM = DPI / 25.4
PT_PX = DPI / 72
WIDTH_MM = 150.0  # a little narrower than the 156 mm block: the figure stands centred in it
NOTO_SANS = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
INK, GREY, LIGHT = (0, 0, 0), (110, 110, 110), (236, 236, 236)


@dataclass(frozen=True, slots=True)
class Picture:
    png: bytes
    width_mm: float
    height_mm: float


class Canvas:
    """A white image `height_mm` tall; every coordinate in mm from its top left."""

    def __init__(self, height_mm: float, width_mm: float = WIDTH_MM) -> None:
        from PIL import Image, ImageDraw

        self.width_mm, self.height_mm = width_mm, height_mm
        self.image: Image.Image = Image.new("RGB", (px(width_mm), px(height_mm)), "white")
        self.draw: ImageDraw.ImageDraw = ImageDraw.Draw(self.image)

    def text(self, x: float, y: float, text: str, size_pt: float, anchor: str = "lm", face: str = "hei") -> float:
        """Draw `text` anchored at (x, y) (Pillow anchors: l/m/r, m = middle); returns its width in mm."""
        f = font(face, size_pt, text)
        self.draw.text((px(x), px(y)), text, fill=INK, font=f, anchor=anchor)
        return self.draw.textlength(text, font=f) / PX_MM

    def text_width(self, text: str, size_pt: float, face: str = "hei") -> float:
        return self.draw.textlength(text, font=font(face, size_pt, text)) / PX_MM

    def line(self, x0: float, y0: float, x1: float, y1: float, width_mm: float = 0.3, fill=INK) -> None:
        self.draw.line([(px(x0), px(y0)), (px(x1), px(y1))], fill=fill, width=max(1, px(width_mm)))

    def dashed(self, x: float, y0: float, y1: float, dash: float = 1.5, width_mm: float = 0.35) -> None:
        y = y0
        while y < y1:
            self.line(x, y, x, min(y + dash, y1), width_mm)
            y += 2 * dash

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill=None, outline=INK, width_mm: float = 0.3) -> None:
        self.draw.rectangle(
            [px(x0), px(y0), px(x1), px(y1)], fill=fill, outline=outline, width=max(1, px(width_mm)) if outline else 0
        )

    def hatched(self, x0: float, y0: float, x1: float, y1: float, step: float = 1.2) -> None:
        """A white box with black diagonal hatching and a black border: the second series in print."""
        from PIL import Image, ImageDraw

        w, h = px(x1) - px(x0), px(y1) - px(y0)
        if w <= 0 or h <= 0:
            return
        tile = Image.new("RGB", (w, h), "white")
        d = ImageDraw.Draw(tile)
        s = px(step)
        for k in range(-h, w + h, s):
            d.line([(k, h), (k + h, 0)], fill=INK, width=max(1, px(0.2)))
        self.image.paste(tile, (px(x0), px(y0)))
        self.rect(x0, y0, x1, y1)

    def marker(self, kind: str, x: float, y: float, r: float = 1.3) -> None:
        """● on time, ▲ late, ◆ no date, ○ partial: told apart by shape, not colour."""
        box = [px(x - r), px(y - r), px(x + r), px(y + r)]
        if kind == "on_time":
            self.draw.ellipse(box, fill=INK)
        elif kind == "late":
            pts = [(px(x), px(y - r * 1.15)), (px(x + r * 1.1), px(y + r * 0.85)), (px(x - r * 1.1), px(y + r * 0.85))]
            self.draw.polygon(pts, fill=INK)
        elif kind == "unknown":
            pts = [(px(x), px(y - r)), (px(x + r), px(y)), (px(x), px(y + r)), (px(x - r), px(y))]
            self.draw.polygon(pts, fill=INK)
        else:
            self.draw.ellipse(box, fill="white", outline=INK, width=px(0.35))

    def picture(self) -> Picture:
        out = io.BytesIO()
        self.image.save(out, format="PNG", dpi=(DPI, DPI), optimize=True)
        return Picture(out.getvalue(), self.width_mm, self.height_mm)


def px(mm: float) -> int:
    return round(mm * PX_MM)


def font(face: str, size_pt: float, text: str = "") -> ImageFont.FreeTypeFont:
    """The Fandol face, or Noto Sans CJK when the text holds a character Fandol lacks (GB 2312 only)."""
    have = coverage(face)
    if all(ord(c) in have or c.isspace() for c in text):
        return _font(str(fandol_dir() / FACES[face].fandol), round(size_pt * PT_PX))
    return _font(str(NOTO_SANS), round(size_pt * PT_PX))


@cache
def _font(path: str, size_px: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(path, size_px)
