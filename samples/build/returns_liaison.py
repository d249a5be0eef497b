"""Liaison-roster returns (联络员统计表, a plain list form)."""

from __future__ import annotations

from samples.build import emit
from samples.build.formdefs import form
from samples.build.grid import Block, Grid, Para
from samples.build.layout_list import list_table, meta_cells, titled
from samples.build.truth import Rec, Truth

FORM_ID = "liaison-roster"
KEYS = ("unit", "name", "position", "office_phone", "mobile", "email")

PEOPLE: dict[str, list[tuple[str, ...]]] = {
    "东胜区": [
        ("段龙", "质量计量标准化室干部", "0477-8313683", "13947713256", "dszjjz@163.com"),
        ("史新颖", "质量计量标准化室副主任", "0477-8313683", "15847755102", "shixinying_ds@163.com"),
        ("王波", "质量计量标准化室干部", "0477-8313685", "13604775218", "dsqwangbo@126.com"),
    ],
    "准格尔旗": [
        ("张慧敏", "认证认可与检验检测股股长", "0477-4223176", "13947745210", "zgeqrjg@163.com"),
        ("王建军", "副局长", "0477-4223101", "1394774521", "wangjj_zgeq@163.com"),
        ("李娜", "认证认可与检验检测股科员", "0477-4223176", "18647788326", "lina_zgeq@163"),
    ],
    "达拉特旗": [
        ("郭瑞", "质量发展股股长", "0477-5212369", "13848771025", "dltqzlg@163.com"),
        ("高娃", "质量发展股科员", "0477-5212369", "15149467723", "gaowa1990@qq.com"),
    ],
    "鄂托克前旗": [
        ("马建平", "副局长", "0477-7621186", "13704776018", "etkqq_scjg@163.com"),
        ("其其格", "检验检测监管股股长", "0477-7621190", "15894723361", "qiqige_etkqq@163.com"),
    ],
}


def people(unit: str) -> list[Rec]:
    bureau = f"{unit}市场监督管理局"
    return [Rec(dict(zip(KEYS, (bureau, *row), strict=True))) for row in PEOPLE[unit]]


def liaison_truth(unit: str, recs: list[Rec]) -> Truth:
    return Truth(form(FORM_ID), unit, {"unit": f"{unit}市场监督管理局"}, recs)


def sheet_for(unit: str, recs: list[Rec]) -> Grid:
    f = form(FORM_ID)
    table = list_table(f, recs)
    return titled(f, table, meta_cells(table.width, f"填报单位（盖章）：{unit}市场监督管理局"))


def blocks_for(unit: str, recs: list[Rec]) -> list[Block]:
    f = form(FORM_ID)
    return [
        Para("附件3", "heading"),
        Para(f.title, "title"),
        Para(f"填报单位（盖章）：{unit}市场监督管理局", "meta"),
        list_table(f, recs),
    ]


def clean(ctx: emit.Ctx) -> None:
    """Mobiles typed as plain numbers, as Excel keeps them when nobody formats the column as text."""
    recs = people("东胜区")
    for rec in recs:
        rec.raw["mobile"] = int(str(rec.values["mobile"]))
    emit.xlsx(ctx.path("liaison", "clean.xlsx"), liaison_truth("东胜区", recs), [("Sheet1", sheet_for("东胜区", recs))])


def with_errors(ctx: emit.Ctx) -> None:
    """A mobile one digit short and an e-mail without its domain suffix, in a legacy .xls."""
    recs = people("准格尔旗")
    recs[1].flaws = (("invalid-mobile", "mobile"),)
    recs[2].flaws = (("invalid-email", "email"),)
    truth = liaison_truth("准格尔旗", recs)
    emit.xls(ctx, ctx.path("liaison", "with-errors.xls"), truth, [("Sheet1", sheet_for("准格尔旗", recs))])


def word(ctx: emit.Ctx) -> None:
    recs = people("达拉特旗")
    emit.docx(ctx.path("liaison", "word.docx"), liaison_truth("达拉特旗", recs), blocks_for("达拉特旗", recs))


def as_pdf(ctx: emit.Ctx) -> None:
    recs = people("鄂托克前旗")
    emit.pdf(ctx.path("liaison", "liaison.pdf"), liaison_truth("鄂托克前旗", recs), blocks_for("鄂托克前旗", recs))


def build(ctx: emit.Ctx) -> None:
    for sample in (clean, with_errors, word, as_pdf):
        sample(ctx)
