"""Returns: a clerk's upload, a return's issues and history, its original bytes and its annotated copy."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from huizong.service.api.schemas import ReturnOut
from huizong.service.campaigns import uploads, views
from huizong.service.http import downloads
from huizong.service.http.deps import ApiUser, services

router = APIRouter(tags=["报表文件"])


def answer(out: ReturnOut) -> JSONResponse:
    """201 once parsed; 202 while still parsing; 422 when the file is another unit's (kept, not counted)."""
    body = out.model_dump(mode="json")
    if out.status == "refused":
        return JSONResponse({"detail": out.message, "return": body}, status_code=422)
    return JSONResponse(body, status_code=202 if out.status in ("pending", "queued") else 201)


@router.post(
    "/campaigns/{campaign_id}/returns",
    status_code=201,
    response_model=ReturnOut,
    summary="上传一份报表（存档后识别、校验）",
    responses={202: {"description": "已存档，仍在识别中"}, 413: {"description": "文件过大"}},
)
async def upload(
    campaign_id: int,
    request: Request,
    user: ApiUser,
    file: Annotated[UploadFile, File(description="报表文件（xlsx、xls、docx、pdf 等）")],
    unit: Annotated[str | None, Form(description="填报单位（文件中没写明时使用）")] = None,
) -> Response:
    ctx = services(request)
    await run_in_threadpool(uploads.require_campaign, ctx, campaign_id)
    unit_id = await run_in_threadpool(uploads.unit_named, ctx, campaign_id, unit)
    incoming = await uploads.read_upload(file, ctx)
    sender = uploads.Sender(request.state.actor, user.id, "clerk", unit_id)
    return_id = await run_in_threadpool(uploads.store, ctx, campaign_id, incoming, sender)
    job = uploads.parse_later(ctx, return_id)
    return answer(await uploads.parsed(ctx, job, return_id))


@router.get("/returns/{return_id}", response_model=ReturnOut, summary="一份报表的识别结果与问题")
async def detail(return_id: int, request: Request, user: ApiUser) -> ReturnOut:
    out, _, _ = await run_in_threadpool(views.return_detail, services(request), return_id)
    return out


@router.get("/returns/{return_id}/original", summary="原始文件（与上传时逐字节相同）")
def original(return_id: int, request: Request, user: ApiUser) -> Response:
    return downloads.original(services(request), return_id, request.state.actor)


@router.get("/returns/{return_id}/annotated.xlsx", summary="标注了问题的文件（退回单位修改用）")
async def annotated(return_id: int, request: Request, user: ApiUser) -> Response:
    return await downloads.annotated(services(request), return_id, request.state.actor)


@router.post("/returns/{return_id}/retry", status_code=202, response_model=ReturnOut, summary="重新处理失败的文件")
async def retry(return_id: int, request: Request, user: ApiUser) -> Response:
    ctx = services(request)
    job = await run_in_threadpool(uploads.retry, ctx, return_id, request.state.actor)
    return answer(await uploads.parsed(ctx, job, return_id))
