"""The normalisations of 一键排版, each a pure function of text that says what it changed: punctuation in
Chinese text, heading numbers (levels and sequence), the 成文日期, the 发文字号."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generators.documents.layout.body import full_width
from generators.documents.model import check_number
from generators.documents.reading import patterns as pt

_CJK = r"\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e“”‘’—…"
_PERIOD = re.compile(rf"(?<=[{_CJK}])\.\s*(?=$|[{_CJK}])")
_ELLIPSIS = re.compile(r"\.{3,}|。{3,}|…(?!…)")
_DASH = re.compile(rf"(?<=[{_CJK}])-{{2,}}(?=[{_CJK}])")
_DQUOTE = re.compile(r'"')
_SQUOTE = re.compile(rf"(?<=[{_CJK}])'|'(?=[{_CJK}])")


@dataclass(frozen=True, slots=True)
class Change:
    where: str  # 第3行 / 第5段 / 标题 …
    what: str  # what kind of change, in Chinese
    before: str
    after: str

    def line(self) -> str:
        return f"{self.where}：{self.what}：“{_short(self.before)}”→“{_short(self.after)}”"


def _short(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def punctuation(text: str) -> str:
    """Half-width punctuation in Chinese text made full-width; straight quotes curled; … and —— doubled."""
    out = full_width(text)
    out = _PERIOD.sub("。", out)
    out = _ELLIPSIS.sub("……", out)
    out = _DASH.sub("——", out)
    if re.search(rf"[{_CJK}]", out):
        out = _curl(out)
        out = _SQUOTE.sub("’", out)
    return out


def _curl(text: str) -> str:
    opened = False

    def swap(_: re.Match[str]) -> str:
        nonlocal opened
        opened = not opened
        return "“" if opened else "”"

    return _DQUOTE.sub(swap, text)


def day_text(text: str) -> str | None:
    day = pt.parse_day(text)
    return pt.cn_day(day) if day else None


def doc_number(text: str) -> str | None:
    """A 发文字号 in the standard form (〔〕, no 第, no leading zero), or None when it is not one."""
    m = pt.DOC_NUMBER.match(re.sub(r"\s+", "", text))
    if not m:
        return None
    year = m["year"] if len(m["year"]) == 4 else f"20{m['year'][-2:]}"
    try:
        return check_number(f"{m['prefix']}〔{year}〕{int(m['seq'])}号")
    except ValueError:
        return None


# -- headings ----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Heading:
    index: int  # position among the body's parts
    level: int  # the level typed (by its number's form)
    value: int
    typed: str  # the number as typed, with what followed it
    rest: str  # the heading's text after its number
    standalone: bool  # a heading line of its own (no sentence after it)


def heading_levels(headings: list[Heading]) -> dict[int, int]:
    """Typed level → standard level. The forms keep their order (一、 above （一） above 1． above （1））;
    levels nobody used above the top one move up: a draft whose headings are 1、 and (1) gets 一、 and
    （一） — but only when those are headings of their own, not numbered sentences."""
    used = sorted({h.level for h in headings})
    if not used or used[0] <= 2:
        return {level: level for level in used}
    top = [h for h in headings if h.level == used[0]]
    if all(h.standalone for h in top):
        return {level: rank for rank, level in enumerate(used, 1)}
    return {level: level for level in used}


def renumber(headings: list[Heading], levels: dict[int, int]) -> list[tuple[Heading, int, int]]:
    """(heading, standard level, value) with every level numbered 1, 2, 3 … under its parent — or on across
    the text when the draft numbers a level on (（六） under 三、 after （五） under 二、)."""
    mapped = [(h, levels[h.level]) for h in headings]
    carries = _carries_on(mapped)
    counters: dict[int, int] = {}
    out = []
    for h, level in mapped:
        counters[level] = counters.get(level, 0) + 1
        for deeper in [k for k in counters if k > level and k not in carries]:
            counters[deeper] = 0
        out.append((h, level, counters[level]))
    return out


def _carries_on(mapped: list[tuple[Heading, int]]) -> set[int]:
    """Levels the draft numbers on across parents: under a new parent it goes on from the last number."""
    out: set[int] = set()
    last: dict[int, int] = {}
    new_parent: dict[int, bool] = {}
    for h, level in mapped:
        if new_parent.get(level) and level in last and h.value == last[level] + 1:
            out.add(level)
        last[level] = h.value
        new_parent[level] = False
        for deeper in range(level + 1, 5):
            new_parent[deeper] = True
    return out
