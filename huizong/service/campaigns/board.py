"""The board: units × forms, each cell missing / received / has-errors / late, computed from stored returns.

Pure functions over rows already loaded; the newest parsed return of a unit and form counts, the older ones
are its history.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from huizong.service.store.models import Campaign, CampaignUnit, StoredReturn

Status = Literal["missing", "received", "has-errors", "late", "unreadable", "returned"]
STATUSES: tuple[Status, ...] = ("missing", "received", "has-errors", "late", "unreadable", "returned")
LABELS: dict[str, str] = {
    "missing": "未报",
    "received": "已报",
    "has-errors": "有错误",
    "late": "逾期",
    "unreadable": "无法读取",  # only unreadable files came: the unit must send the file again
    "returned": "已退回",  # sent back with a note (退回修改): the unit must correct it
}


@dataclass
class Cell:
    unit: CampaignUnit
    form: str
    status: Status
    current: StoredReturn | None = None
    history: list[StoredReturn] = field(default_factory=list)  # older returns, newest first
    late: bool = False


@dataclass
class Row:
    unit: CampaignUnit
    cells: list[Cell]
    status: Status
    returns: list[StoredReturn]  # every return filed under this unit, newest first


@dataclass
class Board:
    campaign: Campaign
    rows: list[Row]
    counts: dict[str, Counter[str]]  # form id -> status -> units
    unit_counts: Counter[str]
    pending: list[StoredReturn]  # stored, not parsed yet
    unplaced: list[StoredReturn]  # parsed but not counted in any cell: unreadable, unknown unit, other form
    refused: list[StoredReturn]
    voided: list[StoredReturn] = field(default_factory=list)  # kept in the history, counted nowhere


def deadline_end(deadline: date, tz: ZoneInfo) -> datetime:
    """The end of the deadline day where the office is: a return that day is on time."""
    return datetime.combine(deadline + timedelta(days=1), time(0), tzinfo=tz)


def counts_in_cell(row: StoredReturn, forms: list[str]) -> bool:
    return (
        row.state == "parsed"
        and row.voided_at is None
        and row.unit_id is not None
        and row.form in forms
        and row.file_status != "failed"
    )


def unreadable_for(row: StoredReturn, unit_id: int, form: str) -> bool:
    """An unreadable file the unit sent for this form (or for no form it could say) that still stands."""
    return (
        row.state == "parsed"
        and row.voided_at is None
        and row.file_status == "failed"
        and unit_id in (row.unit_id, row.declared_unit_id)
        and row.form in (None, form)
    )


def cell_status(current: StoredReturn | None, end: datetime, unreadable: bool = False) -> tuple[Status, bool]:
    if current is None:
        return ("unreadable" if unreadable else "missing"), False
    late = current.uploaded_at >= end
    if current.sent_back_at is not None:
        return "returned", late
    if current.errors:
        return "has-errors", late
    return ("late" if late else "received"), late


def unit_status(cells: list[Cell]) -> Status:
    """What most needs doing about the unit, across its forms: a file to send again, a return sent back, errors,
    then a form still owed (the page adds how many), then lateness. Errors are never hidden by a missing form."""
    statuses = {c.status for c in cells}
    for status in ("unreadable", "returned", "has-errors", "missing", "late"):
        if status in statuses:
            return status  # type: ignore[return-value]
    return "received"


def build(campaign: Campaign, units: list[CampaignUnit], returns: list[StoredReturn], tz: ZoneInfo) -> Board:
    end = deadline_end(campaign.deadline, tz)
    active = {u.id for u in units}  # a unit taken off the campaign has no cell: its returns are unplaced

    def counted(r: StoredReturn) -> bool:
        return counts_in_cell(r, campaign.forms) and r.unit_id in active

    placed: dict[tuple[int, str], list[StoredReturn]] = {}
    for r in sorted(returns, key=lambda r: r.id, reverse=True):
        if counted(r):
            placed.setdefault((r.unit_id, r.form), []).append(r)  # type: ignore[arg-type]
    rows = [_row(unit, campaign.forms, placed, returns, end) for unit in units]
    counts = {f: Counter(c.status for row in rows for c in row.cells if c.form == f) for f in campaign.forms}
    return Board(
        campaign=campaign,
        rows=rows,
        counts=counts,
        unit_counts=Counter(row.status for row in rows),
        pending=[r for r in returns if r.state == "pending"],
        unplaced=[r for r in returns if r.state == "parsed" and r.voided_at is None and not counted(r)],
        voided=[r for r in returns if r.voided_at is not None],
        refused=[r for r in returns if r.state == "refused"],
    )


def _row(
    unit: CampaignUnit,
    forms: list[str],
    placed: dict[tuple[int, str], list[StoredReturn]],
    returns: list[StoredReturn],
    end: datetime,
) -> Row:
    cells = []
    mine = [r for r in reversed(returns) if unit.id in (r.unit_id, r.declared_unit_id, r.assigned_unit_id)]
    for form in forms:
        filed = placed.get((unit.id, form), [])
        unreadable = any(unreadable_for(r, unit.id, form) for r in mine)
        status, late = cell_status(filed[0] if filed else None, end, unreadable)
        cells.append(Cell(unit, form, status, filed[0] if filed else None, filed[1:], late))
    return Row(unit, cells, unit_status(cells), mine)


def current_returns(board: Board) -> list[StoredReturn]:
    """The returns that count, one per unit and form: what the consolidated outputs are built from."""
    return [c.current for row in board.rows for c in row.cells if c.current is not None]


# A cell the unit has sent something countable for (a sent-back or faulty return is in, but needs action).
IN = frozenset({"received", "late", "has-errors", "returned"})
ACTION = frozenset({"has-errors", "unreadable", "returned"})


@dataclass
class Tally:
    """The board's summary, computed from its cells only, so the counts can never disagree with them."""

    cells: Counter[str]  # status -> number of cells
    cell_total: int
    complete: int  # units with every form in
    partial: int  # units with some forms in, some not
    nothing: int  # units with no form in
    action: int  # units with a cell that needs the clerk or the district (errors, unreadable, sent back)


def tally(board: Board) -> Tally:
    cells: Counter[str] = Counter(c.status for row in board.rows for c in row.cells)
    complete = partial = nothing = action = 0
    for row in board.rows:
        got = sum(c.status in IN for c in row.cells)
        complete += got == len(row.cells)
        partial += 0 < got < len(row.cells)
        nothing += got == 0
        action += any(c.status in ACTION for c in row.cells)
    return Tally(cells, sum(cells.values()), complete, partial, nothing, action)
