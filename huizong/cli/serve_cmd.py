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


def _settings(data_dir: Path, database_url: str | None, forms_dirs: tuple[Path, ...] = (), **extra: object):
    from huizong.service.settings import Settings

    return Settings(data_dir=data_dir, database_url=database_url, forms_dirs=forms_dirs, **extra)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址。")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="监听端口。")
@data_option
@database_option
@forms_option
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="后台处理进程数。")
@click.option("--public-url", default=None, help="对外访问地址（生成上报链接用），如 https://hz.example.gov.cn。")
def serve(
    host: str,
    port: int,
    data_dir: Path,
    database_url: str | None,
    forms_dirs: tuple[Path, ...],
    workers: int,
    public_url: str | None,
) -> None:
    """启动网页服务和接口（网页在 /，接口文档在 /docs）。"""
    import uvicorn

    from huizong.service.app import create_app

    settings = _settings(data_dir, database_url, forms_dirs, workers=workers, public_url=public_url)
    click.echo(f"报表汇总服务：http://{host}:{port}/  数据目录：{data_dir.resolve()}", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", proxy_headers=False)


@click.group("user")
def user() -> None:
    """管理办事员账号。"""


@user.command("add")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, required=True, help="从标准输入读取密码（第一行）。")
@data_option
@database_option
def user_add(name: str, password_stdin: bool, data_dir: Path, database_url: str | None) -> None:
    """新增账号 NAME（已存在则改密码）。密码经 argon2 散列后保存，不存明文。"""
    from huizong.service.security import audit, auth
    from huizong.service.store.db import Database, migrate

    name = name.strip()
    if not name or len(name) > 64:
        raise click.UsageError("用户名不能为空，且不超过 64 个字符。")
    password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < 8:
        raise click.UsageError("密码至少 8 个字符。")
    settings = _settings(data_dir, database_url)
    data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.resolved_database_url())
    try:
        migrate(db.engine)
        _, created = auth.add_user(db, name, password)
        with db.session() as s:
            audit.record(s, audit.Actor("命令行"), "user-add", detail=f"{name}（{'新增' if created else '重设密码'}）")
    finally:
        db.close()
    click.echo(f"已{'新增账号' if created else '重设密码'}：{name}")


COMMANDS = [serve, user]
