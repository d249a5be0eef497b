"""What a web process or a worker process holds: settings, database, file store, forms, jobs."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from forms import FormRegistry
from huizong.service.jobs import Jobs
from huizong.service.settings import Settings
from huizong.service.storage import FileStore
from huizong.service.store.db import Database, migrate


@dataclass
class Services:
    settings: Settings
    db: Database
    files: FileStore
    registry: FormRegistry
    jobs: Jobs | None = None
    tz: ZoneInfo = field(init=False)

    def __post_init__(self) -> None:
        self.tz = ZoneInfo(self.settings.timezone)

    def close(self) -> None:
        if self.jobs is not None:
            self.jobs.close()
        self.db.close()


def open_services(settings: Settings, *, run_migrations: bool = True) -> Services:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.resolved_database_url())
    if run_migrations:
        migrate(db.engine)
    return Services(settings, db, FileStore(settings.data_dir), FormRegistry.load(settings.forms_dirs))


def worker_services(settings_json: str) -> Services:
    """The context of a worker process (jobs.LocalJobs); the web process has already migrated."""
    return open_services(Settings.model_validate_json(settings_json), run_migrations=False)
