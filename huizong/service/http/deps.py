"""FastAPI dependencies: the process's services, the signed-in clerk (bearer token or page session), CSRF."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException

from huizong.service.context import Services
from huizong.service.http.errors import LoginRequired
from huizong.service.security import access, auth
from huizong.service.security.audit import Actor
from huizong.service.security.clients import client_address
from huizong.service.security.limits import TooManyFiles
from huizong.service.store.models import User

SESSION_COOKIE = "huizong_session"
CSRF_COOKIE = "huizong_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def services(request: Request) -> Services:
    return request.app.state.services


def signer(request: Request) -> auth.Signer:
    return request.app.state.signer


def public_base(request: Request) -> str:
    """Where unit links start: the configured public address, else the address this request came to."""
    return services(request).settings.public_url or str(request.base_url)


def client_of(request: Request) -> str:
    """The client's address; a forwarded one only from a configured trusted proxy."""
    peer = request.client.host if request.client else None
    return client_address(peer, request.headers.get("x-forwarded-for"), services(request).settings.trusted_proxies)


def api_user(request: Request, authorization: Annotated[str | None, Header(include_in_schema=False)] = None) -> User:
    scheme, _, token = (authorization or "").partition(" ")
    user = None
    if scheme.lower() == "bearer" and token.strip():
        user = auth.resolve_token(services(request).db, token.strip(), "api")
    if user is None:
        raise HTTPException(
            401,
            "需要登录：请先调用 /api/login 取得令牌，并在 Authorization 头中以 Bearer 方式提供。",
            headers={"WWW-Authenticate": "Bearer"},
        )
    request.state.actor = Actor.clerk(user.username, client_of(request))
    return user


def session_token(request: Request) -> str | None:
    return signer(request).unsign(request.cookies.get(SESSION_COOKIE))


def optional_page_user(request: Request) -> User | None:
    user = auth.resolve_token(services(request).db, session_token(request), "session")
    if user is not None:
        request.state.actor = Actor.clerk(user.username, client_of(request))
    return user


def page_user(request: Request) -> User:
    user = optional_page_user(request)
    if user is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(target if request.method == "GET" else "/")
    return user


async def read_form(request: Request) -> FormData:
    """The submitted form, parsed once per request (Starlette caches it) under our limits."""
    # Counted here rather than by the parser so the clerk gets our message; the body limit bounds the rest.
    form = await request.form(max_files=1000, max_fields=100)
    files = [v for _, v in form.multi_items() if not isinstance(v, str)]
    if len(files) > services(request).settings.max_files:
        raise TooManyFiles(services(request).settings.max_files)
    return form


async def csrf_checked(request: Request) -> None:
    """Every state-changing form carries the token of the page it came from (field or header)."""
    submitted = request.headers.get(CSRF_HEADER)
    if submitted is None:
        form = await read_form(request)
        value = form.get(CSRF_FIELD)
        submitted = value if isinstance(value, str) else None
    if not auth.check_csrf(signer(request), request.cookies.get(CSRF_COOKIE), submitted):
        raise HTTPException(403, "页面已过期或来源不明（CSRF 校验失败），请刷新页面后重试。")


ApiUser = Annotated[User, Depends(api_user)]
PageUser = Annotated[User, Depends(page_user)]
Csrf = Depends(csrf_checked)


def _campaign(request: Request, user: User, campaign_id: int, change: bool) -> User:
    """The user, if the campaign is of their office (else 404) and they may change it when `change` (else 403)."""
    with services(request).db.session() as s:
        access.campaign(s, user, campaign_id, change=change)
    return user


def _return(request: Request, user: User, return_id: int, change: bool) -> User:
    with services(request).db.session() as s:
        access.return_(s, user, return_id, change=change)
    return user


def _changer(user: User) -> User:
    access.may_change(user)
    return user


def _admin(user: User) -> User:
    access.may_manage(user)
    return user


def api_campaign_reader(campaign_id: int, request: Request, user: ApiUser) -> User:
    return _campaign(request, user, campaign_id, False)


def api_campaign_changer(campaign_id: int, request: Request, user: ApiUser) -> User:
    return _campaign(request, user, campaign_id, True)


def api_return_reader(return_id: int, request: Request, user: ApiUser) -> User:
    return _return(request, user, return_id, False)


def api_return_changer(return_id: int, request: Request, user: ApiUser) -> User:
    return _return(request, user, return_id, True)


def api_changer(user: ApiUser) -> User:
    return _changer(user)


def api_admin(user: ApiUser) -> User:
    return _admin(user)


def page_campaign_reader(campaign_id: int, request: Request, user: PageUser) -> User:
    return _campaign(request, user, campaign_id, False)


def page_campaign_changer(campaign_id: int, request: Request, user: PageUser) -> User:
    return _campaign(request, user, campaign_id, True)


def page_return_reader(return_id: int, request: Request, user: PageUser) -> User:
    return _return(request, user, return_id, False)


def page_return_changer(return_id: int, request: Request, user: PageUser) -> User:
    return _return(request, user, return_id, True)


def page_changer(user: PageUser) -> User:
    return _changer(user)


def page_admin(user: PageUser) -> User:
    return _admin(user)


# The API's users by what the route does: read or change a campaign or a return, change anything, manage accounts.
CampaignReader = Annotated[User, Depends(api_campaign_reader)]
CampaignChanger = Annotated[User, Depends(api_campaign_changer)]
ReturnReader = Annotated[User, Depends(api_return_reader)]
ReturnChanger = Annotated[User, Depends(api_return_changer)]
ApiChanger = Annotated[User, Depends(api_changer)]
ApiAdmin = Annotated[User, Depends(api_admin)]
# The same for the pages (a session cookie; the login page when there is none).
PageCampaignReader = Annotated[User, Depends(page_campaign_reader)]
PageCampaignChanger = Annotated[User, Depends(page_campaign_changer)]
PageReturnReader = Annotated[User, Depends(page_return_reader)]
PageReturnChanger = Annotated[User, Depends(page_return_changer)]
PageChanger = Annotated[User, Depends(page_changer)]
PageAdmin = Annotated[User, Depends(page_admin)]
