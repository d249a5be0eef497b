"""`huizong worker`: run the jobs of a Redis-backed queue (parsing uploads, building downloads)."""

from __future__ import annotations

from pathlib import Path

import click

from huizong.cli.common import forms_option
from huizong.cli.serve_cmd import _settings, data_option, database_option, queue_option, storage_option


@click.command("worker")
@queue_option
@database_option
@storage_option
@data_option
@forms_option
@click.option(
    "--processes",
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    help="处理进程数；两个以上时第一个只处理小文件，大文件、PDF 不会挡住小文件。",
)
def worker(
    queue_url: str | None,
    database_url: str | None,
    storage_url: str | None,
    data_dir: Path,
    forms_dirs: tuple[Path, ...],
    processes: int,
) -> None:
    """处理任务队列中的文件识别和文件生成（多实例部署时使用，可在多台机器上各运行几个）。"""
    if not queue_url:
        raise click.UsageError("需要任务队列地址：--queue redis://主机:6379/0，或设置环境变量 HUIZONG_QUEUE_URL。")
    from huizong.service.extras import require

    require("rq", "任务队列（Redis）")
    from huizong.service.context import open_services
    from huizong.service.jobs import rq_pool

    settings = _settings(data_dir, database_url, forms_dirs, queue_url=queue_url, storage_url=storage_url)
    open_services(settings, run_migrations=None).close()  # the schema is current, the store answers: or say why
    click.echo(f"任务处理进程已启动（{processes} 个），队列：{settings.queue_name}；按 Ctrl+C 停止。", err=True)
    rq_pool.run(settings, processes)


COMMANDS = [worker]
