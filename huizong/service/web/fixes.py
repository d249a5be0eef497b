"""The clerk's fixes on a return's page: void it, assign it to a unit or form, send it back with a note, mark it
reviewed. Each goes through `campaigns.fixes` (the same as the API, in the audit log) and lands on the page again."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from huizong.service.api.schemas import AssignIn, SendBackIn, VoidIn
from huizong.service.campaigns import fixes
from huizong.service.http import errors
from huizong.service.http.deps import Csrf, PageReturnChanger, read_form, services

router = APIRouter()


def _back(return_id: int) -> Response:
    return RedirectResponse(f"/returns/{return_id}", status_code=303)


async def _field(request: Request, name: str) -> str:
    return str((await read_form(request)).get(name) or "").strip()


def _checked(model: type, **values: object):
    """The API's own body model, so a page and a script are held to the same rules (in Chinese)."""
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        raise HTTPException(422, "；".join(errors.describe(dict(e)) for e in exc.errors())) from None


@router.post("/returns/{return_id}/void", dependencies=[Csrf])
async def void(return_id: int, request: Request, user: PageReturnChanger) -> Response:
    body = _checked(VoidIn, reason=await _field(request, "reason"))
    await run_in_threadpool(fixes.void, services(request), return_id, body.reason, request.state.actor)
    return _back(return_id)


@router.post("/returns/{return_id}/assign", dependencies=[Csrf])
async def assign(return_id: int, request: Request, user: PageReturnChanger) -> Response:
    body = _checked(AssignIn, unit=await _field(request, "unit") or None, form=await _field(request, "form") or None)
    await run_in_threadpool(fixes.assign, services(request), return_id, body, request.state.actor)
    return _back(return_id)


@router.post("/returns/{return_id}/send-back", dependencies=[Csrf])
async def send_back(return_id: int, request: Request, user: PageReturnChanger) -> Response:
    body = _checked(SendBackIn, note=await _field(request, "note"))
    await run_in_threadpool(fixes.send_back, services(request), return_id, body.note, request.state.actor)
    return _back(return_id)


@router.post("/returns/{return_id}/review", dependencies=[Csrf])
async def review(return_id: int, request: Request, user: PageReturnChanger) -> Response:
    await run_in_threadpool(fixes.review, services(request), return_id, user, request.state.actor)
    return _back(return_id)
