"""`标签：值` pairs written inside one cell or one line: 姓名：张三    性别：男    年龄：35.

Word record forms put several pairs in one cell (a 健康检查表's 姓名：… 性别：… 年龄：…), one per line, or in
the paragraphs above the table. Any short label followed by a colon ends the value before it, so a label the
form does not know (籍贯：) is kept as what it is rather than glued onto the previous value.
"""

from __future__ import annotations

import re

# A label: a short run of CJK, letters and brackets right after the start, a space or a separator.
_LABEL = re.compile(r"(?:^|(?<=[\s\u3000，,；;。、]))([\u4e00-\u9fffA-Za-z（）()／/]{1,16}?)[ \t\u3000]*[:：]")
_FILLER = " \t\u3000_＿"


def split(line: str) -> list[tuple[str, str]]:
    """(label, value) pairs of one line, in order; values stripped (may be empty)."""
    matches = list(_LABEL.finditer(line))
    out: list[tuple[str, str]] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        out.append((m.group(1), line[m.end() : end].strip(_FILLER)))
    return out


def in_text(text: str) -> list[tuple[str, str]]:
    """Every pair of a multi-line text, line by line (a label at a line's end never takes the next line)."""
    return [pair for line in text.split("\n") for pair in split(line)]


def labels_in(text: str) -> list[str]:
    return [label for label, _value in in_text(text)]
