"""What a web process or a worker process holds: settings, database, file store, forms, jobs."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from forms import FormRegistry
from forms.errors import HuizongError
from huizong.service.jobs import Jobs
from huizong.service.settings import Settings
from huizong.service.storage import Storage, open_storage
from huizong.service.store.db import Database, migrate, schema_is_current


class SchemaBehind(HuizongError):
    def __init__(self) -> None:
        super().__init__(
            "数据库结构不是最新版本：请先运行一次 huizong db upgrade（使用同样的 --database），再启动服务。"
        )


@dataclass
class Services:
    settings: Settings
    db: Database
    files: Storage
    registry: FormRegistry
    jobs: Jobs | None = None
    tz: ZoneInfo = field(init=False)

    def __post_init__(self) -> None:
        self.tz = ZoneInfo(self.settings.timezone)

    def close(self) -> None:
        if self.jobs is not None:
            self.jobs.close()
        self.db.close()


def open_services(settings: Settings, *, run_migrations: bool | None = None) -> Services:
    """The services of a process. Migrations run here only for a single machine's store (the default):
    with instances sharing one database, `huizong db upgrade` runs them once, and instances check."""
    if not settings.storage_url or settings.resolved_database_url().startswith("sqlite"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.resolved_database_url())
    migrating = settings.migrate_on_start if run_migrations is None else run_migrations
    if migrating:
        migrate(db.engine)
    elif run_migrations is None and not schema_is_current(db.engine):
        db.close()
        raise SchemaBehind
    return Services(settings, db, open_storage(settings), FormRegistry.load(settings.forms_dirs))


def worker_services(settings_json: str) -> Services:
    """The context of a worker process; the web process (or `huizong db upgrade`) has migrated."""
    from huizong.service.jobs.warm import preload

    ctx = open_services(Settings.model_validate_json(settings_json), run_migrations=False)
    preload()
    return ctx
