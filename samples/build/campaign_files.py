"""The campaign's own files and its merge-level truth (`campaign/expected.yaml`).

Besides the returns: the campaign definition and unit list, 乌审旗's damaged roster, a notice that is not a
form at all, and the expected outcome of merging everything — computed from the records the returns were
written from, never from a parser.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

import yaml

from samples.build import emit
from samples.build.data_roster import SHARED, UNITS, roster_recs
from samples.build.formdefs import form
from samples.build.grid import Para
from samples.build.returns_roster import roster_sheet
from samples.build.truth import Truth, write_truth
from samples.build.xlsx_out import write_xlsx

if TYPE_CHECKING:
    from samples.build.returns_campaign import Sent

TITLE = "鄂尔多斯市检验检测市场专项整治行动"
ISSUER = "鄂尔多斯市市场监督管理局"
DEADLINE = "2022-05-20"
FORMS = ("institution-roster", "work-statistics")
DAMAGED = "乌审旗检验检测机构基本情况汇总表.xlsx"
NOTICE = "关于召开检验检测工作推进会的通知.docx"

NOTICE_TEXT = (
    "为推进全市检验检测市场专项整治行动，总结前一阶段工作，部署下一阶段任务，市市场监管局定于2022年5月26日召开"
    "全市检验检测工作推进会。现将有关事项通知如下：",
    "一、会议时间",
    "2022年5月26日（星期四）上午9:30，会期半天。",
    "二、会议地点",
    "鄂尔多斯市市场监督管理局四楼会议室。",
    "三、参会人员",
    "各旗区市场监督管理局分管副局长及检验检测监管工作负责人。",
    "四、有关要求",
    "请各旗区于5月25日下班前将参会人员名单报市局认证认可与检验检测科。联系人：李静，联系电话：0477-8586123。",
)


def definition(ctx: emit.Ctx) -> None:
    root = ctx.root / "campaign"
    root.mkdir(parents=True, exist_ok=True)
    (root / "units.txt").write_text("\n".join(UNITS) + "\n", encoding="utf-8")
    spec = {"title": TITLE, "forms": list(FORMS), "deadline": DEADLINE, "issuer": ISSUER}
    (root / "campaign.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")


def damaged(ctx: emit.Ctx) -> None:
    """乌审旗's roster cut off in transfer: the zip's central directory is gone."""
    path = ctx.path("campaign/returns", DAMAGED)
    recs = roster_recs("乌审旗")
    write_xlsx(path, [("Sheet1", roster_sheet(recs, "乌审旗", "2022-05-13"))])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 11 // 20])
    # Unreadable, but its name says whose it is: the board shows 乌审旗 as having sent a damaged file.
    write_truth(path, Truth(None, "乌审旗", status="failed", file_issues=["file-unreadable"]), {})


def notice(ctx: emit.Ctx) -> None:
    """A meeting notice sent along with the returns: no table, not a form."""
    blocks = [
        Para("关于召开检验检测工作推进会的通知", "title"),
        Para("各旗区市场监督管理局：", "body", align="left"),
        *(Para(text, "body") for text in NOTICE_TEXT),
        Para(ISSUER, "body", align="right"),
        Para("2022年5月20日", "body", align="right"),
    ]
    truth = Truth(None, None, status="unrecognized", file_issues=["form-unrecognized"])
    emit.docx(ctx.path("campaign/returns", NOTICE), truth, blocks)


def _winners(sent: Sequence[Sent]) -> tuple[list[Sent], list[dict[str, str]]]:
    """Per unit the latest return wins (later 上报时间/填报日期); the others are superseded by it."""
    by_unit: dict[str, list[Sent]] = defaultdict(list)
    for s in sent:
        by_unit[s.unit].append(s)
    winners, superseded = [], []
    for unit in UNITS:
        returns = sorted(by_unit.get(unit, []), key=lambda s: s.reported_on)
        if returns:
            winners.append(returns[-1])
            superseded += [{"file": s.file, "by": returns[-1].file} for s in returns[:-1]]
    return winners, superseded


def _cross_unit(winners: Sequence[Sent]) -> list[dict[str, object]]:
    units_of: dict[str, list[str]] = defaultdict(list)
    for s in winners:
        for rec in s.recs:
            name = str(rec.values["name"])
            if s.unit not in units_of[name]:
                units_of[name].append(s.unit)
    found = [{"name": n, "units": u} for n, u in units_of.items() if len(u) > 1]
    assert [d["name"] for d in found] == [SHARED], f"unplanned cross-unit duplicates: {found}"
    return found


def _totals(form_id: str, winners: Sequence[Sent]) -> dict[str, object]:
    totals: dict[str, object] = {}
    for f in form(form_id).value_fields:
        total = sum(rec.values[f.id] for s in winners for rec in s.recs)  # type: ignore[misc]
        totals[f.id] = round(total, 2) if f.type == "decimal" else total
    return totals


def _form_truth(form_id: str, sent: Sequence[Sent]) -> tuple[dict[str, object], list[Sent], list[dict[str, str]]]:
    winners, superseded = _winners([s for s in sent if s.form == form_id])
    reported = [s.unit for s in winners]
    out: dict[str, object] = {
        "units_reported": reported,
        "missing_units": [u for u in UNITS if u not in reported],
        "late_units": [s.unit for s in winners if s.reported_on > DEADLINE],
        "records": sum(len(s.recs) for s in winners),
    }
    if form(form_id).layout == "matrix":
        out["totals"] = _totals(form_id, winners)
    else:
        out["cross_unit_duplicates"] = _cross_unit(winners)
    return out, winners, superseded


HEADER = """\
# Merge-level truth for the campaign demo, written by `python -m samples.build` from the generator's data:
#   huizong merge samples/campaign/returns --units samples/campaign/units.txt --json -
# File names are relative to samples/campaign/returns/. Per-file truth is in each <file>.expected.json.
"""


def expected(ctx: emit.Ctx, sent: Sequence[Sent]) -> None:
    forms, merged, superseded = {}, [], []
    for form_id in FORMS:
        forms[form_id], winners, replaced = _form_truth(form_id, sent)
        merged += [s.file for s in winners]
        superseded += replaced
    data = {
        "campaign": "campaign.yaml",
        "units": "units.txt",
        "deadline": DEADLINE,
        "forms": forms,
        "files": {"merged": merged, "superseded": superseded, "failed": [DAMAGED], "unrecognized": [NOTICE]},
    }
    text = HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
    (ctx.root / "campaign" / "expected.yaml").write_text(text, encoding="utf-8")


def build(ctx: emit.Ctx, sent: Sequence[Sent]) -> None:
    definition(ctx)
    damaged(ctx)
    notice(ctx)
    expected(ctx, sent)
