"""Pages as images: a photo or scan file (JPEG, PNG, TIFF) decoded by Pillow, or the pages of an image-only PDF
rendered by poppler's pdftoppm — each bounded before any pixel is decoded.

A page is brought to about 200 dpi on A4 (long side `LONG_SIDE` pixels): enough for 10.5 pt figures, and the
time of every later stage grows with the pixel count.
"""

from __future__ import annotations

import io
import subprocess
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from forms.errors import UnreadableFile
from parsers.readers import _messages as msg
from parsers.readers.limits import CONVERT_SECONDS, MAX_IMAGE_PIXELS, MAX_OCR_PAGES, PDF_MEMORY

if TYPE_CHECKING:
    import numpy as np

LONG_SIDE = 2339  # A4 at 200 dpi
_MIN_SIDE = 400  # smaller than this cannot hold a legible table


def check_header(data: bytes) -> None:
    """Size and frame count from the image's header alone (Pillow only: no OpenCV, no numpy)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            _check_size(image.width, image.height)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise msg.hostile("图片尺寸过大") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise UnreadableFile(msg.DAMAGED) from exc


def decode_image(data: bytes) -> list[np.ndarray]:
    """The frames of an image file as BGR arrays (a multi-page TIFF has several), upright by its EXIF tag."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            frames = getattr(image, "n_frames", 1)
            if frames > MAX_OCR_PAGES:
                raise UnreadableFile(msg.TOO_MANY_PAGES.format(pages=frames, limit=MAX_OCR_PAGES))
            pages = []
            for index in range(frames):
                image.seek(index)
                _check_size(image.width, image.height)
                pages.append(_bgr(ImageOps.exif_transpose(image)))
            return pages
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise msg.hostile("图片尺寸过大") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise UnreadableFile(msg.DAMAGED) from exc


def _check_size(width: int, height: int) -> None:
    """Refused from the header alone, before decoding: a 60000×60000 PNG is a few KB and 10 GB of pixels."""
    if width * height > MAX_IMAGE_PIXELS:
        raise msg.hostile(f"图片尺寸过大：{width}×{height}像素")
    if min(width, height) < _MIN_SIDE:
        raise UnreadableFile(msg.IMAGE_TOO_SMALL.format(width=width, height=height))


def _bgr(image: object) -> np.ndarray:
    import numpy as np

    rgb = np.asarray(image.convert("RGB"))  # type: ignore[attr-defined]
    return fit(np.ascontiguousarray(rgb[:, :, ::-1]))


def fit(page: np.ndarray) -> np.ndarray:
    """Scale a page down so its long side is at most LONG_SIDE pixels (phone photos are 4000 px and more).
    Never up: a small image is a close-up of part of a form, its text already large enough."""
    import cv2

    height, width = page.shape[:2]
    scale = LONG_SIDE / max(height, width)
    if scale > 0.95:
        return page
    size = (round(width * scale), round(height * scale))
    return cv2.resize(page, size, interpolation=cv2.INTER_AREA)


def render_pdf(data: bytes) -> list[np.ndarray]:
    """Every page of an image-only PDF (its page count already checked by the PDF reader), via pdftoppm in a
    child process with a memory cap and a timeout: poppler is C code reading a district's file."""
    import cv2

    with tempfile.TemporaryDirectory(prefix="huizong-ocr-") as scratch:
        source = Path(scratch) / "scan.pdf"
        source.write_bytes(data)
        # Plain PPM, not PNG: pdftoppm's PNG writer took 5 s a page (a 10-page scan overran its minute), PPM 0.15 s.
        command = ["pdftoppm", "-r", "200", "-scale-to", str(LONG_SIDE), str(source), f"{scratch}/page"]
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=CONVERT_SECONDS, check=False, preexec_fn=_cap_memory
            )
        except FileNotFoundError as exc:
            raise UnreadableFile(msg.NO_POPPLER) from exc
        except subprocess.TimeoutExpired as exc:
            raise UnreadableFile(msg.TIMEOUT.format(seconds=CONVERT_SECONDS)) from exc
        files = sorted(Path(scratch).glob("page*.ppm"), key=lambda p: int(p.stem.rpartition("-")[2]))
        if done.returncode != 0 or not files:
            raise UnreadableFile(msg.DAMAGED)
        return [cv2.imread(str(path), cv2.IMREAD_COLOR) for path in files]


def _cap_memory() -> None:
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = PDF_MEMORY if hard == resource.RLIM_INFINITY else min(PDF_MEMORY, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
