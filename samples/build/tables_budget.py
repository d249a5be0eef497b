"""部门预算 workbooks: many sheets, several with the form's very header, only one of them the form's table.

Taught by a district budget template (docs/samples-sources.md): a cover, a contents page, eight tables of which
five share the header 功能分类科目编码/名称 · 合计 · 基本支出 · 项目支出; an empty 编制部门： beside 单位：元;
`…` rows left from the template; blank rows and a 合计 at the bottom.
"""

from __future__ import annotations

from samples.build import emit
from samples.build.grid import Cell, Grid
from samples.build.sample_forms import form
from samples.build.truth import Rec, Truth

FORM_ID = "dept-budget"
WIDTHS = [7, 7, 7, 34, 16, 16, 16]
# (类, 款, 项, 科目名称, 合计, 基本支出, 项目支出); None marks a `…` row the template left in.
SPENDING: list[tuple[object, ...] | None] = [
    (201, None, None, "一般公共服务支出", 1863500.0, 1523500.0, 340000.0),
    (201, "38", None, "市场监督管理事务", 1863500.0, 1523500.0, 340000.0),
    (201, "38", "01", "行政运行", 1523500.0, 1523500.0, 0.0),
    (201, "38", "16", "食品安全监管", 340000.0, 0.0, 340000.0),
    None,
    (208, None, None, "社会保障和就业支出", 212800.0, 212800.0, 0.0),
    (208, "05", "05", "机关事业单位基本养老保险缴费支出", 212800.0, 212800.0, 0.0),
    None,
]
KEYS = ("cls", "kuan", "xiang", "name", "total", "basic", "project")


def spending_recs() -> list[Rec]:
    recs = []
    for row in SPENDING:
        if row is None:
            continue
        values = dict(zip(KEYS, row, strict=True))
        values["cls"] = str(values["cls"])  # a text field: the code as it reads
        recs.append(Rec(values))
    return recs


def _title_rows(grid: Grid, title: str, tag: str, dept_label: str) -> None:
    """Blank first row, the title, 编制部门：(left empty) … 单位：元 — the template's top."""
    grid.blank("gap")
    grid.add(Cell(title, span=grid.width, kind="title", tag=(tag, "")))
    grid.add(Cell(dept_label, span=grid.width - 1, kind="meta"), Cell("单位：元", kind="meta"))


def _code_header(grid: Grid, amounts: list[str], group: str) -> None:
    """项目 · (group) over 功能分类科目编码 (类 款 项) · 功能分类科目名称 · the amount columns."""
    h = "header"
    grid.add(Cell("项目", span=4, kind=h), Cell(group, span=len(amounts), kind=h))
    names = [Cell("功能分类科目名称", down=2, kind=h), *(Cell(a, down=2, kind=h) for a in amounts)]
    grid.add(Cell("功能分类科目编码", span=3, kind=h), *names)
    grid.add(Cell("类", kind=h), Cell("款", kind=h), Cell("项", kind=h))


def _fmt(value: object) -> str | None:
    return "0.00" if isinstance(value, float) else None


def spending_sheet(title: str, tag: str, dept_label: str = "编制部门：") -> Grid:
    """The form's own table, filled in: the rows of SPENDING, `…` rows, two blank rows, 合计."""
    grid = Grid(7, WIDTHS)
    _title_rows(grid, title, tag, dept_label)
    _code_header(grid, ["合计", "基本支出", "项目支出"], "支出预算")
    i = 0
    for row in SPENDING:
        if row is None:
            grid.add("…", None, None, "…", None, None, None)
            continue
        grid.add(*(Cell(v, tag=(i, k), number_format=_fmt(v)) for k, v in zip(KEYS, row, strict=True)))
        i += 1
    grid.blank()
    grid.blank()
    recs = spending_recs()
    sums = [sum(float(r.values[k]) for r in recs if r.values["kuan"] is None) for k in ("total", "basic", "project")]
    grid.add(Cell("合计", span=4, kind="total"), *(Cell(s, kind="total", number_format="0.00") for s in sums))
    return grid


def lookalike_sheet(title: str, tag: str, amounts: list[str], group: str, dept_label: str = "编制部门：") -> Grid:
    """Another table of the workbook with the same code columns: 收入总表, 一般公共预算拨款表."""
    grid = Grid(4 + len(amounts), [7, 7, 7, 34, *([16] * len(amounts))])
    _title_rows(grid, title, tag, dept_label)
    _code_header(grid, amounts, group)
    grid.add(201, None, None, "一般公共服务支出", *([1000.0] * len(amounts)))
    grid.add(201, "38", "01", "行政运行", *([1000.0] * len(amounts)))
    grid.add("合计", None, None, None, *([1000.0] * len(amounts)))
    return grid


def overview_sheet(title: str, tag: str) -> Grid:
    """收支总表: income and spending side by side — a grid, but nothing like the form's."""
    grid = Grid(4, [30, 16, 30, 16])
    _title_rows(grid, title, tag, "编制部门：")
    grid.add(Cell("本年收入", span=2, kind="header"), Cell("本年支出", span=2, kind="header"))
    grid.add(*(Cell(t, kind="header") for t in ("项目", "预算数", "项目", "预算数")))
    grid.add("一、财政拨款收入", 2076300.0, "一、一般公共服务支出", 1863500.0)
    grid.add("二、事业收入", 0.0, "二、社会保障和就业支出", 212800.0)
    grid.add(Cell("收入总计", kind="total"), 2076300.0, Cell("支出总计", kind="total"), 2076300.0)
    return grid


def text_sheet(*lines: str) -> Grid:
    """A cover or contents page: one column of text, not a table."""
    grid = Grid(1, [60])
    for line in lines:
        grid.add(line)
    return grid


def three_public(tag: str) -> Grid:
    h = "header"
    grid = Grid(7, [14, 14, 14, 14, 12, 12, 14])
    grid.blank("gap")
    grid.add(Cell("2024年部门“三公”经费和机关运行经费预算表", span=7, kind="title", tag=(tag, "")))
    grid.add(Cell("编制部门：", span=6, kind="meta"), Cell("单位：万元", kind="meta"))
    grid.add(Cell("“三公”经费预算数", span=6, kind=h), Cell("机关运行经费预算数", down=3, kind=h))
    heads = [Cell(t, down=2, kind=h) for t in ("合计", "因公出国(境)费", "公务接待费")]
    grid.add(*heads, Cell("公务用车购置及运行费", span=3, kind=h))
    grid.add(Cell("小计", kind=h), Cell("购置费", kind=h), Cell("运行费", kind=h))
    grid.add(3.2, 0.0, 1.2, 2.0, 0.0, 2.0, 45.6)
    return grid


def budget_workbook(ctx: emit.Ctx) -> None:
    """Sixteen sheets in the real template; eight here. Only 支出总表 is the form's; the others are reported."""
    sheets = [
        ("封面", text_sheet("康巴什区2024年部门预算", "预算主管部门：康巴什区市场监督管理局")),
        ("目录", text_sheet("目  录", "一、部门收支总表", "二、部门收入总表", "三、部门支出总表")),
        ("部门收支总表", overview_sheet("2024年部门财务收支预算总表", "t1")),
        (
            "部门收入总表",
            lookalike_sheet("2024年部门收入预算总表", "t2", ["合计", "财政拨款收入", "事业收入"], "收入预算"),
        ),
        ("部门支出总表", spending_sheet("2024年部门支出预算总表", "ours")),
        (
            "一般公共预算拨款表",
            lookalike_sheet(
                "2024年部门一般公共预算支出功能分类预算表", "t4", ["合计", "基本支出", "项目支出"], "一般公共预算支出"
            ),
        ),
        ("三公经费表", three_public("t5")),
        ("项目经费情况说明", text_sheet("XX项目经费情况说明", "一、项目概述……")),
    ]
    truth = Truth(form(FORM_ID), "康巴什区", {"unit": None}, spending_recs())
    truth.extra = [("unrecognized-table", (t, "")) for t in ("t1", "t2", "t4", "t5")]
    emit.xlsx(ctx.path("tables", "康巴什区2024年部门预算.xlsx"), truth, sheets)


def closest_title(ctx: emit.Ctx) -> None:
    """A 单位 budget: no title names 部门支出预算总表; the closest title (预算单位支出预算总表) wins."""
    sheets = [
        (
            "单位收入总表",
            lookalike_sheet(
                "2024年预算单位收入预算总表", "t1", ["合计", "财政拨款收入", "事业收入"], "收入预算", "编制单位："
            ),
        ),
        ("单位支出总表", spending_sheet("2024年预算单位支出预算总表", "ours", "编制单位：")),
        (
            "单位一般公共预算拨款表",
            lookalike_sheet(
                "2024年预算单位一般公共预算支出功能分类预算表",
                "t3",
                ["合计", "基本支出", "项目支出"],
                "一般公共预算支出",
                "编制单位：",
            ),
        ),
        (
            "单位政府性基金拨款表",
            lookalike_sheet(
                "2024年预算单位政府性基金预算支出功能分类预算表",
                "t4",
                ["合计", "基本支出", "项目支出"],
                "政府性基金预算支出",
                "编制单位：",
            ),
        ),
    ]
    truth = Truth(form(FORM_ID), "达拉特旗", {"unit": None}, spending_recs())
    truth.extra = [("unrecognized-table", (t, "")) for t in ("t1", "t3", "t4")]
    emit.xlsx(ctx.path("tables", "达拉特旗单位预算表.xlsx"), truth, sheets)


def build(ctx: emit.Ctx) -> None:
    for sample in (budget_workbook, closest_title):
        sample(ctx)
