"""Word's automatic numbering (numbering.xml) turned into the text Word shows: “一、” “（一）” “1.” are often
list labels rather than typed characters, and both the checker and 一键排版 must see them."""

from __future__ import annotations

from lxml import etree

from generators.documents.reading.docx_styles import W, _ppr, wval
from generators.documents.reading.patterns import cn_numeral

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out, n = out + letters, n - value
    return out


def formatted(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCountingThousand"):
        return cn_numeral(n) if n < 100 else str(n)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class Lists:
    def __init__(self, numbering: etree._Element | None) -> None:
        self._levels: dict[str, dict[int, dict]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if numbering is None:
            return
        for abstract in numbering.findall(f"{W}abstractNum"):
            aid = abstract.get(f"{W}abstractNumId")
            self._levels[aid] = {int(lvl.get(f"{W}ilvl", "0")): _level(lvl) for lvl in abstract.findall(f"{W}lvl")}
        for num in numbering.findall(f"{W}num"):
            overrides = {
                int(o.get(f"{W}ilvl", "0")): int(wval(o.find(f"{W}startOverride")) or 1)
                for o in num.findall(f"{W}lvlOverride")
                if o.find(f"{W}startOverride") is not None
            }
            self._nums[num.get(f"{W}numId")] = (wval(num.find(f"{W}abstractNumId")) or "", overrides)

    def label(self, num_id: str | None, ilvl: str | None) -> tuple[str, dict]:
        """The label the next paragraph of list `num_id` at level `ilvl` shows, and the level's pPr."""
        if not num_id or num_id == "0" or num_id not in self._nums:
            return "", {}
        aid, overrides = self._nums[num_id]
        levels = self._levels.get(aid, {})
        level = int(ilvl or 0)
        if level not in levels:
            return "", {}
        key = f"{aid}/{num_id}" if overrides else aid
        counters = self._counters.setdefault(key, {})
        start = overrides.get(level, levels[level]["start"])
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        text = levels[level]["text"]
        for k in range(level + 1):
            if f"%{k + 1}" in text:
                lv = levels.get(k, {"fmt": "decimal", "start": 1})
                text = text.replace(f"%{k + 1}", formatted(counters.get(k, lv["start"]), lv["fmt"]))
        suffix = "\t" if levels[level]["suff"] == "tab" else " " if levels[level]["suff"] == "space" else ""
        return (text + suffix if text else ""), levels[level]["ppr"]


def _level(lvl: etree._Element) -> dict:
    return {
        "start": int(wval(lvl.find(f"{W}start")) or 1),
        "fmt": wval(lvl.find(f"{W}numFmt")) or "decimal",
        "text": wval(lvl.find(f"{W}lvlText")) or "",
        "suff": wval(lvl.find(f"{W}suff")) or "tab",
        "ppr": _ppr(lvl.find(f"{W}pPr")),
    }
