"""Pages: an admin's 账号管理 (the office's accounts: add one, change a role, reset a password) and every user's
修改密码."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from huizong.service.api.schemas import UserIn
from huizong.service.http.deps import SESSION_COOKIE, Csrf, PageAdmin, PageUser, read_form, services
from huizong.service.security import accounts
from huizong.service.security.access import ROLE_LABELS
from huizong.service.web.render import page

router = APIRouter()
PASSWORD_RULE = "密码至少 8 个字符。"


def _users_page(request: Request, user: object, message: str | None = None, error: str | None = None) -> Response:
    listed = accounts.list_users(services(request), user)  # type: ignore[arg-type]
    office = listed[0].office if listed else ""
    context = {"user": user, "users": listed, "roles": ROLE_LABELS, "office": office, "message": message}
    return page(request, "users.html", {**context, "error": error}, 422 if error else 200)


@router.get("/users")
def users_page(request: Request, user: PageAdmin) -> Response:
    return _users_page(request, user)


@router.post("/users", dependencies=[Csrf])
async def add_user(request: Request, user: PageAdmin) -> Response:
    form = await read_form(request)
    values = {k: str(form.get(k) or "") for k in ("username", "password", "role")}
    try:
        body = UserIn.model_validate(values)
        await run_in_threadpool(accounts.add, services(request), user, body, request.state.actor)
    except ValidationError as exc:
        fields = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
        error = PASSWORD_RULE if "password" in fields else "请填写用户名，并选择角色。"
        return _users_page(request, user, error=error)
    except HTTPException as exc:
        return _users_page(request, user, error=str(exc.detail))
    return _users_page(request, user, message=f"已新增账号：{body.username}（{ROLE_LABELS[body.role]}）")


@router.post("/users/{user_id}/role", dependencies=[Csrf])
async def set_role(user_id: int, request: Request, user: PageAdmin) -> Response:
    role = str((await read_form(request)).get("role") or "")
    if role not in ROLE_LABELS:
        return _users_page(request, user, error="请选择角色。")
    try:
        out = await run_in_threadpool(accounts.set_role, services(request), user, user_id, role, request.state.actor)
    except HTTPException as exc:
        if exc.status_code == 404:
            raise
        return _users_page(request, user, error=str(exc.detail))
    return _users_page(request, user, message=f"{out.username} 现在是{out.role_label}。")


@router.post("/users/{user_id}/password", dependencies=[Csrf])
async def reset_password(user_id: int, request: Request, user: PageAdmin) -> Response:
    password = str((await read_form(request)).get("password") or "")
    if len(password) < 8:
        return _users_page(request, user, error=PASSWORD_RULE)
    ctx = services(request)
    await run_in_threadpool(accounts.reset_password, ctx, user, user_id, password, request.state.actor)
    return _users_page(request, user, message="密码已重设；该账号需用新密码重新登录。")


@router.get("/account/password")
def password_page(request: Request, user: PageUser) -> Response:
    return page(request, "password.html", {"user": user, "error": None})


@router.post("/account/password", dependencies=[Csrf])
async def change_password(request: Request, user: PageUser) -> Response:
    form = await read_form(request)
    old, new, again = (str(form.get(k) or "") for k in ("old_password", "password", "again"))
    error = PASSWORD_RULE if len(new) < 8 else ("两次输入的新密码不一致。" if new != again else None)
    if error is None:
        try:
            await run_in_threadpool(accounts.change_own, services(request), user, old, new, request.state.actor)
        except HTTPException as exc:
            error = str(exc.detail)
    if error is not None:
        return page(request, "password.html", {"user": user, "error": error}, 422)
    # Every session ended with the old password, this one too: sign in again with the new one.
    response = RedirectResponse("/login?changed=1", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
