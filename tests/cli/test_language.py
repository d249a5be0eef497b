"""click's own messages reach a clerk in Chinese: usage errors, unknown options, help pages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest

from huizong.cli import cli
from huizong.cli.language import MESSAGES

_ENGLISH = re.compile(
    r"\b(Usage|Error|Options|Commands|Show this|Missing|Invalid value|No such|Try '|required|default|does not exist|Got unexpected|is not)\b"
)


def _click_messages() -> set[str]:
    """Every literal message click passes to gettext, found in its source."""
    found: set[str] = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
                found |= {a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return found


def test_every_message_click_can_say_is_translated() -> None:
    missing = _click_messages() - set(MESSAGES)
    assert not missing, f"click 有未翻译的提示：{missing}"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["parse"], "缺少参数 'FILE'"),
        (["parse", "--nope", "x"], "没有选项 '--nope'"),
        (["pars"], "没有名为 'pars' 的命令"),
        (["serve", "--port", "x"], "'--port' 的值无效"),
        (["parse", "--units", "没有这个文件.txt", "x.xlsx", "--json", "-"], "文件 '没有这个文件.txt' 不存在"),
        (["template", "institution-roster"], "缺少选项 '-o' / '--output'"),
        (["forms", "check", "没有这个目录"], "路径 '没有这个目录' 不存在"),
        (["forms", "infer"], "缺少参数 'FILE'"),
        (["merge", "--json"], "后面需要一个值"),
    ],
)
def test_usage_errors_are_chinese(huizong, args: list[str], expected: str) -> None:
    out = huizong(*args)
    assert out.returncode == 2
    assert expected in out.stderr and "错误：" in out.stderr
    assert not _ENGLISH.search(out.stderr), out.stderr


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = [prefix]
    for name, command in group.commands.items():
        out += _commands(command, (*prefix, name)) if isinstance(command, click.Group) else [(*prefix, name)]
    return out


@pytest.mark.parametrize("path", _commands(cli), ids=lambda p: " ".join(p) or "huizong")
def test_help_pages_are_chinese(huizong, path: tuple[str, ...]) -> None:
    out = huizong(*path, "--help")
    assert out.returncode == 0 and "用法：" in out.stdout and "显示本帮助并退出" in out.stdout
    assert not _ENGLISH.search(out.stdout), out.stdout
    assert not re.search(r"\b(TEXT|INTEGER|DIRECTORY|OPTIONS|COMMAND)\b", out.stdout), out.stdout
