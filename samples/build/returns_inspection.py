"""Inspection-summary returns (检查信息汇总表, a matrix returned by provinces to 总局)."""

from __future__ import annotations

from samples.build import emit
from samples.build.data_matrix import column_totals, inspection_recs
from samples.build.formdefs import form
from samples.build.grid import Block, Grid, Para
from samples.build.layout_list import meta_cells
from samples.build.layout_matrix import matrix_table
from samples.build.truth import Rec, Truth, chinese_date

FORM_ID = "inspection-summary"


def _return(province: str, reported_on: str) -> tuple[list[Rec], Grid, Truth]:
    """A province's figures, its filled table and the truth about them."""
    f, recs = form(FORM_ID), inspection_recs(province)
    meta = {"unit": f"{province}市场监督管理局", "reported_on": reported_on}
    return recs, matrix_table(f, recs, column_totals(FORM_ID, recs)), Truth(f, province, meta, recs)


def _sheet(table: Grid, truth: Truth) -> Grid:
    f = form(FORM_ID)
    sheet = Grid(table.width, table.widths)
    sheet.full(f.title, "title")
    date = chinese_date(str(truth.meta["reported_on"]))
    sheet.add(*meta_cells(table.width, f"填报单位（盖章）：{truth.meta['unit']}", f"填报日期：{date}"))
    sheet.extend(table)
    sheet.full(f.notes[0], "note")
    return sheet


def _blocks(table: Grid, truth: Truth) -> list[Block]:
    f = form(FORM_ID)
    date = chinese_date(str(truth.meta["reported_on"]))
    return [
        Para("附件", "heading"),
        Para(f"检验检测市场专项整治行动{f.title}", "title"),
        Para(f"填报单位（盖章）：{truth.meta['unit']}" + "　" * 10 + f"填报日期：{date}", "meta"),
        table,
        Para(f.notes[0], "note"),
    ]


def clean(ctx: emit.Ctx) -> None:
    _, table, truth = _return("内蒙古自治区", "2022-08-05")
    path = ctx.path("inspection", "clean.xlsx")
    emit.xlsx(path, truth, [("检查信息汇总表", _sheet(table, truth))], landscape=True)


def province_docx(ctx: emit.Ctx) -> None:
    """A province's Word return; 其他 for the row key 其他领域 (the table is drawn after the change)."""
    recs, _, truth = _return("宁夏回族自治区", "2022-08-03")
    recs[-1].raw["domain"] = "其他"
    table = matrix_table(form(FORM_ID), recs, column_totals(FORM_ID, recs))
    emit.docx(ctx.path("inspection", "province.docx"), truth, _blocks(table, truth), landscape=True)


def legacy(ctx: emit.Ctx) -> None:
    _, table, truth = _return("陕西省", "2022-08-04")
    emit.xls(ctx, ctx.path("inspection", "legacy.xls"), truth, [("Sheet1", _sheet(table, truth))], landscape=True)


def as_pdf(ctx: emit.Ctx) -> None:
    _, table, truth = _return("山西省", "2022-08-02")
    emit.pdf(ctx.path("inspection", "table.pdf"), truth, _blocks(table, truth), landscape=True)


def build(ctx: emit.Ctx) -> None:
    for sample in (clean, province_docx, legacy, as_pdf):
        sample(ctx)
