"""Scale-out: a return's job (lane, taken when, how often, dead letter) and keys shared by every instance.

Revision ID: 0002_scale_out
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from huizong.service.store.models import UTCDateTime

revision = "0002_scale_out"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("returns") as batch:
        batch.add_column(sa.Column("lane", sa.String(8)))
        batch.add_column(sa.Column("started_at", UTCDateTime))
        batch.add_column(sa.Column("attempts", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("retryable", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_index("ix_login_attempts_client_at", "login_attempts", ["client", "at"])
    op.create_table(
        "service_keys",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.String(128), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("service_keys")
    op.drop_index("ix_login_attempts_client_at", "login_attempts")
    with op.batch_alter_table("returns") as batch:
        for column in ("retryable", "attempts", "started_at", "lane"):
            batch.drop_column(column)
