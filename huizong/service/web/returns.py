"""Pages: the clerk's upload (many files, drag and drop), the upload results, one return's issues."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from huizong.service.campaigns import uploads, views
from huizong.service.http import downloads
from huizong.service.http.deps import (
    Csrf,
    PageCampaignChanger,
    PageCampaignReader,
    PageReturnChanger,
    PageReturnReader,
    read_form,
    services,
)
from huizong.service.storage import safe_name
from huizong.service.web import notes as notes_
from huizong.service.web.render import page

router = APIRouter()


@router.get("/campaigns/{campaign_id}/upload")
def upload_page(campaign_id: int, request: Request, user: PageCampaignChanger) -> Response:
    snap = views.load(services(request), campaign_id)
    accept = ",".join(services(request).settings.allowed_suffixes)
    return page(request, "upload.html", {"user": user, "b": snap.board, "units": snap.units, "accept": accept})


@router.post("/campaigns/{campaign_id}/upload", dependencies=[Csrf])
async def upload(campaign_id: int, request: Request, user: PageCampaignChanger) -> Response:
    ctx = services(request)
    await run_in_threadpool(uploads.require_campaign, ctx, campaign_id)
    form = await read_form(request)
    unit_id = await run_in_threadpool(uploads.unit_named, ctx, campaign_id, str(form.get("unit") or ""))
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and (f.filename or f.size)]
    if not files:
        raise HTTPException(422, "请选择要上传的文件。")
    sender = uploads.Sender(request.state.actor, user.id, "clerk", unit_id)
    stored, rejected = await store_all(ctx, campaign_id, files, sender)
    # Post/redirect/get: a reload never sends the files again, and the refusals travel in the address.
    target = notes_.address(f"/campaigns/{campaign_id}/uploads", request, rejected, ids=",".join(map(str, stored)))
    return RedirectResponse(target, status_code=303)


async def store_all(
    ctx: uploads.Services, campaign_id: int, files: list[UploadFile], sender: uploads.Sender
) -> tuple[list[int], notes_.Rejected]:
    """Store every acceptable file and queue its parse; the others come back with the reason, and the files
    whose bytes came before with that (their earlier return is among the ids, nothing is parsed again)."""
    stored: list[int] = []
    said: notes_.Rejected = []
    for upload in files:
        try:
            incoming = await uploads.read_upload(upload, ctx)
        except HTTPException as exc:
            said.append(("refused", safe_name(upload.filename), str(exc.detail)))
            continue
        kept = await run_in_threadpool(uploads.store, ctx, campaign_id, incoming, sender)
        if kept.duplicate:
            text = f"与已收到的第 {kept.return_id} 号文件内容完全相同，未重复保存，仍以原文件为准"
            said.append(("same", incoming.name, text))
        else:
            uploads.parse_later(ctx, kept.return_id)
        stored.append(kept.return_id)
    return stored, said


@router.get("/campaigns/{campaign_id}/uploads")
async def upload_results(
    campaign_id: int, request: Request, user: PageCampaignReader, ids: str = "", notes: str = ""
) -> Response:
    wanted = [int(x) for x in ids.split(",") if x.isdigit()][:1000]
    snap = await run_in_threadpool(views.load, services(request), campaign_id)
    rows = [views.summary(snap, r) for r in snap.returns if r.id in set(wanted)]
    path = f"/campaigns/{campaign_id}/uploads"
    context = {
        "user": user,
        "b": snap.board,
        "rows": rows,
        **notes_.split(notes_.unpack(request, notes)),
        "pending": any(r.status in ("pending", "queued") for r in rows),
        "refresh_url": str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""),
        "dismiss_url": notes_.address(path, request, [], ids=ids),
    }
    return page(request, "upload_results.html", context)


@router.get("/returns/{return_id}")
async def return_page(return_id: int, request: Request, user: PageReturnReader) -> Response:
    out, snap, row = await run_in_threadpool(views.return_detail, services(request), return_id)
    same_cell = [
        views.summary(snap, r)
        for r in reversed(snap.returns)
        if r.id != row.id and row.unit_id is not None and r.unit_id == row.unit_id and r.form == row.form
    ]
    units = [u.name for u in snap.units]
    context = {"user": user, "b": snap.board, "r": out, "history": same_cell, "units": units}
    return page(request, "return.html", context)


@router.get("/returns/{return_id}/original")
def original(return_id: int, request: Request, user: PageReturnReader) -> Response:
    return downloads.original(services(request), return_id, request.state.actor)


@router.get("/returns/{return_id}/annotated.xlsx")
async def annotated(return_id: int, request: Request, user: PageReturnReader) -> Response:
    return await downloads.annotated(services(request), return_id, request.state.actor)


@router.post("/returns/{return_id}/retry", dependencies=[Csrf])
async def retry(return_id: int, request: Request, user: PageReturnChanger) -> Response:
    """A dead letter ("处理失败，可重试") back to the queue; the page shows it queued, then parsed."""
    await run_in_threadpool(uploads.retry, services(request), return_id, request.state.actor)
    return RedirectResponse(f"/returns/{return_id}", status_code=303)
