"""The campaign's 催报通知 and 情况通报: campaign facts handed to the documents layer, rendered there."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from huizong.service.campaigns import board as boards
from huizong.service.campaigns import catalogue, views
from huizong.service.context import Services
from parsers.results import Result

if TYPE_CHECKING:
    from generators.documents.campaign import CampaignInfo


def campaign_info(ctx: Services, snap: views.Snapshot) -> CampaignInfo:
    from generators.documents.campaign import CampaignInfo

    c = snap.board.campaign
    # The documents layer refuses a campaign without an issuer; a service campaign may have none yet.
    return CampaignInfo(
        title=c.title,
        deadline=c.deadline,
        units=[u.name for u in snap.units],
        forms=list(c.forms),
        issuer=c.issuer or "市场监督管理局",
    )


def today(ctx: Services) -> date:
    return datetime.now(ctx.tz).date()


def with_receipt_dates(ctx: Services, snap: views.Snapshot, result: Result) -> Result:
    """A file that states no 上报时间 was at least reported on the day the office received it."""
    received = {
        r.filename: r.uploaded_at.astimezone(ctx.tz).date().isoformat() for r in boards.current_returns(snap.board)
    }
    files = [
        f.model_copy(update={"reported_on": received[f.path]}) if not f.reported_on and f.path in received else f
        for f in result.files
    ]
    return result.model_copy(update={"files": files})


def render(ctx: Services, snap: views.Snapshot, result: Result, stem: str, ext: str) -> bytes:
    """DOCX or PDF bytes; a documents-layer HuizongError (e.g. nobody to remind) says why there is none."""
    from generators.documents import render_docx, render_pdf
    from generators.documents.campaign import Stamp, bulletin_spec, reminder_spec

    make = {"reminder": reminder_spec, "bulletin": bulletin_spec}[stem]
    info, stamp = campaign_info(ctx, snap), Stamp(today(ctx))
    forms = list(catalogue.registry_of(ctx, snap.board.campaign.office_id))
    spec = make(with_receipt_dates(ctx, snap, result), info, forms=forms, stamp=stamp)
    return render_docx(spec) if ext == "docx" else render_pdf(spec)
