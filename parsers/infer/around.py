"""What stands around the table: the title, the meta line (填报单位：… 上报时间：…) and the notes (填表说明：…)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from forms.types import norm_date
from parsers.cells import Document, Table
from parsers.infer.words import NOTE, flat, is_heading
from parsers.rows import own_cells

# 填报单位（盖章）：东胜区 — a label of 2 to 12 characters, an optional qualifier in brackets, a colon.
# One \s* on each side of the optional bracket: `\s*(?:…)?\s*` is quadratic on a long run of spaces.
_META = re.compile(r"(?P<label>[\u4e00-\u9fffA-Za-z]{2,12})\s*(?:[（(][^（()）]{0,10}[）)]\s*)?[:：]")
_NOT_META = {"填表说明", "填报说明", "说明", "注", "备注", "附注", "附件", "附表", "其中"}
_ANNEX = re.compile(r"^\s*附(件|表)\s*[\d一二三四五六七八九十]*\s*[:：.、]?\s*")
_TITLE_WORDS = ("表", "名单", "清单", "目录", "名录", "统计", "情况", "登记", "台账")
_UNIT_WORDS = ("单位", "旗区", "县区", "区县", "地区", "省份", "部门", "机关", "所在地", "市州")


@dataclass(slots=True)
class MetaField:
    label: str
    values: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        if any(w in self.label for w in ("日期", "时间")) or (
            self.values and all(norm_date(v).code is None for v in self.values)
        ):
            return "date"
        if any(w in self.label for w in ("电话", "手机", "联系方式")):
            return "phone"
        return "text"

    @property
    def is_unit(self) -> bool:
        return any(w in self.label for w in _UNIT_WORDS)


@dataclass(slots=True)
class Around:
    title: str | None = None
    title_from: str = ""
    meta: list[MetaField] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _row_texts(table: Table, rows: range) -> list[str]:
    """Rows of a table as lines of text (merged copies once), for rows above or below the data."""
    out = []
    for r in rows:
        own = own_cells(table.rows[r], r)
        if own:
            # Spaces kept: they part a meta value from the next label (东胜区    上报时间：).
            out.append("  ".join(cell.text.strip() for _c, cell in own))
    return out


def meta_pairs(line: str) -> list[tuple[str, str]]:
    """(label, value) pairs of one line: 所在旗区：东胜区  上报时间：2022年5月12日."""
    matches = [m for m in _META.finditer(line) if m["label"] not in _NOT_META]
    out = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        value = line[m.end() : end].strip(" \t\u3000_＿")
        out.append((m["label"], value))
    return out


def _title(lines: list[str]) -> str | None:
    candidates = []
    for line in lines:
        text = _ANNEX.sub("", flat(line)).strip()
        sentence = any(mark in text for mark in "，。；：:")  # a line of a letter or a note, not a title
        if not (4 <= len(text) <= 60) or NOTE.match(text) or sentence or is_heading(text):
            continue
        candidates.append(text)
    best = next((t for t in candidates if t.endswith(_TITLE_WORDS)), None)
    return best or (candidates[0] if candidates else None)


def from_name(name: str) -> str:
    """A title from a file name: 附件1 检验检测机构名单（修改稿）.xlsx -> 检验检测机构名单."""
    stem = PurePath(name).stem
    stem = re.sub(r"[（(【\[][^）)】\]]*[）)】\]]", "", _ANNEX.sub("", stem))
    return flat(stem.strip(" -_")) or "未命名表单"


_NEAR = 6  # lines right above a table: its title and meta line (a 通知 above its annex says other things)


def around(doc: Document, first: Table, header_row: int, last_row: int) -> Around:
    """Title and meta from the lines right above the table and its rows above the header and below the data;
    notes (填表说明：…) from anywhere in the document."""
    before = first.before[-_NEAR:] if first.before else doc.text[:_NEAR] if first is doc.tables[0] else []
    above = [*before, *_row_texts(first, range(header_row))]
    below = _row_texts(first, range(last_row + 1, len(first.rows)))
    out = Around()
    out.title = _title(above)
    out.title_from = "表格上方的标题" if out.title else ""
    out.notes = list(dict.fromkeys(flat(x) for x in [*above, *below, *doc.text] if NOTE.match(flat(x))))
    found: dict[str, MetaField] = {}
    for line in dict.fromkeys([*above, *below]):
        if NOTE.match(flat(line)):
            continue
        for label, value in meta_pairs(line):
            found.setdefault(label, MetaField(label)).values.extend([value] if value else [])
    out.meta = list(found.values())
    return out
