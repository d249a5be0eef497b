"""Straighten a page: a scan fed askew or a photo held slightly turned, up to `MAX_ANGLE` degrees.

The angle comes from the table's own ruled lines (long thin horizontal runs of ink), which are straight by
construction; without lines, from the text lines' slope. Pages upside down are turned by the direction
classifier in `page.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

MAX_ANGLE = 8.0  # degrees; more than this is a photo taken carelessly, and its lines are found no better
_DARK = 128  # grey level: darker than any paper, even in a photo's shade
_BACKGROUND_SHARE = 0.01  # of the image: a dark region this big at the border is what lies around the sheet


def ink(gray: np.ndarray) -> np.ndarray:
    """255 where there is ink: adaptive, so a photo's uneven lighting does not blacken a corner; nothing on
    the table or floor around a photographed sheet (whose edge would otherwise read as a long rule)."""
    import cv2

    binary = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    binary[_background(gray)] = 0
    return binary


def _background(gray: np.ndarray) -> np.ndarray:
    """True around the paper: large dark regions touching the image's border, grown a little."""
    import cv2
    import numpy as np

    dark = (gray < _DARK).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(dark)
    height, width = gray.shape
    outside = np.zeros(count, dtype=bool)
    for index in range(1, count):
        x, y, w, h, area = stats[index]
        touches = x == 0 or y == 0 or x + w == width or y + h == height
        outside[index] = touches and area > height * width * _BACKGROUND_SHARE
    if not outside.any():
        return np.zeros(gray.shape, dtype=bool)
    return cv2.dilate(outside[labels].astype(np.uint8), np.ones((15, 15), np.uint8)) > 0


def skew_angle(gray: np.ndarray) -> float:
    """The page's tilt in degrees (positive: turned clockwise), 0.0 when nothing lines up.

    The angle at which the page's ink, turned back, falls into the sharpest rows (the largest variance of
    its row sums): ruled lines and text lines both vote. Tried coarse then fine on a quarter-size copy, which
    costs a few milliseconds per angle.
    """
    import cv2

    small = cv2.resize(ink(gray), None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    best = _sharpest(small, [a / 2 for a in range(-2 * int(MAX_ANGLE), 2 * int(MAX_ANGLE) + 1)])
    return _sharpest(small, [best + a / 20 for a in range(-10, 11)])


def _sharpest(small: np.ndarray, angles: list[float]) -> float:
    import cv2
    import numpy as np

    height, width = small.shape
    centre = (width / 2, height / 2)
    scores = []
    for angle in angles:
        turned = cv2.warpAffine(small, cv2.getRotationMatrix2D(centre, angle, 1.0), (width, height))
        rows = turned.sum(axis=1, dtype=np.float64)
        scores.append(float(np.square(np.diff(rows)).sum()))
    return angles[int(np.argmax(scores))] if max(scores) > 0 else 0.0


def rotate(page: np.ndarray, angle: float) -> np.ndarray:
    """The page turned by `angle` degrees about its centre, corners filled white."""
    import cv2

    if abs(angle) < 0.05:
        return page
    height, width = page.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(page, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=(255, 255, 255))


def deskew(page: np.ndarray) -> tuple[np.ndarray, float]:
    import cv2

    angle = skew_angle(cv2.cvtColor(page, cv2.COLOR_BGR2GRAY))
    return rotate(page, angle), angle
