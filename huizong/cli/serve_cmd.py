"""`huizong serve` and `huizong user add`: the web service and its clerk accounts, in one store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from huizong.cli.common import forms_option

data_option = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("huizong-data"),
    show_default=True,
    help="数据目录（SQLite 数据库和上传的原始文件）。",
)
database_option = click.option(
    "--database",
    "database_url",
    envvar="HUIZONG_DATABASE_URL",
    default=None,
    help="数据库地址，如 postgresql://user@host/db；默认使用数据目录中的 SQLite。",
)


queue_option = click.option(
    "--queue",
    "queue_url",
    envvar="HUIZONG_QUEUE_URL",
    default=None,
    help="任务队列地址（Redis），如 redis://127.0.0.1:6379/0；设置后由 huizong worker 进程处理文件。",
)
storage_option = click.option(
    "--storage",
    "storage_url",
    envvar="HUIZONG_STORAGE_URL",
    default=None,
    help="对象存储地址，如 s3://存储桶/前缀（端点和密钥取自 AWS_ENDPOINT_URL 等环境变量）；默认存于数据目录。",
)


def _settings(data_dir: Path, database_url: str | None, forms_dirs: tuple[Path, ...] = (), **extra: object):
    from pydantic import ValidationError

    from huizong.service.settings import Settings

    try:
        return Settings(data_dir=data_dir, database_url=database_url, forms_dirs=forms_dirs, **extra)
    except ValidationError as exc:
        problems = "；".join(str(e.get("ctx", {}).get("error") or e["msg"]) for e in exc.errors())
        raise click.UsageError(f"设置有误：{problems}") from None


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址。")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="监听端口。")
@data_option
@database_option
@forms_option
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="后台处理进程数。")
@click.option(
    "--public-url",
    default=None,
    help="对外访问地址，各单位上报链接以它开头，如 https://hz.example.gov.cn（也可用环境变量 HUIZONG_PUBLIC_URL）。"
    "不设置时链接以本机地址开头，只能在本机打开。",
)
@queue_option
@storage_option
@click.option(
    "--trusted-proxy",
    "trusted_proxies",
    multiple=True,
    help="可信的反向代理地址或网段（可多次使用）；只采信它们转发的 X-Forwarded-For。",
)
@click.option(
    "--cookie-secure/--no-cookie-secure",
    default=None,
    help="登录 Cookie 只经 HTTPS 发送；默认在 --public-url 为 https 时开启。",
)
@click.option(
    "--migrate/--no-migrate",
    default=None,
    help="启动时升级数据库结构；默认单机时升级，使用任务队列（多实例）时不升级，请先运行 huizong db upgrade。",
)
def serve(
    host: str,
    port: int,
    data_dir: Path,
    database_url: str | None,
    forms_dirs: tuple[Path, ...],
    workers: int,
    public_url: str | None,
    queue_url: str | None,
    storage_url: str | None,
    trusted_proxies: tuple[str, ...],
    cookie_secure: bool | None,
    migrate: bool | None,
) -> None:
    """启动网页服务和接口（网页在 /，接口文档在 /docs）。"""
    import uvicorn

    from huizong.service.app import create_app

    settings = _settings(
        data_dir,
        database_url,
        forms_dirs,
        workers=workers,
        public_url=public_url,
        queue_url=queue_url,
        storage_url=storage_url,
        trusted_proxies=trusted_proxies,
        cookie_secure=cookie_secure,
        migrate_on_start=migrate,
    )
    where = settings.storage_url or str(data_dir.resolve())
    click.echo(f"报表汇总服务：http://{host}:{port}/  文件存储：{where}", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", proxy_headers=False)


@click.group("user")
def user() -> None:
    """管理办事员账号。"""


@user.command("add")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, required=True, help="从标准输入读取密码（第一行）。")
@click.option(
    "--role",
    type=click.Choice(["admin", "clerk", "viewer"]),
    default=None,
    help="角色：admin 管理员（另可管理本单位账号）、clerk 办事员、viewer 查看者（只读）。"
    "新账号不写时：所在单位还没有管理员则为管理员，否则为办事员。",
)
@click.option("--office", default=None, help="所属单位（如“鄂尔多斯市市场监督管理局”），没有则新建；不写为“本局”。")
@data_option
@database_option
def user_add(
    name: str, password_stdin: bool, role: str | None, office: str | None, data_dir: Path, database_url: str | None
) -> None:
    """新增账号 NAME（已存在则改密码，并按 --role、--office 修改）。密码经 argon2 散列后保存，不存明文。"""
    from huizong.service.security import audit, auth
    from huizong.service.security.access import ROLE_LABELS
    from huizong.service.store.db import Database, migrate

    name = name.strip()
    if not name or len(name) > 64:
        raise click.UsageError("用户名不能为空，且不超过 64 个字符。")
    office = office.strip() if office else None
    if office is not None and not 0 < len(office) <= 100:
        raise click.UsageError("单位名称不能为空，且不超过 100 个字符。")
    password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < 8:
        raise click.UsageError("密码至少 8 个字符。")
    settings = _settings(data_dir, database_url)
    data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.resolved_database_url())
    try:
        migrate(db.engine)
        account, created = auth.add_user(db, name, password, role=role, office=office)
        where = auth.office_name(db, account.office_id)
        said = f"{where}，{ROLE_LABELS[account.role]}"
        with db.session() as s:
            detail = f"{name}（{said}，{'新增' if created else '重设密码'}）"
            audit.record(s, audit.Actor("命令行"), "user-add", detail=detail)
    finally:
        db.close()
    click.echo(f"已{'新增账号' if created else '重设密码'}：{name}（{said}）")


@click.group("db")
def db() -> None:
    """数据库维护。"""


@db.command("upgrade")
@data_option
@database_option
def db_upgrade(data_dir: Path, database_url: str | None) -> None:
    """把数据库结构升级到最新版本（多实例部署时在启动服务前运行一次；可重复运行）。"""
    from huizong.service.store.db import Database, migrate

    settings = _settings(data_dir, database_url)
    if settings.resolved_database_url().startswith("sqlite"):
        data_dir.mkdir(parents=True, exist_ok=True)
    database = Database(settings.resolved_database_url())
    try:
        migrate(database.engine)  # under an advisory lock on PostgreSQL: two at once wait for each other
    finally:
        database.close()
    click.echo("数据库结构已是最新版本。")


COMMANDS = [serve, user, db]
