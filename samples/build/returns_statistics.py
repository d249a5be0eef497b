"""Work-statistics returns (工作情况统计表, a matrix): clean, reshaped, and with the totals or rules broken."""

from __future__ import annotations

from samples.build import emit
from samples.build.data_matrix import column_totals, statistics_recs
from samples.build.formdefs import form
from samples.build.grid import Block, Cell, Grid, Para
from samples.build.layout_list import meta_cells
from samples.build.layout_matrix import matrix_body, matrix_grid, matrix_table
from samples.build.truth import Rec, Truth, chinese_date

FORM_ID = "work-statistics"
GAP = "　" * 6


def stats_truth(unit: str, recs: list[Rec], meta: dict[str, object]) -> Truth:
    return Truth(form(FORM_ID), unit, meta, recs)


def stats_meta(written_unit: str, reporter: str, phone: str, reported_on: str) -> dict[str, object]:
    return {"unit": written_unit, "reporter": reporter, "phone": phone, "reported_on": reported_on}


def stats_sheet(table: Grid, meta: dict[str, object], notes: bool = True) -> Grid:
    """Title, 填报单位 and 填报日期 above the table; 填报人 and 联系电话 under it, where the form prints them."""
    f = form(FORM_ID)
    sheet = Grid(table.width, table.widths)
    sheet.full(f.title, "title")
    date = chinese_date(str(meta["reported_on"]))
    sheet.add(*meta_cells(table.width, f"填报单位（盖章）：{meta['unit']}", f"填报日期：{date}"))
    sheet.extend(table)
    sheet.add(*meta_cells(table.width, f"填报人：{meta['reporter']}", f"联系电话：{meta['phone']}"))
    if notes:
        sheet.full(f.notes[0], "note")
    return sheet


def stats_blocks(table: Grid, meta: dict[str, object], annex: str = "附件1") -> list[Block]:
    """The same as Word/PDF paragraphs around the table."""
    f = form(FORM_ID)
    date = chinese_date(str(meta["reported_on"]))
    return [
        Para(annex, "heading"),
        Para(f.title, "title"),
        Para(f"填报单位（盖章）：{meta['unit']}{GAP}填报日期：{date}", "meta"),
        table,
        Para(f"填报人：{meta['reporter']}{GAP}联系电话：{meta['phone']}", "meta"),
        Para(f.notes[0], "note"),
    ]


def clean(ctx: emit.Ctx) -> None:
    recs = statistics_recs("东胜区")
    meta = stats_meta("东胜区市场监督管理局", "段龙", "0477-8313683", "2022-05-18")
    sheet = stats_sheet(matrix_table(form(FORM_ID), recs, column_totals(FORM_ID, recs)), meta)
    emit.xlsx(ctx.path("statistics", "clean.xlsx"), stats_truth("东胜区", recs, meta), [("Sheet1", sheet)], True)


def merged_header(ctx: emit.Ctx) -> None:
    """Two header rows (检查情况/案件情况 over their columns), a reworded row key (工业产品)."""
    f, recs = form(FORM_ID), statistics_recs("康巴什区")
    recs[0].raw["domain"] = "工业产品"
    table = matrix_grid(f)
    h = "header"
    table.add(
        Cell("领域", down=2, kind=h),
        Cell("检查情况", span=2, kind=h),
        Cell("案件情况", span=2, kind=h),
        Cell("罚没金额\n（万元）", down=2, kind=h),
        Cell("移送司法机关\n（件）", down=2, kind=h),
        Cell("列入严重违法\n失信名单（家）", down=2, kind=h),
    )
    table.add(
        Cell("检查机构数\n（家次）", kind=h),
        Cell("发现问题\n机构数（家）", kind=h),
        Cell("立案数（件）", kind=h),
        Cell("结案数（件）", kind=h),
    )
    matrix_body(table, f, recs, column_totals(FORM_ID, recs))
    meta = stats_meta("康巴什区市场监督管理局", "刘晓燕", "0477-8588216", "2022-05-17")
    sheet = stats_sheet(table, meta)
    truth = stats_truth("康巴什区", recs, meta)
    emit.xlsx(ctx.path("statistics", "merged-header.xlsx"), truth, [("统计表", sheet)], True)


# Per row: how the zeros are written, and which non-zero numbers carry their unit of measure.
ZERO_SPELLINGS = ("—", "-", "/", "无", None, "0")
WITH_UNIT = {"inspected": "家次", "problems": "家", "fines": "万元"}


def blanks_and_dashes(ctx: emit.Ctx) -> None:
    """Zeros written as — - / 无 or left blank; some numbers written with their unit (3家, 1.5万元)."""
    f, recs = form(FORM_ID), statistics_recs("达拉特旗")
    for n, rec in enumerate(recs):
        for vf in f.value_fields:
            value = rec.values[vf.id]
            if not value:
                rec.raw[vf.id] = ZERO_SPELLINGS[n % len(ZERO_SPELLINGS)]
            elif vf.id in WITH_UNIT and n % 2 == 0:
                rec.raw[vf.id] = f"{value:g}{WITH_UNIT[vf.id]}"
    meta = stats_meta("达拉特旗市场监督管理局", "郭瑞", "13848771025", "2022-05-16")
    sheet = stats_sheet(matrix_table(f, recs, column_totals(FORM_ID, recs)), meta)
    truth = stats_truth("达拉特旗", recs, meta)
    emit.xls(ctx, ctx.path("statistics", "blanks-and-dashes.xls"), truth, [("Sheet1", sheet)], True)


def total_mismatch(ctx: emit.Ctx) -> None:
    """The 合计 of 检查机构数 is two more than the sum of its rows."""
    f, recs = form(FORM_ID), statistics_recs("准格尔旗")
    totals = column_totals(FORM_ID, recs)
    totals["inspected"] = int(totals["inspected"]) + 2  # type: ignore[call-overload]
    meta = stats_meta("准格尔旗市场监督管理局", "张慧敏", "0477-4223176", "2022-05-17")
    sheet = stats_sheet(matrix_table(f, recs, totals), meta)
    truth = stats_truth("准格尔旗", recs, meta)
    truth.extra.append(("total-mismatch", ("total", "inspected")))
    emit.xlsx(ctx.path("statistics", "total-mismatch.xlsx"), truth, [("Sheet1", sheet)], True)


def rule_violation(ctx: emit.Ctx) -> None:
    """A Word return where one row's 结案数 exceeds its 立案数 (the 合计 still adds up)."""
    f, recs = form(FORM_ID), statistics_recs("杭锦旗")
    row = next(r for r in recs if r.values["cases_filed"])
    row.values["cases_closed"] = int(row.values["cases_filed"]) + 1  # type: ignore[call-overload]
    row.flaws = (("rule-violation", "cases_closed"),)
    meta = stats_meta("杭锦旗市场监督管理局", "乌日娜", "0477-6521389", "2022-05-19")
    table = matrix_table(f, recs, column_totals(FORM_ID, recs))
    truth = stats_truth("杭锦旗", recs, meta)
    emit.docx(ctx.path("statistics", "rule-violation.docx"), truth, stats_blocks(table, meta), landscape=True)


def as_pdf(ctx: emit.Ctx) -> None:
    recs = statistics_recs("鄂托克旗")
    meta = stats_meta("鄂托克旗市场监督管理局", "杨志刚", "0477-6212730", "2022-05-18")
    table = matrix_table(form(FORM_ID), recs, column_totals(FORM_ID, recs))
    truth = stats_truth("鄂托克旗", recs, meta)
    emit.pdf(ctx.path("statistics", "table.pdf"), truth, stats_blocks(table, meta), landscape=True)


def build(ctx: emit.Ctx) -> None:
    for sample in (clean, merged_header, blanks_and_dashes, total_mismatch, rule_violation, as_pdf):
        sample(ctx)
