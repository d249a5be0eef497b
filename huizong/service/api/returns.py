"""Returns: a clerk's upload, a return's issues and history, its original bytes and its annotated copy, and the
fixes (void, assign, send back, review)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from huizong.service.api.schemas import AssignIn, DuplicateOut, ReturnOut, SendBackIn, VoidIn
from huizong.service.campaigns import fixes, uploads, views
from huizong.service.http import downloads
from huizong.service.http.deps import CampaignChanger, ReturnChanger, ReturnReader, services

router = APIRouter(tags=["报表文件"])


def answer(out: ReturnOut) -> JSONResponse:
    """201 once parsed; 202 while still parsing; 422 when the file is another unit's (kept, not counted);
    200 with `duplicate_of` when the same bytes were stored before (nothing new kept)."""
    body = out.model_dump(mode="json")
    if isinstance(out, DuplicateOut):
        return JSONResponse(body, status_code=200)
    if out.status == "refused":
        return JSONResponse({"detail": out.message, "return": body}, status_code=422)
    return JSONResponse(body, status_code=202 if out.status in ("pending", "queued") else 201)


async def take(ctx: uploads.Services, campaign_id: int, file: UploadFile, sender: uploads.Sender) -> Response:
    """Store one upload and answer as `answer` does, waiting a while for its parse."""
    incoming = await uploads.read_upload(file, ctx)
    stored = await run_in_threadpool(uploads.store, ctx, campaign_id, incoming, sender)
    if stored.duplicate:
        return answer(await run_in_threadpool(uploads.duplicate, ctx, stored.return_id))
    job = uploads.parse_later(ctx, stored.return_id)
    return answer(await uploads.parsed(ctx, job, stored.return_id))


@router.post(
    "/campaigns/{campaign_id}/returns",
    status_code=201,
    response_model=ReturnOut,
    summary="上传一份报表（存档后识别、校验）",
    responses={
        200: {"description": "与已收到的文件完全相同，未另存（duplicate_of）", "model": DuplicateOut},
        202: {"description": "已存档，仍在识别中"},
        413: {"description": "文件过大"},
    },
)
async def upload(
    campaign_id: int,
    request: Request,
    user: CampaignChanger,
    file: Annotated[UploadFile, File(description="报表文件（xlsx、xls、docx、pdf 等）")],
    unit: Annotated[str | None, Form(description="填报单位（文件中没写明时使用）")] = None,
) -> Response:
    ctx = services(request)
    unit_id = await run_in_threadpool(uploads.unit_named, ctx, campaign_id, unit)
    sender = uploads.Sender(request.state.actor, user.id, "clerk", unit_id)
    return await take(ctx, campaign_id, file, sender)


@router.get("/returns/{return_id}", response_model=ReturnOut, summary="一份报表的识别结果与问题")
async def detail(return_id: int, request: Request, user: ReturnReader) -> ReturnOut:
    out, _, _ = await run_in_threadpool(views.return_detail, services(request), return_id)
    return out


@router.get("/returns/{return_id}/original", summary="原始文件（与上传时逐字节相同）")
def original(return_id: int, request: Request, user: ReturnReader) -> Response:
    return downloads.original(services(request), return_id, request.state.actor)


@router.get("/returns/{return_id}/annotated.xlsx", summary="标注了问题的文件（退回单位修改用）")
async def annotated(return_id: int, request: Request, user: ReturnReader) -> Response:
    return await downloads.annotated(services(request), return_id, request.state.actor)


@router.post("/returns/{return_id}/retry", status_code=202, response_model=ReturnOut, summary="重新处理失败的文件")
async def retry(return_id: int, request: Request, user: ReturnChanger) -> Response:
    ctx = services(request)
    job = await run_in_threadpool(uploads.retry, ctx, return_id, request.state.actor)
    return answer(await uploads.parsed(ctx, job, return_id))


@router.post("/returns/{return_id}/void", response_model=ReturnOut, summary="作废（不再计入汇总，保留在记录中）")
async def void(return_id: int, body: VoidIn, request: Request, user: ReturnChanger) -> ReturnOut:
    ctx = services(request)
    await run_in_threadpool(fixes.void, ctx, return_id, body.reason, request.state.actor)
    out, _, _ = await run_in_threadpool(views.return_detail, ctx, return_id)
    return out


@router.post(
    "/returns/{return_id}/assign", status_code=201, response_model=ReturnOut, summary="指定单位和/或报表，重新识别"
)
async def assign(return_id: int, body: AssignIn, request: Request, user: ReturnChanger) -> Response:
    ctx = services(request)
    job = await run_in_threadpool(fixes.assign, ctx, return_id, body, request.state.actor)
    return answer(await uploads.parsed(ctx, job, return_id))


@router.post("/returns/{return_id}/send-back", response_model=ReturnOut, summary="退回修改（附退回意见）")
async def send_back(return_id: int, body: SendBackIn, request: Request, user: ReturnChanger) -> ReturnOut:
    ctx = services(request)
    await run_in_threadpool(fixes.send_back, ctx, return_id, body.note, request.state.actor)
    out, _, _ = await run_in_threadpool(views.return_detail, ctx, return_id)
    return out


@router.post("/returns/{return_id}/review", response_model=ReturnOut, summary="标记为已审核")
async def review(return_id: int, request: Request, user: ReturnChanger) -> ReturnOut:
    ctx = services(request)
    await run_in_threadpool(fixes.review, ctx, return_id, user, request.state.actor)
    out, _, _ = await run_in_threadpool(views.return_detail, ctx, return_id)
    return out
