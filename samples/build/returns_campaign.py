"""The campaign demo: 鄂尔多斯市 asks its nine 旗区 for two forms; what came back, file by file.

Every return is written with its `.expected.json` into `campaign/returns/`; `campaign_files` adds the
campaign definition, the unit list, the files that are not returns and the merge-level `expected.yaml`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from samples.build import campaign_files, emit
from samples.build.data_matrix import column_totals, statistics_recs
from samples.build.data_roster import roster_recs
from samples.build.formdefs import form
from samples.build.grid import Block
from samples.build.layout_list import roster_table
from samples.build.layout_matrix import matrix_table
from samples.build.returns_roster import FORM_ID as ROSTER
from samples.build.returns_roster import GAP, roster_sheet, roster_truth
from samples.build.returns_roster_docs import head, notes, tables_per_section
from samples.build.returns_statistics import FORM_ID as STATS
from samples.build.returns_statistics import stats_blocks, stats_meta, stats_sheet, stats_truth
from samples.build.truth import Rec, chinese_date

FOLDER = "campaign/returns"


@dataclass(frozen=True, slots=True)
class Sent:
    """One return as the merge must see it."""

    file: str
    form: str
    unit: str
    reported_on: str
    recs: list[Rec]


def _roster_xlsx(ctx: emit.Ctx, name: str, unit: str, recs: list[Rec], date: str, meta_unit: str) -> Sent:
    truth = roster_truth(unit, recs, date, meta_unit)
    emit.xlsx(ctx.path(FOLDER, name), truth, [("Sheet1", roster_sheet(recs, meta_unit, date))])
    return Sent(name, ROSTER, unit, date, recs)


def _roster_doc(ctx: emit.Ctx, name: str, unit: str, date: str, writer: Callable[..., None], one_table: bool) -> Sent:
    f, recs = form(ROSTER), roster_recs(unit)
    body: list[Block] = [roster_table(f, recs)] if one_table else tables_per_section(recs)
    blocks = [*head("附件1", f"所在旗区：{unit}{GAP}上报时间：{chinese_date(date)}"), *body, *notes()]
    writer(ctx.path(FOLDER, name), roster_truth(unit, recs, date, unit), blocks)
    return Sent(name, ROSTER, unit, date, recs)


def rosters(ctx: emit.Ctx) -> list[Sent]:
    """The roster returns that can be read; 伊金霍洛旗 sent none, 乌审旗's is damaged (campaign_files)."""
    first = roster_recs("达拉特旗")
    changed = next(r for r in first if str(r.values["name"]).startswith("达拉特旗宏盛"))
    changed.values |= {"name": "达拉特旗宏胜建设工程质量检测有限公司"}  # corrected in the 修改稿
    sent = [
        _roster_xlsx(
            ctx, "东胜区检验检测机构基本情况汇总表.xlsx", "东胜区", roster_recs("东胜区"), "2022-05-12", "东胜区"
        ),
        _roster_doc(
            ctx, "附件1：检验检测机构基本情况汇总表（康巴什区）.docx", "康巴什区", "2022-05-13", emit.docx, True
        ),
        _roster_xlsx(ctx, "达拉特旗检验检测机构基本情况汇总表.xlsx", "达拉特旗", first, "2022-05-16", "达拉特旗"),
        _roster_xlsx(
            ctx, "达拉特旗检验检测机构基本情况汇总表（修改稿）.xlsx", "达拉特旗", _revised(), "2022-05-18", "达拉特旗"
        ),
        _roster_doc(ctx, "准格尔旗.docx", "准格尔旗", "2022-05-19", emit.docx, False),
        _roster_doc(ctx, "杭锦旗检验检测机构基本情况汇总表.pdf", "杭锦旗", "2022-05-17", emit.pdf, False),
        _roster_xlsx(
            ctx,
            "鄂托克前旗市场监督管理局检验检测机构名单.xlsx",
            "鄂托克前旗",
            roster_recs("鄂托克前旗"),
            "2022-05-20",
            "鄂托克前旗市场监督管理局",
        ),
    ]
    late = roster_recs("鄂托克旗")
    name = "鄂托克旗检验检测机构基本情况.xls"
    emit.xls(
        ctx,
        ctx.path(FOLDER, name),
        roster_truth("鄂托克旗", late, "2022-05-23", "鄂托克旗"),
        [("Sheet1", roster_sheet(late, "鄂托克旗", "2022-05-23"))],
    )
    return [*sent, Sent(name, ROSTER, "鄂托克旗", "2022-05-23", late)]


def _revised() -> list[Rec]:
    """达拉特旗's corrected roster: one institution's name fixed and a domain added."""
    recs = roster_recs("达拉特旗")
    fixed = next(r for r in recs if str(r.values["name"]).startswith("达拉特旗宏盛"))
    fixed.values["domain"] = "建设工程、建筑材料"
    return recs


# unit -> (file name, writer, written 填报单位, 填报人, 联系电话, 填报日期)
STATISTICS = {
    "东胜区": ("东胜区工作情况统计表.xlsx", "xlsx", "东胜区市场监督管理局", "段龙", "0477-8313683", "2022-05-18"),
    "康巴什区": (
        "康巴什区-工作情况统计表.docx",
        "docx",
        "康巴什区市场监督管理局",
        "刘晓燕",
        "0477-8588216",
        "2022-05-17",
    ),
    "达拉特旗": (
        "达拉特旗市场监督管理局-工作情况统计表.xls",
        "xls",
        "达拉特旗市场监督管理局",
        "郭瑞",
        "13848771025",
        "2022-05-16",
    ),
    "准格尔旗": ("准格尔旗工作情况统计表.pdf", "pdf", "准格尔旗", "张慧敏", "0477-4223176", "2022-05-19"),
    "乌审旗": ("乌审旗工作情况统计表.xlsx", "xlsx", "乌审旗市场监督管理局", "那日苏", "0477-7512033", "2022-05-18"),
    "杭锦旗": ("杭锦旗统计表.xlsx", "xlsx", "杭锦旗市场监督管理局", "乌日娜", "0477-6521389", "2022-05-19"),
    "鄂托克旗": (
        "鄂托克旗工作情况统计表.xlsx",
        "xlsx",
        "鄂托克旗市场监督管理局",
        "杨志刚",
        "0477-6212730",
        "2022-05-24",
    ),
    "鄂托克前旗": (
        "鄂托克前旗工作情况统计表.xlsx",
        "xlsx",
        "鄂托克前旗市场监督管理局",
        "马建平",
        "0477-7621186",
        "2022-05-20",
    ),
}


def statistics(ctx: emit.Ctx) -> list[Sent]:
    """Eight 旗区 return the statistics; 伊金霍洛旗 sends nothing, 鄂托克旗 is late."""
    sent = []
    for unit, (name, kind, written, reporter, phone, date) in STATISTICS.items():
        recs = statistics_recs(unit)
        meta = stats_meta(written, reporter, phone, date)
        table = matrix_table(form(STATS), recs, column_totals(STATS, recs))
        truth, path = stats_truth(unit, recs, meta), ctx.path(FOLDER, name)
        if kind in ("xlsx", "xls"):
            sheets = [("Sheet1", stats_sheet(table, meta))]
            if kind == "xlsx":
                emit.xlsx(path, truth, sheets, True)
            else:
                emit.xls(ctx, path, truth, sheets, True)
        else:
            writer = emit.docx if kind == "docx" else emit.pdf
            writer(path, truth, stats_blocks(table, meta), landscape=True)
        sent.append(Sent(name, STATS, unit, date, recs))
    return sent


def build(ctx: emit.Ctx) -> None:
    sent = rosters(ctx) + statistics(ctx)
    campaign_files.build(ctx, sent)
