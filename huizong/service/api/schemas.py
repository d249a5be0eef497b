"""The JSON the API takes and gives; extra keys only ever added, never renamed."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from forms.issues import Issue

ReturnStatus = Literal[
    "queued", "pending", "merged", "superseded", "failed", "unrecognized", "refused", "returned", "voided"
]
# unreadable: the unit sent only a file that cannot be read (it must send it again); returned: sent back (退回修改).
BoardStatus = Literal["missing", "received", "has-errors", "late", "unreadable", "returned"]
Role = Literal["admin", "clerk", "viewer"]


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)


class TokenOut(BaseModel):
    token: str
    token_type: str = "bearer"
    expires_at: datetime


class CampaignIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    forms: list[str] = Field(min_length=1, max_length=20)
    units: list[str] = Field(min_length=1, max_length=300)
    deadline: date
    issuer: str | None = Field(default=None, max_length=100)  # 发文机关 of the 催报通知 and 情况通报
    contact: str | None = Field(default=None, max_length=50)  # 联系人, shown on the units' link pages
    phone: str | None = Field(default=None, max_length=40)  # 联系电话
    aliases: dict[str, list[str]] = Field(default_factory=dict)  # unit -> other names it goes by in files

    @field_validator("title")
    @classmethod
    def _title(cls, v: str) -> str:
        return _title(v)

    @field_validator("issuer", "contact", "phone")
    @classmethod
    def _optional(cls, v: str | None) -> str | None:
        return v.strip() or None if v else None

    @field_validator("forms", "units")
    @classmethod
    def _distinct(cls, v: list[str]) -> list[str]:
        return _distinct(v)

    @field_validator("aliases")
    @classmethod
    def _aliases(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        return _aliases(v)


def _title(v: str) -> str:
    if not v.strip():
        raise ValueError("任务名称不能为空")
    return v.strip()


def _distinct(v: list[str]) -> list[str]:
    cleaned = [x.strip() for x in v if x.strip()]
    if not cleaned:
        raise ValueError("不能为空")
    if any(len(x) > 100 for x in cleaned):
        raise ValueError("名称过长（最多 100 字）")
    if len(set(cleaned)) != len(cleaned):
        raise ValueError("有重复项")
    return cleaned


def _aliases(v: dict[str, list[str]]) -> dict[str, list[str]]:
    cleaned = {unit.strip(): [a.strip() for a in names if a.strip()] for unit, names in v.items()}
    if any(len(a) > 100 for names in cleaned.values() for a in names):
        raise ValueError("名称过长（最多 100 字）")
    return cleaned


class CampaignPatch(BaseModel):
    """PATCH /api/campaigns/{id}: any of these; what is left out stays as it is."""

    model_config = ConfigDict(extra="forbid")
    title: str | None = Field(default=None, min_length=1, max_length=200)
    deadline: date | None = None
    units: list[str] | None = Field(default=None, min_length=1, max_length=300)  # the whole new list, in order
    forms: list[str] | None = Field(default=None, min_length=1, max_length=20)
    aliases: dict[str, list[str]] | None = None  # unit -> its other names (replaces those of the units named)
    issuer: str | None = Field(default=None, max_length=100)
    contact: str | None = Field(default=None, max_length=50)
    phone: str | None = Field(default=None, max_length=40)

    @field_validator("title")
    @classmethod
    def _title(cls, v: str | None) -> str | None:
        return None if v is None else _title(v)

    @field_validator("forms", "units")
    @classmethod
    def _distinct(cls, v: list[str] | None) -> list[str] | None:
        return None if v is None else _distinct(v)

    @field_validator("aliases")
    @classmethod
    def _aliases(cls, v: dict[str, list[str]] | None) -> dict[str, list[str]] | None:
        return None if v is None else _aliases(v)


class VoidIn(BaseModel):
    reason: str = Field(min_length=1, max_length=500)


class AssignIn(BaseModel):
    unit: str | None = Field(default=None, max_length=100)
    form: str | None = Field(default=None, max_length=64)


class SendBackIn(BaseModel):
    note: str = Field(min_length=1, max_length=2000)


class UnitLink(BaseModel):
    unit: str
    upload_url: str


class ReturnSummary(BaseModel):
    id: int
    form: str | None
    unit: str | None
    status: ReturnStatus
    board_status: BoardStatus | None = None  # the cell's status when this return is the one that counts
    current: bool = False
    filename: str
    sha256: str
    size: int
    uploaded_at: datetime
    uploaded_by: str
    errors: int
    warnings: int
    message: str | None = None
    retryable: bool = False  # processing failed for a passing reason: POST /api/returns/{id}/retry
    reviewed: bool = False  # 已审核, until the return changes (re-upload, assign, void, send back)
    reviewed_at: datetime | None = None
    reviewed_by: str | None = None
    void_reason: str | None = None  # status voided: why (作废原因)
    sent_back_note: str | None = None  # status returned: what the unit must correct (退回意见)
    sent_back_at: datetime | None = None
    assigned_unit: str | None = None  # read as this unit and form because a clerk said so
    assigned_form: str | None = None


class ReturnOut(ReturnSummary):
    campaign_id: int
    issues: list[Issue] = Field(default_factory=list)
    replaces: int | None = None  # the earlier return of this unit and form it superseded
    changes: str | None = None  # what changed against that one


class DuplicateOut(ReturnOut):
    """An upload whose bytes equal a return already stored for the campaign: nothing new was kept."""

    duplicate_of: int


class UnitOut(BaseModel):
    unit: str
    aliases: list[str] = Field(default_factory=list)
    status: BoardStatus
    forms: dict[str, BoardStatus]
    upload_url: str
    returns: list[ReturnSummary]


class CampaignSummary(BaseModel):
    id: int
    title: str
    forms: list[str]
    deadline: date
    created_at: datetime
    returns: int


class CampaignOut(BaseModel):
    id: int
    title: str
    forms: list[str]
    deadline: date
    issuer: str | None = None
    contact: str | None = None
    phone: str | None = None
    office: str | None = None
    created_at: datetime
    units: list[UnitOut]
    counts: dict[str, int]  # units per status
    unplaced: list[ReturnSummary]  # parsed but not counted: unreadable, unknown unit, another form
    pending: list[ReturnSummary]


class CampaignCreated(BaseModel):
    id: int
    title: str
    forms: list[str]
    deadline: date
    issuer: str | None = None
    contact: str | None = None
    phone: str | None = None
    units: list[UnitLink]


class FormRef(BaseModel):
    id: str
    title: str


class LinkReturn(ReturnSummary):
    issues: list[Issue] = Field(default_factory=list)
    annotated_url: str | None = None  # the file with its problems marked, for the unit to correct


class LinkOut(BaseModel):
    """What a unit's upload link shows (GET /api/links/{token}): the campaign, and this unit's returns."""

    campaign_id: int
    title: str
    issuer: str | None
    contact: str | None
    phone: str | None
    deadline: date
    unit: str
    status: BoardStatus
    forms: list[FormRef]
    cells: dict[str, BoardStatus]
    returns: list[LinkReturn]  # newest first


class UserOut(BaseModel):
    id: int
    username: str
    role: Role
    role_label: str
    office: str
    created_at: datetime


class UserIn(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=8, max_length=1024)
    role: Role = "clerk"

    @field_validator("username")
    @classmethod
    def _name(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("用户名不能为空")
        return v.strip()


class RoleIn(BaseModel):
    role: Role


class PasswordIn(BaseModel):
    """A new password; `old_password` is required when users change their own."""

    password: str = Field(min_length=8, max_length=1024)
    old_password: str | None = Field(default=None, max_length=1024)


class AuditOut(BaseModel):
    at: datetime
    actor: str
    action: str
    action_label: str
    return_id: int | None
    client: str | None
    detail: str


class FieldInfo(BaseModel):
    id: str
    label: str
    type: str
    required: bool


class SectionInfo(BaseModel):
    key: str
    heading: str


class FormInfo(BaseModel):
    """A form as a clerk checks it: its fields, their types, its sections."""

    id: str
    title: str
    layout: str
    own: bool  # defined by the office from its annex (not built in)
    fields: list[FieldInfo]
    sections: list[SectionInfo] = Field(default_factory=list)


class FormNote(BaseModel):
    path: str  # where in the form file, e.g. fields[2]
    note: str  # what was guessed


class InferredOut(BaseModel):
    """POST /api/forms/infer: the form read from a blank annex, not saved yet."""

    form: FormInfo
    yaml: str  # the form file, commented where guessed; edit it, then POST /api/forms
    notes: list[FormNote]


class FormIn(BaseModel):
    yaml: str = Field(min_length=1, max_length=200_000)
