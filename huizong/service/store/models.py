"""The tables. Every change here needs a migration in migrations/versions (a test compares the two)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on both backends (SQLite has no time zones and would hand back naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


# The office a database upgraded from before offices gives its accounts and campaigns (migration 0003).
DEFAULT_OFFICE = "本局"
ROLES = ("admin", "clerk", "viewer")  # admin: also manages the office's accounts; viewer: reads only


class Office(Base):
    """A 市场监督管理局 (or any issuing office): its campaigns are seen only by its own accounts."""

    __tablename__ = "offices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="clerk")


class AuthToken(Base):
    """A bearer token or a page session; only the SHA-256 of the secret is kept."""

    __tablename__ = "auth_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # api | session
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LoginAttempt(Base):
    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_username_at", "username", "at"),
        Index("ix_login_attempts_client_at", "client", "at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    client: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    success: Mapped[bool] = mapped_column(default=False)


class Campaign(Base):
    __tablename__ = "campaigns"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    forms: Mapped[list[str]] = mapped_column(JSON)
    deadline: Mapped[date] = mapped_column(Date)
    issuer: Mapped[str | None] = mapped_column(String(100))  # 发文机关, signs the campaign's documents
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    contact: Mapped[str | None] = mapped_column(String(50))  # 联系人, shown to the units
    phone: Mapped[str | None] = mapped_column(String(40))  # 联系电话


class CampaignUnit(Base):
    __tablename__ = "campaign_units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer)
    # Kept in clear: the clerk must be able to print the links again. It grants one unit's uploads only.
    upload_token: Mapped[str] = mapped_column(String(64), unique=True)
    # Other names the unit goes by in its files (东胜区市场监督管理局 for 东胜区): read as this unit.
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    # Taken off the campaign by an edit: its link stops taking files, its returns stay in the history.
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class StoredReturn(Base):
    """One uploaded file: stored first (sha256, time, uploader), parsed later by a job."""

    __tablename__ = "returns"
    __table_args__ = (Index("ix_returns_campaign_unit", "campaign_id", "unit_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    via: Mapped[str] = mapped_column(String(16))  # clerk | link
    declared_unit_id: Mapped[int | None] = mapped_column(ForeignKey("campaign_units.id"))
    # pending → parsed | refused (named another unit) | crashed (the worker died on it)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    file_status: Mapped[str | None] = mapped_column(String(16))  # merged | failed | unrecognized
    form: Mapped[str | None] = mapped_column(String(64))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("campaign_units.id"))
    unit_name: Mapped[str | None] = mapped_column(String(100))  # as found in the file when not a campaign unit
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str | None] = mapped_column(Text)
    # The parsers.results.Return, cells included. Deferred: boards list many returns and need none of it.
    parsed: Mapped[dict | None] = mapped_column(JSON, deferred=True, deferred_raiseload=True)
    parsed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The job that parses it: its lane, when a worker last took it (None: still queued), how many times one
    # did (more than once only when a worker was lost), and whether it ended as a dead letter a clerk may retry.
    lane: Mapped[str | None] = mapped_column(String(8))
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    retryable: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A clerk's corrections (docs/service.md). Each is also in the audit log; none deletes anything.
    assigned_unit_id: Mapped[int | None] = mapped_column(ForeignKey("campaign_units.id"))  # read as this unit
    assigned_form: Mapped[str | None] = mapped_column(String(64))  # read as this form
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # stops counting, stays in the history
    void_reason: Mapped[str | None] = mapped_column(Text)
    sent_back_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # 退回修改: the unit must send it again
    sent_back_note: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # 已审核; cleared when the return changes
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class OfficeForm(Base):
    """A form an office defined from its blank annex (issue 10): usable in that office's campaigns only."""

    __tablename__ = "office_forms"
    __table_args__ = (UniqueConstraint("office_id", "form_id", name="uq_office_forms_office_form"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"))
    form_id: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    yaml: Mapped[str] = mapped_column(Text)  # the form file, as forms/check.py reads it
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class AuditEvent(Base):
    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(32))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"), index=True)
    return_id: Mapped[int | None] = mapped_column(ForeignKey("returns.id", ondelete="SET NULL"))
    client: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text, default="")


class ServiceKey(Base):
    """Secrets every instance must share (the key that signs cookies), made once by whoever starts first."""

    __tablename__ = "service_keys"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
