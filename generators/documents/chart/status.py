"""Who reported, by unit: a time line of 上报时间 with the deadline dashed across it, a shape per status and
the status in words at the right, so that it reads the same in black-and-white print."""

from __future__ import annotations

import datetime as dt

from generators.documents.chart.canvas import GREY, LIGHT, WIDTH_MM, Canvas, Picture
from generators.documents.model import STATUSES, Chart, StatusRow

ROW, HEAD, FOOT, LEGEND = 6.5, 6.0, 6.0, 8.0  # mm
LABEL_PT, TICK_PT = 12.0, 10.5
PLOT_RIGHT = 112.0  # the words of the status start after the plot
STEPS = (1, 2, 3, 5, 7, 14, 30, 61, 91)
MARKED = ("on_time", "late", "unknown", "partial")


def draw_status(chart: Chart) -> Picture:
    rows = chart.units
    canvas = Canvas(LEGEND + HEAD + ROW * len(rows) + FOOT)
    left = max(canvas.text_width(r.unit, LABEL_PT) for r in rows) + 4
    first, last = _span(chart)
    days = max((last - first).days, 1)

    def x_of(day: dt.date) -> float:
        return left + 2 + (PLOT_RIGHT - left - 4) * (day - first).days / days

    top = LEGEND + HEAD
    _legend(canvas, chart, rows)
    for i, row in enumerate(rows):
        y = top + ROW * i + ROW / 2
        if i % 2 == 0:
            canvas.rect(0, y - ROW / 2, WIDTH_MM, y + ROW / 2, fill=LIGHT, outline=None)
        canvas.text(left - 2, y, row.unit, LABEL_PT, anchor="rm")
        if row.status in MARKED and row.date:
            canvas.marker(row.status, x_of(row.date), y)
        canvas.text(PLOT_RIGHT + 3, y, _words(row), LABEL_PT, anchor="lm", face="fang")
    _axis(canvas, first, last, x_of, top, top + ROW * len(rows))
    if chart.deadline:
        x = x_of(chart.deadline)
        canvas.dashed(x, top, top + ROW * len(rows))
        canvas.text(x, top - HEAD / 2, f"报送截止 {_md(chart.deadline)}", TICK_PT, anchor="mm")
    return canvas.picture()


def _span(chart: Chart) -> tuple[dt.date, dt.date]:
    days = [r.date for r in chart.units if r.date] + [d for d in (chart.deadline, chart.as_of) if d]
    if not days:
        today = dt.date.today()
        return today - dt.timedelta(days=3), today + dt.timedelta(days=3)
    first, last = min(days), max(days)
    pad = dt.timedelta(days=max(1, (last - first).days // 12))
    if (last - first).days < 4:
        pad = dt.timedelta(days=3)
    return first - pad, last + pad


def _axis(canvas: Canvas, first: dt.date, last: dt.date, x_of, top: float, bottom: float) -> None:
    span = (last - first).days
    step = next((s for s in STEPS if span / s <= 6), STEPS[-1])
    canvas.line(x_of(first), bottom, x_of(last), bottom, 0.3)
    day = first + dt.timedelta(days=1)
    while day < last:
        x = x_of(day)
        canvas.line(x, top, x, bottom, 0.15, fill=GREY)
        canvas.text(x, bottom + FOOT / 2, _md(day), TICK_PT, anchor="mm", face="fang")
        day += dt.timedelta(days=step)


def _legend(canvas: Canvas, chart: Chart, rows: tuple[StatusRow, ...]) -> None:
    x = 2.0
    present = {r.status for r in rows}
    for kind in MARKED:
        if kind in present:
            canvas.marker(kind, x + 1.5, LEGEND / 2)
            x += 4 + canvas.text(x + 4, LEGEND / 2, STATUSES[kind], TICK_PT, face="fang") + 5
    if chart.deadline:
        canvas.dashed(x + 1, LEGEND / 2 - 2, LEGEND / 2 + 2)
        canvas.text(x + 3, LEGEND / 2, "报送截止日期", TICK_PT, face="fang")


def _words(row: StatusRow) -> str:
    when = f"{_md(row.date)} " if row.date and row.status in MARKED else ""
    return when + STATUSES[row.status]


def _md(day: dt.date) -> str:
    return f"{day.month}月{day.day}日"
