"""A column no label or synonym names: mapped to a field when its label is close to the field's and what it
holds fits the field's type — and always reported (`fuzzy-header`) so that a clerk can check the guess.

Districts reword headers all the time (首次取得资质时间 for 首次获证时间); a synonym list alone is never complete.
A wrong guess puts a district's figures in the wrong column of the 汇总表, which nobody notices; a missed column
is kept as an extra column and reported. So a guess must be clearly better than every other field, and a typed
field (date, phone, number …) must not be contradicted by the column's content.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from forms.model import FieldDef, FormDef
from forms.types import is_blank, is_placeholder, normalise
from parsers import labels

_CLOSE = 0.5  # label closeness needed whatever the content: a date column is not any date field
_ACCEPT = 0.75  # label closeness plus content agreement needed
_CONTENT_BONUS = 0.25  # a typed field whose type the column's values fit
_BLIND = 0.8  # label closeness needed for a typed field when the column is empty (a blank template)
_MARGIN = 0.1  # the best field must beat the second by this much
_SAMPLE = 50  # body cells looked at per column
_TYPE_NAMES = {
    "date": "日期",
    "phone": "电话号码",
    "mobile": "手机号码",
    "email": "电子邮箱",
    "credit-code": "统一社会信用代码",
    "integer": "整数",
    "decimal": "数字",
    "choice": "选项中的值",
}


@dataclass(frozen=True, slots=True)
class Guess:
    column: int
    label: str  # the column's header as written
    field: FieldDef
    why: str  # for the clerk: which words the labels share, what the column holds


@dataclass(frozen=True, slots=True)
class _Score:
    value: float
    closest: str  # the field label the column's label is closest to
    shared: tuple[str, ...]
    agreement: float | None


def closeness(text: str, f: FieldDef) -> tuple[float, str, tuple[str, ...]]:
    """How close a label is to a field's label or synonyms (0..1): characters and runs in common, order kept;
    a label that is a shortened form of the field's (获证时间 in 首次获证时间) counts as close. Spaces, line
    breaks and parenthesised units are ignored."""
    key = labels.bare(text)
    best: tuple[float, str, tuple[str, ...]] = (0.0, "", ())
    for label in f.labels:
        other = labels.bare(label)
        if not key or not other:
            continue
        matcher = SequenceMatcher(None, key, other, autojunk=False)
        ratio = matcher.ratio()
        if len(key) >= 2 and key in other:
            ratio = max(ratio, 0.8)
        elif _swapped(matcher, key, other):
            continue  # 约谈机构数 is not 问题机构数, 成立日期 not 发证日期: one word put for another
        if ratio > best[0]:
            shared = tuple(key[m.a : m.a + m.size] for m in matcher.get_matching_blocks() if m.size)
            best = (ratio, label, shared)
    return best


def _swapped(matcher: SequenceMatcher, key: str, other: str) -> bool:
    """Whether two labels share a frame but differ in a word of two characters or more on both sides."""
    matched = sum(m.size for m in matcher.get_matching_blocks())
    return len(key) - matched >= 2 and len(other) - matched >= 2 and _word_differs(matcher)


def _word_differs(matcher: SequenceMatcher) -> bool:
    """A run of two or more unmatched characters facing another such run (a replaced word)."""
    return any(tag == "replace" and i2 - i1 >= 2 and j2 - j1 >= 2 for tag, i1, i2, j1, j2 in matcher.get_opcodes())


def agreement(values: Sequence[object], f: FieldDef, form: FormDef) -> float | None:
    """Share of a column's filled cells that are valid values of a typed field; None for a text field or a
    column with nothing in it (no evidence either way)."""
    if f.type == "text":
        return None
    filled = [v for v in values if not is_blank(v) and not is_placeholder(v)][:_SAMPLE]
    if not filled:
        return None
    choices = form.choices.get(f.choices or "", ()) if f.type == "choice" else ()
    good = sum(1 for v in filled if normalise(v, f, choices).code is None)
    return good / len(filled)


def _score(text: str, values: Sequence[object], f: FieldDef, form: FormDef) -> _Score | None:
    close, closest, shared = closeness(text, f)
    if close < _CLOSE:
        return None
    agree = agreement(values, f, form)
    if agree is not None and agree < 0.5:
        return None  # the column holds something else than this field's values
    if agree is None and f.type != "text" and close < _BLIND:
        return None  # a typed field and nothing in the column to confirm it: only a very close label will do
    bonus = _CONTENT_BONUS if agree is not None and agree >= 0.8 else 0.0
    return _Score(close + bonus, closest, shared, agree)


def guess(
    columns: dict[int, str], values: dict[int, list[object]], free: Sequence[FieldDef], form: FormDef
) -> list[Guess]:
    """Columns (index -> header label) that no label matched, mapped to the still unmapped fields.

    Each column goes to its clearly best field, each field to one column, strongest first; anything unclear
    stays unmapped (it is then kept as an extra column, never lost).
    """
    scored: list[tuple[float, int, FieldDef, _Score]] = []
    for col, text in columns.items():
        if len(labels.bare(text)) < 2:
            continue
        options = sorted(
            ((s, f) for f in free if (s := _score(text, values.get(col, []), f, form)) is not None),
            key=lambda sf: -sf[0].value,
        )
        if not options or options[0][0].value < _ACCEPT:
            continue
        if len(options) > 1 and options[1][0].value > options[0][0].value - _MARGIN:
            continue  # two fields fit about as well: a guess would be a coin toss
        best, f = options[0]
        scored.append((best.value, col, f, best))
    scored.sort(key=lambda item: (-item[0], item[1]))
    out: list[Guess] = []
    taken: set[str] = set()
    for _value, col, f, score in scored:
        if f.id in taken:
            continue
        taken.add(f.id)
        out.append(Guess(col, columns[col], f, _why(columns[col], f, score)))
    return sorted(out, key=lambda g: g.column)


def _why(text: str, f: FieldDef, score: _Score) -> str:
    shared = [s for s in score.shared if len(s) >= 2] or list(score.shared)
    common = "、".join(f"“{s}”" for s in shared)
    why = f"与“{score.closest}”共有{common}" if common else f"与“{score.closest}”相近"
    if score.agreement is not None and score.agreement >= 0.8:
        why += f"，内容{'均' if score.agreement == 1 else '多'}为{_TYPE_NAMES.get(f.type, f.type)}"
    return why
