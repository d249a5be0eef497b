"""Board statuses from stored returns: missing, received, has-errors, late; the newest return counts."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from huizong.service.campaigns import board
from huizong.service.store.models import Campaign, CampaignUnit, StoredReturn

TZ = ZoneInfo("Asia/Shanghai")
FORMS = ["institution-roster", "work-statistics"]


def campaign() -> tuple[Campaign, list[CampaignUnit]]:
    c = Campaign(id=1, title="任务", forms=FORMS, deadline=date(2024, 5, 31))
    units = [
        CampaignUnit(id=i, campaign_id=1, name=n, position=i, upload_token=f"t{i}")
        for i, n in enumerate(["东胜区", "达拉特旗", "杭锦旗"], 1)
    ]
    return c, units


def ret(
    rid: int,
    unit_id: int | None,
    form: str | None,
    at: datetime,
    *,
    errors: int = 0,
    state: str = "parsed",
    status: str = "merged",
) -> StoredReturn:
    return StoredReturn(
        id=rid,
        campaign_id=1,
        unit_id=unit_id,
        declared_unit_id=None,
        form=form,
        uploaded_at=at,
        errors=errors,
        warnings=0,
        state=state,
        file_status=status,
        filename=f"{rid}.xlsx",
        sha256="0" * 64,
        size=1,
    )


ON_TIME = datetime(2024, 5, 31, 15, 59, tzinfo=UTC)  # 23:59 in Beijing, the deadline day
LATE = datetime(2024, 5, 31, 16, 0, tzinfo=UTC)  # 00:00 the next day in Beijing


def test_deadline_is_the_end_of_the_day_where_the_office_is():
    assert board.deadline_end(date(2024, 5, 31), TZ) == LATE


def test_cell_statuses():
    c, units = campaign()
    returns = [
        ret(1, 1, "institution-roster", ON_TIME),
        ret(2, 2, "institution-roster", LATE),
        ret(3, 3, "institution-roster", ON_TIME, errors=2),
    ]
    b = board.build(c, units, returns, TZ)
    roster = {row.unit.name: row.cells[0].status for row in b.rows}
    assert roster == {"东胜区": "received", "达拉特旗": "late", "杭锦旗": "has-errors"}
    assert all(row.cells[1].status == "missing" for row in b.rows)
    assert b.counts["institution-roster"] == {"received": 1, "late": 1, "has-errors": 1}
    assert b.counts["work-statistics"] == {"missing": 3}


def test_newest_return_counts_and_older_ones_are_history():
    c, units = campaign()
    returns = [ret(1, 1, "institution-roster", ON_TIME, errors=3), ret(5, 1, "institution-roster", LATE)]
    cell = board.build(c, units, returns, TZ).rows[0].cells[0]
    assert cell.current is returns[1] and cell.history == [returns[0]]
    assert cell.status == "late" and cell.late


def test_errors_outrank_lateness_but_lateness_is_kept():
    c, units = campaign()
    cell = board.build(c, units, [ret(1, 1, "institution-roster", LATE, errors=1)], TZ).rows[0].cells[0]
    assert (cell.status, cell.late) == ("has-errors", True)


def test_unit_status_missing_while_a_form_is_owed():
    c, units = campaign()
    returns = [
        ret(1, 1, "institution-roster", ON_TIME),
        ret(2, 1, "work-statistics", LATE),
        ret(3, 2, "institution-roster", ON_TIME),
    ]
    b = board.build(c, units, returns, TZ)
    assert [row.status for row in b.rows] == ["late", "missing", "missing"]
    assert b.unit_counts == {"late": 1, "missing": 2}


def test_unit_status_never_hides_errors_behind_a_missing_form():
    c, units = campaign()
    b = board.build(c, units, [ret(1, 1, "institution-roster", ON_TIME, errors=6)], TZ)
    assert [cell.status for cell in b.rows[0].cells] == ["has-errors", "missing"]
    assert b.rows[0].status == "has-errors"


def test_files_that_do_not_count_are_listed_apart():
    c, units = campaign()
    returns = [
        ret(1, None, None, ON_TIME, status="failed"),
        ret(2, None, "institution-roster", ON_TIME),  # unit not among the campaign's
        ret(3, 1, "case-report", ON_TIME),  # a form the campaign did not ask for
        ret(4, 1, None, ON_TIME, state="pending", status=None),
        ret(5, 2, "institution-roster", ON_TIME, state="refused"),
    ]
    b = board.build(c, units, returns, TZ)
    assert [r.id for r in b.unplaced] == [1, 2, 3]
    assert [r.id for r in b.pending] == [4]
    assert [r.id for r in b.refused] == [5]
    assert all(cell.status == "missing" for row in b.rows for cell in row.cells)
    assert board.current_returns(b) == []


def test_tally_counts_cells_and_units_from_the_cells():
    c, units = campaign()
    returns = [
        ret(1, 1, "institution-roster", ON_TIME),
        ret(2, 1, "work-statistics", ON_TIME, errors=6),
        ret(3, 2, "institution-roster", LATE),
    ]
    b = board.build(c, units, returns, TZ)
    t = board.tally(b)
    cells = [cell.status for row in b.rows for cell in row.cells]
    assert t.cell_total == len(cells) == 6
    assert t.cells == {s: cells.count(s) for s in set(cells)}
    assert (t.cells["received"], t.cells["has-errors"], t.cells["late"], t.cells["missing"]) == (1, 1, 1, 3)
    # 东胜区 sent both (one with errors), 达拉特旗 one of two, 杭锦旗 nothing; the errors are counted.
    assert (t.complete, t.partial, t.nothing, t.action) == (1, 1, 1, 1)


def test_board_exports_as_a_workbook_with_the_cells_in_words(tmp_path):
    from io import BytesIO

    from openpyxl import load_workbook

    from generators.workbook.board_sheet import BoardCell, BoardGrid, write_board

    grid = BoardGrid(
        "任务 · 报送情况",
        "截止日期 2024-05-31",
        ["检验检测机构基本情况汇总表", "工作情况统计表"],
        [
            (
                "东胜区",
                [BoardCell("已报\n2024-05-30 10:00", "ok"), BoardCell("有错误\n6 处错误", "bad")],
                BoardCell("有错误", "bad"),
            ),
            (
                "杭锦旗",
                [BoardCell("未报"), BoardCell("无法读取\n文件无法读取，需重新报送", "bad")],
                BoardCell("无法读取", "bad"),
            ),
        ],
        ["应报 4 份：已报 1，有错误 1，无法读取 1，未报 1"],
    )
    out = BytesIO()
    write_board(grid, out)
    sheet = load_workbook(BytesIO(out.getvalue()))["报送情况"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "任务 · 报送情况" and rows[2] == (
        "单位",
        "检验检测机构基本情况汇总表",
        "工作情况统计表",
        "单位状态",
    )
    assert rows[3] == ("东胜区", "已报\n2024-05-30 10:00", "有错误\n6 处错误", "有错误")
    assert rows[4][2].startswith("无法读取") and sheet.cell(5, 3).fill.fgColor.rgb.endswith("F8CBAD")
    assert rows[6][0].startswith("应报 4 份")
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$3:$3"
