"""Charts of a 公文 drawn from data with Pillow: black and white (shapes, hatching and words, never colour
alone), Chinese labels in the Fandol faces the PDF embeds. One PNG serves both outputs.

    picture = draw(chart)      # Picture(png, width_mm, height_mm), cached per chart
"""

from __future__ import annotations

from functools import lru_cache

from generators.documents.chart.canvas import Picture
from generators.documents.model import Chart


@lru_cache(maxsize=16)
def draw(chart: Chart) -> Picture:
    if chart.chart == "status":
        from generators.documents.chart.status import draw_status

        return draw_status(chart)
    from generators.documents.chart.bars import draw_bars

    return draw_bars(chart)


__all__ = ["Picture", "draw"]
