"""Sending files: Chinese names kept (RFC 6266 `filename*`), originals byte for byte, every download logged."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from starlette.concurrency import iterate_in_threadpool, run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, Response, StreamingResponse

from huizong.service.campaigns import actions, outputs, views
from huizong.service.context import Services
from huizong.service.jobs import JobFailed
from huizong.service.security import audit
from huizong.service.storage import Blob, suffix_of
from huizong.service.store import campaigns as repo

MEDIA_TYPES = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
    ".xls": "application/vnd.ms-excel",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".json": "application/json",
}


def content_disposition(name: str) -> str:
    """`attachment` with an ASCII fallback for old clients and the real UTF-8 name in `filename*`."""
    suffix = suffix_of(name)
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\;' else "_" for c in name)
    if not any(c.isalnum() for c in fallback[: len(fallback) - len(suffix)]):
        fallback = f"download{suffix}"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def send_bytes(data: bytes, name: str) -> Response:
    media = MEDIA_TYPES.get(suffix_of(name), "application/octet-stream")
    return Response(data, media_type=media, headers={"Content-Disposition": content_disposition(name)})


def send_file(blob: Blob, name: str) -> Response:
    """A stored file: sent by the server from a local path, or streamed from object storage."""
    media = MEDIA_TYPES.get(suffix_of(name), "application/octet-stream")
    headers = {"Content-Disposition": content_disposition(name)}
    if blob.path is not None:
        return FileResponse(blob.path, media_type=media, headers=headers)
    return StreamingResponse(iterate_in_threadpool(blob.chunks()), media_type=media, headers=headers)


def original(ctx: Services, return_id: int, actor: audit.Actor) -> Response:
    with ctx.db.session() as s:
        row = repo.get_return(s, return_id)
        if row is None:
            raise HTTPException(404, "找不到该报表文件。")
        audit.record(s, actor, "download", campaign_id=row.campaign_id, return_id=row.id, detail=f"原件 {row.filename}")
        digest, name = row.sha256, row.filename
    return send_file(ctx.files.original(digest), name)


async def _run(ctx: Services, func: Callable[..., object], *args: int | str) -> str:
    """The cache key of the file a job built; 409 with the reason when there is nothing to build."""
    assert ctx.jobs is not None
    job = ctx.jobs.submit(func, *args)
    try:
        outcome = await ctx.jobs.wait(job, ctx.settings.wait_timeout)
    except TimeoutError:
        raise HTTPException(503, "文件仍在生成中，请稍后再点一次下载。") from None
    except JobFailed:
        raise HTTPException(500, "生成文件时出错，请联系系统管理员查看日志。") from None
    if "refused" in outcome:
        raise HTTPException(409, outcome["refused"])
    return outcome["key"]


async def annotated(ctx: Services, return_id: int, actor: audit.Actor) -> Response:
    out, _, row = await run_in_threadpool(views.return_detail, ctx, return_id)
    if out.status not in ("merged", "superseded", "returned") or not out.issues:
        raise HTTPException(404, "该文件没有可标注的问题。")
    key = await _run(ctx, outputs.build_annotated, return_id)
    name = outputs.annotated_name(row.filename)
    detail = f"问题标注 {name}"
    await run_in_threadpool(
        actions.record, ctx, actor, "download", campaign_id=row.campaign_id, return_id=row.id, detail=detail
    )
    return send_file(ctx.files.cached(key), name)


async def campaign_file(ctx: Services, campaign_id: int, kind_name: str, actor: audit.Actor) -> Response:
    kind = outputs.KINDS.get(kind_name)
    if kind is None:
        raise HTTPException(404, "没有这种下载。")
    snap = await run_in_threadpool(views.load, ctx, campaign_id)
    key = outputs.cache_key(snap, kind)
    if not await run_in_threadpool(ctx.files.has_cache, key):
        key = await _run(ctx, outputs.build_campaign_file, campaign_id, kind_name)
    name = outputs.download_name(snap, kind)
    await run_in_threadpool(actions.record, ctx, actor, "download", campaign_id=campaign_id, detail=name)
    return send_file(ctx.files.cached(key), name)
