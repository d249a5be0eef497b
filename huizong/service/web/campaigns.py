"""Pages: the campaign list and the new-campaign form."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from huizong.service.api.schemas import CampaignIn
from huizong.service.campaigns import actions
from huizong.service.http import errors
from huizong.service.http.deps import Csrf, PageChanger, PageUser, read_form, services
from huizong.service.web.render import page

router = APIRouter()


@router.get("/")
def campaign_list(request: Request, user: PageUser) -> Response:
    campaigns = actions.list_campaigns(services(request), user)
    return page(request, "campaigns.html", {"user": user, "campaigns": campaigns})


@router.get("/campaigns/new")
def new_campaign(request: Request, user: PageChanger) -> Response:
    return page(request, "campaign_new.html", _form_context(request, user, {}, []))


@router.post("/campaigns", dependencies=[Csrf])
async def create_campaign(request: Request, user: PageChanger) -> Response:
    form = await read_form(request)
    values = {
        "title": str(form.get("title") or ""),
        "issuer": str(form.get("issuer") or ""),
        "deadline": str(form.get("deadline") or ""),
        "forms": [str(f) for f in form.getlist("forms")],
        "units": [line.strip() for line in str(form.get("units") or "").splitlines() if line.strip()],
    }
    try:
        body = CampaignIn.model_validate({**values, "deadline": values["deadline"] or None})
        ctx = services(request)
        campaign_id = await run_in_threadpool(actions.create_campaign, ctx, body, user, request.state.actor)
    except ValidationError as exc:
        return page(request, "campaign_new.html", _form_context(request, user, values, _errors(exc)), 422)
    except HTTPException as exc:
        return page(request, "campaign_new.html", _form_context(request, user, values, [str(exc.detail)]), 422)
    return RedirectResponse(f"/campaigns/{campaign_id}/links", status_code=303)


def _form_context(request: Request, user: object, values: dict, errors: list[str]) -> dict:
    forms = [{"id": f.id, "title": f.title} for f in services(request).registry]
    return {"user": user, "forms": forms, "values": values, "errors": errors}


def _errors(exc: ValidationError) -> list[str]:
    return [errors.describe(dict(err)) for err in exc.errors()]
