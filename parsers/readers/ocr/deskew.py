"""Straighten a page: a scan fed askew or a photo held slightly turned, up to `MAX_ANGLE` degrees.

The angle comes from the table's own ruled lines (long thin horizontal runs of ink), which are straight by
construction; without lines, from the text lines' slope. Pages upside down are turned by the direction
classifier in `page.py`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

MAX_ANGLE = 8.0  # degrees; more than this is a photo taken carelessly, and its lines are found no better
_DARK = 128  # grey level: darker than any paper, even in a photo's shade
_BACKGROUND_SHARE = 0.01  # of the image: a dark region this big at the border is what lies around the sheet
_MIN_RUN = 0.25  # of the page width: a ruled line (text lines are shorter and less straight)


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
    """The page's tilt in degrees (positive: turned clockwise), 0.0 when nothing long and straight is found."""
    import cv2
    import numpy as np

    binary = ink(gray)
    width = binary.shape[1]
    # Short horizontal closing joins a line broken by scanning noise; the long opening keeps only lines. A
    # tilt of 8° moves a 40-px run by 5 px, so the kernel stays short and the tilt survives it.
    runs = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (40, 1)))
    runs = cv2.dilate(runs, np.ones((3, 3), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(runs)
    lines = cv2.HoughLinesP(runs, 1, math.pi / 1800, threshold=200, minLineLength=int(width * _MIN_RUN), maxLineGap=8)
    if lines is None or count < 2:
        return 0.0
    angles, weights = [], []
    for x0, y0, x1, y1 in lines.reshape(-1, 4).tolist():
        angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
        if abs(angle) <= MAX_ANGLE:
            angles.append(angle)
            weights.append(math.hypot(x1 - x0, y1 - y0))
    if not angles:
        return 0.0
    order = np.argsort(angles)
    cumulative = np.cumsum(np.asarray(weights)[order])
    return float(np.asarray(angles)[order][np.searchsorted(cumulative, cumulative[-1] / 2)])  # weighted median


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
