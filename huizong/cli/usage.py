"""click's own usage errors in Chinese: a clerk who mistypes an option reads what went wrong, exit status 2."""

from __future__ import annotations

import re

import click

# click's English sentences (8.x) -> the clerk's Chinese, tried in order on the formatted message.
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Missing argument '(.+?)'\.?$"), "缺少参数 {0}"),
    (re.compile(r"^Missing option '(.+?)'\.?$"), "缺少选项 {0}"),
    (re.compile(r"^No such option:? '?([^'.]+)'?\.?(?: Did you mean (.+)\?)?$"), "没有选项 {0}"),
    (re.compile(r"^No such command '(.+?)'\.?$"), "没有命令 {0}（用 huizong --help 查看全部命令）"),
    (re.compile(r"^Option '(.+?)' requires an argument\.?$"), "选项 {0} 需要一个值"),
    (re.compile(r"^Option '(.+?)' requires (\d+) arguments\.?$"), "选项 {0} 需要 {1} 个值"),
    (re.compile(r"^Got unexpected extra arguments? \((.+)\)$"), "多余的参数：{0}"),
    (re.compile(r"^Invalid value for '(.+?)': (?:File|Path|Directory) '(.+)' does not exist\.$"), "{0}：找不到 {1}"),
    (re.compile(r"^Invalid value for '(.+?)': (?:File|Path) '(.+)' is a directory\.$"), "{0}：{1} 是文件夹，应为文件"),
    (re.compile(r"^Invalid value for '(.+?)': Directory '(.+)' is a file\.$"), "{0}：{1} 是文件，应为文件夹"),
    (re.compile(r"^Invalid value for '(.+?)': '(.+?)' is not one of (.+)\.$"), "{0} 的值“{1}”无效，可选：{2}"),
    (re.compile(r"^Invalid value for '(.+?)': (.+) is not in the range (.+)\.$"), "{0} 的值 {1} 超出范围 {2}"),
    (
        re.compile(r"^Invalid value for '(.+?)': '(.+?)' does not match the formats? (.+)\.$"),
        "{0} 的值“{1}”格式不对，应为 {2}（如 2024-05-31）",
    ),
    (re.compile(r"^Invalid value for '(.+?)': (.+)$"), "{0} 的值无效：{1}"),
]


def chinese(message: str) -> str:
    for pattern, template in _PATTERNS:
        m = pattern.match(message.strip())
        if m:
            return template.format(*(g or "" for g in m.groups()))
    return message


def show(exc: click.UsageError) -> None:
    """Print a usage error as `用法：… / 错误：…` on stderr (click's show() prints English headings)."""
    ctx = exc.ctx
    if ctx is not None:
        pieces = " ".join(ctx.command.collect_usage_pieces(ctx)).replace("[OPTIONS]", "[选项]")
        click.echo(f"用法：{ctx.command_path} {pieces.replace('COMMAND [ARGS]...', '命令 [参数]...')}", err=True)
        click.echo(f"查看帮助：{ctx.command_path} --help", err=True)
    click.echo(f"错误：{chinese(exc.format_message())}", err=True)


class Problem(click.UsageError):
    """Wrong usage found by a command itself (a file that is not there, an unknown form): exit status 2."""

    def show(self, file: object = None) -> None:
        show(self)
