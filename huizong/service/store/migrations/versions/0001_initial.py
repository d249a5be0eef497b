"""Initial schema: users, tokens, login attempts, campaigns, units, returns, audit.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from huizong.service.store.models import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(256), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_table(
        "auth_tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("expires_at", UTCDateTime, nullable=False),
    )
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("client", sa.String(64), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("success", sa.Boolean, nullable=False),
    )
    op.create_index("ix_login_attempts_username_at", "login_attempts", ["username", "at"])
    op.create_table(
        "campaigns",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("forms", sa.JSON, nullable=False),
        sa.Column("deadline", sa.Date, nullable=False),
        sa.Column("issuer", sa.String(100)),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
    )
    op.create_table(
        "campaign_units",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("campaign_id", sa.Integer, sa.ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("upload_token", sa.String(64), nullable=False, unique=True),
    )
    op.create_index("ix_campaign_units_campaign_id", "campaign_units", ["campaign_id"])
    _create_returns()
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("campaign_id", sa.Integer, sa.ForeignKey("campaigns.id", ondelete="SET NULL")),
        sa.Column("return_id", sa.Integer, sa.ForeignKey("returns.id", ondelete="SET NULL")),
        sa.Column("client", sa.String(64)),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_audit_events_at", "audit_events", ["at"])
    op.create_index("ix_audit_events_campaign_id", "audit_events", ["campaign_id"])


def _create_returns() -> None:
    op.create_table(
        "returns",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("campaign_id", sa.Integer, sa.ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("uploaded_at", UTCDateTime, nullable=False),
        sa.Column("uploaded_by", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
        sa.Column("via", sa.String(16), nullable=False),
        sa.Column("declared_unit_id", sa.Integer, sa.ForeignKey("campaign_units.id")),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("file_status", sa.String(16)),
        sa.Column("form", sa.String(64)),
        sa.Column("unit_id", sa.Integer, sa.ForeignKey("campaign_units.id")),
        sa.Column("unit_name", sa.String(100)),
        sa.Column("errors", sa.Integer, nullable=False),
        sa.Column("warnings", sa.Integer, nullable=False),
        sa.Column("message", sa.Text),
        sa.Column("parsed", sa.JSON),
        sa.Column("parsed_at", UTCDateTime),
    )
    op.create_index("ix_returns_campaign_unit", "returns", ["campaign_id", "unit_id"])
    op.create_index("ix_returns_sha256", "returns", ["sha256"])


def downgrade() -> None:
    for table in ("audit_events", "returns", "campaign_units", "campaigns", "login_attempts", "auth_tokens"):
        op.drop_table(table)
    op.drop_table("users")
