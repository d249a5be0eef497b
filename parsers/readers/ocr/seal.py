"""Red seals (公章) over 填报单位 or a figure: red ink is turned to paper before anything else looks at the page.

A pixel is seal ink when it is clearly red: hue near 0°/180°, saturated, not dark. Black text under the seal stays
black (dark pixels have no usable hue), so the figure the seal covers is still read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_HUE = 12  # OpenCV hue runs 0..179: red is within this of 0 (or 180)
_SATURATION = 70
_VALUE = 90


def red_mask(page: np.ndarray) -> np.ndarray:
    """255 where the BGR page shows red ink."""
    import cv2

    hsv = cv2.cvtColor(page, cv2.COLOR_BGR2HSV)
    low = cv2.inRange(hsv, (0, _SATURATION, _VALUE), (_HUE, 255, 255))
    high = cv2.inRange(hsv, (180 - _HUE, _SATURATION, _VALUE), (180, 255, 255))
    return cv2.bitwise_or(low, high)


def remove_red(page: np.ndarray) -> np.ndarray:
    """The page with seal ink (slightly grown, for its anti-aliased rim) painted white; a copy."""
    import cv2
    import numpy as np

    mask = cv2.dilate(red_mask(page), np.ones((3, 3), np.uint8))
    clean = page.copy()
    clean[mask > 0] = 255
    return clean
