"""What one key of a form says about another: field ids that must exist, choice lists, layout-bound keys.

`problems(form)` lists every inconsistency with the key path that holds it, so that `forms check` can point at
the very line of the reference, and the model can refuse an inconsistent form built in code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from forms.model import FieldDef, FormDef

Loc = tuple[str | int, ...]
_LAYOUT = {"list": "清单（list）", "matrix": "统计表（matrix）", "record": "信息表（record）"}


@dataclass(frozen=True, slots=True)
class Problem:
    loc: Loc
    message: str


def problems(form: FormDef) -> list[Problem]:
    return [
        *_field_ids(form),
        *_choice_lists(form),
        *_sections(form),
        *_rules(form),
        *_layout(form),
    ]


def _field_ids(form: FormDef) -> list[Problem]:
    out = []
    first: dict[str, int] = {}
    for i, f in enumerate(form.fields):
        if f.id in first:
            out.append(
                Problem(
                    ("fields", i, "id"),
                    f"字段 id“{f.id}”与第{first[f.id] + 1}个字段重复（没写 id 时由标签得出）；每个字段的 id 必须不同",
                )
            )
        first.setdefault(f.id, i)
    seen: dict[str, int] = {}
    for i, f in enumerate(form.meta):
        if f.id in seen:
            out.append(Problem(("meta", i, "id"), f"表头信息的 id“{f.id}”与第{seen[f.id] + 1}项重复"))
        seen.setdefault(f.id, i)
    return out


def _choice_lists(form: FormDef) -> list[Problem]:
    out = []
    for group, items in (("meta", form.meta), ("fields", form.fields)):
        for i, f in enumerate(items):
            out.extend(_choice_list(form, group, i, f))
    return out


def _choice_list(form: FormDef, group: str, i: int, f: FieldDef) -> list[Problem]:
    if f.type != "choice":
        return []
    if f.choices is None:
        message = f"字段“{f.label}”的类型是 choice（选项），但没有用 choices 写明选项表的名称"
        return [Problem((group, i, "type"), message)]
    if f.choices not in form.choices:
        known = "、".join(form.choices) or "（没有定义任何选项表）"
        message = f"字段“{f.label}”引用的选项表“{f.choices}”未在 choices 中定义；已定义：{known}"
        return [Problem((group, i, "choices"), message)]
    return []


def _sections(form: FormDef) -> list[Problem]:
    known = {f.id for f in form.fields}
    out = []
    keys: dict[str, int] = {}
    for i, s in enumerate(form.sections):
        if s.key in keys:
            out.append(Problem(("sections", i, "key"), f"分组的 key“{s.key}”与第{keys[s.key] + 1}个分组重复"))
        keys.setdefault(s.key, i)
        for k, ref in enumerate(s.fields):
            if ref not in known:
                out.append(Problem(("sections", i, "fields", k), f"分组“{s.key}”列出的字段“{ref}”未在 fields 中定义"))
    return out


def _rules(form: FormDef) -> list[Problem]:
    known = {f.id for f in form.fields}
    out = []
    for i, r in enumerate(form.rules):
        for key in ("left", "right"):
            ref = getattr(r, key)
            if ref and ref not in known:
                out.append(Problem(("rules", i, key), f"规则引用的字段“{ref}”未在 fields 中定义"))
        for k, ref in enumerate(r.fields):
            if ref not in known:
                out.append(Problem(("rules", i, "fields", k), f"规则引用的字段“{ref}”未在 fields 中定义"))
        if r.kind == "total" and form.layout != "matrix":
            out.append(Problem(("rules", i, "kind"), "total（合计）规则只用于统计表（layout: matrix）"))
    return out


def _layout(form: FormDef) -> list[Problem]:
    out = []
    layout = _LAYOUT[form.layout]
    if form.layout == "matrix":
        if form.rows is None:
            out.append(Problem(("layout",), "统计表（layout: matrix）必须用 rows 写明行项目"))
        elif form.rows.field not in {f.id for f in form.fields}:
            out.append(Problem(("rows", "field"), f"rows.field 引用的字段“{form.rows.field}”未在 fields 中定义"))
    elif form.rows is not None:
        out.append(Problem(("rows",), f"只有统计表（matrix）可以写 rows，本表是{layout}"))
    if form.sections and form.layout != "list":
        out.append(Problem(("sections",), f"只有清单（list）可以分组（sections），本表是{layout}"))
    if not form.header and form.layout == "record":
        out.append(Problem(("header",), "信息表（record）按“标签—值”读取，不能写 header: false"))
    if not form.header and form.sections:
        out.append(Problem(("header",), "没有表头行的表格（header: false）不能分组（sections）"))
    return out
