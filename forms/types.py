"""Field types: turn what a district wrote into a normalised value, or say why it cannot be.

Every normaliser is a pure function `(raw) -> Result`; a value that cannot be normalised is kept as written
and carries an issue code, so nothing a district wrote is lost.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # annotations only: a 公文 command uses the normalisers without the form model
    from forms.model import Choice, FieldDef

BLANK_NUMBER = {"", "—", "－", "-", "--", "——", "/", "／", "无", "\\", "0.00"}
PLACEHOLDERS = {"……", "…", "...", "......", "。。。", "……。", "略", "xxx", "XXX", "××", "×××", "…………"}
_INT_UNITS = ("家次", "家", "件", "份", "个", "人次", "人", "次", "起", "项", "批次", "台", "户")
_EXCEL_EPOCH = date(1899, 12, 30)


class Result(NamedTuple):
    # A tuple, not a frozen dataclass: one is built for every cell of every return, and a frozen dataclass
    # costs three object.__setattr__ calls each.
    value: object
    code: str | None = None
    hint: str = ""


def to_text(raw: object) -> str:
    """A cell value as the text a person sees (1.0 -> '1', dates ISO)."""
    if type(raw) is str:
        return raw  # most cells hold text; str() of a str is the same object
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "是" if raw else "否"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == datetime.min.time() else raw.isoformat(sep=" ")
    if isinstance(raw, date):
        return raw.isoformat()
    return str(raw)


def fold(text: str) -> str:
    """Full-width to half-width (NFKC) and surrounding whitespace trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


@lru_cache(maxsize=4096)
def squash(text: str) -> str:
    """Comparison key for labels and names: NFKC, no whitespace at all, lower case. Cached: a return asks it
    of the same unit, post and label texts row after row."""
    # split() drops exactly what the regex \s matches (str.isspace) at a fraction of the cost: this runs for
    # every label, placeholder and unique key.
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def display_width(text: str) -> int:
    """Width in monospace columns (and Excel character units): a CJK character counts two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


_PLACEHOLDER_KEYS = frozenset({"", *(squash(p).strip(".。") for p in PLACEHOLDERS)})
_PLACEHOLDER_CHARS = frozenset("".join(PLACEHOLDERS) + " \u3000\t\n.。")


def is_placeholder(raw: object) -> bool:
    """Template filler left in a row: ……, ..., 略, ×××."""
    if not isinstance(raw, str):
        return False
    if _PLACEHOLDER_CHARS.issuperset(raw):
        return True  # fast path: nothing but dots, ellipses and crosses
    return squash(raw).strip(".。") in _PLACEHOLDER_KEYS


# -- text ----------------------------------------------------------------------------------------------------
def norm_text(raw: object, long: bool = False) -> Result:
    text = to_text(raw)
    if "\n" not in text and "\r" not in text:
        return Result(text.strip())  # the common case, without a regex
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if long:
        paras = [p.strip() for p in text.split("\n")]
        return Result("\n".join(p for p in paras if p))
    # A name broken across lines inside a cell is one name.
    return Result(join_lines(text).strip())


def join_lines(text: str) -> str:
    """The lines of a text joined with the whitespace around each break dropped: what `re.sub(r"\\s*\\n\\s*", "",
    text)` gives, in linear time (that regex is quadratic on a long run of spaces without a line break)."""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    inner = (line.strip() for line in lines[1:-1])
    return "".join((lines[0].rstrip(), *inner, lines[-1].lstrip()))


# -- numbers -------------------------------------------------------------------------------------------------
def _strip_units(text: str, unit: str | None) -> tuple[str, str | None]:
    t = text.replace(",", "").replace("，", "").replace(" ", "")
    if unit and t.endswith(unit):
        return t[: -len(unit)], None
    for u in ("万元", *_INT_UNITS):
        if t.endswith(u):
            return t[: -len(u)], u
    if t.endswith("元"):
        return t[:-1], "元"
    return t, None


def cell_number(raw: int | float) -> Decimal:
    """A number the spreadsheet holds, as the district sees it: a float carries binary noise past Excel's 15
    significant digits (0.1+0.2 stored as 0.30000000000000004), which no one typed."""
    return Decimal(raw) if isinstance(raw, int) else Decimal(format(raw, ".15g"))


def decimal_places(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


# Guards applied before any Decimal or int conversion: no return counts or sums anything near 10^16 (Excel keeps
# 15 significant digits), and an exponent like 1e999999999 would make int() build a billion-digit number.
MAX_MAGNITUDE = 16  # a value must be below 10^16
MAX_NUMBER_CHARS = 40
_NUMBER_TEXT = re.compile(r"[+\-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+\-]?\d+)?")
TOO_LARGE = "，数值过大或位数过多"


def norm_number(raw: object, field: FieldDef, blank_is_zero: bool = False) -> Result:
    if isinstance(raw, bool):
        return Result(to_text(raw), "invalid-number")
    if isinstance(raw, int | float):
        if not -(10**MAX_MAGNITUDE) < raw < 10**MAX_MAGNITUDE:  # also inf and nan
            return Result(to_text(raw), "invalid-number", TOO_LARGE)
        number = cell_number(raw)
    else:
        text = fold(to_text(raw))
        if text in BLANK_NUMBER or not text:
            zero = 0 if field.type == "integer" else 0.0
            return Result(zero if blank_is_zero else None)
        body, unit = _strip_units(text, field.unit)
        if unit == "元" and field.unit == "万元":
            return Result(to_text(raw), "invalid-number", "，应以万元为单位")
        if len(body) > MAX_NUMBER_CHARS:
            return Result(to_text(raw), "invalid-number", TOO_LARGE)
        if not _NUMBER_TEXT.fullmatch(body):
            return Result(to_text(raw), "invalid-number")
        number = Decimal(body)  # at most 40 characters: exact and quick (only int() of a huge exponent is slow)
        exponent = number.as_tuple().exponent
        if (number and number.adjusted() >= MAX_MAGNITUDE) or (isinstance(exponent, int) and exponent < -40):
            return Result(to_text(raw), "invalid-number", TOO_LARGE)
    if field.minimum is not None and number < Decimal(str(field.minimum)):
        return Result(to_text(raw), "negative-number")
    if field.type == "integer":
        if number != number.to_integral_value():
            return Result(to_text(raw), "invalid-number", "，应为整数")
        return Result(int(number))
    if field.decimals is not None and decimal_places(number) > field.decimals:
        # Never rounded: the number stays as written and the clerk is told it has more places than declared.
        return Result(float(number), "too-many-decimals", str(field.decimals))
    return Result(float(number))


# -- dates ---------------------------------------------------------------------------------------------------
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_MONTH_PATTERN = re.compile(r"^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*月?$")


def norm_date(raw: object) -> Result:
    if isinstance(raw, datetime):
        return Result(raw.date().isoformat())
    if isinstance(raw, date):
        return Result(raw.isoformat())
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        # An Excel serial date that lost its number format.
        if 20000 <= raw <= 80000:
            return Result((_EXCEL_EPOCH + timedelta(days=int(raw))).isoformat())
        if 19000101 <= raw <= 21001231 and float(raw).is_integer():
            return norm_date(str(int(raw)))
        return Result(to_text(raw), "invalid-date")
    text = fold(to_text(raw))
    if not text:
        return Result(None)
    text = text.rstrip("。.")
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            try:
                return Result(date(int(m[1]), int(m[2]), int(m[3])).isoformat())
            except ValueError:
                return Result(to_text(raw), "invalid-date")
    m = _MONTH_PATTERN.match(text)
    if m and 1 <= int(m[2]) <= 12:
        # Month precision is kept as written: 2020年6月 -> 2020-06.
        return Result(f"{int(m[1]):04d}-{int(m[2]):02d}")
    return Result(to_text(raw), "invalid-date")


# -- phones, e-mail, credit codes ----------------------------------------------------------------------------
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def _phone_digits(text: str) -> tuple[str, str]:
    """Digits of a phone number with an extension split off; +86 and separators removed."""
    t = fold(text)
    ext = ""
    m = re.search(r"(转|分机|ext\.?)\s*(\d{1,5})$", t, re.IGNORECASE)
    if m:
        ext, t = m[2], t[: m.start()]
    t = re.sub(r"^(\+?86|0086)[\s\-]*", "", t.strip())
    t = re.sub(r"[\s\-()（）]", "", t)
    return t, ext


def _one_phone(text: str, mobile_only: bool) -> str | None:
    digits, ext = _phone_digits(text)
    if not digits.isdigit():
        return None
    if _MOBILE.match(digits):
        return digits
    if mobile_only:
        return None
    suffix = f"转{ext}" if ext else ""
    if digits.startswith("0"):
        # Beijing (010) and the 02x cities have three-digit area codes, everyone else four.
        area = digits[:3] if digits.startswith(("010", "02")) else digits[:4]
        local = digits[len(area) :]
        return f"{area}-{local}{suffix}" if 7 <= len(local) <= 8 and local[0] != "0" else None
    # A local number written without its area code is still a number the clerk can dial.
    return digits + suffix if 7 <= len(digits) <= 8 else None


_CLEAN_MOBILE = re.compile(r"1[3-9]\d{9}")
_CLEAN_LANDLINE = re.compile(r"0(10|2\d|[3-9]\d{2})-[1-9]\d{6,7}")


def norm_phone(raw: object, mobile_only: bool = False) -> Result:
    text = to_text(raw).strip()
    if not text:
        return Result(None)
    # Most numbers are already written the standard way: accept those without the general parse.
    if _CLEAN_MOBILE.fullmatch(text) or (not mobile_only and _CLEAN_LANDLINE.fullmatch(text)):
        return Result(text)
    # Several numbers in one cell ("0477-8313683 / 13912345678") are each normalised and kept together.
    out = _phones(text, mobile_only)
    if out is None and "\n" in text:
        # A narrow cell (or a PDF) wraps one number over two lines: 029-⏎88256712.
        out = _phones(join_lines(text), mobile_only)
    if out is None:
        return Result(text, "invalid-mobile" if mobile_only else "invalid-phone")
    return Result(out)


def _phones(text: str, mobile_only: bool) -> str | None:
    parts = [p for p in re.split(r"[、,，;；/\n]+", text) if p.strip()]
    out = [_one_phone(p, mobile_only) for p in parts]
    if not out or any(o is None for o in out):
        return None
    return "、".join(o for o in out if o)


_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")


def norm_email(raw: object) -> Result:
    text = fold(to_text(raw)).replace(" ", "")
    if not text:
        return Result(None)
    return Result(text.lower()) if _EMAIL.match(text) else Result(to_text(raw), "invalid-email")


CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_check_char(first17: str) -> str:
    """GB 32100-2015 check character for the first 17 characters of a 统一社会信用代码."""
    total = sum(CREDIT_CHARSET.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARSET[(31 - total % 31) % 31]


def norm_credit_code(raw: object) -> Result:
    text = fold(to_text(raw)).replace(" ", "").upper()
    if not text:
        return Result(None)
    if len(text) != 18:
        return Result(to_text(raw), "invalid-credit-code", f"（应为18位，实为{len(text)}位）")
    if any(c not in CREDIT_CHARSET for c in text):
        return Result(to_text(raw), "invalid-credit-code", "（含有不允许的字符）")
    if credit_check_char(text[:17]) != text[17]:
        return Result(to_text(raw), "invalid-credit-code", "（校验位不符）")
    return Result(text)


# -- choices -------------------------------------------------------------------------------------------------
def match_choice(text: str, choices: tuple[Choice, ...]) -> str | None:
    """Tolerant matching: exact or synonym, then the longest choice contained in the text (食品检测 → 食品)."""
    key = squash(re.sub(r"[（(][^）)]*[）)]", "", text)) or squash(text)
    for c in choices:
        if key == squash(c.value) or key in (squash(s) for s in c.synonyms):
            return c.value
    best: tuple[int, str] | None = None
    for c in choices:
        for label in (c.value, *c.synonyms):
            s = squash(label)
            if s and s in key and (best is None or len(s) > best[0]):
                best = (len(s), c.value)
    return best[1] if best else None


def norm_choice(raw: object, field: FieldDef, choices: tuple[Choice, ...]) -> Result:
    text = norm_text(raw).value
    if not text:
        return Result(None)
    parts = re.split(r"[、,，;；/\s]+", str(text)) if field.multiple else [str(text)]
    values: list[str] = []
    unknown: list[str] = []
    for part in (p for p in parts if p):
        hit = match_choice(part, choices)
        if hit is None:
            unknown.append(part)
            values.append(part)
        elif hit not in values:
            values.append(hit)
    joined = field.separator.join(values)
    if unknown:
        return Result(joined, "unknown-choice", "、".join(unknown) + " 未能对应")
    return Result(joined)


_NOTHING = Result(None)


def normalise(raw: object, field: FieldDef, choices: tuple[Choice, ...] = (), blank_is_zero: bool = False) -> Result:
    """The one entry point: dispatch on the field's type."""
    return normaliser(field, choices, blank_is_zero)(raw)


def normaliser(
    field: FieldDef, choices: tuple[Choice, ...] = (), blank_is_zero: bool = False
) -> Callable[[object], Result]:
    """`normalise` for one field, its type dispatched once: a whole column goes through the function it gives."""
    kind = field.type
    if kind in ("integer", "decimal"):
        return lambda raw: norm_number(raw, field, blank_is_zero)
    one: Callable[[object], Result]
    match kind:
        case "text":  # first: most fields are text
            long = field.long
            one = lambda raw: norm_text(raw, long=long)  # noqa: E731
        case "date":
            one = norm_date
        case "phone":
            one = norm_phone
        case "mobile":
            one = lambda raw: norm_phone(raw, mobile_only=True)  # noqa: E731
        case "email":
            one = norm_email
        case "credit-code":
            one = norm_credit_code
        case "choice":
            one = lambda raw: norm_choice(raw, field, choices)  # noqa: E731
        case _:
            long = field.long
            one = lambda raw: norm_text(raw, long=long)  # noqa: E731
    return lambda raw: _NOTHING if is_blank(raw) else one(raw)
