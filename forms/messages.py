"""Chinese sentences for what the YAML parser and pydantic say about a form definition.

A clerk never reads a library's English: every pydantic error type and every YAML syntax problem is turned into
a plain sentence here, and a type or problem not listed still gets a Chinese sentence.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence

import yaml

from forms import model

Loc = tuple[str | int, ...]

# What each key of a form definition is, for messages ("缺少 label（标签）").
KEY_NAMES: dict[str, str] = {
    "id": "编号",
    "version": "版本号",
    "title": "标题",
    "title_synonyms": "标题的其他写法",
    "layout": "版式",
    "meta": "表头信息",
    "fields": "字段",
    "sections": "分组",
    "rows": "行项目",
    "choices": "选项表",
    "rules": "规则",
    "notes": "填表说明",
    "landscape": "横向打印",
    "sheet": "工作表名称",
    "header": "是否有表头行",
    "label": "标签",
    "synonyms": "其他写法",
    "type": "类型",
    "required": "必填",
    "multiple": "可多选",
    "separator": "分隔符",
    "unit": "计量单位",
    "decimals": "小数位数",
    "minimum": "最小值",
    "long": "长文本",
    "width": "列宽",
    "column": "列位置",
    "key": "分组键",
    "heading": "分组标题",
    "field": "行项目字段",
    "keys": "行项目列表",
    "total": "合计行名称",
    "total_synonyms": "合计行的其他写法",
    "value": "选项值",
    "kind": "规则种类",
    "message": "提示文字",
    "left": "左侧字段",
    "op": "比较符",
    "right": "右侧字段",
    "severity": "严重程度",
}

# The values a literal key allows, with what each means.
_CHOICES: dict[str, dict[str, str]] = {
    "type": {
        "text": "文本",
        "integer": "整数",
        "decimal": "小数",
        "date": "日期",
        "phone": "电话",
        "mobile": "手机号码",
        "email": "电子邮箱",
        "credit-code": "统一社会信用代码",
        "choice": "选项",
    },
    "layout": {"list": "清单", "matrix": "统计表", "record": "信息表"},
    "kind": {
        "compare": "比较两个字段",
        "unique": "组内不重复",
        "cross-unit-unique": "各单位间不重复",
        "total": "合计等于各行之和",
    },
    "op": {"<=": "不大于", ">=": "不小于", "<": "小于", ">": "大于", "==": "等于"},
    "severity": {"error": "错误", "warning": "提示"},
}

TYPE_NAMES = _CHOICES["type"]  # field type -> what a clerk calls it: integer -> 整数

# Keys each part of a form may hold, to suggest the key meant by a misspelt one.
_MODELS: dict[str, type] = {
    "": model.FormDef,
    "fields": model.FieldDef,
    "meta": model.FieldDef,
    "sections": model.Section,
    "rows": model.MatrixRows,
    "keys": model.Choice,
    "choices": model.Choice,
    "rules": model.Rule,
}
# Union members and validator wrappers pydantic adds to a location: not keys the clerk wrote.
_TYPE_TAG = re.compile(r"^(int|str|float|bool|none|(list|tuple|dict|function-\w+|literal|constrained-\w+)\[.*\])$")


def clean_loc(loc: Sequence[str | int]) -> Loc:
    return tuple(p for p in loc if not (isinstance(p, str) and _TYPE_TAG.match(p)))


def key_name(key: str | int) -> str:
    return f"{key}（{KEY_NAMES[key]}）" if isinstance(key, str) and key in KEY_NAMES else str(key)


def _kind(value: object) -> str:
    if value is None:
        return "空的"
    kinds = ((bool, "是/否"), (int, "整数"), (float, "数字"), (str, "文字"), (list, "列表"), (dict, "映射"))
    return next((f"是{name}" for t, name in kinds if isinstance(value, t)), "是其他内容")


def _value(value: object) -> str:
    text = str(value)
    return f"“{text if len(text) <= 40 else text[:40] + '…'}”"


def _allowed(loc: Loc) -> str:
    key = next((p for p in reversed(loc) if isinstance(p, str)), "")
    options = _CHOICES.get(key, {})
    return "、".join(f"{k}（{v}）" for k, v in options.items())


def _model_at(loc: Loc) -> type | None:
    containers = [p for p in loc[:-1] if isinstance(p, str)]
    return _MODELS.get(containers[-1] if containers else "")


def suggestion(loc: Loc) -> str | None:
    """The key a misspelt one (at `loc`) most likely meant: lable -> label."""
    cls = _model_at(loc)
    if cls is None or not loc or not isinstance(loc[-1], str):
        return None
    close = difflib.get_close_matches(loc[-1], list(cls.model_fields), n=1, cutoff=0.6)
    return close[0] if close else None


def _suggest(loc: Loc) -> str:
    meant = suggestion(loc)
    return f"；是不是想写 {key_name(meant)}？" if meant else ""


def _known_keys(loc: Loc) -> str:
    cls = _model_at(loc)
    return "、".join(cls.model_fields) if cls else ""


def describe(err: Mapping[str, object]) -> str:
    """One pydantic error as a Chinese sentence (the location is reported separately)."""
    kind = str(err.get("type", ""))
    loc = clean_loc(err.get("loc", ()))  # type: ignore[arg-type]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    key = loc[-1] if loc else ""
    assert isinstance(ctx, dict)
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", "")) or "取值不符合要求"
    if kind == "missing":
        return f"缺少 {key_name(key)}，这一项必须写"
    if kind == "extra_forbidden":
        return f"不认识的键 {key_name(key)}{_suggest(loc)}（这里可以写：{_known_keys(loc)}）"
    if kind == "literal_error":
        return f"{_value(value)}不是可用的值；可用：{_allowed(loc)}"
    if kind == "string_pattern_mismatch":
        return f"{_value(value)}不能用作编号：只能由文字、数字、下划线“_”和连字符“-”组成，不能有空格，也不能以“-”开头"
    return _SIMPLE.get(kind, _generic)(ctx, value)


def _generic(_ctx: Mapping[str, object], value: object) -> str:
    return f"取值{_value(value)}不符合要求"


_SIMPLE = {
    "string_type": lambda c, v: f"应为文字，这里{_kind(v)}",
    "string_too_short": lambda c, v: "不能为空",
    "string_too_long": lambda c, v: f"太长，最多 {c.get('max_length')} 个字",
    "too_short": lambda c, v: f"至少要写 {c.get('min_length')} 项",
    "too_long": lambda c, v: f"最多只能写 {c.get('max_length')} 项",
    "int_parsing": lambda c, v: f"应为整数，这里是{_value(v)}",
    "int_type": lambda c, v: f"应为整数，这里{_kind(v)}",
    "int_from_float": lambda c, v: f"应为整数，这里是{_value(v)}",
    "float_parsing": lambda c, v: f"应为数字，这里是{_value(v)}",
    "float_type": lambda c, v: f"应为数字，这里{_kind(v)}",
    "bool_parsing": lambda c, v: f"应为 true（是）或 false（否），这里是{_value(v)}",
    "bool_type": lambda c, v: f"应为 true（是）或 false（否），这里{_kind(v)}",
    "greater_than_equal": lambda c, v: f"应不小于 {c.get('ge')}，这里是{_value(v)}",
    "greater_than": lambda c, v: f"应大于 {c.get('gt')}，这里是{_value(v)}",
    "less_than_equal": lambda c, v: f"应不大于 {c.get('le')}，这里是{_value(v)}",
    "less_than": lambda c, v: f"应小于 {c.get('lt')}，这里是{_value(v)}",
    "dict_type": lambda c, v: f"应为“键: 值”的映射，这里{_kind(v)}",
    "model_type": lambda c, v: f"应为“键: 值”的映射，这里{_kind(v)}",
    "model_attributes_type": lambda c, v: f"应为“键: 值”的映射，这里{_kind(v)}",
    "list_type": lambda c, v: f"应为列表（每项一行以“- ”开头，或写成 [甲, 乙]），这里{_kind(v)}",
    "tuple_type": lambda c, v: f"应为列表（每项一行以“- ”开头，或写成 [甲, 乙]），这里{_kind(v)}",
    "set_type": lambda c, v: f"应为列表，这里{_kind(v)}",
    "none_required": lambda c, v: "这里不应写任何值",
}

# PyYAML's problems, most specific first: (fragment of the problem text, what to tell the clerk).
_YAML_PROBLEMS = (
    ("'\\t'", "不能用 Tab 键缩进，请改用空格"),
    ("could not find expected ':'", "缺少冒号：键和值之间要写英文冒号加空格（如 label: 机构名称）"),
    (
        "mapping values are not allowed here",
        "这里不能出现“键: 值”：多半是上一行缺少冒号或缩进不对，或值里有“: ”需要加引号",
    ),
    ("did not find expected key", "缩进不一致，或一项缺少“- ”或冒号"),
    ("did not find expected ',' or ']'", "方括号 [ ] 没有闭合，或各项之间缺少逗号"),
    ("did not find expected ',' or '}'", "花括号 { } 没有闭合，或各项之间缺少逗号"),
    (
        "but got '{'",
        "花括号 { } 里的值又含有 { }、逗号或冒号：请给这个值加上引号，如 message: '合计行“{field}”不等于各行之和'",
    ),
    ("did not find expected '-' indicator", "列表项的缩进不一致：同一列表的“- ”要对齐"),
    ("found unexpected end of stream", "文件意外结束：引号或括号没有闭合"),
    ("found unknown escape character", "双引号里的反斜杠“\\”要写成“\\\\”，或改用单引号"),
    ("expected <block end>", "缩进不一致：同一层的键要对齐"),
    ("but found another document", "一个文件只能写一张表单，请去掉多余的“---”"),
    ("found undefined alias", "用了未定义的引用（*名称）"),
    ("found character", "出现了不能出现在这里的字符，请给这个值加上引号"),
    ("control characters are not allowed", "文件中有不可见的控制字符，请删除"),
)


def describe_yaml(exc: yaml.YAMLError) -> tuple[int, str]:
    """(1-based line, Chinese sentence) for a YAML syntax error."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    problem = f"{getattr(exc, 'context', '') or ''} {getattr(exc, 'problem', '') or ''}"
    said = next((text for fragment, text in _YAML_PROBLEMS if fragment in problem), None)
    return line, f"YAML 格式错误：{said or '请检查这一行及上一行的缩进、冒号和引号'}"
