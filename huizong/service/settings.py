"""Everything the service can be told at start-up, in one pydantic model shared by web and worker processes."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, field_validator, model_validator

MiB = 1024 * 1024

# What districts actually send and the readers take: Excel old and new, WPS, OpenDocument, CSV, Word, PDF.
DEFAULT_SUFFIXES = (
    *(".xlsx", ".xlsm", ".xls", ".et", ".ods", ".csv", ".docx", ".doc", ".wps", ".odt", ".rtf", ".pdf"),
    *(".jpg", ".jpeg", ".png", ".tif", ".tiff"),  # scans and photos, read by OCR (docs/ocr.md)
)


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

    # Scale-out: a Redis-backed job queue and S3-compatible storage (each also from its environment variable).
    queue_url: str | None = None  # redis://host:6379/0 — jobs go to `huizong worker` processes
    storage_url: str | None = None  # s3://bucket/prefix — originals and outputs in object storage
    queue_name: str = "huizong"  # names this installation's queues and job ids on a shared Redis
    migrate_on_start: bool | None = None  # None: yes, unless jobs run on a queue (then `huizong db upgrade`)

    # Jobs run in two lanes by expected cost, each job in a child process with its own time and memory cap:
    # a hostile file costs at most its lane's budget, and small files never wait behind a slow one.
    workers: int = Field(default=2, ge=1)  # in-process worker slots; with 2 or more, one serves the quick lane only
    quick_job_timeout: float = 20.0  # small spreadsheets, CSV, Word: seconds
    quick_memory_mb: int = 768
    job_timeout: float = 90.0  # the heavy lane (PDF, scans, legacy formats, big workbooks, documents): seconds
    worker_memory_mb: int = 1280  # the heavy lane's memory cap (address space)
    job_retries: int = 2  # a job whose worker was lost or that failed for a passing reason runs again
    wait_timeout: float = 120.0  # how long POST /returns waits for the parse before answering 202

    token_ttl_hours: int = 24 * 30
    session_ttl_hours: int = 12
    login_max_failures: int = 5  # per account and address; an address gets 4× that over all accounts
    login_window_minutes: int = 15
    login_max_delay: float = 10.0  # seconds an attempt on an account under attack waits before it is checked
    # Secure cookies: None means "when public_url is https" (a plain-HTTP test setup still works).
    cookie_secure: bool | None = None
    trusted_proxies: tuple[str, ...] = ()  # addresses/networks whose X-Forwarded-For is believed

    # Uploads per window, counted in the database so every instance sees the same numbers.
    upload_window_minutes: int = 10
    max_uploads_per_campaign: int = 2000
    max_uploads_per_link: int = 60
    max_concurrent_uploads: int = 8  # request bodies read at once by one server process (bounds its memory)

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        """The address districts open: http(s)://host[:port][/prefix], kept without a trailing slash."""
        value = (value or "").strip().rstrip("/")
        if not value:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
            raise ValueError(f"对外访问地址“{value}”应形如 https://hz.example.gov.cn（以 http:// 或 https:// 开头）")
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        kept = tuple(item.strip() for item in value if item.strip())
        for item in kept:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"“{item}”不是有效的地址或网段") from None
        return kept

    @model_validator(mode="after")
    def _from_environment(self) -> Settings:
        self.queue_url = self.queue_url or os.environ.get("HUIZONG_QUEUE_URL") or None
        self.storage_url = self.storage_url or os.environ.get("HUIZONG_STORAGE_URL") or None
        if self.public_url is None and os.environ.get("HUIZONG_PUBLIC_URL"):
            self.public_url = self._public_url(os.environ["HUIZONG_PUBLIC_URL"])
        if self.queue_name == "huizong":
            self.queue_name = os.environ.get("HUIZONG_QUEUE_NAME") or self.queue_name
        if self.cookie_secure is None:
            self.cookie_secure = bool(self.public_url and self.public_url.lower().startswith("https://"))
        if self.migrate_on_start is None:
            self.migrate_on_start = self.queue_url is None
        return self

    def resolved_database_url(self) -> str:
        url = self.database_url or os.environ.get("HUIZONG_DATABASE_URL")
        if not url:
            return f"sqlite:///{(self.data_dir / 'huizong.sqlite3').resolve()}"
        # Only psycopg 3 is installed; plain postgresql:// would ask SQLAlchemy for psycopg2.
        for prefix in ("postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url

    def given_secret(self) -> str | None:
        """The key that signs cookies when given; otherwise the instances share one in the database."""
        return self.secret_key or os.environ.get("HUIZONG_SECRET_KEY") or None

    def legacy_secret(self) -> str | None:
        """The key an older single-machine install generated into its data folder, kept so sessions survive."""
        path = self.data_dir / "secret.key"
        return path.read_text().strip() if path.is_file() else None

    def allowed_text(self) -> str:
        return "、".join(s.lstrip(".") for s in self.allowed_suffixes)

    def limits_text(self) -> str:
        return (
            f"单个文件不超过 {self.max_file_bytes // MiB} MB，每次最多 {self.max_files} 个文件，"
            f"合计不超过 {self.max_request_bytes // MiB} MB；支持的格式：{self.allowed_text()}"
        )
