"""Forms: the ones an office may use in its campaigns, and its own, made from the blank annex of a 通知
(inferred, checked by the clerk, then saved)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from starlette.concurrency import run_in_threadpool

from huizong.service.api.schemas import FormIn, FormInfo, InferredOut
from huizong.service.campaigns import catalogue, uploads
from huizong.service.http.deps import ApiChanger, ApiUser, services

router = APIRouter(tags=["报表"])


@router.get("/forms", response_model=list[FormInfo], summary="本单位可用的报表（内置的和本单位自定义的）")
def list_forms(request: Request, user: ApiUser) -> list[FormInfo]:
    return catalogue.list_forms(services(request), user.office_id)


@router.post("/forms/infer", response_model=InferredOut, summary="从空白附件推断报表（不保存，供核对）")
async def infer(
    request: Request,
    user: ApiChanger,
    file: Annotated[UploadFile, File(description="通知所附的空白报表（xlsx、xls、docx、pdf）")],
) -> InferredOut:
    ctx = services(request)
    incoming = await uploads.read_upload(file, ctx)
    return await run_in_threadpool(catalogue.infer, ctx, user.office_id, incoming.data, incoming.name)


@router.post("/forms", status_code=201, response_model=FormInfo, summary="保存本单位的报表定义")
async def save(body: FormIn, request: Request, user: ApiChanger) -> FormInfo:
    ctx = services(request)
    actor = request.state.actor
    return await run_in_threadpool(catalogue.save, ctx, user.id, user.office_id, body.yaml, actor)
