"""The campaign (who sends what to whom, by when) and the stamp of one document (its date and number).

A campaign file is YAML an office writes once (`huizong doc notice --campaign 行动.yaml`); `load_campaign`
says in Chinese which line and key of it is wrong. Its `date` and `number` are the 通知's own: every other
document of the campaign gets its own `Stamp` (the day it is made, the next number of the 代字).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from generators.documents.errors import DataError, DocumentSpecError
from generators.documents.model import Format, check_number, parse_date
from generators.documents.yamltext import key_line, line_of, load_mapping

KEYS = {
    "title": "专项行动名称",
    "issuer": "发文机关",
    "issuer_mark": "发文机关标志",
    "prefix": "机关代字",
    "number": "通知的发文字号（或序号）",
    "date": "通知的成文日期",
    "deadline": "报送截止日期",
    "remind_by": "催报通知中新的报送期限",
    "forms": "随通知下发的报表",
    "units": "应报单位",
    "unit_suffix": "单位名称后缀",
    "to": "主送机关",
    "contact": "联系人",
    "phone": "联系电话",
    "email": "电子邮箱",
    "seal": "加盖印章",
    "cc": "抄送机关",
    "printed_by": "印发机关",
    "format": "公文格式",
}


class CampaignInfo(BaseModel):
    """Who sends what to whom, and by when. Only the issuer is required."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(default="检验检测市场专项整治行动", min_length=1)  # the campaign, as in 关于开展…的通知
    issuer: str = Field(min_length=1)  # 发文机关 (署名)
    issuer_mark: str | None = None  # 发文机关标志; default: issuer + 文件
    prefix: str | None = None  # 机关代字, e.g. 东市监发
    number: int | str | None = None  # the 通知's 发文字号, or its sequence number under `prefix`
    date: dt.date | None = None  # the 通知's 成文日期
    deadline: dt.date | None = None  # 报送截止日期
    remind_by: dt.date | None = None  # new deadline named in a 催报通知
    forms: list[str] = Field(default_factory=list)  # ids of the forms the 通知 asked for
    units: list[str] = Field(default_factory=list)  # expected reporting units (旗区)
    unit_suffix: str = ""  # appended to a unit in 主送机关: 东胜区 + 市场监督管理局
    to: str | None = None  # 主送机关 of the notice and the bulletin; default: 各 + units
    contact: str | None = None  # 联系人
    phone: str | None = None
    email: str | None = None
    seal: bool = True
    cc: list[str] = Field(default_factory=list)
    printed_by: str | None = None  # default: issuer + 办公室
    format: Format = "file"

    @field_validator("deadline", "remind_by", "date", mode="before")
    @classmethod
    def _dates(cls, v: object) -> object:
        return parse_date(v) if v is not None else v

    @field_validator("number", mode="before")
    @classmethod
    def _number(cls, v: object) -> object:
        if isinstance(v, str) and v.strip().isdigit():
            return int(v)
        return check_number(v) if isinstance(v, str) else v

    @field_validator("issuer", "title", mode="before")
    @classmethod
    def _trim(cls, v: object) -> object:
        return v.strip() if isinstance(v, str) else v

    @property
    def mark(self) -> str:
        return self.issuer_mark or f"{self.issuer}文件"

    def notice_number(self, year: int) -> str | None:
        """The 通知's 发文字号: as written, or 代字〔year〕N号 from its sequence number."""
        if isinstance(self.number, str):
            return self.number
        if not (self.prefix and self.number):
            return None
        return check_number(f"{self.prefix}〔{year}〕{self.number}号")

    @property
    def notice_citation(self) -> str:
        """《…关于开展…的通知》（鄂市监发〔2022〕74号） as later documents cite it."""
        name = f"《{self.issuer}关于开展{self.title}的通知》"
        number = self.notice_number(self.date.year) if self.date or isinstance(self.number, str) else None
        return f"{name}（{number}）" if number else name

    @property
    def recipients(self) -> str:
        if self.to:
            return self.to
        return "、".join(self.addressed(self.units)) if self.units else "各有关单位"

    @property
    def office(self) -> str:
        return self.printed_by or f"{self.issuer}办公室"

    def addressed(self, units: Iterable[str]) -> list[str]:
        return [u + self.unit_suffix for u in units]


@dataclass(frozen=True, slots=True)
class Stamp:
    """The 成文日期 and 发文字号 of one document: its own, never another document's."""

    date: dt.date
    number: str | None = None

    @classmethod
    def today(cls) -> Stamp:
        return cls(dt.date.today())


# -- the campaign file ---------------------------------------------------------------------------------------
def load_campaign(path: Path | None, options: dict[str, object] | None = None) -> CampaignInfo:
    """The campaign of `path` (YAML) with `options` (from the command line) taking precedence.

    `units` may name a unit list (one per line) relative to the campaign file. A missing issuer is an error:
    a document without its 发文机关 would go out with a blank 版头.
    """
    options = {k: v for k, v in (options or {}).items() if v is not None}
    data, node, source = ({}, None, None) if path is None else _read(path)
    if isinstance(data.get("units"), str) and "units" not in options:
        data["units"] = _unit_file(path.parent / data["units"], source, key_line(node, "units"))
    data.update(options)
    if not data.get("issuer"):
        where = f"{source}：" if source else ""
        raise DataError(
            f"{where}缺少发文机关（issuer）。请在专项行动信息文件中写明 issuer（如 鄂尔多斯市市场监督管理局），"
            "或用 --issuer 指定。"
        )
    try:
        return CampaignInfo.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        key = str(loc[0]) if loc else ""
        message = _describe(err, key)
        if key in options or source is None:
            raise DataError(f"选项 --{key.replace('_', '-')} 有误：{message}") from exc
        raise DocumentSpecError(message, source, line_of(node, loc)) from exc


def _read(path: Path) -> tuple[dict, yaml.Node, str]:
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise DataError(f"专项行动信息文件 {path} 不存在") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"无法读取专项行动信息文件 {path}（需要 UTF-8 编码的 YAML 文本）") from exc
    data, node = load_mapping(text, source, "专项行动信息")
    return data, node, source


def _unit_file(path: Path, source: str | None, line: int | None) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise DocumentSpecError(
            f"units 指向的单位名单文件不存在：{path}（相对路径按本文件所在目录查找）", source, line
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentSpecError(f"无法读取单位名单文件 {path}（需要 UTF-8 文本，每行一个单位）", source, line) from exc
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _describe(err: dict, key: str) -> str:
    name = KEYS.get(key, key)
    kind = err["type"]
    if kind == "extra_forbidden":
        return f"未知的键“{key}”（可用的键：{'、'.join(KEYS)}）"
    if kind == "value_error":
        return str(err["ctx"]["error"]) if "ctx" in err else err["msg"]
    if kind == "literal_error":
        return f"“{key}”（{name}）应为 file、letter 或 minutes，而不是“{err.get('input')}”"
    if kind in ("string_too_short", "missing"):
        return f"“{key}”（{name}）不能为空"
    if kind.startswith(("list_", "string_", "bool_", "int_")):
        expected = {"list": "一个列表（如 [甲, 乙]）", "string": "文字", "bool": "true 或 false", "int": "整数"}
        return f"“{key}”（{name}）应为{expected[kind.split('_')[0]]}，而不是“{err.get('input')}”"
    return f"“{key}”（{name}）的值“{err.get('input')}”不正确"
