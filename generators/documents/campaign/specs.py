"""Documents from campaign data: the 通知 that sends the forms out, the 催报通知, the 情况通报 and the
工作总结 draft, each a DocSpec made by a built-in text (texts/*.yaml.j2) from facts of the merged returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from forms.model import FormDef
from generators.documents.campaign.facts import Facts, gather
from generators.documents.campaign.wording import render_text
from generators.documents.errors import DocumentError
from generators.documents.model import DocSpec, Format, check_number, parse_date
from parsers.results import Result


class NothingToRemind(DocumentError):
    """Every expected unit has reported, without errors: a 催报通知 would name nobody."""


class CampaignInfo(BaseModel):
    """Who sends what to whom, and by when. Every field has a default so a bare CLI call works."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(default="检验检测市场专项整治行动", min_length=1)  # the campaign, as in 关于开展…的通知
    issuer: str = Field(default="市场监督管理局", min_length=1)  # 发文机关 (署名)
    issuer_mark: str | None = None  # 发文机关标志; default: issuer + 文件
    prefix: str | None = None  # 机关代字, e.g. 东市监发
    number: int | None = Field(default=None, ge=1)  # 发文顺序号
    deadline: dt.date | None = None  # 报送截止日期
    remind_by: dt.date | None = None  # new deadline named in a 催报通知
    units: list[str] = Field(default_factory=list)  # expected reporting units (旗区)
    unit_suffix: str = ""  # appended to a unit in 主送机关: 东胜区 + 市场监督管理局
    to: str | None = None  # 主送机关 of the notice and the bulletin; default: 各 + units
    contact: str | None = None  # 联系人
    phone: str | None = None
    email: str | None = None
    date: dt.date = Field(default_factory=dt.date.today)  # 成文日期
    seal: bool = True
    cc: list[str] = Field(default_factory=list)
    printed_by: str | None = None  # default: issuer + 办公室
    format: Format = "file"

    @field_validator("deadline", "remind_by", "date", mode="before")
    @classmethod
    def _dates(cls, v: object) -> object:
        return parse_date(v) if v is not None else v

    @property
    def mark(self) -> str:
        return self.issuer_mark or f"{self.issuer}文件"

    @property
    def number_text(self) -> str | None:
        """发文字号 from 代字 and 顺序号, in the year of the 成文日期."""
        if not (self.prefix and self.number):
            return None
        return check_number(f"{self.prefix}〔{self.date.year}〕{self.number}号")

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


def notice_spec(info: CampaignInfo, forms: list[FormDef], text: str | Path = "notice") -> DocSpec:
    """The campaign 通知 with the chosen forms as numbered attachments laid out as the blank tables."""
    context = {"info": info, "forms": [{"id": f.id, "title": f.title} for f in forms]}
    return render_text(text, context, forms)


def reminder_spec(
    result: Result, info: CampaignInfo, text: str | Path = "reminder", forms: Iterable[FormDef] | None = None
) -> DocSpec:
    """催报通知 naming exactly the units still missing and those whose returns have errors."""
    facts = _facts(result, info, forms)
    missing = facts.status("missing") + facts.status("partial")
    with_errors = [(u, n) for u, n in facts.error_units if u in {x.unit for x in facts.units}]
    if not missing and not with_errors:
        raise NothingToRemind("没有需要催报的单位：所有应报单位均已报送，且报送的材料中没有错误。")
    named = [u.unit for u in missing] + [u for u, _ in with_errors if u not in {m.unit for m in missing}]
    context = {"info": info, "facts": facts, "missing": missing, "with_errors": with_errors, "named": named}
    return render_text(text, context)


def bulletin_spec(
    result: Result, info: CampaignInfo, text: str | Path = "bulletin", forms: Iterable[FormDef] | None = None
) -> DocSpec:
    """情况通报: who reported on time, late or not at all, the consolidated figures, the main problems."""
    facts = _facts(result, info, forms)
    return render_text(text, {"info": info, "facts": facts})


def summary_spec(
    result: Result, info: CampaignInfo, text: str | Path = "summary", forms: Iterable[FormDef] | None = None
) -> DocSpec:
    """工作总结 draft: the six chapters of seed 000, figures and cases filled in, the rest marked 【】."""
    facts = _facts(result, info, forms)
    return render_text(text, {"info": info, "facts": facts})


def _facts(result: Result, info: CampaignInfo, forms: Iterable[FormDef] | None) -> Facts:
    if forms is None:
        from forms import FormRegistry

        forms = FormRegistry.load()
    return gather(result, {f.id: f for f in forms}, info.units, info.deadline)
