"""Offices and roles, and a clerk's corrections: edited campaigns, unit aliases, void / assign / send back / review.

Everything that existed before belongs to one default office (models.DEFAULT_OFFICE), and every existing account
becomes its admin: before roles, every clerk could do everything.

Revision ID: 0003_offices
Revises: 0002_scale_out
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from huizong.service.store.models import DEFAULT_OFFICE, UTCDateTime, utcnow

revision = "0003_offices"
down_revision = "0002_scale_out"
branch_labels = None
depends_on = None


def upgrade() -> None:
    offices = op.create_table(
        "offices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.bulk_insert(offices, [{"name": DEFAULT_OFFICE, "created_at": utcnow()}])
    default = sa.select(offices.c.id).where(offices.c.name == DEFAULT_OFFICE).scalar_subquery()
    _offices_of("users", default, role=True)
    _offices_of("campaigns", default)
    with op.batch_alter_table("campaigns") as batch:
        batch.add_column(sa.Column("contact", sa.String(50)))
        batch.add_column(sa.Column("phone", sa.String(40)))
    with op.batch_alter_table("campaign_units") as batch:
        batch.add_column(sa.Column("aliases", sa.JSON, nullable=False, server_default="[]"))
        batch.add_column(sa.Column("removed_at", UTCDateTime))
    with op.batch_alter_table("returns") as batch:
        batch.add_column(sa.Column("assigned_unit_id", sa.Integer))
        batch.add_column(sa.Column("assigned_form", sa.String(64)))
        batch.add_column(sa.Column("voided_at", UTCDateTime))
        batch.add_column(sa.Column("void_reason", sa.Text))
        batch.add_column(sa.Column("sent_back_at", UTCDateTime))
        batch.add_column(sa.Column("sent_back_note", sa.Text))
        batch.add_column(sa.Column("reviewed_at", UTCDateTime))
        batch.add_column(sa.Column("reviewed_by", sa.Integer))
        batch.create_foreign_key("fk_returns_assigned_unit", "campaign_units", ["assigned_unit_id"], ["id"])
        batch.create_foreign_key("fk_returns_reviewed_by", "users", ["reviewed_by"], ["id"], ondelete="SET NULL")
    op.create_table(
        "office_forms",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("office_id", sa.Integer, sa.ForeignKey("offices.id", ondelete="CASCADE"), nullable=False),
        sa.Column("form_id", sa.String(64), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("yaml", sa.Text, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
        sa.UniqueConstraint("office_id", "form_id", name="uq_office_forms_office_form"),
    )


def _offices_of(table: str, default: sa.ScalarSelect, *, role: bool = False) -> None:
    """Add `office_id` (and `role`) to a table that has rows: filled for those rows, then required."""
    with op.batch_alter_table(table) as batch:
        batch.add_column(sa.Column("office_id", sa.Integer))
        if role:
            batch.add_column(sa.Column("role", sa.String(16)))
    values = {"office_id": default, **({"role": "admin"} if role else {})}
    op.execute(sa.table(table, sa.column("office_id"), sa.column("role")).update().values(**values))
    with op.batch_alter_table(table) as batch:
        batch.alter_column("office_id", existing_type=sa.Integer, nullable=False)
        if role:
            batch.alter_column("role", existing_type=sa.String(16), nullable=False)
        batch.create_foreign_key(f"fk_{table}_office", "offices", ["office_id"], ["id"])
        batch.create_index(f"ix_{table}_office_id", ["office_id"])


def downgrade() -> None:
    op.drop_table("office_forms")
    with op.batch_alter_table("returns") as batch:
        batch.drop_constraint("fk_returns_reviewed_by", type_="foreignkey")
        batch.drop_constraint("fk_returns_assigned_unit", type_="foreignkey")
        for column in (
            "reviewed_by", "reviewed_at", "sent_back_note", "sent_back_at",
            "void_reason", "voided_at", "assigned_form", "assigned_unit_id",
        ):  # fmt: skip
            batch.drop_column(column)
    with op.batch_alter_table("campaign_units") as batch:
        batch.drop_column("removed_at")
        batch.drop_column("aliases")
    for table, columns in (("campaigns", ("phone", "contact", "office_id")), ("users", ("role", "office_id"))):
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_office_id")
            batch.drop_constraint(f"fk_{table}_office", type_="foreignkey")
            for column in columns:
                batch.drop_column(column)
    op.drop_table("offices")
