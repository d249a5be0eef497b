"""A 公文 as data: the document spec keys, validated with messages an official understands.

Only `title` and `body` are required; every other element of GB/T 9704 appears when its key is given.
Validators normalise what is unambiguous (full-width brackets in a 发文字号, a date written 2021年10月12日)
and reject what is wrong (a 第 in the number, a date that does not exist).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from forms.types import norm_date

Format = Literal["file", "letter", "minutes"]
FORMAT_NAMES = {"file": "文件格式", "letter": "信函格式", "minutes": "纪要格式"}
URGENCIES = ("特提", "特急", "加急", "平急")
SECRECY_LEVELS = ("绝密", "机密", "秘密")

_NUMBER = re.compile(r"^(?P<code>\S+?)〔(?P<year>\d+)〕(?P<seq>\d+)号$")
_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "【": "〔", "】": "〕", "（": "〔", "）": "〕", "(": "〔", ")": "〕"})
_LIST_SPLIT = re.compile(r"[，,、；;\s]+")


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cell(_Spec):
    """One table cell; `span` columns wide. A bare string in YAML is a one-column cell."""

    text: str = ""
    span: int = Field(default=1, ge=1)
    header: bool = False
    lines: int = Field(default=1, ge=1, le=40)  # minimum height in text lines (room to write by hand)

    @model_validator(mode="before")
    @classmethod
    def _bare(cls, v: object) -> object:
        return {"text": "" if v is None else str(v)} if not isinstance(v, dict) else v


class Table(_Spec):
    """A ruled table: a heading line above it, one header row, body rows, notes below."""

    heading: str | None = None
    columns: tuple[str, ...] = ()
    widths: tuple[float, ...] = ()  # relative column widths; equal when empty
    rows: tuple[tuple[Cell, ...], ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def width(self) -> int:
        spans = [sum(c.span for c in row) for row in self.rows]
        return max([len(self.columns), *spans, 1])

    @model_validator(mode="after")
    def _widths_fit(self) -> Table:
        if self.widths and len(self.widths) != self.width:
            raise ValueError(f"表格有 {self.width} 列，但给出了 {len(self.widths)} 个列宽")
        return self


class Attachment(_Spec):
    """An 附件: its name in the 附件说明 and, when it has content, its own page(s) after the text."""

    title: str = Field(min_length=1)
    form: str | None = None  # a form id: laid out as the blank form when the spec is loaded
    meta: str | None = None  # the line above the tables, e.g. 所在旗区：…… 上报时间：……
    body: str | None = None
    tables: tuple[Table, ...] = ()
    landscape: bool | None = None  # None: landscape when a table is too wide for a portrait page

    @model_validator(mode="before")
    @classmethod
    def _bare(cls, v: object) -> object:
        return {"title": v} if isinstance(v, str) else v

    @property
    def has_pages(self) -> bool:
        return bool(self.body or self.tables)


STATUSES = {
    "on_time": "按时报送",
    "late": "逾期报送",
    "unknown": "未填上报时间",
    "partial": "部分报送",
    "unreadable": "文件无法读取",
    "missing": "未报送",
}


class StatusRow(_Spec):
    """One unit of a status chart: how it stands and when it reported (the latest of its returns)."""

    unit: str = Field(min_length=1)
    status: Literal["on_time", "late", "unknown", "partial", "unreadable", "missing"]
    date: dt.date | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, v: object) -> object:
        return parse_date(v)


class Series(_Spec):
    name: str = Field(min_length=1)
    values: tuple[float, ...]


class Chart(_Spec):
    """A figure drawn from data (black and white, Chinese labels), with its caption under it.

    `chart: status` — who reported, on time, late or not at all, by unit, on a time line with the deadline;
    `chart: bars` — horizontal bars of one or two series (e.g. 检查机构数, 发现问题机构数) by label (领域).
    """

    chart: Literal["status", "bars"]
    caption: str = Field(min_length=1)
    deadline: dt.date | None = None  # status
    as_of: dt.date | None = None  # status: the day the chart speaks of
    units: tuple[StatusRow, ...] = ()  # status
    labels: tuple[str, ...] = ()  # bars
    series: tuple[Series, ...] = ()  # bars: one or two
    unit: str = ""  # bars: the unit of the values (家次) when both series share it

    @field_validator("deadline", "as_of", mode="before")
    @classmethod
    def _dates(cls, v: object) -> object:
        return parse_date(v)

    @model_validator(mode="after")
    def _has_data(self) -> Chart:
        if self.chart == "status" and not self.units:
            raise ValueError("报送情况图（status）需要 units：各单位及其报送情况")
        if self.chart == "bars":
            if not self.labels or not 1 <= len(self.series) <= 2:
                raise ValueError("条形图（bars）需要 labels 和一至两组 series")
            for s in self.series:
                if len(s.values) != len(self.labels):
                    raise ValueError(f"条形图的“{s.name}”有 {len(s.values)} 个数值，但有 {len(self.labels)} 个标签")
        return self


BodyPart = str | Table | Chart


class DocSpec(_Spec):
    format: Format = "file"
    copy_no: str | None = None
    secrecy: str | None = None
    urgency: str | None = None
    issuer_mark: tuple[str, ...] = ()
    number: str | None = None
    signers: tuple[str, ...] = ()
    title: str = Field(min_length=1)
    to: str | None = None
    body: tuple[BodyPart, ...] = Field(min_length=1)
    attachments: tuple[Attachment, ...] = ()
    signature: tuple[str, ...] = ()
    date: dt.date | None = None
    seal: bool = False
    note: str | None = None
    present: tuple[str, ...] = ()  # 纪要: 出席
    absent: tuple[str, ...] = ()  # 纪要: 请假
    observers: tuple[str, ...] = ()  # 纪要: 列席
    cc: tuple[str, ...] = ()
    printed_by: str | None = None
    printed_on: dt.date | None = None

    # -- normalisation of what officials write -------------------------------------------------------------
    @field_validator("issuer_mark", "signers", "signature", "present", "absent", "observers", mode="before")
    @classmethod
    def _one_or_many(cls, v: object) -> object:
        return (v,) if isinstance(v, str) else v

    @field_validator("cc", mode="before")
    @classmethod
    def _cc_list(cls, v: object) -> object:
        if isinstance(v, str):
            return tuple(p for p in _LIST_SPLIT.split(v.strip().rstrip("。")) if p)
        return v

    @field_validator("body", mode="before")
    @classmethod
    def _body_parts(cls, v: object) -> object:
        if isinstance(v, str):
            return (v,)
        if isinstance(v, list | tuple):
            return tuple(_part(p) if isinstance(p, dict) else p for p in v)
        return v

    @field_validator("body", mode="after")
    @classmethod
    def _body_not_blank(cls, v: tuple[BodyPart, ...]) -> tuple[BodyPart, ...]:
        if all(isinstance(p, str) and not p.strip() for p in v):
            raise ValueError("正文不能为空")
        return v

    @field_validator("title", "to", "note", "printed_by", mode="before")
    @classmethod
    def _trim(cls, v: object) -> object:
        if isinstance(v, str):
            v = v.strip()
            return v or None
        return v

    @field_validator("note", mode="after")
    @classmethod
    def _note_bare(cls, v: str | None) -> str | None:
        # The renderer adds the parentheses (附注 is printed in full-width parentheses).
        return v.strip("（）()") if v else v

    @field_validator("to", mode="after")
    @classmethod
    def _to_bare(cls, v: str | None) -> str | None:
        return v.rstrip("：:") if v else v

    @field_validator("copy_no", mode="before")
    @classmethod
    def _copy_no(cls, v: object) -> object:
        if v is None:
            return v
        text = str(v).strip()
        if not text.isdigit() or len(text) > 6:
            raise ValueError(f"份号“{text}”应为不超过6位的阿拉伯数字")
        return text.zfill(6)

    @field_validator("secrecy")
    @classmethod
    def _secrecy(cls, v: str | None) -> str | None:
        if v and not v.startswith(SECRECY_LEVELS):
            raise ValueError(f"密级“{v}”应为绝密、机密或秘密（可加★和保密期限，如 秘密★1年）")
        return v

    @field_validator("urgency")
    @classmethod
    def _urgency(cls, v: str | None) -> str | None:
        if v and v not in URGENCIES:
            raise ValueError(f"紧急程度“{v}”应为特急或加急")
        return v

    @field_validator("date", "printed_on", mode="before")
    @classmethod
    def _date(cls, v: object) -> object:
        return parse_date(v)

    @property
    def issuers(self) -> tuple[str, ...]:
        """The issuer names of the mark without the trailing 文件 (joint issuers stack these)."""
        return tuple(n.removesuffix("文件") for n in self.issuer_mark if n.removesuffix("文件"))

    @property
    def mark_suffix(self) -> str:
        """文件 when the mark carries it; set to the right of joint issuers' names."""
        return "文件" if any(n.endswith("文件") for n in self.issuer_mark) else ""

    @field_validator("number")
    @classmethod
    def _number(cls, v: str | None, info: ValidationInfo) -> str | None:
        if v is None or (info.data.get("format") == "minutes" and re.fullmatch(r"第\d+期", v)):
            return v  # a 纪要 may be numbered by issue
        return check_number(v)

    @field_validator("signers")
    @classmethod
    def _signers_need_number(cls, v: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        if v and not info.data.get("number"):
            raise ValueError("有签发人的上行文必须有发文字号")
        return v


def _part(data: dict) -> Table | Chart:
    """A table or a chart written in the 正文, with its first problem said plainly."""
    kind, name = (Chart, "图") if "chart" in data else (Table, "表格")
    try:
        return kind.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        message = str(err["ctx"]["error"]) if err["type"] == "value_error" else _plain(err)
        where = f"（{where}）" if where else ""
        raise ValueError(f"正文中的{name}有误{where}：{message}") from None


def _plain(err: dict) -> str:
    """A pydantic error inside a table or chart in Chinese (the spec's top-level keys have spec.describe)."""
    kind = err["type"]
    if kind == "missing":
        return "缺少必填项"
    if kind == "extra_forbidden":
        return "未知的键"
    if kind == "literal_error":
        return f"“{err.get('input')}”不是可选的值（{err['ctx']['expected']}）"
    return f"值“{err.get('input')}”不正确"


def parse_date(v: object) -> dt.date | None:
    """A date from YAML: 2021-10-12, 2021年10月12日, 2021.10.12 … — and a clear refusal of 2021-02-30."""
    if v is None or v == "":
        return None
    if isinstance(v, dt.date):
        return v
    result = norm_date(v)
    if result.code or not isinstance(result.value, str) or len(result.value) != 10:
        raise ValueError(f"日期“{v}”不存在或无法识别（应写作 2021-10-12 或 2021年10月12日）")
    return dt.date.fromisoformat(result.value)


def check_number(raw: str) -> str:
    """A 发文字号 in the standard form 代字〔YYYY〕N号, or a ValueError saying exactly what is wrong."""
    text = re.sub(r"\s+", "", str(raw)).translate(_BRACKETS)
    hint = "（应为 机关代字〔年份〕序号号，如 沪市监认检〔2021〕529号）"
    m = _NUMBER.match(text)
    if "第" in text:
        raise ValueError(f"发文字号“{raw}”不应编“第”字{hint}")
    if not m:
        if "〔" not in text or "〕" not in text:
            raise ValueError(f"发文字号“{raw}”的年份须用六角括号〔〕括入{hint}")
        if not text.endswith("号"):
            raise ValueError(f"发文字号“{raw}”应以“号”结尾{hint}")
        raise ValueError(f"发文字号“{raw}”格式不正确{hint}")
    if len(m["year"]) != 4:
        raise ValueError(f"发文字号“{raw}”的年份应为四位数字{hint}")
    if m["seq"].startswith("0"):
        raise ValueError(f"发文字号“{raw}”的序号不编虚位（不加前导零）{hint}")
    return text
