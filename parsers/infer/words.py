"""What a cell's text says about its role: a label (表头文字), a value, a heading, a meta line, a note."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from forms.types import is_placeholder, norm_date, to_text

_SPACE = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9fff]")
_REQUIRED_MARK = re.compile(r"^[*＊]|[*＊]$|[（(]\s*必填\s*[）)]")
# The bracketed tail only: `^(.+?)\s*[（(]…` before it was quadratic on a label of many spaces.
_UNIT = re.compile(r"[（(](?P<unit>[^（()）]{1,4})[）)]$")
_NUMBER = re.compile(r"^[+\-]?\d[\d,，]*(\.\d+)?%?$")
ORDINAL = re.compile(
    r"^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.](?!\d))"
)
NOTE = re.compile(r"^\s*(填表说明|填报说明|说明|注|备注|附注)\s*\d*\s*[:：]")
# Label words: what the last characters of a field's label are, in forms of every kind.
_LABEL_ENDINGS = (
    "名称", "单位", "日期", "时间", "人", "电话", "号码", "手机", "代码", "编号", "号", "地址", "金额", "数",
    "类别", "类型", "情况", "意见", "结果", "依据", "简介", "意义", "领域", "行为", "备注", "姓名", "性别",
    "年龄", "民族", "职务", "职称", "程度", "岗位", "结论", "邮箱", "方式", "内容", "原因", "说明", "等级",
    "面积", "数量", "价格", "比例", "率", "额", "期限", "事项", "部门", "科目", "项目", "账号", "银行", "全称",
    "来源", "状态", "用途", "目的", "规格", "型号", "产地", "级别", "区域", "所在地", "身份证", "证号", "工龄",
    "学历", "专业", "主体", "对象", "措施", "问题", "要求", "标准", "范围", "门类", "性质", "品种", "批号",
)  # fmt: skip


def flat(text: str) -> str:
    """A cell's text on one line: line breaks and spaces between CJK characters dropped, others single."""
    text = text.strip()  # full-width brackets stay as the form printed them: 罚没金额（万元）
    if _CJK.search(text):
        # 检查机构数\n（家次） and 联 系 人 are one label; an English label keeps its single spaces.
        text = _SPACE.sub(lambda m: _beside_wide(m, text), text)
    return _SPACE.sub(" ", text)


def _beside_wide(space: re.Match[str], text: str) -> str:
    """A run of spaces next to a non-ASCII character is dropped. (The lookaround regex that said so,
    `(?<=[^\\x00-\\x7f])\\s+|\\s+(?=[^\\x00-\\x7f])`, is quadratic on a long run of spaces.)"""
    start, end = space.span()
    wide = (start > 0 and ord(text[start - 1]) > 0x7F) or (end < len(text) and ord(text[end]) > 0x7F)
    return "" if wide else space.group()


def clean_label(text: str) -> tuple[str, bool]:
    """(the label as a form holds it, whether the cell marked it required with * or （必填）)."""
    label = flat(text)
    required = bool(_REQUIRED_MARK.search(label))
    label = _REQUIRED_MARK.sub("", label).strip().rstrip(":：").strip()
    return label, required


def split_unit(label: str) -> tuple[str, str | None]:
    """检查机构数（家次） -> (检查机构数, 家次); a label without a short bracketed tail stays whole."""
    m = _UNIT.search(label)
    name = label[: m.start()].rstrip() if m else ""
    if not m or not name or (_CJK.search(m["unit"]) is None and m["unit"] not in ("%", "‰", "m²", "km", "kg", "t")):
        return label, None
    return name, m["unit"]


_MARKER = re.compile(r"^\s*(\{\{.*\}\}?|\{%.*%?\}?|\$\{.*\}?)\s*$", re.S)
_PERIOD = re.compile(
    r"^(19|20)\d\d((0[1-9]|1[0-2])|\s*年\s*((0?[1-9]|1[0-2])\s*月|第?[一二三四1-4]\s*季度|[上下]半年)?)?$"
)


def is_template_marker(raw: object) -> bool:
    """{{ name }}, {% for %}, ${x}: a template engine's tag left in a blank form, not data and not a label."""
    return isinstance(raw, str) and bool(_MARKER.match(raw))


def is_period(raw: object) -> bool:
    """2014, 2018年02月, 2021年第一季度: a header label naming a period, though it looks like a number."""
    text = to_text(raw).strip()
    return isinstance(raw, int | str) and bool(_PERIOD.match(text))


def is_number_text(text: str) -> bool:
    return bool(_NUMBER.match(unicodedata.normalize("NFKC", text).strip()))


def is_value(raw: object) -> bool:
    """A cell plainly holding data: a number, a date, a long text, a text with digits in it."""
    if isinstance(raw, int | float | date):
        return True
    text = flat(to_text(raw))
    return (
        is_number_text(text)
        or len(text) > 20
        or sum(ch.isdigit() for ch in text) >= 3
        or (len(text) >= 6 and norm_date(text).code is None)
    )


def label_like(raw: object) -> bool:
    """Could be a header label: short text, not a number or date, not a meta line, not template filler."""
    if not isinstance(raw, str):
        return False
    text = flat(raw)
    if not text or len(text) > 30 or is_placeholder(text) or is_template_marker(text) or is_value(text):
        return False
    colon = text.find("：") if "：" in text else text.find(":")
    # 所在旗区：东胜区 is a meta line; 案件名称： (a label with its colon) is still a label.
    return colon < 0 or colon == len(text) - 1


def ends_like_label(text: str) -> bool:
    label, _required = clean_label(text)
    label, _unit = split_unit(label)
    return label.endswith(_LABEL_ENDINGS) or text.strip().endswith(("：", ":"))


def is_heading(text: str) -> bool:
    """一、… / （二）… / 第三部分 …: a numbered heading over a part of the form."""
    return bool(ORDINAL.match(text)) and not NOTE.match(text)


def without_ordinal(text: str) -> str:
    return ORDINAL.sub("", flat(text)).strip()
