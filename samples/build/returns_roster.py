"""Roster returns (institution-roster) as spreadsheets: the template filled in, and how districts reshape it."""

from __future__ import annotations

from datetime import datetime

from samples.build import emit
from samples.build.data_roster import roster_recs
from samples.build.formdefs import form
from samples.build.grid import Cell, Grid
from samples.build.layout_list import (
    by_section,
    full_widths,
    header_cells,
    meta_cells,
    record_cells,
    roster_table,
    section_table,
    titled,
)
from samples.build.truth import Rec, Truth, chinese_date

FORM_ID = "institution-roster"
GAP = "　" * 8  # the spacing a clerk types between 所在旗区 and 上报时间


def roster_truth(unit: str, recs: list[Rec], reported_on: str | None, meta_unit: str | None = None) -> Truth:
    return Truth(form(FORM_ID), unit, {"unit": meta_unit, "reported_on": reported_on}, recs)


def roster_sheet(recs: list[Rec], meta_unit: str, reported_on: str) -> Grid:
    """The template's shape, filled in: title, 所在旗区/上报时间, the four sections, the note."""
    f = form(FORM_ID)
    meta = meta_cells(6, f"所在旗区：{meta_unit}", f"上报时间：{chinese_date(reported_on)}")
    return titled(f, roster_table(f, recs), meta)


def clean(ctx: emit.Ctx) -> None:
    """Exactly the template's shape, filled in."""
    recs = roster_recs("东胜区")
    sheet = roster_sheet(recs, "东胜区", "2022-05-12")
    emit.xlsx(
        ctx.path("roster", "clean.xlsx"), roster_truth("东胜区", recs, "2022-05-12", "东胜区"), [("Sheet1", sheet)]
    )


def meta_in_merged_cell(ctx: emit.Ctx) -> None:
    """所在旗区 and 上报时间 typed into one merged cell above the table."""
    f, recs = form(FORM_ID), roster_recs("康巴什区")
    meta = [Cell(f"所在旗区：康巴什区{GAP}上报时间：2022年5月13日", span=6, kind="meta")]
    sheet = titled(f, roster_table(f, recs), meta)
    truth = roster_truth("康巴什区", recs, "2022-05-13", "康巴什区")
    emit.xlsx(ctx.path("roster", "meta-in-merged-cell.xlsx"), truth, [("Sheet1", sheet)])


SHEET_NAMES = {
    "public": "体制内检验检测机构",
    "third_party": "第三方机构",
    "out_of_province": "外省机构",
    "multi_domain": "多领域机构",
}


def sheet_per_section(ctx: emit.Ctx) -> None:
    """One sheet per section, named by it; no heading rows, title and meta on the first sheet only."""
    f, recs = form(FORM_ID), roster_recs("伊金霍洛旗")
    sheets = []
    for n, section in enumerate(f.sections):
        table = section_table(f, section, by_section(recs, section.key))
        if n == 0:
            table = titled(f, table, meta_cells(table.width, "所在旗区：伊金霍洛旗", "上报时间：2022年5月14日"), False)
        sheets.append((SHEET_NAMES[section.key], table))
    truth = roster_truth("伊金霍洛旗", recs, "2022-05-14", "伊金霍洛旗")
    emit.xlsx(ctx.path("roster", "sheet-per-section.xlsx"), truth, sheets)


def _reworded_header(grid: Grid, key: str) -> list[str]:
    """Two merged header rows with reworded, line-broken labels; returns the column order used."""
    h = "header"
    if key == "out_of_province":
        grid.add(
            Cell("序号", down=2, kind=h),
            Cell("单位名称", down=2, kind=h),
            Cell("联系信息", span=2, kind=h),
            Cell("检测\n领域", down=2, kind=h),
            Cell("首次获\n证时间", down=2, kind=h),
        )
        grid.add(Cell("联系人", kind=h), Cell("联系电话", kind=h))
        return ["seq", "name", "contact", "phone", "domain", "first_certified"]
    grid.add(Cell("序号", down=2, kind=h), Cell("机构基本情况", span=2, kind=h), Cell("备注", down=2, span=3, kind=h))
    grid.add(Cell("单位名称", kind=h), Cell("检测\n领域", kind=h))
    return ["seq", "name", "domain", "remark"]


def reworded_headers(ctx: emit.Ctx) -> None:
    """单位名称/联系电话 for 机构名称/联系方式, labels broken over lines, two-row headers, columns reordered."""
    f, recs = form(FORM_ID), roster_recs("乌审旗")
    grid = Grid(6, [6, 34, 22, 16, 20, 14])
    for section in f.sections:
        grid.full(section.heading, "heading")
        order = [f.field(x) for x in _reworded_header(grid, section.key)]
        for i, rec in by_section(recs, section.key):
            grid.add(*record_cells(i, rec, order, last_span=7 - len(order)))
    sheet = titled(f, grid, meta_cells(6, "填报单位：乌审旗", "填报时间：2022年5月13日"))
    truth = roster_truth("乌审旗", recs, "2022-05-13", "乌审旗")
    emit.xlsx(ctx.path("roster", "reworded-headers.xlsx"), truth, [("Sheet1", sheet)])


def placeholders_and_subtotals(ctx: emit.Ctx) -> None:
    """The template's numbered `……` rows left in, 小计 lines, blank rows and notes: none are records."""
    f, recs = form(FORM_ID), roster_recs("杭锦旗")
    grid = Grid(6, full_widths(f))
    for n, section in enumerate(f.sections):
        items = by_section(recs, section.key)
        fields = f.section_fields(section)
        span = 7 - len(fields)
        grid.full(section.heading, "heading")
        grid.add(*header_cells(fields, span))
        for i, rec in items:
            grid.add(*record_cells(i, rec, fields, span))
        for seq in range(len(items) + 1, 4):  # the blank template printed three numbered rows
            grid.add(seq, *["……"] * (len(fields) - 2), Cell("……", span=span))
        grid.add(Cell(f"小计：{len(items)}家", span=6))
        if n < len(f.sections) - 1:
            grid.blank()
    sheet = titled(f, grid, meta_cells(6, "所在旗区：杭锦旗", "上报时间：2022年5月12日"))
    sheet.full("注：本表由旗区市场监督管理局汇总后报送市局认证认可与检验检测科。", "note")
    truth = roster_truth("杭锦旗", recs, "2022-05-12", "杭锦旗")
    emit.xlsx(ctx.path("roster", "placeholders-and-subtotals.xlsx"), truth, [("Sheet1", sheet)])


def _messy_recs() -> list[Rec]:
    """鄂托克旗's roster as a hurried clerk typed it; `values` are what must come out."""

    def rec(section: str, values: tuple, raw: dict | None = None, flaws: tuple = ()) -> Rec:
        keys = ("seq", "name", "domain", "first_certified", "contact", "phone")
        if section != "out_of_province":
            keys = ("seq", "name", "domain", "remark")
        return Rec(dict(zip(keys, values, strict=True)), section, raw or {}, flaws)

    outp = "out_of_province"
    return [
        rec(
            "public",
            (1, "鄂托克旗产品质量检验检测中心", "产品质量、建筑材料", None),
            {"seq": "１", "name": "鄂托克旗产品质量\n检验检测中心", "domain": "工业产品、建材"},
        ),
        rec("public", (2, "鄂托克旗疾病预防控制中心", "卫生疾控", None), {"seq": "２"}),
        rec(
            "public", (3, "鄂托克旗环境监测站", "环境监测", "隶属鄂托克旗生态环境分局"), {"seq": "３", "domain": "环境"}
        ),
        rec(
            "third_party",
            (1, "内蒙古棋盘井化工产品检测有限公司", "产品质量、常压液体危险货物罐体", None),
            {"domain": "工业产品，危险货物罐体"},
        ),
        rec("third_party", (2, "鄂托克旗乌兰机动车检测有限公司", "机动车检验", None), {"domain": "机动车安检"}),
        rec("third_party", (3, "内蒙古蒙西建材检测有限公司", "建筑材料", None)),
        rec(
            "third_party", (4, "鄂托克旗乌兰机动车检测有限公司", "机动车检验", None), flaws=(("duplicate-row", "name"),)
        ),
        rec(
            "third_party",
            (5, "内蒙古阿尔巴斯环境检测有限公司", "环境监测、水质", None),
            {"domain": "环境检测、水质检测"},
        ),
        rec(
            outp,
            (1, "宁夏石嘴山市华瑞检测技术有限公司", "常压液体危险货物罐体", "2019-03-05", "杨帆", "0952-2036615"),
            {"first_certified": "2019.3.5", "phone": "0952 2036615"},
        ),
        rec(
            outp,
            (2, "陕西中检联检测技术有限公司", "建筑材料", "2018-11-02", "周立新", "13947752160"),
            {"first_certified": "２０１８年１１月２日", "phone": "+86 139 4775 2160"},
        ),
        rec(
            outp,
            (3, "甘肃华测检测认证有限公司", "环境监测", "2017-08-09", "陈静", "0931-8265530"),
            {"first_certified": "2017/08/09", "phone": "（0931）8265530"},
        ),
        rec(
            outp,
            (4, "宁夏中科环境检测有限公司", "环境监测", "2020-04-16", "马强", "0951-5026318"),
            {"first_certified": 20200416, "phone": "０９５１－５０２６３１８"},
        ),
        rec(
            outp,
            (5, "山西潞安检测技术有限公司", "煤炭", "2016-09-12", "吕建国", "0477-83"),
            {"first_certified": datetime(2016, 9, 12)},
            (("invalid-phone", "phone"),),
        ),
        rec(outp, (6, "陕西榆林科创检测有限公司", "煤炭、环境监测", "2020-06", "白雪", "0912-3356718")),
        rec("multi_domain", (1, "内蒙古棋盘井化工产品检测有限公司", "产品质量、常压液体危险货物罐体", None)),
        rec("multi_domain", (2, "内蒙古阿尔巴斯环境检测有限公司", "环境监测、水质", None)),
    ]


def messy_values(ctx: emit.Ctx) -> None:
    """Full-width digits, six date spellings, phones with spaces/+86/(区号), a broken name, one bad phone,
    one duplicate name."""
    f, recs = form(FORM_ID), _messy_recs()
    table = roster_table(f, recs)
    for row in table.rows:
        for cell in row.values():
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd"
    sheet = titled(f, table, meta_cells(6, "所在旗区：鄂托克旗", "上报时间：2022.5.13"))
    truth = roster_truth("鄂托克旗", recs, "2022-05-13", "鄂托克旗")
    emit.xlsx(ctx.path("roster", "messy-values.xlsx"), truth, [("Sheet1", sheet)])


def legacy(ctx: emit.Ctx) -> None:
    """The template saved as Excel 97 (.xls) by LibreOffice, with a real date cell."""
    f, recs = form(FORM_ID), roster_recs("鄂托克前旗")
    for rec in recs:
        if rec.section == "out_of_province":
            rec.raw["first_certified"] = datetime.fromisoformat(str(rec.values["first_certified"]))
    table = roster_table(f, recs)
    for row in table.rows:
        for cell in row.values():
            if isinstance(cell.value, datetime):
                cell.number_format = 'yyyy"年"m"月"d"日"'
    sheet = titled(f, table, meta_cells(6, "所在旗区：鄂托克前旗", "上报时间：2022年5月16日"))
    truth = roster_truth("鄂托克前旗", recs, "2022-05-16", "鄂托克前旗")
    emit.xls(ctx, ctx.path("roster", "legacy.xls"), truth, [("Sheet1", sheet)])


def build(ctx: emit.Ctx) -> None:
    for sample in (
        clean,
        meta_in_merged_cell,
        sheet_per_section,
        reworded_headers,
        placeholders_and_subtotals,
        messy_values,
        legacy,
    ):
        sample(ctx)
