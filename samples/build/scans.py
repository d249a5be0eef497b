"""Build samples/scans/: the project's own PDF samples printed, stamped and scanned or photographed.

Each scan is made from a text PDF sample of one built-in form: its pages rendered at scanner resolution, then
degraded the way paper is — a red seal over 填报单位, a few degrees of tilt, blur, noise, JPEG — or photographed:
perspective, uneven light. Every step is seeded, so a rebuild gives the same bytes.

The truth (`<scan>.truth.json`) is the source sample's own truth file (written from the generator's data) less
what a scan cannot keep — cell locations, which are the scan's own — and is read by benchmarks/ocr.py and the
OCR tests. Needs the `ocr` extra (numpy, OpenCV) and poppler's pdftoppm.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pdfplumber
from PIL import Image, ImageDraw, ImageFont

from samples.build.office import Converter

_FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
_UNIT_LABELS = ("填报单位", "报送单位", "所在旗区")


@dataclass(frozen=True, slots=True)
class Scan:
    name: str  # file written under samples/scans/
    source: str  # the text sample it is made from, under samples/: a PDF, or a Word file printed by LibreOffice
    dpi: int
    tilt: float  # degrees
    photo: bool = False  # perspective and uneven light, as a phone held over the page
    seal: bool = True
    fax: bool = False  # black and white at half the vertical resolution (a fax's standard mode), pixels doubled


SCANS = (
    Scan("准格尔旗检验检测机构（扫描件）.pdf", "roster/two-pages.pdf", 150, 1.2),
    Scan("鄂托克旗工作情况统计表（手机拍照）.jpg", "statistics/table.pdf", 200, -1.5, photo=True),
    Scan("鄂托克前旗联络员（盖章扫描）.jpg", "liaison/liaison.pdf", 200, 2.5),
    Scan("山西省检查情况汇总（黑白扫描）.tif", "inspection/table.pdf", 300, -0.8, seal=False),
    Scan("鄂托克旗典型案例（扫描件）.jpg", "cases/case.pdf", 170, 0.6),
    # Harder: a low-resolution phone photo, and a page fed into the scanner upside down.
    Scan("东胜区检验检测机构（手机拍照）.jpg", "roster/libreoffice.pdf", 130, 3.0, photo=True),
    Scan("鄂托克旗工作情况统计表（倒扫）.jpg", "statistics/table.pdf", 150, 181.0, seal=False),
    # More returns, so that the benchmark counts enough misread values: other districts' figures and names.
    Scan(
        "杭锦旗检验检测机构（手机拍照）.jpg",
        "campaign/returns/杭锦旗检验检测机构基本情况汇总表.pdf",
        160,
        -2.0,
        photo=True,
    ),
    Scan("准格尔旗工作情况统计表（盖章扫描）.jpg", "campaign/returns/准格尔旗工作情况统计表.pdf", 180, 1.8),
    Scan("宁夏检查情况汇总（传真）.tif", "inspection/province.docx", 200, 0.7, seal=False, fax=True),
    Scan("达拉特旗检验检测机构（扫描件）.pdf", "roster/table-per-section.docx", 150, -1.0),
    Scan("达拉特旗联络员（传真）.tif", "liaison/word.docx", 200, -1.4, seal=False, fax=True),
)


def build(root: Path) -> list[Path]:
    out = root / "scans"
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*"):
        if old.name != "README.md":
            old.unlink()
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        printed = _printed(root, Path(scratch))
        for number, scan in enumerate(SCANS):
            rng = np.random.default_rng(1000 + number)
            pdf = printed.get(scan.source, root / scan.source)
            seals = _seal_spots(pdf) if scan.seal else {}
            pages = [_degrade(page, scan, rng, seals.get(i)) for i, page in enumerate(_render(pdf, scan.dpi))]
            path = out / scan.name
            path.write_bytes(_encode(pages, path.suffix, scan.dpi))
            _truth(root / scan.source, path, scan)
            written.append(path)
    return written


def _printed(root: Path, scratch: Path) -> dict[str, Path]:
    """The Word sources printed to PDF by LibreOffice (one soffice call for all), by source name."""
    converter, printed = Converter(), {}
    for number, scan in enumerate(SCANS):
        if not scan.source.endswith(".pdf") and scan.source not in printed:
            target = scratch / f"p{number}.pdf"
            shutil.copyfile(root / scan.source, converter.source(target, Path(scan.source).suffix))
            printed[scan.source] = target
    converter.run()
    return printed


def _render(pdf: Path, dpi: int) -> list[np.ndarray]:
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), f"{scratch}/p"], check=True)
        files = sorted(Path(scratch).glob("p-*.png"), key=lambda p: int(p.stem.rpartition("-")[2]))
        return [cv2.imread(str(f), cv2.IMREAD_COLOR) for f in files]


def _seal_spots(pdf: Path) -> dict[int, tuple[float, float]]:
    """Where the seal goes on each page (as a share of width and height): over the unit after its label."""
    spots = {}
    with pdfplumber.open(pdf) as document:
        for index, page in enumerate(document.pages):
            text = page.extract_words()
            for word in text:
                if any(word["text"].startswith(label) for label in _UNIT_LABELS):
                    x = min(word["x0"] + 170, page.width - 60)
                    spots[index] = (x / page.width, word["top"] / page.height)
                    break
    return spots


def _degrade(page: np.ndarray, scan: Scan, rng: np.random.Generator, seal: tuple[float, float] | None) -> np.ndarray:
    if seal is not None:
        page = _stamp(page, seal, scan.dpi)
    height, width = page.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), scan.tilt, 1.0)
    page = cv2.warpAffine(page, matrix, (width, height), borderValue=(250, 250, 250))
    if scan.photo:
        page = _photograph(page, rng)
    if scan.fax:
        return _fax(page, rng)
    page = cv2.GaussianBlur(page, (3, 3), 0.7)
    noise = rng.normal(0, 9, page.shape)
    return np.clip(page.astype(np.float32) + noise, 0, 255).astype(np.uint8)


def _stamp(page: np.ndarray, spot: tuple[float, float], dpi: int) -> np.ndarray:
    """A round red seal (ring, star, the office's name) printed over the page: red ink multiplies the paper, so
    black text under it stays black."""
    radius = round(dpi * 0.75)  # a 38 mm seal
    size = radius * 2 + 4
    seal = Image.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(seal)
    red = (215, 40, 45)
    draw.ellipse((2, 2, size - 3, size - 3), outline=red, width=max(radius // 14, 3))
    centre = size / 2
    star = [
        (
            centre + radius * 0.28 * np.cos(np.pi / 2 + k * np.pi / 5) * (1 if k % 2 == 0 else 0.4),
            centre - radius * 0.28 * np.sin(np.pi / 2 + k * np.pi / 5) * (1 if k % 2 == 0 else 0.4),
        )
        for k in range(10)
    ]
    draw.polygon(star, fill=red)
    font = ImageFont.truetype(_FONT, max(radius // 4, 12))
    draw.text((centre, centre - radius * 0.55), "市场监督管理局", fill=red, font=font, anchor="mm")
    draw.text((centre, centre + radius * 0.55), "业务专用章", fill=red, font=font, anchor="mm")
    stamp = cv2.cvtColor(np.asarray(seal), cv2.COLOR_RGB2BGR).astype(np.float32) / 255
    height, width = page.shape[:2]
    x = int(spot[0] * width - size / 2)
    y = int(spot[1] * height - size / 2)
    x, y = max(0, min(x, width - size)), max(0, min(y, height - size))
    region = page[y : y + size, x : x + size].astype(np.float32)
    page = page.copy()
    page[y : y + size, x : x + size] = (region * stamp).astype(np.uint8)
    return page


def _photograph(page: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A phone held a little off square over the page, under a lamp: keystone and a gradient of light."""
    height, width = page.shape[:2]
    shift = [rng.uniform(0.01, 0.025) * width for _ in range(4)]
    corners = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    moved = np.float32(
        [[shift[0], shift[1] * 0.5], [width - shift[1], 0], [width, height], [shift[2], height - shift[3] * 0.5]]
    )
    page = cv2.warpPerspective(
        page, cv2.getPerspectiveTransform(corners, moved), (width, height), borderValue=(90, 90, 90)
    )
    light = np.linspace(1.0, 0.72, width, dtype=np.float32)[None, :, None]
    return np.clip(page.astype(np.float32) * light + 10, 0, 255).astype(np.uint8)


def _fax(page: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A fax in standard mode: every other scan line only (about 100 lines an inch), black or white with a
    noisy threshold, shown with each line doubled — jagged strokes, thin ones broken, specks on the paper."""
    gray = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
    height, width = gray.shape
    half = cv2.resize(gray, (width, height // 2), interpolation=cv2.INTER_AREA).astype(np.float32)
    black = half + rng.normal(0, 8, half.shape) < 175  # a fax machine errs dark
    specks = rng.random(half.shape) < 0.0002
    lines = np.where(black | specks, 0, 255).astype(np.uint8)
    doubled = cv2.resize(lines, (width, height // 2 * 2), interpolation=cv2.INTER_NEAREST)
    return cv2.cvtColor(doubled, cv2.COLOR_GRAY2BGR)


def _encode(pages: list[np.ndarray], suffix: str, dpi: int) -> bytes:
    images = [Image.fromarray(cv2.cvtColor(p, cv2.COLOR_BGR2RGB)) for p in pages]
    buffer = io.BytesIO()
    if suffix == ".pdf":  # an image-only PDF, as a scanner writes: one JPEG per page, no text layer
        images[0].save(
            buffer,
            "PDF",
            save_all=True,
            append_images=images[1:],
            resolution=float(dpi),
            quality=60,
            creationDate=None,
            modDate=None,
            title="scan",
        )
    elif suffix == ".tif":  # an office scanner's black-and-white setting: 1 bit a pixel, CCITT group 4
        images[0].convert("L").point(lambda v: 255 if v > 150 else 0).convert("1").save(
            buffer, "TIFF", compression="group4", dpi=(dpi, dpi)
        )
    else:
        images[0].save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def _truth(source: Path, scan_path: Path, scan: Scan) -> None:
    truth = json.loads(source.with_name(source.name + ".expected.json").read_text(encoding="utf-8"))
    kept = {
        "source": scan.source,
        "status": truth["status"],
        "form": truth["form"],
        "unit": truth["unit"],
        "meta": truth["meta"],
        "records": [{"section": r["section"], "values": r["values"]} for r in truth["records"]],
    }
    text = json.dumps(kept, ensure_ascii=False, indent=1) + "\n"
    scan_path.with_name(scan_path.name + ".truth.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    for path in build(Path(__file__).resolve().parents[1]):
        print(f"{path.stat().st_size:>9,d}  {path}")
