"""The board as the clerk sees it, shaped for `generators.workbook.board_sheet` (an xlsx to file or print)."""

from __future__ import annotations

import io
from datetime import datetime

from generators.workbook.board_sheet import BoardCell, BoardGrid, Tone, write_board
from huizong.service.campaigns import board as boards
from huizong.service.campaigns.views import Snapshot
from huizong.service.context import Services

TONES: dict[str, Tone] = {"received": "ok", "late": "warn", "has-errors": "bad", "unreadable": "bad", "returned": "bad"}


def summary_lines(board: boards.Board) -> list[str]:
    """The board's two summary lines, as on the page: cells by state, then units."""
    t = boards.tally(board)
    states = "，".join(f"{boards.LABELS[s]} {t.cells.get(s, 0)}" for s in boards.STATUSES)
    return [
        f"应报 {t.cell_total} 份（{len(board.rows)} 个单位 × {len(board.campaign.forms)} 张报表）：{states}",
        f"单位：全部报齐 {t.complete} 个，部分报送 {t.partial} 个，一份未报 {t.nothing} 个；"
        f"需处理（有错误、无法读取或已退回）{t.action} 个",
    ]


def _cell(ctx: Services, cell: boards.Cell) -> BoardCell:
    lines = [boards.LABELS[cell.status]]
    if cell.current is not None:
        lines.append(cell.current.uploaded_at.astimezone(ctx.tz).strftime("%Y-%m-%d %H:%M"))
        if cell.current.errors:
            lines.append(f"{cell.current.errors} 处错误")
        if cell.late and cell.status != "late":
            lines.append("逾期")
        if cell.history:
            lines.append(f"第 {len(cell.history) + 1} 版")
    elif cell.status == "unreadable":
        lines.append("文件无法读取，需重新报送")
    return BoardCell("\n".join(lines), TONES.get(cell.status, "none"))


def board_xlsx(ctx: Services, snap: Snapshot) -> bytes:
    b = snap.board
    form_titles = [ctx.registry.get(f).title if f in ctx.registry else f for f in b.campaign.forms]
    rows = []
    for row in b.rows:
        status = BoardCell(boards.LABELS[row.status], TONES.get(row.status, "none"))
        rows.append((row.unit.name, [_cell(ctx, c) for c in row.cells], status))
    made = datetime.now(ctx.tz).strftime("%Y-%m-%d %H:%M")
    note = f"截止日期 {b.campaign.deadline}　导出时间 {made}"
    grid = BoardGrid(f"{b.campaign.title} · 报送情况", note, form_titles, rows, summary_lines(b))
    out = io.BytesIO()
    write_board(grid, out)
    return out.getvalue()
