"""The audit log: who logged in, created, uploaded, replaced and downloaded what, from where and when."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from huizong.service.store.models import AuditEvent

__all__ = ["ACTIONS", "Actor", "AuditEvent", "events", "record"]

# What a clerk reads on the 操作记录 page.
ACTIONS: dict[str, str] = {
    "login": "登录",
    "login-failed": "登录失败",
    "logout": "退出",
    "user-add": "新增账号",
    "campaign-create": "创建任务",
    "upload": "上传",
    "replace": "重新报送（替换）",
    "refuse": "拒收",
    "retry": "重新处理",
    "download": "下载",
    "duplicate": "重复上传（未另存）",
    "campaign-edit": "修改任务",
    "void": "作废",
    "assign": "指定单位/报表",
    "send-back": "退回修改",
    "review": "审核",
    "user-role": "修改账号角色",
    "password": "修改密码",
    "form-add": "新增报表（附件推断）",
}


@dataclass(frozen=True)
class Actor:
    """Who acts: a clerk (by account name) or a unit through its upload link."""

    name: str
    client: str | None = None

    @classmethod
    def clerk(cls, username: str, client: str | None) -> Actor:
        return cls(username, client)

    @classmethod
    def unit(cls, unit: str, client: str | None) -> Actor:
        return cls(f"{unit}（上报链接）", client)


def record(
    s: Session,
    actor: Actor,
    action: str,
    *,
    campaign_id: int | None = None,
    return_id: int | None = None,
    detail: str = "",
) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    s.add(
        AuditEvent(
            actor=actor.name[:120],
            action=action,
            campaign_id=campaign_id,
            return_id=return_id,
            client=(actor.client or "")[:64] or None,
            detail=detail,
        )
    )


def events(s: Session, campaign_id: int | None = None, limit: int = 500) -> list[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if campaign_id is not None:
        query = query.where(AuditEvent.campaign_id == campaign_id)
    return list(s.scalars(query))
