"""Everything the service can be told at start-up, in one pydantic model shared by web and worker processes."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from pydantic import BaseModel, Field

MiB = 1024 * 1024

# What districts actually send and the readers take: Excel old and new, WPS, OpenDocument, CSV, Word, PDF.
DEFAULT_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".ods", ".csv", ".docx", ".doc", ".wps", ".odt", ".rtf", ".pdf")


class Settings(BaseModel):
    data_dir: Path = Path("huizong-data")
    database_url: str | None = None
    forms_dirs: tuple[Path, ...] = ()
    secret_key: str | None = Field(default=None, repr=False)
    public_url: str | None = None  # e.g. https://huizong.example.gov.cn when behind a proxy
    timezone: str = "Asia/Shanghai"

    max_file_bytes: int = 20 * MiB
    max_files: int = 100
    max_request_bytes: int = 200 * MiB
    allowed_suffixes: tuple[str, ...] = DEFAULT_SUFFIXES

    workers: int = Field(default=2, ge=1)
    job_timeout: float = 300.0  # a parse or render that runs longer is killed
    worker_memory_mb: int = 2048  # address-space cap per worker: a zip bomb fails instead of swapping
    wait_timeout: float = 120.0  # how long POST /returns waits for the parse before answering 202

    token_ttl_hours: int = 24 * 30
    session_ttl_hours: int = 12
    login_max_failures: int = 5
    login_window_minutes: int = 15
    cookie_secure: bool = False

    def resolved_database_url(self) -> str:
        url = self.database_url or os.environ.get("HUIZONG_DATABASE_URL")
        if not url:
            return f"sqlite:///{(self.data_dir / 'huizong.sqlite3').resolve()}"
        # Only psycopg 3 is installed; plain postgresql:// would ask SQLAlchemy for psycopg2.
        for prefix in ("postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url

    def resolved_secret(self) -> str:
        """The key that signs cookies: given, from the environment, or generated once into the data folder."""
        key = self.secret_key or os.environ.get("HUIZONG_SECRET_KEY")
        if key:
            return key
        path = self.data_dir / "secret.key"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"secret.{secrets.token_hex(8)}.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(48))
            # link() never replaces: when two servers start at once, both end up with the first key.
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass
            finally:
                tmp.unlink()
        return path.read_text().strip()

    def allowed_text(self) -> str:
        return "、".join(s.lstrip(".") for s in self.allowed_suffixes)

    def limits_text(self) -> str:
        return (
            f"单个文件不超过 {self.max_file_bytes // MiB} MB，每次最多 {self.max_files} 个文件，"
            f"合计不超过 {self.max_request_bytes // MiB} MB；支持的格式：{self.allowed_text()}"
        )
