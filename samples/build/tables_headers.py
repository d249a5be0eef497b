"""Headers nobody listed and columns nobody asked for; a WPS .et application form with its signature block;
a workbook that is no known form (docs/samples-sources.md)."""

from __future__ import annotations

from samples.build import emit
from samples.build.data_roster import section_recs
from samples.build.formdefs import form as builtin
from samples.build.grid import Cell, Grid, Para
from samples.build.layout_list import by_section, meta_cells, record_cells
from samples.build.returns_liaison import liaison_truth, people
from samples.build.returns_roster import roster_truth
from samples.build.sample_forms import form
from samples.build.truth import Rec, Truth

CREDIT = "统一社会信用代码"
CODES = ["91150626MA0RK3T81C", "91150626MA0QW2N55J", "91150626MA13LPB87U"]
OUT_OF_PROVINCE = [
    ("陕西正信检测技术有限公司", "煤炭", "2020-06-18", "高峰", "029-87311826"),
    ("宁夏清源环境检测有限公司", "环境监测", "2019-09-02", "马丽", "13909512877"),
]


def _roster_recs() -> list[Rec]:
    third = section_recs("third_party", [("乌审旗宏远建设工程质量检测有限公司", "建设工程")])
    third += section_recs("third_party", [("乌审旗瑞达机动车检测有限公司", "机动车检验")])
    third[1].values["seq"] = 2
    for rec, code in zip(third, CODES, strict=False):
        rec.extra = {CREDIT: code}
    return third + section_recs("out_of_province", OUT_OF_PROVINCE)


def reworded_roster(ctx: emit.Ctx) -> None:
    """首次取得资质时间 for 首次获证时间 (a guess, reported) and an added 统一社会信用代码 column (kept)."""
    f = builtin("institution-roster")
    recs = _roster_recs()
    grid = Grid(6, [6, 34, 16, 18, 12, 18])
    grid.full(f.title, "title")
    grid.add(*meta_cells(6, "所在旗区：乌审旗", "上报时间：2022年5月16日"))
    third = f.section("third_party")
    assert third is not None
    grid.full(third.heading, "heading")
    grid.add(
        *(Cell(t, kind="header") for t in ("序号", "机构名称", "领域", "备注")), Cell(CREDIT, span=2, kind="header")
    )
    fields = f.section_fields(third)
    for i, rec in by_section(recs, "third_party"):
        tag = ("kept", "") if i == 0 else None
        grid.add(*record_cells(i, rec, fields), Cell(rec.extra[CREDIT], span=2, tag=tag))
    out = f.section("out_of_province")
    assert out is not None
    grid.full(out.heading, "heading")
    heads = ("序号", "机构名称", "领域", "首次取得资质时间", "联系人", "联系电话")
    grid.add(
        *(Cell(t, kind="header", tag=("fuzzy", "first_certified") if n == 3 else None) for n, t in enumerate(heads))
    )
    for i, rec in by_section(recs, "out_of_province"):
        grid.add(*record_cells(i, rec, f.section_fields(out)))
    truth = roster_truth("乌审旗", recs, "2022-05-16", "乌审旗")
    truth.extra = [("fuzzy-header", ("fuzzy", "first_certified")), ("unmapped-column", ("kept", ""))]
    emit.xlsx(ctx.path("tables", "乌审旗检验检测机构（表头改写）.xlsx"), truth, [("Sheet1", grid)])


def reworded_liaison(ctx: emit.Ctx) -> None:
    """A Word roster: 办公室电话 (a guess: like 办公电话, and it holds phone numbers), 手机 (a synonym), and a
    微信号 column the form does not have (kept)."""
    f = builtin("liaison-roster")
    recs = people("达拉特旗")
    wechat = ["guorui_dlt", "gaowa1990"]
    grid = Grid(7, [22, 8, 16, 14, 14, 22, 12])
    heads = ("单位", "姓名", "职务", "办公室电话", "手机", "电子邮箱", "微信号")
    grid.add(*(Cell(t, kind="header", tag=("fuzzy", "office_phone") if n == 3 else None) for n, t in enumerate(heads)))
    for i, rec in enumerate(recs):
        rec.extra = {"微信号": wechat[i]}
        grid.add(*record_cells(i, rec, f.fields), Cell(wechat[i], tag=("kept", "") if i == 0 else None))
    truth = liaison_truth("达拉特旗", recs)
    truth.extra = [("fuzzy-header", ("fuzzy", "office_phone")), ("unmapped-column", ("kept", ""))]
    blocks = [
        Para("附件3", "heading"),
        Para(f.title, "title"),
        Para("填报单位（盖章）：达拉特旗市场监督管理局", "meta"),
        grid,
    ]
    emit.docx(ctx.path("tables", "达拉特旗联络员（表头改写）.docx"), truth, blocks)


PAYMENTS = [
    (
        1,
        "一般公共预算",
        "2013816",
        "食品安全监管",
        "食品安全抽检监测经费",
        "内蒙古正衡检测有限公司",
        "15050171522600000231",
        "建设银行准格尔旗支行",
        86000.0,
        80000.0,
    ),
    (
        2,
        "一般公共预算",
        "2013812",
        "检验检测监管",
        "检验检测机构能力验证补助",
        "鄂尔多斯市计量测试所",
        "0602001109024567331",
        "工商银行鄂尔多斯分行",
        45000.0,
        45000.0,
    ),
]
PAYMENT_KEYS = ("seq", "nature", "code", "subject", "name", "payee", "account", "bank", "requested", "approved")


def payment_request(ctx: emit.Ctx) -> None:
    """A WPS .et form: 申请单位：（公章） left as printed, a two-row header, 合计, then 大写金额, 申请支付单位,
    单位负责人/财务负责人 （印章）, a date, 联系人 / 联系电话； and a note — none of them records."""
    h = "header"
    grid = Grid(10, [6, 12, 10, 14, 24, 24, 22, 20, 12, 12])
    grid.full("专项资金用款申请表", "title")
    grid.full("财政代码：", "meta")
    grid.add(
        Cell("申请单位：（公章）", span=5, kind="meta"),
        Cell("申请日期：2024年6月3日", span=4, kind="meta"),
        Cell("单位：元", kind="meta"),
    )
    grid.add(
        Cell("序号", down=2, kind=h),
        Cell("资金性质", down=2, kind=h),
        Cell("预算科目", span=2, kind=h),
        Cell("项目名称", down=2, kind=h),
        Cell("收款人", span=3, kind=h),
        Cell("申请金额", down=2, kind=h),
        Cell("核定金额", down=2, kind=h),
    )
    grid.add(*(Cell(t, kind=h) for t in ("编码", "名称", "全称", "银行账号", "开户银行")))
    for i, row in enumerate(PAYMENTS):
        grid.add(
            *(
                Cell(v, tag=(i, k), number_format="0.00" if isinstance(v, float) else None)
                for k, v in zip(PAYMENT_KEYS, row, strict=True)
            )
        )
    sums = [sum(float(r[n]) for r in PAYMENTS) for n in (8, 9)]  # type: ignore[arg-type]
    grid.add(Cell("合        计", span=8, kind="total"), *(Cell(s, kind="total", number_format="0.00") for s in sums))
    grid.full("核定金额合计（大写）：壹拾贰万伍仟元整", "note")
    grid.add(
        Cell("申请支付单位：准格尔旗市场监督管理局", span=6, kind="note"), Cell("财政局：同意", span=4, kind="note")
    )
    grid.blank("gap")
    grid.full("单位负责人：（印章）                    财务负责人：（印章）", "note")
    grid.add(*([None] * 8), Cell("2024年6月3日", span=2, kind="note"))
    grid.add(*([None] * 6), "联系人：张慧敏", "联系电话；", Cell("0477-4223176", span=2))
    grid.full("注：本表一式三份。", "note")
    recs = [Rec(dict(zip(PAYMENT_KEYS, row, strict=True))) for row in PAYMENTS]
    meta = {"unit": "准格尔旗市场监督管理局", "reported_on": "2024-06-03"}
    truth = Truth(form("payment-request"), "准格尔旗", meta, recs)
    emit.xls(ctx, ctx.path("tables", "准格尔旗专项资金用款申请表.et"), truth, [("Sheet1", grid)], landscape=True)


def not_a_return(ctx: emit.Ctx) -> None:
    """An equipment ledger: a real table, but no known form's — unrecognised, with the closest forms named."""
    grid = Grid(5, [28, 16, 8, 16, 20])
    grid.full("检验检测设备台账", "title")
    grid.add(*(Cell(t, kind="header") for t in ("设备名称", "规格型号", "数量", "购置日期", "存放地点")))
    grid.add("电子天平", "FA2004B", 2, "2021年3月", "理化室")
    grid.add("紫外可见分光光度计", "UV-1800", 1, "2020年11月", "仪器室")
    truth = Truth(None, None, {}, [], status="unrecognized", file_issues=["form-unrecognized"])
    emit.xlsx(ctx.path("tables", "设备台账.xlsx"), truth, [("台账", grid)])


def build(ctx: emit.Ctx) -> None:
    for sample in (reworded_roster, reworded_liaison, payment_request, not_a_return):
        sample(ctx)
