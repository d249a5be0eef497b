"""Header fields outside the table: `所在旗区：东胜区    上报时间：2022年5月12日`, wherever they were written."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from forms.model import FieldDef
from parsers.cells import Cell
from parsers.rows import looks_labelled

_QUALIFIER = r"(?:\s*[（(][^）)]{0,8}[）)])?"
# A value that is only what a blank template leaves: （公章）, 年  月  日, {{company}}.
_EMPTY = re.compile(r"^([\s（）()【】\[\]公章盖印章签字名年月日_＿]*|\{\{.*\}\}|\$\{.*\})$")


def _pattern(fields: Sequence[FieldDef]) -> re.Pattern[str] | None:
    return _compiled(tuple(fields))


@cache
def _compiled(fields: tuple[FieldDef, ...]) -> re.Pattern[str] | None:
    labels = sorted({lbl for f in fields for lbl in f.labels}, key=len, reverse=True)
    if not labels:
        return None
    alt = "|".join(r"\s*".join(map(re.escape, lbl)) for lbl in labels)
    return re.compile(rf"(?P<label>{alt}){_QUALIFIER}\s*[:：]")


def _field_for(label: str, fields: Sequence[FieldDef]) -> FieldDef | None:
    flat = "".join(label.split())  # split() drops exactly what the regex \s matches (str.isspace)
    return next((f for f in fields if flat in f.labels), None)


def _unwrap(value: str) -> str:
    """A meta line inside brackets (联络员统计表（填报单位：东胜区）) leaves a closing bracket on its value."""
    while value and value[-1] in ")）】]" and not any(o in value for o in "(（【["):
        value = value[:-1].rstrip()
    return value


def scan_line(line: str, fields: Sequence[FieldDef]) -> dict[str, tuple[str, int]]:
    """`label：value` pairs in one line of text -> {field id: (value, start offset)}; empty values skipped."""
    # Every pair has its colon: most cells (every data value under the header) are passed over at once.
    if "：" not in line and ":" not in line:
        return {}
    pattern = _pattern(fields)
    if pattern is None:
        return {}
    matches = list(pattern.finditer(line))
    found: dict[str, tuple[str, int]] = {}
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        value = _unwrap(line[m.end() : end].strip(" \t\u3000_＿"))
        f = _field_for(m.group("label"), fields)
        if f is not None and value and not _EMPTY.match(value) and f.id not in found:
            found[f.id] = (value, m.start())
    return found


def _names_a_label(text: str, fields: Sequence[FieldDef]) -> bool:
    """A cell that is itself a label (上报时间 / 上报时间：2024年5月10日, or any `label：` such as 单位：元 beside
    an empty 编制部门：) is never another label's value."""
    pattern = _pattern(fields)
    stripped = text.rstrip(":：")
    return (
        _field_for(stripped, fields) is not None
        or bool(pattern and pattern.match(text.strip()))
        or looks_labelled(text.strip())
    )


def scan_cells(rows: Iterable[Sequence[Cell]], fields: Sequence[FieldDef]) -> dict[str, str]:
    """Meta in table rows: `label：value` in a cell, or a bare label cell followed by its value cell."""
    found: dict[str, str] = {}
    named = {label: f for f in reversed(fields) for label in f.labels}  # what _field_for finds: the first field
    for cells in rows:
        texts = [c.text.strip() for c in cells]
        for text in dict.fromkeys(texts):  # merged copies once
            for fid, (value, _at) in scan_line(text, fields).items():
                found.setdefault(fid, value)
        for i, text in enumerate(texts):
            f = named.get("".join(text.rstrip(":：").split()))
            if f is None or f.id in found:
                continue
            following = next((t for t in texts[i + 1 :] if t and t != text), "")
            if following and not _names_a_label(following, fields):
                found[f.id] = following
    return found


def scan_text(lines: Iterable[str], fields: Sequence[FieldDef]) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in lines:
        for fid, (value, _at) in scan_line(line, fields).items():
            found.setdefault(fid, value)
    return found
