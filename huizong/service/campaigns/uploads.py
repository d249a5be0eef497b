"""Taking in a file: check the limits, store it byte for byte with its hash, record who sent it, then parse.

Shared by the API, the clerk's upload page and the units' upload links.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from fastapi import UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from huizong.service.api import schemas
from huizong.service.campaigns import intake, views
from huizong.service.context import Services
from huizong.service.jobs import LANES, Job, JobFailed, lane_for
from huizong.service.security import audit
from huizong.service.security.limits import check_file, check_upload_rate
from huizong.service.storage import safe_name
from huizong.service.storage.base import sha256
from huizong.service.store import campaigns as repo


@dataclass(frozen=True)
class Incoming:
    name: str
    data: bytes


@dataclass(frozen=True)
class Sender:
    actor: audit.Actor
    user_id: int | None
    via: str  # clerk | link
    unit_id: int | None  # the unit the file is declared to be from


async def read_upload(upload: UploadFile, ctx: Services) -> Incoming:
    name = safe_name(upload.filename)
    check_file(name, 0, ctx.settings)
    # Read one byte past the limit: enough to know it is too big without holding a huge file.
    data = await upload.read(ctx.settings.max_file_bytes + 1)
    check_file(name, len(data), ctx.settings)
    return Incoming(name, data)


@dataclass(frozen=True)
class Stored:
    return_id: int
    duplicate: bool = False  # the same bytes were stored for the campaign before: return_id is that return


def store(ctx: Services, campaign_id: int, incoming: Incoming, sender: Sender) -> Stored:
    """Keep the bytes and the record of their arrival; nothing else has looked at the file yet.

    Bytes already stored for the campaign (and not voided) make no new version: the earlier return stands.
    """
    link_unit = sender.unit_id if sender.via == "link" else None
    check_upload_rate(ctx.db, ctx.settings, campaign_id, link_unit)
    digest = sha256(incoming.data)
    with ctx.db.session() as s:
        earlier = repo.same_bytes(s, campaign_id, digest)
        if earlier is not None:
            detail = f"{incoming.name} 与第 {earlier.id} 号文件（{earlier.filename}）完全相同，未另存新版"
            audit.record(s, sender.actor, "duplicate", campaign_id=campaign_id, return_id=earlier.id, detail=detail)
            return Stored(earlier.id, duplicate=True)
    ctx.files.put(incoming.data)
    with ctx.db.session() as s:
        row = repo.add_return(
            s,
            campaign_id=campaign_id,
            sha256=digest,
            filename=incoming.name,
            size=len(incoming.data),
            uploaded_by=sender.user_id,
            via=sender.via,
            declared_unit_id=sender.unit_id,
            lane=lane_for(incoming.name, incoming.data),
        )
        detail = f"{incoming.name}（{len(incoming.data)} 字节，SHA-256 {digest}）"
        audit.record(s, sender.actor, "upload", campaign_id=campaign_id, return_id=row.id, detail=detail)
        return Stored(row.id)


def parse_later(ctx: Services, return_id: int) -> Job:
    """Queue the parse in the return's lane (chosen from the file when it was stored)."""
    assert ctx.jobs is not None
    with ctx.db.session() as s:
        row = repo.get_return(s, return_id)
        lane = row.lane if row is not None and row.lane in LANES else "heavy"
    return ctx.jobs.submit(intake.parse_return, return_id, lane=lane)  # type: ignore[arg-type]


def retry(ctx: Services, return_id: int, actor: audit.Actor) -> Job:
    """Send a dead letter ("处理失败，可重试") back to the queue; 409 for any other return."""
    with ctx.db.session() as s:
        row = repo.get_return(s, return_id)
        if row is None:
            raise HTTPException(404, "找不到该报表文件。")
        if not row.retryable:
            raise HTTPException(409, "该文件不需要重新处理。")
        repo.requeue(s, row)
        audit.record(s, actor, "retry", campaign_id=row.campaign_id, return_id=row.id, detail=row.filename)
    return parse_later(ctx, return_id)


def unit_named(ctx: Services, campaign_id: int, name: str | None) -> int | None:
    """The id of the campaign's unit called `name` (or one of its aliases); 422 when there is no such unit."""
    if not name or not name.strip():
        return None
    with ctx.db.session() as s:
        listed = repo.units_of(s, campaign_id)
    ids = {u.name: u.id for u in listed}
    names = intake.alias_map(listed)
    if name.strip() not in names:
        raise HTTPException(422, f"“{name.strip()}”不是本任务的应报单位。")
    return ids[names[name.strip()]]


def require_campaign(ctx: Services, campaign_id: int) -> None:
    with ctx.db.session() as s:
        if repo.get_campaign(s, campaign_id) is None:
            raise HTTPException(404, "找不到该报送任务。")


def duplicate(ctx: Services, return_id: int) -> schemas.DuplicateOut:
    out, _, row = views.return_detail(ctx, return_id)
    when = row.uploaded_at.astimezone(ctx.tz).strftime("%Y-%m-%d %H:%M")
    note = f"与已于 {when} 收到的第 {row.id} 号文件（{row.filename}）完全相同，未重复保存。"
    return schemas.DuplicateOut(**out.model_dump(), duplicate_of=row.id).model_copy(update={"message": note})


async def parsed(ctx: Services, job: Job, return_id: int) -> schemas.ReturnOut:
    """The stored return once its parse is done, or as it stands when the wait runs out."""
    assert ctx.jobs is not None
    # A failed job has already been recorded as an unreadable file; a slow one stays pending.
    with contextlib.suppress(TimeoutError, JobFailed):
        await ctx.jobs.wait(job, ctx.settings.wait_timeout)
    out, _, _ = await run_in_threadpool(views.return_detail, ctx, return_id)
    return out
