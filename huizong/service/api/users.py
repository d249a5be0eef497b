"""Accounts: an admin lists and adds the office's accounts, changes a role, resets a password; everyone changes
their own password."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from huizong.service.api.schemas import PasswordIn, RoleIn, UserIn, UserOut
from huizong.service.http.deps import ApiAdmin, ApiUser, services
from huizong.service.security import accounts

router = APIRouter(tags=["账号"])


@router.get("/me", response_model=UserOut, summary="当前账号")
def me(request: Request, user: ApiUser) -> UserOut:
    return accounts.out(user, accounts.office_name(services(request), user.office_id))


@router.post("/me/password", status_code=204, summary="修改自己的密码（需原密码）")
async def own_password(body: PasswordIn, request: Request, user: ApiUser) -> Response:
    ctx = services(request)
    await run_in_threadpool(accounts.change_own, ctx, user, body.old_password, body.password, request.state.actor)
    return Response(status_code=204)


@router.get("/users", response_model=list[UserOut], summary="本单位的账号（管理员）")
def list_users(request: Request, user: ApiAdmin) -> list[UserOut]:
    return accounts.list_users(services(request), user)


@router.post("/users", status_code=201, response_model=UserOut, summary="新增本单位账号（管理员）")
def add_user(body: UserIn, request: Request, user: ApiAdmin) -> UserOut:
    return accounts.add(services(request), user, body, request.state.actor)


@router.patch("/users/{user_id}", response_model=UserOut, summary="修改账号角色（管理员）")
def set_role(user_id: int, body: RoleIn, request: Request, user: ApiAdmin) -> UserOut:
    return accounts.set_role(services(request), user, user_id, body.role, request.state.actor)


@router.post("/users/{user_id}/password", status_code=204, summary="重设本单位账号的密码（管理员）")
def reset_password(user_id: int, body: PasswordIn, request: Request, user: ApiAdmin) -> Response:
    accounts.reset_password(services(request), user, user_id, body.password, request.state.actor)
    return Response(status_code=204)
