"""A table's ruled lines on a straightened page, and its cells — merged cells included.

Horizontal and vertical strokes are kept by morphological opening with long thin kernels; each table is one
connected frame of them. Its row and column lines are where strokes run far enough; a cell between two
neighbouring lines is merged with its neighbour when the stroke that would part them is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_MIN_TABLE = 0.2  # of the page width: a frame narrower than this is a box, a stamp or a logo
_MIN_ROWS = 2
_CLUSTER = 6  # pixels: strokes this close are one line (a thick or doubled rule)
_PRESENT = 0.6  # of a cell side covered by stroke: the rule between two cells is there


@dataclass(frozen=True, slots=True)
class Box:
    x0: int
    y0: int
    x1: int
    y1: int


@dataclass(slots=True)
class Grid:
    """`rows` and `cols` are the line positions (pixels); `owner[r][c]` the (row, col) of the top-left position
    of the cell covering position (r, c) — itself for an unmerged cell."""

    box: Box
    rows: list[int]
    cols: list[int]
    owner: list[list[tuple[int, int]]]

    def cell_box(self, r: int, c: int) -> Box:
        """The whole area of the cell whose top-left position is (r, c)."""
        last_r = max(rr for rr, row in enumerate(self.owner) if row[c] == (r, c))
        last_c = max(cc for cc, o in enumerate(self.owner[r]) if o == (r, c))
        return Box(self.cols[c], self.rows[r], self.cols[last_c + 1], self.rows[last_r + 1])


def strokes(binary: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical rule pixels of an ink image."""
    import cv2

    height, width = binary.shape
    # Longer than any stroke of a character (10.5 pt at 200 dpi is ~30 px), shorter than a cell's side.
    across = cv2.getStructuringElement(cv2.MORPH_RECT, (max(width // 30, 50), 1))
    down = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(height // 60, 40)))
    # A short closing first bridges the gaps a light scan leaves in a thin rule (a longer one would chain the
    # strokes of neighbouring characters into a "rule").
    horizontal = cv2.morphologyEx(_close(binary, (3, 1)), cv2.MORPH_OPEN, across)
    vertical = cv2.morphologyEx(_close(binary, (1, 3)), cv2.MORPH_OPEN, down)
    return horizontal, vertical


def _close(binary: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    import cv2

    return cv2.morphologyEx(binary, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, size))


def find_grids(binary: np.ndarray) -> list[Grid]:
    """Every ruled table on the page, top to bottom."""
    import cv2
    import numpy as np

    horizontal, vertical = strokes(binary)
    frame = cv2.dilate(cv2.bitwise_or(horizontal, vertical), np.ones((5, 5), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(frame)
    grids = []
    for index in range(1, count):
        x, y, w, h, _area = stats[index]
        if w < binary.shape[1] * _MIN_TABLE or h < 20:
            continue
        grid = _grid(horizontal, vertical, Box(int(x), int(y), int(x + w), int(y + h)))
        if grid is not None:
            grids.append(grid)
    return _outermost(sorted(grids, key=lambda g: (g.box.x1 - g.box.x0) * (g.box.y1 - g.box.y0), reverse=True))


def _outermost(grids: list[Grid]) -> list[Grid]:
    """Largest first; a grid lying mostly inside one already kept is a part of that table (a frame broken
    by a photo's shadow), not a table of its own."""
    kept: list[Grid] = []
    for grid in grids:
        if not any(_overlap(grid.box, other.box) > 0.5 for other in kept):
            kept.append(grid)
    return sorted(kept, key=lambda g: g.box.y0)


def _overlap(inner: Box, outer: Box) -> float:
    """The share of `inner`'s area that lies inside `outer`."""
    width = min(inner.x1, outer.x1) - max(inner.x0, outer.x0)
    height = min(inner.y1, outer.y1) - max(inner.y0, outer.y0)
    area = (inner.x1 - inner.x0) * (inner.y1 - inner.y0)
    return max(width, 0) * max(height, 0) / area if area else 0.0


def _grid(horizontal: np.ndarray, vertical: np.ndarray, box: Box) -> Grid | None:
    h_part = horizontal[box.y0 : box.y1, box.x0 : box.x1]
    v_part = vertical[box.y0 : box.y1, box.x0 : box.x1]
    # A rule runs across most of its table; merged cells only interrupt it here and there.
    rows = [box.y0 + y for y in _lines(h_part.sum(axis=1) / 255, min_run=max(50, (box.x1 - box.x0) * 0.3))]
    cols = [box.x0 + x for x in _lines(v_part.sum(axis=0) / 255, min_run=max(40, (box.y1 - box.y0) * 0.2))]
    if len(rows) < _MIN_ROWS + 1 or len(cols) < 2:
        return None
    owner = _merge(horizontal, vertical, rows, cols)
    return Grid(Box(cols[0], rows[0], cols[-1], rows[-1]), rows, cols, owner)


def _lines(profile: np.ndarray, min_run: float) -> list[int]:
    """Centres of the runs of positions where the profile reaches `min_run`, runs closer than _CLUSTER joined."""
    found: list[list[int]] = []
    for position in (i for i, v in enumerate(profile.tolist()) if v >= min_run):
        if found and position - found[-1][-1] <= _CLUSTER:
            found[-1].append(position)
        else:
            found.append([position])
    return [round(sum(run) / len(run)) for run in found]


def _merge(
    horizontal: np.ndarray, vertical: np.ndarray, rows: list[int], cols: list[int]
) -> list[list[tuple[int, int]]]:
    """Union the positions whose separating rule is missing; every group's owner is its top-left position."""
    n_rows, n_cols = len(rows) - 1, len(cols) - 1
    parent = {(r, c): (r, c) for r in range(n_rows) for c in range(n_cols)}

    def find(p: tuple[int, int]) -> tuple[int, int]:
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    def union(a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and not _covered(vertical[rows[r] : rows[r + 1], cols[c + 1] - 4 : cols[c + 1] + 5], 0):
                union((r, c), (r, c + 1))
            if r + 1 < n_rows and not _covered(horizontal[rows[r + 1] - 4 : rows[r + 1] + 5, cols[c] : cols[c + 1]], 1):
                union((r, c), (r + 1, c))
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for p in parent:
        groups.setdefault(find(p), []).append(p)
    owner = [[(r, c) for c in range(n_cols)] for r in range(n_rows)]
    for members in groups.values():
        # A group is made rectangular: its bounding box (an L-shaped union is a drawing error or noise).
        r0, c0 = min(m[0] for m in members), min(m[1] for m in members)
        r1, c1 = max(m[0] for m in members), max(m[1] for m in members)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                owner[r][c] = (r0, c0)
    return owner


def _covered(band: np.ndarray, axis: int) -> bool:
    """The rule along this band is drawn: stroke on most of its length (inner 80%, away from the corners)."""
    if band.size == 0:
        return True
    along = band.max(axis=1 - axis) if axis == 1 else band.max(axis=1)
    length = along.shape[0]
    inner = along[length // 10 : length - length // 10] if length > 10 else along
    return bool((inner > 0).mean() >= _PRESENT)
