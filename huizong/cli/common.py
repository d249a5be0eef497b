"""What every command shares: the registry option, JSON output, and turning errors into clear messages."""

from __future__ import annotations

import json
import logging
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from forms.errors import HuizongError
from huizong.cli import language  # noqa: F401  (click speaks Chinese before any option below is made)

if TYPE_CHECKING:
    from forms.loader import FormRegistry

forms_option = click.option(
    "--forms",
    "forms_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="追加一个自定义表单定义目录（可多次使用）。",
)


form_option = click.option("--form", "form_id", help="指定报表（不指定则自动识别）。")
units_option = click.option(
    "--units",
    "units_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="应报单位名单（UTF-8 文本，每行一个）。",
)


def registry(forms_dirs: tuple[Path, ...]) -> FormRegistry:
    from forms.loader import FormRegistry

    return FormRegistry.load(forms_dirs)


def read_units(path: Path | None) -> list[str] | None:
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise click.UsageError(f"单位名单 {path} 不是 UTF-8 文本") from exc
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def write_json(data: object, target: str) -> None:
    write_text([json.dumps(data, ensure_ascii=False, indent=2, default=str)], target)


def write_text(pieces: Iterable[str], target: str) -> None:
    """Text made piece by piece (a merge's JSON, a record at a time) to a file or, for "-", standard output."""
    if target == "-":
        for piece in pieces:
            click.echo(piece, nl=False)
        click.echo()
        return
    try:
        with open(target, "w", encoding="utf-8") as out:
            out.writelines(pieces)
            out.write("\n")
    except OSError as exc:
        raise cannot_write(target, exc) from exc


def cannot_write(target: object, exc: BaseException) -> click.ClickException:
    """A file the clerk named that cannot be written (a missing folder, no permission), in Chinese."""
    # xlsxwriter raises its own error from the OSError it met.
    causes = (exc, exc.__cause__, exc.__context__, *exc.args)
    reason = {
        FileNotFoundError: "所在文件夹不存在",
        PermissionError: "没有写入权限",
        IsADirectoryError: "这是一个文件夹",
    }
    why = next((text for c in causes for kind, text in reason.items() if isinstance(c, kind)), "无法创建该文件")
    return click.ClickException(f"无法写入 {target}：{why}")


def _warnings_to_stderr() -> None:
    """What the form loader warns about (a user form replacing a built-in one …) reaches the clerk once, in
    Chinese, on stderr: stdout may be JSON."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("提示：%(message)s"))
    logger = logging.getLogger("huizong.forms")
    logger.addHandler(handler)
    logger.propagate = False


def run_main(cli: click.Group) -> None:
    """Run the CLI: a HuizongError is a message and exit 1, never a traceback."""
    _warnings_to_stderr()
    try:
        # Without standalone mode click returns a command's Exit code instead of exiting: pass it on.
        code = cli.main(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("已取消。", err=True)
        sys.exit(1)
    except HuizongError as exc:
        click.echo(f"错误：{exc}", err=True)
        sys.exit(1)


@contextmanager
def ended_by_signals() -> Iterator[None]:
    """A kill (SIGTERM) or a closed terminal (SIGHUP) ends the command as an error would, running `finally` blocks
    and `with` exits (the merge's spill folder is removed): Python's default ends the process on the spot."""

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    before = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


@contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[object], None]]:
    """A progress bar on a terminal (stderr), silence in a pipe or a log; yields a one-step callback."""
    if not sys.stderr.isatty() or total < 2:
        yield lambda _item: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True) as bar:
        yield lambda _item: bar.update(1)
