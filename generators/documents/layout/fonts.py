"""The four faces of GB/T 9704 (小标宋, 仿宋, 黑体, 楷体, plus 宋体 for page numbers), for both outputs.

DOCX names the fonts officials have installed (方正小标宋简体, 仿宋_GB2312 …) and lets WPS/Word use them.
PDF embeds free faces of the same style: Fandol (Debian texlive-lang-chinese) first, Noto CJK (fonts-noto-cjk)
for the rarer characters Fandol lacks (GB 2312 coverage only: names like 堃 or 玥).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generators.documents.errors import RenderError
from generators.documents.layout import cmap_cache

FANDOL_DIRS = (
    Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"),
    Path("/usr/share/fonts/opentype/fandol"),
)


@dataclass(frozen=True, slots=True)
class Face:
    key: str
    docx: str  # East-Asian font name written into the DOCX
    docx_alt: str  # what Word/WPS substitutes when `docx` is not installed (fontTable altName)
    fandol: str  # file name of the Fandol face embedded in the PDF
    family: str  # its fontconfig family; with `weight` (bold: style Bold), it names this file in the folder
    fallback: str  # fontconfig family for characters the Fandol face lacks
    weight: int = 400


FACES = {
    "fang": Face("fang", "仿宋_GB2312", "仿宋", "FandolFang-Regular.otf", "FandolFang", "Noto Serif CJK SC"),
    "kai": Face("kai", "楷体_GB2312", "楷体", "FandolKai-Regular.otf", "FandolKai", "Noto Serif CJK SC"),
    "hei": Face("hei", "黑体", "SimHei", "FandolHei-Regular.otf", "FandolHei", "Noto Sans CJK SC"),
    "song": Face("song", "宋体", "SimSun", "FandolSong-Regular.otf", "FandolSong", "Noto Serif CJK SC"),
    "xbs": Face("xbs", "方正小标宋简体", "华文中宋", "FandolSong-Bold.otf", "FandolSong", "Noto Serif CJK SC", 700),
}
LATIN_DOCX = "Times New Roman"  # digits and Latin letters in the DOCX, as most 公文 templates do


def fandol_dir() -> Path:
    """Where the Fandol OTFs are; HUIZONG_FONT_DIR overrides (a folder holding the same file names)."""
    override = os.environ.get("HUIZONG_FONT_DIR")
    for folder in (Path(override),) if override else FANDOL_DIRS:
        if (folder / FACES["fang"].fandol).is_file():
            return folder
    raise RenderError(
        "找不到生成 PDF 所需的 Fandol 字体（FandolFang-Regular.otf 等）。请安装 Debian 软件包 "
        "texlive-lang-chinese，或用环境变量 HUIZONG_FONT_DIR 指定字体目录。"
    )


def css_family(key: str) -> str:
    """The CSS font-family of a face: Hz-<key> (the PDF's fontconfig names its Fandol file, pdf/fonts.py), then
    the Noto fallback."""
    face = FACES[key]
    return f'"Hz-{key}", "{face.fallback}"'


@cache
def coverage(key: str) -> frozenset[int]:
    """The code points the Fandol face of `key` has glyphs for (from the disk cache when the file is known)."""
    path = fandol_dir() / FACES[key].fandol
    known = cmap_cache.load(path)
    if known is not None:
        return known
    from fontTools.ttLib import TTFont

    font = TTFont(path, lazy=True)
    try:
        points = frozenset(font.getBestCmap())
    finally:
        font.close()
    cmap_cache.store(path, points)
    return points
