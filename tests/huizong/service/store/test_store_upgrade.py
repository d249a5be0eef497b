"""An upgraded database keeps working: data written at 0002 (before offices) is migrated to 0003 on SQLite and
PostgreSQL, its accounts and campaigns in the default office, its accounts admins, its returns as they were."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from service_live import BACKENDS, PASSWORD, backend_settings

from huizong.service.security import access, audit, auth
from huizong.service.store import campaigns as repo
from huizong.service.store.db import MIGRATIONS, Database, migrate
from huizong.service.store.models import DEFAULT_OFFICE, Office, User

NOW = datetime(2026, 3, 1, tzinfo=UTC)


@pytest.fixture(params=BACKENDS)
def old_db(request, tmp_path) -> Iterator[Database]:
    """A database at revision 0002_scale_out holding an account, a campaign with a unit and a return."""
    with ExitStack() as stack:
        settings = backend_settings(request.param, tmp_path, stack)
        db = Database(settings.resolved_database_url())
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0002_scale_out")
        _old_rows(db)
        yield db
        db.close()


def _old_rows(db: Database) -> None:
    meta = sa.MetaData()
    meta.reflect(db.engine)
    t = meta.tables
    with db.engine.begin() as conn:
        conn.execute(
            t["users"].insert(),
            [{"id": 7, "username": "老张", "password_hash": auth.hash_password(PASSWORD), "created_at": NOW}],
        )
        conn.execute(
            t["campaigns"].insert(),
            [
                {
                    "id": 3,
                    "title": "旧任务",
                    "forms": ["institution-roster"],
                    "deadline": date(2026, 3, 31),
                    "issuer": "某局",
                    "created_at": NOW,
                    "created_by": 7,
                }
            ],
        )
        conn.execute(
            t["campaign_units"].insert(),
            [{"id": 5, "campaign_id": 3, "name": "东胜区", "position": 0, "upload_token": "t" * 32}],
        )
        row = {"id": 11, "campaign_id": 3, "sha256": "a" * 64, "filename": "东胜区.xlsx", "size": 10}
        row |= {"uploaded_at": NOW, "uploaded_by": 7, "via": "clerk", "declared_unit_id": 5, "state": "parsed"}
        row |= {"file_status": "merged", "form": "institution-roster", "unit_id": 5, "errors": 0, "warnings": 0}
        conn.execute(t["returns"].insert(), [row])
        event = {"at": NOW, "actor": "老张", "action": "upload", "campaign_id": 3, "return_id": 11, "detail": ""}
        conn.execute(t["audit_events"].insert(), [event])


def test_upgrade_from_0002_keeps_the_data_working(old_db):
    migrate(old_db.engine)
    with old_db.session() as s:
        user = s.scalar(sa.select(User).where(User.username == "老张"))
        assert user is not None and user.role == "admin"
        office = s.get(Office, user.office_id)
        assert office is not None and office.name == DEFAULT_OFFICE
        campaign = access.campaign(s, user, 3, change=True)  # the old clerk still sees and changes it
        assert (campaign.office_id, campaign.contact, campaign.phone) == (office.id, None, None)
        unit = repo.units_of(s, 3)[0]
        assert (unit.name, unit.aliases, unit.removed_at) == ("东胜区", [], None)
        ret = access.return_(s, user, 11)
        assert (ret.state, ret.voided_at, ret.reviewed_at, ret.assigned_unit_id) == ("parsed", None, None, None)
        # Tables rebuilt on SQLite must not take the rows that point at them along (foreign keys cascade).
        assert (ret.uploaded_by, ret.unit_id, campaign.created_by) == (7, 5, 7)
        assert [(e.campaign_id, e.return_id) for e in audit.events(s, 3)] == [(3, 11)]
    # New accounts join the default office as clerks (it has its admin); the old one logs in as before.
    new, created = auth.add_user(old_db, "小李", PASSWORD)
    assert created and new.role == "clerk" and new.office_id == office.id
    assert auth.verify_password(user.password_hash, PASSWORD)
