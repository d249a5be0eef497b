"""Telling data rows from everything else a district leaves in a table.

Real returns put much more than data under a header: a 合计 line, then 单位负责人/填表人/审核人/联系电话/日期
lines (with or without a colon, label and value in one cell or side by side), 盖章 lines, notes, headings inside
the table (二、接入网设备, 北京市（92所）), a 栏次 row numbering the columns, and text merged across the whole
width. Each is classified here from the row's own cells, so that the layouts never make records of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from itertools import pairwise

from forms.types import is_placeholder, squash, to_text
from parsers.cells import Cell

# Notes and signature lines under a table: 填表说明：… / 注：… / 填报人：张三  联系电话：…
_NOTE = re.compile(
    r"^(填表说明|填报说明|说明|注|备注|附注|填表人|填报人|审核人|复核人|负责人|单位负责人|统计负责人|财务负责人|"
    r"部门负责人|分管领导|主管领导|制表人|制表|审核|复核|经办人|联系人|联系电话|填报日期|填表日期|报出日期|日期|"
    r"填报时间|上报时间|报送时间|填报单位|报送单位)\s*\d*\s*([(（][^)）]*[)）])?\s*[:：;；]"
)
# The same labels written without a colon, the value in the next cell (单位负责人 | 张三 | 填表人 | 李四).
_FOOTER_WORDS = frozenset(
    {
        *("单位负责人", "统计负责人", "财务负责人", "部门负责人", "负责人", "分管领导", "主管领导"),
        *("填表人", "填报人", "审核人", "复核人", "制表人", "经办人", "制表", "审核", "复核"),
        *("填表日期", "填报日期", "报出日期", "填报时间"),
    }
)
_STAMP = re.compile(r"盖章|公章|印章|签字|签名|签章")
_DATE_LINE = re.compile(r"^(\d{2,4}|[xX×]{2,4})?年(\d{1,2}|[xX×]{1,2})?月(\d{1,2}|[xX×]{1,2})?日$")
# A short label with its colon opening a cell: 申请支付单位：… / ××局：… — a meta or signature line.
_LABELLED = re.compile(r"^[\u4e00-\u9fff×Xx（）()、]{1,12}[:：]")
_TOTAL = ("小计", "合计", "总计", "共计", "累计")
_GRAND = ("合计", "总计", "共计", "总合计")
_COLUMN_MARKS = frozenset({"栏次", "行次", "甲", "乙", "丙", "丁", "a", "b", "c"})
# Heading lines inside a table: 二、接入网设备 / （一）… / 第一部分 / 1. 铁塔
_ORDINAL = re.compile(
    r"^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d)|"
    r"第[一二三四五六七八九十\d]+[部分章节类])"
)
# What a table's own title ends with (…统计表, …名单, …名录（截至2025年）).
_TITLE_WORDS = ("表", "名单", "名录", "清单", "台账", "台帐", "一览")


class Kind(Enum):
    DATA = "data"
    BLANK = "blank"
    NOTE = "note"  # notes, signature/contact/date lines, stamps: never data, never reported
    SUBTOTAL = "subtotal"
    TOTAL = "total"  # 合计/总计: the table's data ends here
    PLACEHOLDER = "placeholder"


def is_copy(cell: Cell, r: int, c: int) -> bool:
    """A position filled from a merged range whose value physically sits in another cell."""
    return cell.merged and cell.origin is not None and cell.origin != (r, c)


def own_cells(row: Sequence[Cell], r: int) -> list[tuple[int, Cell]]:
    """The non-blank cells whose value belongs to this row (vertical merge copies excluded).

    A horizontal merge within the row counts once, at its first column.
    """
    out: list[tuple[int, Cell]] = []
    for c, cell in enumerate(row):
        value = cell.value
        # is_blank() inlined: this runs for every cell of every body row.
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if cell.merged and cell.origin is not None and cell.origin != (r, c):
            continue
        out.append((c, cell))
    return out


def is_total_text(text: str) -> bool:
    # Every total word ends in 计; checking for it first keeps the common case (a data value) cheap.
    return "计" in text and squash(text).lstrip("(（").startswith(_TOTAL)


def is_grand_total(text: str) -> bool:
    """合计/总计/共计 — the line that ends a table's data, unlike a section's 小计."""
    return "计" in text and squash(text).lstrip("(（").startswith(_GRAND)


def classify(row: Sequence[Cell], r: int, seq_col: int | None = None) -> Kind:
    return kind_of(own_cells(row, r), seq_col)


def kind_of(own: Sequence[tuple[int, Cell]], seq_col: int | None = None) -> Kind:
    """`classify` for a row whose own cells the caller already has."""
    return kind_of_values([(c, cell.value) for c, cell in own], seq_col)


def kind_of_values(own: Sequence[tuple[int, object]], seq_col: int | None = None) -> Kind:
    """`kind_of` for a row read as values: (column, value) of its own non-blank positions."""
    # to_text without its call for the common case, a str (to_text returns it as it is).
    texts = [(v if type(v) is str else to_text(v)).strip() for _c, v in own]
    return kind_of_texts([c for c, _v in own], texts, seq_col)


def kind_of_texts(columns: Sequence[int], texts: list[str], seq_col: int | None = None) -> Kind:
    """`kind_of` for a row given as the columns of its own non-blank positions and their stripped texts."""
    if not texts:
        return Kind.BLANK
    first = texts[0]
    colon = "：" in first or ":" in first or "；" in first
    if colon and _NOTE.match(squash(first)):
        return Kind.NOTE
    # One scan of the joined row rules out the common case (no 计 anywhere) before any per-cell check.
    if "计" in "".join(texts):
        if any(is_grand_total(t) for t in texts):
            return Kind.TOTAL
        if any(is_total_text(t) for t in texts):
            return Kind.SUBTOTAL
    if (colon or len(texts) == 1 or first in _FOOTER_WORDS) and _is_footer(texts):
        return Kind.NOTE
    rest = texts if seq_col is None else [t for c, t in zip(columns, texts, strict=True) if c != seq_col]
    if all(is_placeholder(t) for t in rest):
        return Kind.PLACEHOLDER
    return Kind.DATA


def _is_footer(texts: list[str]) -> bool:
    """Signature, contact, date and stamp lines, and rows made only of `label：value` cells."""
    first = texts[0]
    if first.rstrip(":：") in _FOOTER_WORDS:
        return True
    if len(texts) == 1:
        key = squash(first)
        if key.rstrip(":：") in _FOOTER_WORDS or (len(key) <= 30 and (_STAMP.search(key) or _DATE_LINE.match(key))):
            return True
    return _LABELLED.match(first) is not None and all(_LABELLED.match(t) for t in texts[1:])


def looks_labelled(text: str) -> bool:
    """`label：…` — a short label and its colon opening the text (单位：元, 申请支付单位：…)."""
    return bool(_LABELLED.match(text))


def is_note_label(label: str) -> bool:
    """A label that opens a note, signature, contact or stamp line (注, 填表人, 主检医师签名), not a value's."""
    key = squash(label).rstrip(":：")
    return bool(_NOTE.match(key + "：")) or key in _FOOTER_WORDS or bool(_STAMP.search(key))


def is_spanning(row: Sequence[Cell], r: int, own: Sequence[tuple[int, Cell]] | None = None) -> bool:
    """One text merged across more than half the table's width: a title, heading or note, never a value."""
    own = own_cells(row, r) if own is None else own
    if len(own) != 1:
        return False
    c = own[0][0]
    return sum(1 for cell in row if cell.merged and cell.origin == (r, c)) > len(row) // 2


def is_column_numbers(own: Sequence[tuple[int, Cell]]) -> bool:
    """The 栏次 row under a statistics header: 甲 乙 1 2 3 … numbering the columns."""
    if len(own) < 3:
        return False
    texts = [squash(to_text(cell.value)) for _c, cell in own]
    numbers = [t for t in texts if t not in _COLUMN_MARKS]
    if len(numbers) < 3 or not all(t.isdigit() for t in numbers):
        return False
    values = [int(t) for t in numbers]
    return values[0] >= 1 and all(b == a + 1 for a, b in pairwise(values))


def heading_text(text: str) -> bool:
    """A short heading inside a table: 二、接入网设备, （一）…, 第二部分."""
    line = text.strip()
    # A note numbered like a heading (1、所有有变化的值均需注明原因！) is a sentence: it is reported, not dropped.
    return len(line) <= 30 and "\n" not in line and line[-1:] not in "！!。；;" and bool(_ORDINAL.match(line))


def title_text(text: str) -> bool:
    """Text that reads as a table's own title (…统计表, …名单), not a label or a sentence."""
    line = squash(text.split("\n", 1)[0])
    if not 2 <= len(line) <= 40 or _LABELLED.match(line) or line[-1:] in "。；;，,":
        return False
    return any(word in line for word in _TITLE_WORDS)


def is_title_row(row: Sequence[Cell], r: int, own: Sequence[tuple[int, Cell]]) -> bool:
    """A row holding only a table title (逐台检查登记表 above a new header)."""
    if len(own) != 1:
        return False
    text = own[0][1].value
    return isinstance(text, str) and title_text(text)


def is_header_like(own: Sequence[tuple[int, Cell]]) -> bool:
    """Two or more short labels and nothing else: what a header row looks like, whatever form it is of."""
    if len(own) < 2:
        return False
    for _c, cell in own:
        value = cell.value
        if not isinstance(value, str):
            return False
        key = squash(value)
        if not 1 <= len(key) <= 30 or key.replace(".", "").isdigit() or is_placeholder(value) or _LABELLED.match(key):
            return False
    return True
