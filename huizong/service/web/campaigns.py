"""Pages: the campaign list and the new-campaign form."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from huizong.service.api.schemas import CampaignIn
from huizong.service.campaigns import actions
from huizong.service.http.deps import Csrf, PageChanger, PageUser, read_form, services
from huizong.service.web.render import page

router = APIRouter()
_FIELD_NAMES = {"title": "任务名称", "forms": "报表", "units": "应报单位", "deadline": "截止日期", "issuer": "发文机关"}


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
    messages = []
    for err in exc.errors():
        field = _FIELD_NAMES.get(str(err["loc"][0]) if err["loc"] else "", "")
        reason = str(err.get("ctx", {}).get("error") or "") or _reason(err["type"])
        messages.append(f"{field}：{reason}")
    return messages


def _reason(kind: str) -> str:
    return {
        "missing": "必须填写",
        "too_short": "不能为空",
        "string_too_short": "不能为空",
        "too_long": "项目过多",
        "string_too_long": "过长",
        "date_from_datetime_parsing": "不是有效日期",
        "date_parsing": "不是有效日期",
        "date_type": "不是有效日期",
    }.get(kind, "填写有误")
