"""Case-report returns (典型案例报送信息表, a record form: one case per table)."""

from __future__ import annotations

from datetime import datetime

from samples.build import emit
from samples.build.data_cases import cases, wrong_check_char
from samples.build.formdefs import form
from samples.build.grid import Block, Grid, PageBreak, Para
from samples.build.layout_record import record_table, two_column_table
from samples.build.truth import Rec, Truth

FORM_ID = "case-report"
NUMBERS = "一二三四五"


def case_truth(unit: str, recs: list[Rec]) -> Truth:
    # The form has no meta: the unit is the 报送单位 every case names.
    return Truth(form(FORM_ID), unit, {}, recs)


def case_blocks(recs: list[Rec], annex: str = "附件2") -> list[Block]:
    """Title once, then 典型案例一、二… each heading its own table, a page per case."""
    f = form(FORM_ID)
    blocks: list[Block] = [Para(annex, "heading"), Para(f.title, "title")]
    for i, rec in enumerate(recs):
        if i:
            blocks.append(PageBreak())
        blocks += [Para(f"典型案例{NUMBERS[i]}", "heading"), record_table(f, i, rec)]
    return blocks


def two_cases(ctx: emit.Ctx) -> None:
    """Two 4-column label/value tables; 案情简介 spans a full row and holds two paragraphs."""
    recs = cases("东胜区")
    emit.docx(ctx.path("cases", "two-cases.docx"), case_truth("东胜区", recs), case_blocks(recs))


def one_case_two_columns(ctx: emit.Ctx) -> None:
    """Label in column A, value in column B; a real date cell and a fine written with its unit."""
    f, recs = form(FORM_ID), cases("达拉特旗")
    rec = recs[0]
    rec.raw["filed_on"] = datetime.fromisoformat(str(rec.values["filed_on"]))
    rec.raw["fine"] = "10万元"
    table = two_column_table(f, 0, rec)
    for row in table.rows:
        for cell in row.values():
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy/m/d"
    sheet = Grid(2, table.widths)
    sheet.full(f.title, "title")
    sheet.extend(table)
    emit.xlsx(ctx.path("cases", "one-case-two-columns.xlsx"), case_truth("达拉特旗", recs), [("Sheet1", sheet)])


def bad_credit_code(ctx: emit.Ctx) -> None:
    """The party's 统一社会信用代码 has a wrong check character: kept as written, flagged."""
    recs = cases("准格尔旗")
    wrong = wrong_check_char(str(recs[0].values["credit_code"]))
    recs[0].values["credit_code"] = recs[0].raw["credit_code"] = wrong
    recs[0].flaws = (("invalid-credit-code", "credit_code"),)
    emit.docx(ctx.path("cases", "bad-credit-code.docx"), case_truth("准格尔旗", recs), case_blocks(recs))


def as_pdf(ctx: emit.Ctx) -> None:
    recs = cases("鄂托克旗")
    emit.pdf(ctx.path("cases", "case.pdf"), case_truth("鄂托克旗", recs), case_blocks(recs))


def legacy(ctx: emit.Ctx) -> None:
    """The 4-column form kept in Excel and saved as .xls."""
    f, recs = form(FORM_ID), cases("康巴什区")
    sheet = Grid(4, [14, 30, 14, 30])
    sheet.full(f.title, "title")
    sheet.extend(record_table(f, 0, recs[0]))
    emit.xls(ctx, ctx.path("cases", "legacy.xls"), case_truth("康巴什区", recs), [("Sheet1", sheet)])


def build(ctx: emit.Ctx) -> None:
    for sample in (two_cases, one_case_two_columns, bad_credit_code, as_pdf, legacy):
        sample(ctx)
