"""An office's accounts, managed by its admins: list, add, change a role, reset a password; and every user's
own password. Used by the API (api/users.py) and the pages (web/users.py)."""

from __future__ import annotations

from starlette.exceptions import HTTPException

from huizong.service.api.schemas import UserIn, UserOut
from huizong.service.context import Services
from huizong.service.security import audit, auth
from huizong.service.security.access import ROLE_LABELS
from huizong.service.store import users as repo
from huizong.service.store.models import User

NO_USER = "找不到该账号。"


def out(user: User, office: str) -> UserOut:
    return UserOut(
        id=user.id,
        username=user.username,
        role=user.role,  # type: ignore[arg-type]
        role_label=ROLE_LABELS.get(user.role, user.role),
        office=office,
        created_at=user.created_at,
    )


def office_name(ctx: Services, office_id: int) -> str:
    return auth.office_name(ctx.db, office_id)


def list_users(ctx: Services, admin: User) -> list[UserOut]:
    name = office_name(ctx, admin.office_id)
    with ctx.db.session() as s:
        return [out(u, name) for u in repo.users_of(s, admin.office_id)]


def add(ctx: Services, admin: User, body: UserIn, actor: audit.Actor) -> UserOut:
    """A new account in the admin's office; 409 when the name is taken (in any office)."""
    with ctx.db.session() as s:
        if repo.user_by_name(s, body.username) is not None:
            raise HTTPException(409, f"用户名“{body.username}”已被使用，请换一个。")
        user = repo.create_user(
            s, body.username, auth.hash_password(body.password), office_id=admin.office_id, role=body.role
        )
        detail = f"{body.username}（{ROLE_LABELS[body.role]}）"
        audit.record(s, actor, "user-add", detail=detail)
    return out(user, office_name(ctx, admin.office_id))


def _member(ctx: Services, admin: User, user_id: int) -> None:
    with ctx.db.session() as s:
        user = s.get(User, user_id) if 0 < user_id <= 2**31 - 1 else None
        if user is None or user.office_id != admin.office_id:
            raise HTTPException(404, NO_USER)


def set_role(ctx: Services, admin: User, user_id: int, role: str, actor: audit.Actor) -> UserOut:
    _member(ctx, admin, user_id)
    with ctx.db.session() as s:
        user = s.get(User, user_id)
        assert user is not None
        if user.role == "admin" and role != "admin" and repo.admin_count(s, admin.office_id) == 1:
            raise HTTPException(409, "这是本单位唯一的管理员，不能改为其他角色。请先指定另一位管理员。")
        audit.record(s, actor, "user-role", detail=f"{user.username}：{ROLE_LABELS[user.role]} → {ROLE_LABELS[role]}")
        user.role = role
    return out(user, office_name(ctx, admin.office_id))


def reset_password(ctx: Services, admin: User, user_id: int, password: str, actor: audit.Actor) -> None:
    """An admin sets a new password for an account of the office; its sessions and tokens end."""
    _member(ctx, admin, user_id)
    with ctx.db.session() as s:
        user = s.get(User, user_id)
        assert user is not None
        repo.set_password(s, user, auth.hash_password(password))
        audit.record(s, actor, "password", detail=f"管理员重设 {user.username} 的密码")


def change_own(ctx: Services, user: User, old: str | None, new: str, actor: audit.Actor) -> None:
    """Users change their own password, giving the old one; every session, this one too, ends."""
    if not old or not auth.verify_password(user.password_hash, old):
        raise HTTPException(422, "原密码不正确。")
    if old == new:
        raise HTTPException(422, "新密码不能与原密码相同。")
    with ctx.db.session() as s:
        fresh = s.get(User, user.id)
        assert fresh is not None
        repo.set_password(s, fresh, auth.hash_password(new))
        audit.record(s, actor, "password", detail=f"{user.username} 修改了自己的密码")
