"""A column's field: its type guessed from the values written under it, else from its label and layout.

Every guess carries a sentence for the clerk (it becomes a comment in the YAML): what was decided and why.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from forms.messages import TYPE_NAMES as ZH_TYPES
from forms.model import FieldDef
from forms.types import (
    BLANK_NUMBER,
    cell_number,
    decimal_places,
    fold,
    is_blank,
    is_placeholder,
    norm_credit_code,
    norm_date,
    norm_email,
    norm_phone,
    to_text,
)
from parsers.infer.words import flat, is_template_marker, split_unit

# (label pattern, type) — what a header's words say about its column when no value does.
_LABEL_TYPES = (
    (re.compile(r"信用代码"), "credit-code"),
    (re.compile(r"手机"), "mobile"),
    (re.compile(r"电话|联系方式|座机|传真"), "phone"),
    (re.compile(r"邮箱|邮件|e-?mail", re.I), "email"),
    (re.compile(r"(日期|时间|年月日)$|^(日期|时间)"), "date"),
    (re.compile(r"金额|万元|^元$|价格|单价|费用|资金|率$|比例|比重|面积|经度|纬度|%"), "decimal"),
    (re.compile(r"^序号$|^编号$|(数|数量|人数|次数|件数|户数|个数|家数)$"), "integer"),
)
_NUMBER_UNITS = re.compile(r"(万元|元|家次|家|件|份|个|人次|人|次|起|项|批次|台|户|%)$")
_MAX_CHOICES = 8
_CODE = re.compile(r"代码|编码|编号|号码|账号|帐号|证号|邮编|邮政编码|标识码")  # digits, but not a quantity


@dataclass(slots=True)
class Guess:
    """What a column holds: FieldDef keys (no id), the values of its choice list, and the clerk's notes."""

    label: str
    spec: dict[str, object] = field(default_factory=dict)
    choices: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)
    ident: str | None = None  # an id the parsers give a meaning to (seq: the 序号 column)

    @property
    def type(self) -> str:
        return str(self.spec.get("type", "text"))


def label_type(label: str) -> str | None:
    return next((kind for pattern, kind in _LABEL_TYPES if pattern.search(label)), None)


def filled(values: list[object]) -> list[object]:
    return [v for v in values if not is_blank(v) and not is_placeholder(v) and not is_template_marker(v)]


def number_of(raw: object) -> tuple[Decimal, int] | None:
    """(value, decimal places as written) of a cell that holds a number, else None."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        number = cell_number(raw)
        return number, decimal_places(number)
    text = _NUMBER_UNITS.sub("", fold(to_text(raw)).replace(",", "").replace("，", ""))
    if not re.fullmatch(r"[+\-]?(\d+\.?\d*|\.\d+)", text):
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number, len(text.partition(".")[2])


def _all(values: list[object], ok, share: float = 1.0) -> bool:
    return bool(values) and sum(1 for v in values if ok(v)) >= share * len(values)


def _identifier(values: list[object]) -> bool:
    """Codes written as numbers (身份证号, 6-digit area codes with leading zeros) are text, not quantities."""
    texts = [fold(to_text(v)) for v in values if not isinstance(v, float)]
    return any(t.isdigit() and (len(t) >= 11 or t.startswith("0")) and len(t) > 1 for t in texts)


def _numeric(guess: Guess, values: list[object], hint: str | None) -> bool:
    values = [v for v in values if fold(to_text(v)) not in BLANK_NUMBER]  # —, /, 无: nothing to report
    numbers = [n for v in values if (n := number_of(v)) is not None]
    if not values or len(numbers) < len(values) or _identifier(values) or _CODE.search(guess.label):
        return False
    places = max(p for _n, p in numbers)
    label, unit = split_unit(guess.label)
    guess.label = label
    if unit:
        guess.spec["unit"] = unit
    if places == 0 and hint != "decimal":
        guess.spec["type"] = "integer"
        guess.notes.append(f"推测：整数（{len(values)} 个值都是整数）")
    elif places == 0:
        guess.spec["type"] = "decimal"
        guess.notes.append(f"推测：小数（表头“{label}”；所填的 {len(values)} 个值都是整数）")
    else:
        guess.spec |= {"type": "decimal", "decimals": places}
        guess.notes.append(f"推测：小数，所填的值最多 {places} 位小数；规定的位数不同请修改 decimals")
    return True


def _date_like(value: object) -> bool:
    return isinstance(value, date) or (isinstance(value, str) and norm_date(value).code is None)


def _phone_like(value: object, hint: str | None) -> bool:
    """A phone number; without a label saying so, only one written like one (0477-…, a mobile, +86)."""
    if isinstance(value, int | float | date) or norm_phone(value).code is not None:
        return False
    text = fold(to_text(value))
    return hint == "phone" or bool(re.match(r"^(\+?86|0|1[3-9]\d{9})", text)) or "-" in text


def _dates(values: list[object]) -> bool:
    """Dates, some perhaps written as numbers (20211103, or an Excel date that lost its format) among them."""
    written = sum(1 for v in values if _date_like(v))
    numbers = sum(1 for v in values if isinstance(v, int | float) and norm_date(v).code is None)
    return written > 0 and written + numbers == len(values)


def _kind_of(values: list[object], hint: str | None) -> str | None:
    """A type all the values fit (most of them, when the label says so too)."""
    share = lambda kind: 0.8 if hint == kind else 1.0  # noqa: E731
    checks = (
        ("credit-code", lambda v: norm_credit_code(v).code is None),
        ("email", lambda v: norm_email(v).code is None),
        ("mobile", lambda v: norm_phone(v, mobile_only=True).code is None),
        ("phone", lambda v: _phone_like(v, hint)),
        ("date", _date_like),
    )
    # The kind the label names is tried first: 20211103 under 首次获证时间 is a date, not a phone number.
    checks = tuple(sorted(checks, key=lambda kc: kc[0] != hint))
    for kind, ok in checks:
        if kind == "mobile" and hint == "phone":
            continue  # 联系电话 filled with mobiles only: another unit will write a landline
        if _all(values, ok, share(kind)) or (kind == "date" and _dates(values)):
            return kind
    return None


def _choice(guess: Guess, values: list[object]) -> bool:
    """A small set of short texts repeated down the column: a choice list."""
    texts = [flat(to_text(v)) for v in values]
    multiple = any("、" in t for t in texts)
    parts = [p for t in texts for p in (t.split("、") if multiple else [t]) if p]
    distinct = list(dict.fromkeys(parts))
    if len(parts) < 4 or len(distinct) > min(_MAX_CHOICES, len(parts) // 2) or any(len(p) > 10 for p in distinct):
        return False
    counts = Counter(parts)
    guess.spec["type"] = "choice"
    if multiple:
        guess.spec["multiple"] = True
    guess.choices = tuple(distinct)
    guess.notes.append(
        f"推测：选项，取自所填的 {len(distinct)} 种值（{'、'.join(f'{p}×{counts[p]}' for p in distinct[:4])}"
        f"{'…' if len(distinct) > 4 else ''}）；其他单位若填别的值会被提示，可补全选项或改为 text"
    )
    return True


def guess_column(label: str, values: list[object], *, choices: tuple[str, ...] = (), multiple: bool = False,
                 date_hint: bool = False, seq: bool = False) -> Guess:  # fmt: skip
    """The field of one column. `choices`/`multiple`/`date_hint` come from the sheet's drop-down list."""
    guess = Guess(label)
    values = filled(values)
    hint = label_type(split_unit(label)[0]) or label_type(label)
    if choices:
        guess.spec["type"] = "choice"
        guess.choices = choices
        if multiple:
            guess.spec["multiple"] = True
        guess.notes.append(f"推测：选项，取自表格的下拉列表（{len(choices)} 项）")
    elif seq:
        # The parsers know the 序号 column by this id: a row holding nothing but its number is template filler.
        guess.spec["type"] = "integer"
        guess.ident = "seq"
    elif values:
        _from_values(guess, values, hint)
    elif date_hint:
        guess.spec["type"] = "date"
        guess.notes.append("推测：日期（表格的输入提示要求日期格式）")
    elif hint:
        _from_label(guess, hint)
    return guess


def _from_values(guess: Guess, values: list[object], hint: str | None) -> None:
    kind = _kind_of(values, hint)
    if kind is not None:
        guess.spec["type"] = kind
        guess.notes.append(f"推测：{ZH_TYPES[kind]}（所填的 {len(values)} 个值都是{ZH_TYPES[kind]}）")
    elif _numeric(guess, values, hint) or _choice(guess, values):
        pass
    elif any(len(flat(to_text(v))) > 60 for v in values):  # a PDF wraps names too: length, not line breaks
        guess.spec["long"] = True
        guess.notes.append("推测：长文本（保留分段）")


def _from_label(guess: Guess, hint: str) -> None:
    if hint in ("integer", "decimal"):
        label, unit = split_unit(guess.label)
        guess.label = label
        if unit:
            guess.spec["unit"] = unit
    guess.spec["type"] = hint
    guess.notes.append(f"推测：{ZH_TYPES[hint]}（没有已填的值，按表头“{guess.label}”推测）")


def required(guess: Guess, present: int, rows: int) -> None:
    """Required when every one of at least three filled rows has a value."""
    if rows >= 3 and present == rows:
        guess.spec["required"] = True
        guess.notes.append(f"推测：必填（{rows} 行都填了）")


def field_keys() -> set[str]:
    return set(FieldDef.model_fields)
