"""What the text itself must be, whatever the file: heading numbers in sequence and in the standard's form,
full-width punctuation in Chinese text, the 发文字号 and the 成文日期 as the standard writes them."""

from __future__ import annotations

import re

from generators.documents.check.findings import Report
from generators.documents.model import check_number
from generators.documents.reading import patterns as pt
from generators.documents.reading.structure import Outline, Part

_CJK = r"\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e“”‘’"
_HALF = re.compile(rf"(?<=[{_CJK}])\s*([,;:!?()])|([,;:!?()])\s*(?=[{_CJK}])")
_QUOTES = re.compile(rf"(?<=[{_CJK}])\"|\"(?=[{_CJK}])")
TEXT_KINDS = ("title", "to", "body", "heading", "attachment_note", "signature", "note", "cc", "attachment_body")
LEVEL_FORMS = {1: "一、", 2: "（一）", 3: "1．", 4: "（1）"}


def check_text(outline: Outline, report: Report) -> None:
    _headings([p for p in outline.parts if p.kind == "heading"], report)
    for attachment in outline.attachments:
        _headings([p for p in attachment if p.kind == "heading" or _attachment_heading(p)], report)
    _punctuation(outline, report)
    _number(outline, report)
    _date(outline, report)
    _presence(outline, report)


def _attachment_heading(p: Part) -> bool:
    return p.kind == "attachment_body" and pt.heading_number(p.text) is not None


def _where(p: Part) -> dict:
    return {"page": p.first.page, "paragraph": p.first.paragraph or None}


def _headings(parts: list[Part], report: Report) -> None:
    """Each level counts 1, 2, 3 … — afresh under a new heading of a higher level, or on across the whole
    text (both are used: 指导意见 often number （一）…（二十） throughout)."""
    last: dict[int, int] = {}
    fresh: dict[int, bool] = {}
    for p in parts:
        number = p.numbering or pt.heading_number(p.text)
        if number is None:
            continue
        level, value = number.level, number.value
        _form(p, number, report)
        restart = 1 if fresh.get(level, True) else last.get(level, 0) + 1
        carry_on = last.get(level, 0) + 1
        if value not in (restart, carry_on):
            expected = pt.standard_number(level, restart if value < carry_on and fresh.get(level, True) else carry_on)
            shown = pt.standard_number(level, value)
            if value > carry_on or (fresh.get(level, True) and value > restart and value != carry_on):
                message = f"“{shown}”之前缺少“{expected}”：层次序号应依次编排"
            else:
                message = f"层次序号不连续：此处应为“{expected}”，写成了“{shown}”"
            report.add("error", "heading-sequence", message, f"heading{level}", **_where(p))
        last[level] = value
        fresh[level] = False
        for deeper in range(level + 1, 5):
            fresh[deeper] = True


def _form(p: Part, number: pt.Numbering, report: Report) -> None:
    typed = number.text.strip()
    level = number.level
    allowed = {number.standard}
    if level == 3:
        allowed.add(f"{number.value}.")  # 1. with a half-width point is common and accepted
    if typed in allowed:
        if number.text != number.text.rstrip():
            report.add("warning", "heading-space", f"序号“{typed}”后不应空格", f"heading{level}", **_where(p))
        return
    report.add(
        "error",
        "heading-form",
        f"{_level_name(level)}序号应写作“{number.standard}”（{LEVEL_FORMS[level]}的形式），此处为“{typed}”",
        f"heading{level}",
        **_where(p),
    )


def _level_name(level: int) -> str:
    return {1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}[level]


def _punctuation(outline: Outline, report: Report) -> None:
    for p in outline.every:
        if p.kind not in TEXT_KINDS:
            continue
        text = p.text
        if p.kind == "heading" and p.numbering:
            text = text[len(p.numbering.text) :]
        marks = [m[1] or m[2] for m in _HALF.finditer(text)] + ['"' for _ in _QUOTES.finditer(text)]
        if not marks:
            continue
        first = _HALF.search(text) or _QUOTES.search(text)
        around = text[max(0, first.start() - 8) : first.end() + 8].replace("\n", "")
        kinds = "、".join(f"“{m}”" for m in dict.fromkeys(marks))
        element = p.kind if p.kind != "attachment_body" else "attachment_body"
        report.add(
            "error",
            "half-width-punctuation",
            f"中文中用了半角标点{kinds}（共{len(marks)}处），应为全角：……{around}……",
            element,
            **_where(p),
        )


def _number(outline: Outline, report: Report) -> None:
    part = outline.one("number")
    if part is None:
        if outline.one("mark") and not outline.one("signers"):
            report.add("warning", "number-missing", "有发文机关标志，但没有找到发文字号", "number")
        return
    text = re.split(r"\t+|\s{2,}|\u3000{2,}", part.text.strip())
    raw = next((t for t in text if pt.DOC_NUMBER.match(t.strip()) or pt.ISSUE_NUMBER.match(t.strip())), text[0])
    if pt.ISSUE_NUMBER.match(raw.strip()):
        return
    try:
        normal = check_number(raw)
    except ValueError as exc:
        report.add("error", "number-form", str(exc), "number", **_where(part))
        return
    if normal != re.sub(r"\s+", "", raw):
        message = f"发文字号“{raw.strip()}”的年份应用六角括号〔〕括入，写作“{normal}”"
        report.add("error", "number-form", message, "number", **_where(part))


def _date(outline: Outline, report: Report) -> None:
    part = outline.one("date")
    if part is None:
        return
    text = part.text.strip()
    day = pt.parse_day(text)
    if day is None:
        return
    standard = pt.cn_day(day)
    if re.sub(r"\s+", "", text) != standard:
        report.add(
            "error",
            "date-form",
            f"成文日期应用阿拉伯数字将年、月、日标全，月、日不编虚位，写作“{standard}”，此处为“{text}”",
            "date",
            **_where(part),
        )


def _presence(outline: Outline, report: Report) -> None:
    if outline.one("title") is None:
        report.add("error", "title-missing", "没有找到标题（标题应在版头之下居中排布）", "title")
    if outline.one("date") is None:
        report.add("warning", "date-missing", "没有找到成文日期", "date")
