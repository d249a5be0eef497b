"""The `huizong doc` group: its usage errors said in Chinese, like every other message a clerk reads."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import IO, Any

import click

_MESSAGES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"Missing argument '([^']+)'\."), lambda m: f"缺少参数 {m[1]}。"),
    (re.compile(r"Missing option (.+)\."), lambda m: f"缺少选项 {_names(m[1])}。"),
    (
        re.compile(r"No such option:? '?([^'.]+)'?\.?(?: Did you mean (.+)\?)?"),
        lambda m: f"没有选项 {m[1]}{_hint(m[2])}。",
    ),
    (re.compile(r"Option '([^']+)' requires an argument\."), lambda m: f"选项 {m[1]} 需要一个值。"),
    (re.compile(r"Got unexpected extra arguments? \((.*)\)"), lambda m: f"多余的参数：{m[1]}"),
    (re.compile(r"No such command '([^']+)'\.(?: Did you mean (.+)\?)?"), lambda m: f"没有命令 {m[1]}{_hint(m[2])}。"),
    (re.compile(r"'([^']*)' is not one of (.*)\."), lambda m: f"“{m[1]}”不是可选的值（可选：{_names(m[2])}）。"),
    (re.compile(r"'([^']*)' is not a valid integer(?: range)?\."), lambda m: f"“{m[1]}”不是整数。"),
    (re.compile(r"(?:File|Path) '([^']*)' does not exist\."), lambda m: f"文件 {m[1]} 不存在。"),
    (re.compile(r"(?:File|Path) '([^']*)' is a directory\."), lambda m: f"{m[1]} 是目录，需要一个文件。"),
    (re.compile(r"Invalid value for '?([^':]+)'?: (.*)", re.S), lambda m: f"{m[1]} 的值无效：{chinese(m[2])}"),
)


def _hint(names: str | None) -> str:
    return f"（是否想用 {_names(names)}？）" if names else ""


def _names(text: str) -> str:
    """'-o' / '--output' → -o 或 --output; 'a', 'b' → a、b."""
    names = re.findall(r"'([^']*)'", text)
    return ("、" if "," in text else " 或 ").join(names) if names else text


def chinese(message: str) -> str:
    """A click message in Chinese (the ones a clerk meets); one not known is kept as it is."""
    for pattern, say in _MESSAGES:
        m = pattern.fullmatch(message.strip())
        if m is not None:
            return say(m)
    return message


class ChineseUsageError(click.UsageError):
    def show(self, file: IO[Any] | None = None) -> None:
        ctx = self.ctx
        if ctx is not None:
            usage = ctx.get_usage().replace("Usage: ", "用法：").replace("[OPTIONS]", "[选项]")
            click.echo(usage, err=True)
            click.echo(f"查看说明：{ctx.command_path} --help", err=True)
        click.echo(f"错误：{self.message}", err=True)


class DocGroup(click.Group):
    """A group whose sub-commands' usage errors (missing argument, unknown option …) come out in Chinese."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ChineseUsageError:
            raise
        except click.UsageError as exc:
            raise ChineseUsageError(chinese(exc.format_message()), exc.ctx or ctx) from exc

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            raise ChineseUsageError(chinese(exc.format_message()), ctx) from exc


@click.group("doc", cls=DocGroup)
def doc() -> None:
    """公文（GB/T 9704-2012）：生成、检查（doc check）和一键排版（doc format），输出 DOCX / PDF。"""
