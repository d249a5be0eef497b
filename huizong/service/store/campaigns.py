"""Repository functions for campaigns, their units and the returns stored for them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from huizong.service.store.models import Campaign, CampaignUnit, StoredReturn, utcnow


def create_campaign(
    s: Session,
    *,
    title: str,
    forms: list[str],
    deadline: date,
    units: list[tuple[str, str]],
    user_id: int | None,
    office_id: int,
    issuer: str | None = None,
    contact: str | None = None,
    phone: str | None = None,
) -> Campaign:
    """`units` are (name, upload token) pairs, in the order the clerk gave them."""
    campaign = Campaign(
        title=title,
        forms=forms,
        deadline=deadline,
        issuer=issuer,
        contact=contact,
        phone=phone,
        created_by=user_id,
        office_id=office_id,
    )
    s.add(campaign)
    s.flush()
    for position, (name, token) in enumerate(units):
        add_unit(s, campaign.id, name, token, position)
    s.flush()
    return campaign


def add_unit(s: Session, campaign_id: int, name: str, token: str, position: int) -> CampaignUnit:
    unit = CampaignUnit(campaign_id=campaign_id, name=name, position=position, upload_token=token, aliases=[])
    s.add(unit)
    return unit


def list_campaigns(s: Session, office_id: int) -> list[Campaign]:
    return list(s.scalars(select(Campaign).where(Campaign.office_id == office_id).order_by(Campaign.id.desc())))


# Ids are 32-bit integers on every backend; a bigger one from a URL names nothing (and must not reach the
# driver, which would overflow: 500 instead of 404).
MAX_ID = 2**31 - 1


def valid_id(value: int) -> bool:
    return 0 < value <= MAX_ID


def get_campaign(s: Session, campaign_id: int) -> Campaign | None:
    return s.get(Campaign, campaign_id) if valid_id(campaign_id) else None


def units_of(s: Session, campaign_id: int, *, removed: bool = False) -> list[CampaignUnit]:
    """The campaign's units in order; those taken off it too when `removed` (their returns stay in history)."""
    query = select(CampaignUnit).where(CampaignUnit.campaign_id == campaign_id).order_by(CampaignUnit.position)
    if not removed:
        query = query.where(CampaignUnit.removed_at.is_(None))
    return list(s.scalars(query))


def same_bytes(s: Session, campaign_id: int, sha256: str) -> StoredReturn | None:
    """The newest return of the campaign with these bytes that still stands (not voided, not refused)."""
    query = (
        select(StoredReturn)
        .where(
            StoredReturn.campaign_id == campaign_id,
            StoredReturn.sha256 == sha256,
            StoredReturn.voided_at.is_(None),
            StoredReturn.state != "refused",
        )
        .order_by(StoredReturn.id.desc())
        .limit(1)
    )
    return s.scalar(query)


def unit_by_token(s: Session, token: str) -> CampaignUnit | None:
    return s.scalar(select(CampaignUnit).where(CampaignUnit.upload_token == token))


def return_counts(s: Session) -> dict[int, int]:
    query = select(StoredReturn.campaign_id, func.count()).group_by(StoredReturn.campaign_id)
    return {cid: n for cid, n in s.execute(query)}


def add_return(
    s: Session,
    *,
    campaign_id: int,
    sha256: str,
    filename: str,
    size: int,
    uploaded_by: int | None,
    via: str,
    declared_unit_id: int | None,
    lane: str | None = None,
) -> StoredReturn:
    row = StoredReturn(
        lane=lane,
        campaign_id=campaign_id,
        sha256=sha256,
        filename=filename,
        size=size,
        uploaded_by=uploaded_by,
        via=via,
        declared_unit_id=declared_unit_id,
        state="pending",
        errors=0,
        warnings=0,
    )
    s.add(row)
    s.flush()
    return row


def get_return(s: Session, return_id: int) -> StoredReturn | None:
    return s.get(StoredReturn, return_id) if valid_id(return_id) else None


def claim_pending(s: Session, return_id: int) -> StoredReturn | None:
    """The return, locked for this transaction, if it still waits for its outcome; None if it was filed.

    Two workers may parse the same upload (a lost worker's job runs again): only the first files it.
    """
    row = s.get(StoredReturn, return_id, with_for_update=True, populate_existing=True)
    return row if row is not None and row.state == "pending" else None


def mark_started(s: Session, return_id: int) -> None:
    """A worker took the return's job: it is no longer `queued`."""
    s.execute(
        update(StoredReturn)
        .where(StoredReturn.id == return_id, StoredReturn.state == "pending")
        .values(started_at=utcnow(), attempts=StoredReturn.attempts + 1)
    )


def requeue(s: Session, row: StoredReturn) -> None:
    """A dead letter back to the queue, as if just uploaded."""
    row.state, row.file_status, row.form, row.unit_id, row.unit_name = "pending", None, None, None, None
    row.errors, row.warnings, row.message, row.parsed, row.parsed_at = 0, 0, None, None, None
    row.started_at, row.retryable = None, False


def uploads_since(s: Session, campaign_id: int, since: datetime, unit_id: int | None = None) -> int:
    """Returns stored for the campaign (through `unit_id`'s link, when given) since `since`."""
    query = (
        select(func.count())
        .select_from(StoredReturn)
        .where(StoredReturn.campaign_id == campaign_id, StoredReturn.uploaded_at >= since)
    )
    if unit_id is not None:
        query = query.where(StoredReturn.declared_unit_id == unit_id, StoredReturn.via == "link")
    return s.scalar(query) or 0


def returns_of(s: Session, campaign_id: int) -> list[StoredReturn]:
    query = select(StoredReturn).where(StoredReturn.campaign_id == campaign_id).order_by(StoredReturn.id)
    return list(s.scalars(query))


def returns_by_ids(s: Session, ids: list[int]) -> list[StoredReturn]:
    return list(s.scalars(select(StoredReturn).where(StoredReturn.id.in_(ids)).order_by(StoredReturn.id)))


def earlier_current(s: Session, row: StoredReturn) -> StoredReturn | None:
    """The return of the same unit and form that `row` replaces, if any."""
    if row.unit_id is None or row.form is None:
        return None
    query = (
        select(StoredReturn)
        .where(
            StoredReturn.campaign_id == row.campaign_id,
            StoredReturn.unit_id == row.unit_id,
            StoredReturn.form == row.form,
            StoredReturn.state == "parsed",
            StoredReturn.voided_at.is_(None),
            StoredReturn.id < row.id,
        )
        .order_by(StoredReturn.id.desc())
        .limit(1)
    )
    return s.scalar(query)


def parsed_by_id(s: Session, ids: list[int]) -> dict[int, dict]:
    """The stored parse results of these returns (the one column boards do not load)."""
    query = select(StoredReturn.id, StoredReturn.parsed).where(StoredReturn.id.in_(ids))
    return {rid: parsed for rid, parsed in s.execute(query) if parsed}


def pending_returns(s: Session) -> list[tuple[int, str | None]]:
    """(id, lane) of every return stored and not yet filed, oldest first."""
    query = select(StoredReturn.id, StoredReturn.lane).where(StoredReturn.state == "pending").order_by(StoredReturn.id)
    return [(rid, lane) for rid, lane in s.execute(query)]


def save_outcome(
    s: Session,
    row: StoredReturn,
    *,
    state: str,
    file_status: str | None,
    form: str | None,
    unit_id: int | None,
    unit_name: str | None,
    counts: tuple[int, int],
    message: str | None,
    parsed: dict | None,
    at: datetime | None = None,
    retryable: bool = False,
) -> None:
    row.retryable = retryable
    row.state, row.file_status, row.form = state, file_status, form
    row.unit_id, row.unit_name, row.message, row.parsed = unit_id, unit_name, message, parsed
    row.errors, row.warnings = counts
    row.parsed_at = at or utcnow()


def office_of_campaign(s: Session, campaign_id: int) -> int | None:
    return s.scalar(select(Campaign.office_id).where(Campaign.id == campaign_id))
