"""Key figures by label (领域): horizontal bars, one or two series — solid grey and hatched, each value
written at its bar's end, so that print in black and white loses nothing."""

from __future__ import annotations

from generators.documents.chart.canvas import WIDTH_MM, Canvas, Picture
from generators.documents.layout.textfit import number_text
from generators.documents.model import Chart

BAR, GAP, GROUP_GAP, LEGEND = 3.4, 0.5, 3.0, 9.0  # mm
LABEL_PT, VALUE_PT = 12.0, 10.5
SOLID = (85, 85, 85)
VALUE_ROOM = 16.0


def draw_bars(chart: Chart) -> Picture:
    n = len(chart.series)
    group = n * BAR + (n - 1) * GAP
    canvas = Canvas(LEGEND + len(chart.labels) * (group + GROUP_GAP) + 2)
    left = max(canvas.text_width(label, LABEL_PT) for label in chart.labels) + 4
    largest = max((v for s in chart.series for v in s.values), default=0) or 1
    scale = (WIDTH_MM - left - VALUE_ROOM) / largest
    _legend(canvas, chart)
    y = LEGEND
    for i, label in enumerate(chart.labels):
        canvas.text(left - 2, y + group / 2, label, LABEL_PT, anchor="rm")
        for k, series in enumerate(chart.series):
            top = y + k * (BAR + GAP)
            end = left + series.values[i] * scale
            if k == 0:
                canvas.rect(left, top, max(end, left + 0.01), top + BAR, fill=SOLID, outline=None)
            else:
                canvas.hatched(left, top, max(end, left + 0.6), top + BAR)
            canvas.text(end + 1.2, top + BAR / 2, number_text(series.values[i]), VALUE_PT, face="fang")
        y += group + GROUP_GAP
    canvas.line(left, LEGEND - 1, left, y - GROUP_GAP + 1, 0.3)
    return canvas.picture()


def _legend(canvas: Canvas, chart: Chart) -> None:
    x = 2.0
    for k, series in enumerate(chart.series):
        if k == 0:
            canvas.rect(x, 2.5, x + 6, 5.5, fill=SOLID, outline=None)
        else:
            canvas.hatched(x, 2.5, x + 6, 5.5)
        x += 8 + canvas.text(x + 8, 4.0, series.name, VALUE_PT, face="fang") + 6
