"""Returns of forms a clerk defined without code (samples/custom): each sample file comes with the form it is an
instance of (`<file>.form.yaml`, the generator's own data) — what `huizong forms infer` should find in it.

What real file taught each one is in samples/custom/README.md.
"""

from __future__ import annotations

from pathlib import Path

from forms import parse_definition
from forms.model import FormDef
from samples.build import emit
from samples.build.custom_data import ENTERPRISES, NOTES_SHEET, PAYMENTS, PEOPLE, SPOTS, TAXES
from samples.build.custom_forms import ENTERPRISE_FORM, HEALTH_FORM, PAYMENT_FORM, SCENIC_FORM, TAX_FORM
from samples.build.drop_downs import add_drop_downs
from samples.build.grid import Block, Cell, Grid, Para
from samples.build.layout_list import header_cells, record_cells
from samples.build.layout_list import meta_cells as shared_meta
from samples.build.truth import Rec, Truth, chinese_date

FOLDER = "custom"


def _form(ctx: emit.Ctx, sample: Path, text: str) -> FormDef:
    """The sample's form: parsed from the YAML text and written beside the sample, as a clerk keeps it."""
    form = parse_definition(text, sample.name + ".form.yaml")
    sample.with_name(sample.name + ".form.yaml").write_text(text, encoding="utf-8")
    ctx.written.append(sample.with_name(sample.name + ".form.yaml"))
    return form


def scenic(ctx: emit.Ctx) -> None:
    """Coordinates with eight decimals; 所在市州 from an inline drop-down list, 等级 from a list kept on a hidden
    sheet; some phone and date cells left empty."""
    path = ctx.path(FOLDER, "scenic-spots.xlsx")
    form = _form(ctx, path, SCENIC_FORM)
    recs = [Rec(dict(zip([f.id for f in form.fields], (i + 1, *row), strict=True))) for i, row in enumerate(SPOTS)]
    table = Grid(len(form.fields), [6, 24, 10, 8, 14, 14, 14, 16])
    table.full(form.title, "title")
    table.add(*shared_meta(len(form.fields), "填报单位：四川省文化和旅游厅", "填报日期：2023年1月10日"))
    table.add(*header_cells(form.fields))
    for i, rec in enumerate(recs):
        cells = record_cells(i, rec, form.fields)
        for cell, f in zip(cells, form.fields, strict=True):
            if f.decimals:  # shown with every place the clerk typed
                cell.number_format = "0." + "0" * f.decimals
        table.add(*cells)
    meta = {"unit": "四川省文化和旅游厅", "reported_on": "2023-01-10"}
    emit.xlsx(path, Truth(form, "四川省文化和旅游厅", meta, recs), [("景区名录", table)])
    first, last = 4, 3 + len(recs) + 10  # the filled rows and the empty ones under them
    areas = {f"C{first}:C{last}": form.choices["所在市州"], f"D{first}:D{last}": form.choices["等级"]}
    add_drop_downs(path, "景区名录", areas, hidden={"D"})


def payment(ctx: emit.Ctx) -> None:
    """A two-row header (预算科目 over 编码 and 名称, 收款人 over 名称, 银行账号, 开户银行), the 合计 row and the
    signature lines under the table, in a legacy .xls."""
    path = ctx.path(FOLDER, "payment-request.xls")
    form = _form(ctx, path, PAYMENT_FORM)
    ids = [f.id for f in form.fields]
    recs = [Rec(dict(zip(ids, (i + 1, *row), strict=True))) for i, row in enumerate(PAYMENTS)]
    table = Grid(10, [6, 12, 12, 18, 22, 22, 24, 18, 14, 14])
    table.full(form.title, "title")
    table.add(*shared_meta(10, "申请单位：绵阳市涪城区市场监督管理局", "申请日期：2023年3月6日"))
    top = [Cell(t, kind="header", down=2) for t in ("序号", "资金性质")]
    table.add(*top, Cell("预算科目", span=2, kind="header"), Cell("项目名称", kind="header", down=2),
              Cell("收款人", span=3, kind="header"), Cell("申请金额（元）", kind="header", down=2),
              Cell("核定金额（元）", kind="header", down=2))  # fmt: skip
    table.add(*(Cell(t, kind="header") for t in ("编码", "名称", "名称", "银行账号", "开户银行")))
    for i, rec in enumerate(recs):
        table.add(*record_cells(i, rec, form.fields))
    asked = sum(float(r.values["申请金额"]) for r in recs)  # type: ignore[arg-type]
    table.add(Cell("合计", span=8, kind="total"), Cell(round(asked, 2), kind="total", number_format="0.00"), Cell(None))
    table.add(*shared_meta(10, "单位负责人：王建国", "经办人：刘芳", "联系电话：0816-2212345"))
    meta = {"unit": "绵阳市涪城区市场监督管理局", "reported_on": "2023-03-06"}
    emit.xls(ctx, path, Truth(form, "绵阳市涪城区", meta, recs), [("Sheet1", table)], landscape=True)


def taxes(ctx: emit.Ctx) -> None:
    """A Word table of fixed rows (税种) under year headings, with the 合计 row: a matrix."""
    path = ctx.path(FOLDER, "tax-by-year.docx")
    form = _form(ctx, path, TAX_FORM)
    assert form.rows is not None
    years = [f.id for f in form.value_fields]
    recs = [Rec({"税种": name, **dict(zip(years, amounts, strict=True))}) for name, amounts in TAXES]
    grid = Grid(1 + len(years), [20] + [14] * len(years))
    grid.add(*header_cells(form.fields))
    for i, rec in enumerate(recs):
        grid.add(Cell(rec.values["税种"], tag=(i, "税种")), *(Cell(f"{rec.values[y]:.2f}", tag=(i, y)) for y in years))
    totals = [sum(float(r.values[y]) for r in recs) for y in years]  # type: ignore[arg-type]
    grid.add(Cell("合计", kind="total"), *(Cell(f"{t:.2f}", kind="total") for t in totals))
    blocks: list[Block] = [
        Para(form.title, "title"),
        Para("填报单位：涪城区市场监督管理局　　　　填报日期：2023年4月3日", "meta"),
        grid,
        Para(form.notes[0], "note"),
    ]
    meta = {"unit": "涪城区市场监督管理局", "reported_on": "2023-04-03"}
    emit.docx(path, Truth(form, "涪城区", meta, recs), blocks)


def enterprises(ctx: emit.Ctx) -> None:
    """A list exported without a header row, on its own sheet, after a sheet of notes; the unit is known only
    from the file name."""
    path = ctx.path(FOLDER, "涪城区企业名单（无表头）.xlsx")
    form = _form(ctx, path, ENTERPRISE_FORM)
    ids = [f.id for f in form.fields]
    recs = [Rec(dict(zip(ids, row, strict=True))) for row in ENTERPRISES]
    notes = Grid(1, [60])
    for line in NOTES_SHEET:
        notes.add(Cell(line, kind="note"))
    table = Grid(3, [24, 36, 14])
    for i, rec in enumerate(recs):
        table.add(*record_cells(i, rec, form.fields))
    emit.xlsx(path, Truth(form, "涪城区", {}, recs), [("说明", notes), ("企业名单", table)])


def health(ctx: emit.Ctx) -> None:
    """A Word record form: label and value cells in pairs, one person per table, the conclusion across the row."""
    path = ctx.path(FOLDER, "涪城区健康检查表（一人一表）.docx")
    form = _form(ctx, path, HEALTH_FORM)
    recs = [Rec(person) for person in PEOPLE]
    blocks: list[Block] = [Para(form.title, "title")]
    for i, rec in enumerate(recs):
        blocks.append(Para(f"人员{'一二'[i]}", "heading"))
        blocks.append(_record_grid(form, i, rec))
    emit.docx(path, Truth(form, "涪城区", {}, recs), blocks)


def _record_grid(form: FormDef, i: int, rec: Rec) -> Grid:
    grid = Grid(4, [14, 30, 14, 30])
    pairs = [f for f in form.fields if not f.long]
    for a, b in zip(pairs[::2], pairs[1::2], strict=False):
        grid.add(Cell(a.label, kind="header"), Cell(_written(rec, a.id, a.type), tag=(i, a.id)),
                 Cell(b.label, kind="header"), Cell(_written(rec, b.id, b.type), tag=(i, b.id)))  # fmt: skip
    for f in form.fields:
        if f.long:
            grid.add(Cell(f.label, kind="header"), Cell(rec.values[f.id], span=3, tag=(i, f.id)))
    return grid


def _written(rec: Rec, field_id: str, kind: str) -> object:
    value = rec.values[field_id]
    return chinese_date(str(value)) if kind == "date" else value


def build(ctx: emit.Ctx) -> None:
    for sample in (scenic, payment, taxes, enterprises, health):
        sample(ctx)
