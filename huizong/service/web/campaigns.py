"""Pages: the campaign list, the new-campaign form and the same form to edit a running campaign."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from huizong.service.api.schemas import CampaignIn, CampaignPatch
from huizong.service.campaigns import actions, catalogue, fixes, views
from huizong.service.http import errors
from huizong.service.http.deps import Csrf, PageCampaignChanger, PageChanger, PageUser, read_form, services
from huizong.service.store.models import User
from huizong.service.web.render import page

router = APIRouter()
_ALIAS_MARK = re.compile(r"[:：=]")
_ALIAS_SPLIT = re.compile(r"[、,，;；/\s]+")


@router.get("/")
def campaign_list(request: Request, user: PageUser) -> Response:
    campaigns = actions.list_campaigns(services(request), user)
    return page(request, "campaigns.html", {"user": user, "campaigns": campaigns})


@router.get("/campaigns/new")
def new_campaign(request: Request, user: PageChanger) -> Response:
    return page(request, "campaign_new.html", _form_context(request, user, {}, []))


@router.post("/campaigns", dependencies=[Csrf])
async def create_campaign(request: Request, user: PageChanger) -> Response:
    values = _values(await read_form(request))
    try:
        body = CampaignIn.model_validate({**values, "deadline": values["deadline"] or None})
        ctx = services(request)
        campaign_id = await run_in_threadpool(actions.create_campaign, ctx, body, user, request.state.actor)
    except ValidationError as exc:
        return page(request, "campaign_new.html", _form_context(request, user, values, _errors(exc)), 422)
    except HTTPException as exc:
        return page(request, "campaign_new.html", _form_context(request, user, values, [str(exc.detail)]), 422)
    return RedirectResponse(f"/campaigns/{campaign_id}/links", status_code=303)


@router.get("/campaigns/{campaign_id}/edit")
def edit_campaign_page(campaign_id: int, request: Request, user: PageCampaignChanger) -> Response:
    snap = views.load(services(request), campaign_id)
    c = snap.board.campaign
    values = {
        "title": c.title,
        "issuer": c.issuer or "",
        "contact": c.contact or "",
        "phone": c.phone or "",
        "deadline": c.deadline.isoformat(),
        "forms": list(c.forms),
        "units": [u.name for u in snap.units],
        "aliases": {u.name: list(u.aliases or []) for u in snap.units},
    }
    return page(request, "campaign_new.html", _form_context(request, user, values, [], snap))


@router.post("/campaigns/{campaign_id}/edit", dependencies=[Csrf])
async def edit_campaign(campaign_id: int, request: Request, user: PageCampaignChanger) -> Response:
    """Every field of the form is sent, so the patch names them all; only what changed is recorded."""
    ctx = services(request)
    values = _values(await read_form(request))
    before = await run_in_threadpool(views.load, ctx, campaign_id)
    try:
        patch = CampaignPatch.model_validate({**values, "deadline": values["deadline"] or None})
        await run_in_threadpool(fixes.edit_campaign, ctx, campaign_id, patch, request.state.actor)
    except (ValidationError, HTTPException) as exc:
        problems = _errors(exc) if isinstance(exc, ValidationError) else [str(exc.detail)]
        context = _form_context(request, user, values, problems, before)
        return page(request, "campaign_new.html", context, 422)
    added = set(values["units"]) - {u.name for u in before.units}
    # New units need their links sent: the clerk lands where they are.
    target = f"/campaigns/{campaign_id}/links" if added else f"/campaigns/{campaign_id}"
    return RedirectResponse(target, status_code=303)


def unit_lines(text: str) -> tuple[list[str], dict[str, list[str]]]:
    """The units box: one unit a line, its other names after a colon (东胜区：东胜区市场监督管理局、东胜局)."""
    units: list[str] = []
    aliases: dict[str, list[str]] = {}
    for line in text.splitlines():
        name, mark, rest = _ALIAS_MARK.split(line, maxsplit=1)[0], _ALIAS_MARK.search(line), ""
        if mark:
            rest = line[mark.end() :]
        name = name.strip()
        if not name:
            continue
        units.append(name)
        aliases[name] = [a for a in _ALIAS_SPLIT.split(rest.strip()) if a]
    return units, aliases


def _values(form: FormData) -> dict:
    units, aliases = unit_lines(str(form.get("units") or ""))
    return {
        "title": str(form.get("title") or ""),
        "issuer": str(form.get("issuer") or ""),
        "contact": str(form.get("contact") or ""),
        "phone": str(form.get("phone") or ""),
        "deadline": str(form.get("deadline") or ""),
        "forms": [str(f) for f in form.getlist("forms")],
        "units": units,
        "aliases": aliases,
    }


def _form_context(
    request: Request, user: User, values: dict, problems: list[str], snap: views.Snapshot | None = None
) -> dict:
    ctx = services(request)
    with ctx.db.session() as s:
        registry = catalogue.registry_for(ctx, s, user.office_id)
    forms = [{"id": f.id, "title": f.title} for f in registry]
    aliases = values.get("aliases") or {}
    lines = [f"{u}：{'、'.join(aliases[u])}" if aliases.get(u) else u for u in values.get("units") or []]
    return {
        "user": user,
        "forms": forms,
        "values": values,
        "unit_text": "\n".join(lines),
        "errors": problems,
        "b": snap.board if snap else None,
        "editing": snap is not None,
    }


def _errors(exc: ValidationError) -> list[str]:
    return [errors.describe(dict(err)) for err in exc.errors()]
