"""Who may see and change what: a campaign belongs to its office; a viewer reads, a clerk also changes, an admin
also manages the office's accounts.

Another office's campaign answers 404, never 403: its existence is not the asker's business.
"""

from __future__ import annotations

from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException

from huizong.service.store import campaigns as repo
from huizong.service.store.models import Campaign, StoredReturn, User

NO_CAMPAIGN = "找不到该报送任务。"
NO_RETURN = "找不到该报表文件。"
READ_ONLY = "您的账号是只读账号（查看者），不能修改。如需修改，请联系本单位管理员。"
ADMINS_ONLY = "只有本单位的管理员可以管理账号。"
ROLE_LABELS = {"admin": "管理员", "clerk": "办事员", "viewer": "查看者"}


def may_change(user: User) -> None:
    if user.role not in ("admin", "clerk"):
        raise HTTPException(403, READ_ONLY)


def may_manage(user: User) -> None:
    if user.role != "admin":
        raise HTTPException(403, ADMINS_ONLY)


def campaign(s: Session, user: User, campaign_id: int, *, change: bool = False) -> Campaign:
    found = repo.get_campaign(s, campaign_id)
    if found is None or found.office_id != user.office_id:
        raise HTTPException(404, NO_CAMPAIGN)
    if change:
        may_change(user)
    return found


def return_(s: Session, user: User, return_id: int, *, change: bool = False) -> StoredReturn:
    found = repo.get_return(s, return_id)
    if found is None or repo.office_of_campaign(s, found.campaign_id) != user.office_id:
        raise HTTPException(404, NO_RETURN)
    if change:
        may_change(user)
    return found
