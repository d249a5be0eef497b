"""The shapes of a 公文's lines as people type them: heading numbers in every style, dates in any notation,
发文字号 with any brackets, organisation names, the 文种 a title ends with."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

CN_DIGITS = "〇零一二三四五六七八九"
CN_NUM = "一二三四五六七八九十百零〇"
DOC_KINDS = (
    "通知",
    "通报",
    "意见",
    "报告",
    "请示",
    "批复",
    "决定",
    "函",
    "方案",
    "总结",
    "纪要",
    "办法",
    "规定",
    "公告",
    "通告",
    "议案",
    "命令",
    "决议",
    "规划",
    "计划",
    "细则",
    "要点",
    "安排",
    "预案",
    "指引",
    "清单",
)
ORG_ENDINGS = (
    "局",
    "委",
    "委员会",
    "厅",
    "部",
    "办",
    "办公室",
    "政府",
    "院",
    "会",
    "中心",
    "所",
    "处",
    "室",
    "司",
    "站",
    "队",
    "公司",
    "集团",
    "协会",
    "学会",
    "小组",
    "管理局",
    "监督管理局",
)


@dataclass(frozen=True, slots=True)
class Numbering:
    """A heading number as typed: its level by the standard's form, its value, the exact text and whether
    that text is the standard form (一、 （一） 1． （1）)."""

    level: int
    value: int
    text: str  # the number as typed, with what follows it (“1、”, “(一)”)
    standard: str  # the standard form of that level and value

    @property
    def is_standard(self) -> bool:
        return self.text == self.standard


_CN = rf"[{CN_NUM}]+"
# (pattern, level, kind) — kind "cn" numbers in Chinese, "ar" Arabic. Order matters: （一） before 一、.
HEADINGS = (
    (re.compile(rf"^[（(]\s*({_CN})\s*[）)][、.．，,]?\s*"), 2, "cn"),
    (re.compile(rf"^({_CN})\s*[、.．，,]\s*"), 1, "cn"),
    (re.compile(r"^[（(]\s*(\d{1,2})\s*[）)][、.．，,]?\s*"), 4, "ar"),
    (re.compile(r"^(\d{1,2})\s*(?:[、．]|\.(?!\d))\s*"), 3, "ar"),
    (re.compile(r"^(\d{1,2})\s*[)）]\s*"), 4, "ar"),
)


def cn_value(text: str) -> int:
    """一 → 1, 十二 → 12, 二十一 → 21 (up to 九十九)."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    value = 0
    for c in text:
        value = value * 10 + digits.get(c, 0)
    return value


def cn_numeral(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return (digits[tens] if tens > 1 else "") + "十" + (digits[ones] if ones else "")


def standard_number(level: int, value: int) -> str:
    return {1: f"{cn_numeral(value)}、", 2: f"（{cn_numeral(value)}）", 3: f"{value}．", 4: f"（{value}）"}[level]


def heading_number(line: str) -> Numbering | None:
    """The heading number a line opens with, in whatever style it was typed; None for a plain line.

    A year or an amount (“2022年”, “1.5万元”) is not a number: the number must be followed by text.
    """
    text = line.lstrip(" \u3000\t")
    for pattern, level, kind in HEADINGS:
        m = pattern.match(text)
        if not m or m.end() >= len(text):
            continue
        value = cn_value(m[1]) if kind == "cn" else int(m[1])
        if value < 1 or value > 99:
            continue
        return Numbering(level, value, m[0], standard_number(level, value))
    return None


# -- dates ---------------------------------------------------------------------------------------------------
_CN_DATE = re.compile(rf"^([{CN_DIGITS}○]{{4}})年([{CN_NUM}]+)月([{CN_NUM}]+)日$")
_DATES = (
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$"),
    re.compile(r"^(\d{4})[-./／](\d{1,2})[-./／](\d{1,2})$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_day(text: str) -> dt.date | None:
    """A 成文日期 in any notation: 2022年5月5日, 2022年05月05日, 2022-5-5, 2022.05.05, 2022/5/5, 二〇二二年五月五日."""
    t = re.sub(r"\s+", "", text.strip().rstrip("。"))
    m = _CN_DATE.match(t)
    if m:
        digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0}
        year = int("".join(str(digits.get(c, 0)) for c in m[1]))
        return _day(year, cn_value(m[2]), cn_value(m[3]))
    for pattern in _DATES:
        m = pattern.match(t)
        if m:
            return _day(int(m[1]), int(m[2]), int(m[3]))
    return None


def _day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def cn_day(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# -- other line shapes -----------------------------------------------------------------------------------------
DOC_NUMBER = re.compile(
    r"^(?P<prefix>[^\s〔\[【（(]{1,20}?)\s*[〔\[【（(]\s*(?P<year>\d{2,4})\s*[〕\]】）)]\s*第?\s*(?P<seq>\d+)\s*号$"
)
ISSUE_NUMBER = re.compile(r"^第\s*\d+\s*期$")  # a 纪要 numbered by issue
MARK = re.compile(r"^.{2,40}?(文件|纪要)$")
COPY_NO = re.compile(r"^\d{6}$")
SECRECY = re.compile(r"^(绝密|机密|秘密)(★.*)?$")
URGENCY = re.compile(r"^(特急|加急|特提|平急)$")
SIGNERS = re.compile(r"签发人[：:]")
ATTACHMENT_NOTE = re.compile(r"^附\s*件\s*[：:]\s*")
ATTACHMENT_LABEL = re.compile(rf"^附\s*件\s*(\d{{1,2}}|[{CN_NUM}]{{1,3}})?\s*[：:]?$")
CC = re.compile(r"^抄\s*送\s*[：:]")
PRINTED = re.compile(r"^(?P<by>.+?)\s+(?P<on>\S+?)\s*印\s*发\s*$")
NOTE = re.compile(r"^[（(](?P<text>[^（）()]{2,60})[）)]$")
PAGE_NUMBER = re.compile(r"^[—–\-－~～]?\s*(\d{1,3})\s*[—–\-－~～]?$")


def doc_kind_ending(text: str) -> bool:
    return text.rstrip().endswith(DOC_KINDS)


def looks_like_org(text: str) -> bool:
    """A 发文机关 name: short, no sentence punctuation, ending as an organisation does."""
    t = text.strip()
    return 2 <= len(t) <= 40 and not re.search(r"[，。；：！？,;:!?]", t) and t.endswith(ORG_ENDINGS)
