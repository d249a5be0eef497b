"""Statistics reports and rosters whose tables do not end where the data ends (docs/samples-sources.md).

- three reports in one workbook, the form's sheet titled by it, the others with headers that partly match;
  headings and notes inside the table, a 栏次 row, a column with no header holding row numbers;
- three tables stacked in one sheet, each under its own title;
- a roster followed by 合计, signature, contact, date, stamp and note lines, with a note merged across it;
- two annexes of one 函 returned in one workbook.
"""

from __future__ import annotations

from samples.build import emit
from samples.build.data_matrix import column_totals, statistics_recs
from samples.build.formdefs import form as builtin
from samples.build.grid import Cell, Grid
from samples.build.layout_list import header_cells, list_table, meta_cells, record_cells, widths
from samples.build.layout_matrix import matrix_table
from samples.build.returns_liaison import liaison_truth, people
from samples.build.returns_statistics import stats_meta, stats_sheet, stats_truth
from samples.build.sample_forms import form
from samples.build.truth import Rec, Truth

NO_HEADER = "第8列（无表头）"
NOTE = "1、所有有变化的值均需注明原因！\n2、灰色单元格为公式，不需填写"
# (指标代码, 指标名称, 计量单位, 上期, 本期, 变化原因); a str alone is a heading row inside the table.
INDICATORS: list[tuple[object, ...] | str] = [
    "一、特种设备数量",
    ("TZ1010", "锅炉", "台", 412.0, 405.0, "淘汰燃煤小锅炉"),
    ("TZ1020", "压力容器", "台", 3861.0, 3902.0, "新装"),
    ("TZ1030", "电梯", "台", 9140.0, 9388.0, "新建小区交付"),
    ("TZ1040", "起重机械", "台", 1287.0, 1287.0, None),
    "二、检验检测",
    ("TZ2010", "定期检验台次", "台次", 2210.0, 2436.0, None),
    ("TZ2020", "监督检验台次", "台次", 318.0, 355.0, "新装设备增加"),
]


def indicator_recs() -> list[Rec]:
    keys = ("code", "name", "measure", "previous", "current", "reason")
    recs = [Rec({**dict(zip(keys, row, strict=True)), "note": None}) for row in INDICATORS if not isinstance(row, str)]
    for n, rec in enumerate(recs[2:], start=13):  # a helper column with no header numbers the rows from here
        rec.extra = {NO_HEADER: n}
    return recs


def _indicator_sheet(recs: list[Rec]) -> Grid:
    f = form("monthly-indicators")
    grid = Grid(8, [10, 24, 8, 12, 12, 18, 26, 6])
    grid.add(Cell(f.title, span=4, kind="title"), Cell("本月数据填入本列", span=4, kind="note"))
    heads = ("指标代码", "指标名称", "计量单位", "2024年04月", "2024年05月", "变化原因", "说明")
    grid.add(*(Cell(t, kind="header") for t in heads), Cell(None, kind="header"))
    grid.add(*(Cell(t, kind="header") for t in ("甲", "乙", "丙", 1, 2, 3, 4)), Cell(None, kind="header"))
    i = 0
    for row in INDICATORS:
        if isinstance(row, str):
            note = NOTE if i == 0 else None
            grid.add(None, Cell(row, tag=("heading", "") if i == 0 else None), None, None, None, None, note, None)
            continue
        rec = recs[i]
        keys = ("code", "name", "measure", "previous", "current", "reason")
        cells = [Cell(v, tag=(i, k)) for k, v in zip(keys, row, strict=True)]
        extra = rec.extra.get(NO_HEADER)
        grid.add(*cells, None, Cell(extra, tag=("unmapped", "") if i == 2 else None))
        i += 1
        if i == 4:
            grid.blank()
            grid.blank()
            grid.add(None, None, None, None, None, None, Cell(NOTE, tag=("skip-note", "")), 18)
            grid.add(None, None, None, None, None, None, None, Cell(19, tag=("skip-number", "")))
    return grid


def _other_report(title: str, periods: tuple[str, str], tag: str) -> Grid:
    grid = Grid(7, [10, 24, 8, 12, 12, 18, 26])
    grid.add(Cell(title, span=7, kind="title", tag=(tag, "")))
    grid.add(*(Cell(t, kind="header") for t in ("指标代码", "指标名称", "计量单位", *periods, "变化原因", "说明")))
    grid.add(None, "八、电梯", None, None, None, None, None)
    grid.add("QY6110", "城区电梯", "台", 7021.0, 7290.0, None, None)
    grid.add("QY6120", "农村牧区电梯", "台", 2119.0, 2098.0, "拆除", None)
    return grid


def three_reports(ctx: emit.Ctx) -> None:
    """The form's sheet and two look-alike reports (202404/202405 periods, a 季报) in one .xls."""
    recs = indicator_recs()
    sheets = [
        ("统计月报表", _indicator_sheet(recs)),
        ("区域情况统计表（三）", _other_report("区域情况统计表（三）——特种设备部分", ("202404", "202405"), "t2")),
        ("地市填写——季报表（二）", _other_report("地市填写--特种设备安全监察季报表(二）", ("202403", "202406"), "t3")),
    ]
    truth = Truth(form("monthly-indicators"), "鄂托克旗", {}, recs)
    truth.extra = [
        ("skipped-row", ("heading", "")),
        ("skipped-row", ("skip-note", "")),
        ("skipped-row", ("skip-number", "")),
        ("unmapped-column", ("unmapped", "")),
        ("unrecognized-table", ("t2", "")),
        ("unrecognized-table", ("t3", "")),
    ]
    emit.xls(ctx, ctx.path("tables", "鄂托克旗特种设备统计月报.xls"), truth, sheets)


def _inspection_block(grid: Grid) -> None:
    grid.add(Cell("检验检测机构监督检查情况表", span=6, kind="title", tag=("t1", "")))
    grid.add(*meta_cells(6, "填报单位：东胜区市场监督管理局", "年度：2024"))
    grid.add(*(Cell(t, kind="header") for t in ("序号", "机构名称", "检查日期", "检查结果", "处理措施", "备注")))
    grid.add(1, "内蒙古鑫达检测技术有限公司", "2024年3月12日", "存在问题", "责令整改", None)
    grid.add(2, "鄂尔多斯市康信环境检测有限公司", "2024年3月20日", "未发现问题", None, None)


def _problem_block(grid: Grid) -> None:
    grid.add(Cell("问题机构登记表", span=6, kind="title", tag=("t3", "")))
    grid.add(*(Cell(t, kind="header") for t in ("序号", "机构名称", "存在问题", "整改情况", "整改期限", "备注")))
    grid.add(1, "内蒙古鑫达检测技术有限公司", "报告签发人员无授权", "已整改", "2024年4月30日", None)
    grid.add(None, "单位负责人：张慧敏", None, "填报人：王波", None, "填报时间：2024年5月10日")


def stacked_tables(ctx: emit.Ctx) -> None:
    """One sheet, three titled tables; the roster is the second. The others are reported, not merged."""
    f = builtin("liaison-roster")
    recs = people("东胜区")
    grid = Grid(6, widths(f.fields))
    _inspection_block(grid)
    grid.blank("gap")
    grid.full(f.title, "title")
    grid.add(*header_cells(f.fields))
    for i, rec in enumerate(recs):
        grid.add(*record_cells(i, rec, f.fields))
    grid.blank("gap")
    _problem_block(grid)
    truth = liaison_truth("东胜区", recs)
    truth.extra = [("unrecognized-table", ("t1", "")), ("unrecognized-table", ("t3", ""))]
    emit.xlsx(ctx.path("tables", "东胜区检查情况及联络员.xlsx"), truth, [("Sheet1", grid)])


def _person(name: str, position: str, office: str, mobile: str, email: str) -> Rec:
    values = ("鄂托克前旗市场监督管理局", name, position, office, mobile, email)
    return Rec(dict(zip(("unit", "name", "position", "office_phone", "mobile", "email"), values, strict=True)))


def footers(ctx: emit.Ctx) -> None:
    """A note merged across the table, 合计, then 单位负责人/填表人, 审核人 | 李娜 | 联系电话 | …, 填报日期,
    （盖章）, a date and a note: only the three people are records."""
    f = builtin("liaison-roster")
    new = _person("刘志刚", "稽查大队队长", "0477-7621180", "13847789012", "liuzg_etkqq@163.com")
    recs = [*people("鄂托克前旗"), new]
    grid = Grid(6, widths(f.fields))
    grid.full(f.title, "title")
    grid.add(*meta_cells(6, "填报单位（盖章）：鄂托克前旗市场监督管理局"))
    grid.add(*header_cells(f.fields))
    for i, rec in enumerate(recs):
        if i == 2:
            grid.full("以下为2024年5月起新增的联络员", "heading")
        grid.add(*record_cells(i, rec, f.fields))
    grid.full(f"合计：{len(recs)}人", "total")
    grid.full("单位负责人：王建军　　　　　　填表人：张慧敏", "note")
    grid.add("审核人", "李娜", "联系电话", "0477-4223176", None, None)
    grid.add(*meta_cells(6, "填报日期：2024年5月10日"))
    grid.add(None, None, None, None, "（盖章）", None)
    grid.add(None, None, None, None, "2024年5月10日", None)
    grid.full("注：本表由各旗区市场监管局填报，请于5月15日前报送。", "note")
    truth = liaison_truth("鄂托克前旗", recs)
    emit.xlsx(ctx.path("tables", "鄂托克前旗联络员统计表（含落款）.xlsx"), truth, [("Sheet1", grid)])


def two_annexes(ctx: emit.Ctx) -> None:
    """附件1 (工作情况统计表) and 附件3 (联络员统计表) of one 函 in one workbook: the statistics are read, the
    roster is reported as belonging to its own form."""
    stats = builtin("work-statistics")
    recs = statistics_recs("杭锦旗")
    meta = stats_meta("杭锦旗市场监督管理局", "其其格", "0477-6621190", "2022-05-19")
    sheet = stats_sheet(matrix_table(stats, recs, column_totals("work-statistics", recs)), meta)
    roster = builtin("liaison-roster")
    table = list_table(roster, people("达拉特旗"))
    for row in table.rows:
        for cell in row.values():
            cell.tag = None  # not this return's records: nothing of it is in the truth
    other = Grid(table.width, table.widths)
    other.add(Cell(roster.title, span=table.width, kind="title", tag=("t2", "")))
    other.extend(table)
    truth = stats_truth("杭锦旗", recs, meta)
    truth.extra = [("unrecognized-table", ("t2", ""))]
    emit.xlsx(ctx.path("tables", "杭锦旗附件1和附件3.xlsx"), truth, [("附件1", sheet), ("附件3", other)], True)


def build(ctx: emit.Ctx) -> None:
    for sample in (three_reports, stacked_tables, footers, two_annexes):
        sample(ctx)
