"""How often a header no label or synonym names lands in the right field, in a wrong one, or nowhere.

Run: .venv/bin/python -m benchmarks.fuzzy_headers

Each case is one column of a generated return: the form's own header with one label replaced by a rewording
districts write (首次取得资质时间 for 首次获证时间), or with an unrelated column added (成立日期, 微信号), over
five rows of values of the column's kind. Every case is measured twice: filled in, and as a blank template
(no content to judge by). A wrong guess (a column in the wrong field, an unrelated column in any field) must
be rarer than a missed column (kept as an extra column and reported): a miss loses nothing.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from forms.loader import FormRegistry
from forms.model import FieldDef, FormDef
from forms.types import credit_check_char
from parsers import columns, locate, normalise
from parsers.cells import Cell, Table

SAMPLE_FORMS = Path(__file__).resolve().parents[1] / "samples" / "forms"
CODE = "91150602MA0N1234K" + credit_check_char("91150602MA0N1234K")
VALUES: dict[str, list[object]] = {
    "date": ["2019年3月5日", "2020.6.18", "2018/11/20", "2021-01-07", "2017年8月22日"],
    "phone": ["0477-8313683", "029-88256712", "13995112368", "0477-4223176", "010-62985530"],
    "mobile": ["13947713256", "15847755102", "13604775218", "18647788326", "15149467723"],
    "email": ["a@163.com", "ds@126.com", "x_y@qq.com", "zz@163.com", "kk@sina.com"],
    "integer": [3, 12, 0, 7, 41],
    "decimal": [1.5, 0.25, 12.0, 3.75, 0.0],
    "credit-code": [CODE] * 5,
    "text": ["鄂尔多斯市某检测公司", "内蒙古某中心", "说明文字", "其他", "无"],
    "wechat": ["wx_ds01", "guorui_dlt", "gaowa1990", "etk_2024", "li_na88"],
    "postcode": ["017000", "017100", "017200", "017300", "017400"],
}

# (form, expected field or None for an unrelated column, the header written, its content kind for unrelated
# [, a field of the form whose column is missing]); a reworded column's own label is always missing.
Case = tuple[str, str | None, str, str] | tuple[str, str | None, str, str, str]
CASES: list[Case] = [
    # reworded labels of the built-in forms
    ("institution-roster", "first_certified", "首次取得资质时间", ""),
    ("institution-roster", "first_certified", "资质首次获得时间", ""),
    ("institution-roster", "first_certified", "首次认证时间", ""),
    ("institution-roster", "first_certified", "获得资质日期", ""),
    ("institution-roster", "phone", "联络电话", ""),
    ("institution-roster", "phone", "联系号码", ""),
    ("institution-roster", "contact", "联系人员", ""),
    ("institution-roster", "contact", "对接人", ""),
    ("institution-roster", "name", "单位全称", ""),
    ("institution-roster", "domain", "检测业务范围", ""),
    ("liaison-roster", "office_phone", "办公室电话", ""),
    ("liaison-roster", "office_phone", "单位电话", ""),
    ("liaison-roster", "office_phone", "办公号码", ""),
    ("liaison-roster", "mobile", "移动号码", ""),
    ("liaison-roster", "mobile", "手机号码（必填）", ""),
    ("liaison-roster", "email", "电邮地址", ""),
    ("liaison-roster", "email", "邮件地址", ""),
    ("liaison-roster", "position", "职称", ""),
    ("liaison-roster", "position", "现职务级别", ""),
    ("work-statistics", "inspected", "检查单位数", ""),
    ("work-statistics", "problems", "发现问题单位数", ""),
    ("work-statistics", "cases_filed", "立案查处件数", ""),
    ("work-statistics", "fines", "罚没款金额", ""),
    ("work-statistics", "blacklisted", "列入失信黑名单数", ""),
    ("inspection-summary", "reports_checked", "抽查检验报告数", ""),
    ("inspection-summary", "revoked", "撤销资质数", ""),
    ("dept-budget", "basic", "基本支出数", ""),
    ("dept-budget", "project", "项目支出数", ""),
    ("monthly-indicators", "measure", "计算单位", ""),
    ("monthly-indicators", "reason", "变动原因", ""),
    ("payment-request", "requested", "申请拨付金额", ""),
    ("payment-request", "bank", "开户行", ""),
    # columns no field of the form stands for: they must stay extra columns
    ("institution-roster", None, "统一社会信用代码", "credit-code"),
    ("institution-roster", None, "成立日期", "date"),
    ("institution-roster", None, "法定代表人", "text"),
    ("institution-roster", None, "邮政编码", "postcode"),
    ("liaison-roster", None, "微信号", "wechat"),
    ("liaison-roster", None, "传真号码", "phone"),
    ("liaison-roster", None, "出生日期", "date"),
    ("liaison-roster", None, "备注", "text"),
    ("work-statistics", None, "出动执法人员（人次）", "integer"),
    ("work-statistics", None, "责令整改数", "integer"),
    ("inspection-summary", None, "约谈机构数", "integer"),
    ("dept-budget", None, "上年执行数", "decimal"),
    ("monthly-indicators", None, "同比增长", "decimal"),
    ("payment-request", None, "经办人", "text"),
    # unrelated columns where the form's own column is missing: a guess is tempting and would be wrong
    ("institution-roster", None, "成立日期", "date", "first_certified"),
    ("institution-roster", None, "传真", "phone", "phone"),
    ("institution-roster", None, "法定代表人", "text", "contact"),
    ("liaison-roster", None, "家庭电话", "phone", "office_phone"),
    ("liaison-roster", None, "出生日期", "date", "email"),
    ("liaison-roster", None, "紧急联系人", "text", "name"),
    ("work-statistics", None, "检查人次", "integer", "inspected"),
    ("work-statistics", None, "责令整改数", "integer", "cases_closed"),
    ("inspection-summary", None, "约谈机构数", "integer", "problems"),
    ("dept-budget", None, "上年执行数", "decimal", "total"),
    ("monthly-indicators", None, "同比增长", "decimal", "current"),
    ("payment-request", None, "已拨付金额", "decimal", "approved"),
    ("payment-request", None, "经办人", "text", "payee"),
]


@dataclass
class Outcome:
    case: Case
    got: str | None
    filled: bool
    by_label: bool  # a label or synonym named it already: no guess was needed

    @property
    def verdict(self) -> str:
        expected = self.case[1]
        if self.got == expected:
            return "correct" if expected else "kept"
        if expected and self.got is None:
            return "missed"
        return "wrong"


def _fields(form: FormDef) -> tuple[FieldDef, ...]:
    widest = max(form.sections, key=lambda s: len(s.fields)) if form.sections else None
    fields = form.section_fields(widest)
    if form.rows:
        return tuple(f for f in fields if f.id != form.rows.field)  # row keys stand in the first column
    return fields


def _value(f: FieldDef, form: FormDef, n: int) -> object:
    if f.type == "choice":
        return form.choices[f.choices or ""][n % 2].value
    return VALUES.get(f.type, VALUES["text"])[n]


def one(case: Case, form: FormDef, filled: bool) -> Outcome:
    expected, label, kind = case[1], case[2], case[3]
    absent = {expected, *case[4:]}
    fields = [f for f in _fields(form) if f.id not in absent]
    target = form.field(expected) if expected else None
    heads = [f.header for f in fields] + [label]
    rows: list[list[object]] = [heads]
    for n in range(5 if filled else 2):
        row = [_value(f, form, n) if filled or f.required else None for f in fields]
        col = (_value(target, form, n) if target else VALUES[kind][n]) if filled else None
        rows.append([*row, col])
    if form.rows:
        keys = [k.value for k in form.rows.keys]
        rows = [[form.field(form.rows.field).label, *rows[0]], *([keys[i], *r] for i, r in enumerate(rows[1:]))]
    table = Table("Sheet1", [[Cell(v, "Sheet1", f"R{r}C{c}") for c, v in enumerate(row)] for r, row in enumerate(rows)])
    header = locate.first_header(table, form.fields)
    assert header is not None, (form.id, label)
    ctx = normalise.Context(form, "x.xlsx", None, date(2024, 6, 1))
    body = columns.Body.of(table, header, form, None, ctx, set())
    last = len(rows[0]) - 1
    got = next((f.id for c, f in body.columns if c == last), None)
    return Outcome(case, got, filled, last in header.columns)


def measure(registry: FormRegistry, cases: list[Case] = CASES) -> list[Outcome]:
    return [one(case, registry.get(case[0]), filled) for case in cases for filled in (True, False)]


def report(outcomes: list[Outcome]) -> str:
    lines = []
    for filled in (True, False):
        mine = [o for o in outcomes if o.filled == filled]
        counts = Counter(o.verdict for o in mine)
        reworded = sum(1 for o in mine if o.case[1])
        unrelated = len(mine) - reworded
        by_label = sum(1 for o in mine if o.by_label and o.verdict == "correct")
        lines.append(
            f"{'有内容' if filled else '空白模板'}：改写表头 {reworded} 个 → 归对 {counts['correct']}"
            f"（其中靠标签/同义词 {by_label}，靠相近程度 {counts['correct'] - by_label}）、"
            f"漏归 {counts['missed']}；无关列 {unrelated} 个 → 保留为附加列 {counts['kept']}；"
            f"错归 {counts['wrong']}"
        )
    for o in outcomes:
        if o.verdict == "wrong":
            lines.append(f"  错归：{o.case[0]}“{o.case[2]}” → {o.got}（应为 {o.case[1] or '附加列'}）")
    wrong = sum(o.verdict == "wrong" for o in outcomes)
    missed = sum(o.verdict == "missed" for o in outcomes)
    lines.append(f"合计：错归 {wrong}，漏归 {missed}（错归应少于漏归：{'是' if wrong < missed else '否'}）")
    return "\n".join(lines)


def main() -> None:
    argparse.ArgumentParser(description=__doc__).parse_args()
    outcomes = measure(FormRegistry.load([SAMPLE_FORMS]))
    print(report(outcomes))
    for o in outcomes:
        if o.filled and o.verdict == "missed":
            print(f"  漏归：{o.case[0]}“{o.case[2]}”（应为 {o.case[1]}）")


if __name__ == "__main__":
    main()
