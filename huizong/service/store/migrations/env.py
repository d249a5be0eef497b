"""Alembic environment. huizong runs migrations itself (store.db.migrate) and hands over its connection."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from huizong.service.store.models import Base

target_metadata = Base.metadata


def _run(connection: object) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    # `alembic -x url=… upgrade head` from a shell, for an administrator who wants to migrate by hand.
    url = context.get_x_argument(as_dictionary=True)["url"]
    with create_engine(url).begin() as conn:
        _run(conn)
