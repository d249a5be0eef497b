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
_PAPER = 150  # in the red channel, seal ink is lighter than this and text darker


def red_mask(page: np.ndarray) -> np.ndarray:
    """255 where the BGR page shows red ink."""
    import cv2

    hsv = cv2.cvtColor(page, cv2.COLOR_BGR2HSV)
    low = cv2.inRange(hsv, (0, _SATURATION, _VALUE), (_HUE, 255, 255))
    high = cv2.inRange(hsv, (180 - _HUE, _SATURATION, _VALUE), (180, 255, 255))
    return cv2.bitwise_or(low, high)


def remove_red(page: np.ndarray) -> np.ndarray:
    """The page seen through a red filter where there is seal ink: red ink is as bright as paper in the red
    channel, black (and blue) text under it stays dark. Painting the seal white instead would take the grey
    rims of the text it covers with it. A copy."""
    import cv2
    import numpy as np

    mask = cv2.dilate(red_mask(page), np.ones((5, 5), np.uint8)) > 0
    red = page[:, :, 2]
    seen = np.where(red > _PAPER, 255, red).astype(np.uint8)
    clean = page.copy()
    clean[mask] = seen[mask][:, None]
    return clean
