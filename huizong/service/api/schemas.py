"""The JSON the API takes and gives; extra keys only ever added, never renamed."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from forms.issues import Issue

ReturnStatus = Literal["queued", "pending", "merged", "superseded", "failed", "unrecognized", "refused"]
BoardStatus = Literal["missing", "received", "has-errors", "late"]


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

    @field_validator("title")
    @classmethod
    def _title(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("任务名称不能为空")
        return v.strip()

    @field_validator("issuer")
    @classmethod
    def _issuer(cls, v: str | None) -> str | None:
        return v.strip() or None if v else None

    @field_validator("forms", "units")
    @classmethod
    def _distinct(cls, v: list[str]) -> list[str]:
        cleaned = [x.strip() for x in v if x.strip()]
        if not cleaned:
            raise ValueError("不能为空")
        if any(len(x) > 100 for x in cleaned):
            raise ValueError("名称过长（最多 100 字）")
        if len(set(cleaned)) != len(cleaned):
            raise ValueError("有重复项")
        return cleaned


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


class ReturnOut(ReturnSummary):
    campaign_id: int
    issues: list[Issue] = Field(default_factory=list)
    replaces: int | None = None  # the earlier return of this unit and form it superseded
    changes: str | None = None  # what changed against that one


class UnitOut(BaseModel):
    unit: str
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
    units: list[UnitLink]


class AuditOut(BaseModel):
    at: datetime
    actor: str
    action: str
    action_label: str
    return_id: int | None
    client: str | None
    detail: str
