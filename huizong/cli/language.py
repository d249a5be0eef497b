"""The command line speaks Chinese: click's own messages (usage errors, help texts) translated.

click looks every message up through `gettext` functions it binds in each of its modules; importing this module
rebinds them to the table below. tests/huizong/cli/test_language.py checks that every message click can say has
a translation, so a click upgrade that adds one fails loudly instead of showing English to a clerk.
"""

from __future__ import annotations

import importlib
import unicodedata

import click
from click import core, formatting
from click._compat import strip_ansi

MESSAGES: dict[str, str] = {
    # help pages
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "%(prog)s, version %(version)s": "%(prog)s 版本 %(version)s",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必填",
    "(dynamic)": "（动态）",
    "deprecated": "已停用",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "Choice({choices})": "可选值（{choices}）",
    # usage errors
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "输入“{command} {option}”查看帮助。",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有名为 {name!r} 的命令。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "Did you mean {possibility}?": "是不是想输入 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是不是想输入其中之一：{possibilities}？）",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Got unexpected extra argument ({args})": "多出了参数（{args}）",
    "Got unexpected extra arguments ({args})": "多出了参数（{args}）",
    "Option {name!r} requires an argument.": "选项 {name!r} 后面需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 后面需要 {nargs} 个值。",
    "Option {name!r} does not take a value.": "选项 {name!r} 后面不能带值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，只给了 1 个。",
    "Takes {nargs} values but {len} were given.": "需要 {nargs} 个值，给了 {len} 个。",
    "{len_type} values are required, but {len_value} was given.": "需要 {len_type} 个值，给了 {len_value} 个。",
    "{len_type} values are required, but {len_value} were given.": "需要 {len_type} 个值，给了 {len_value} 个。",
    "Value must be an iterable.": "应为多个值。",
    "Invalid start character for option ({option})": "选项的开头字符无效（{option}）",
    # values
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的数字。",
    "{value} is not in the range {range}.": "{value} 不在允许的范围 {range} 内。",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是可选值之一：{choices}。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是有效的是/否值，可用：{states}",
    "{value!r} is not a valid UUID.": "{value!r} 不是有效的 UUID。",
    "{value!r} does not match the format {format}.": "{value!r} 不符合格式 {format}。",
    "{value!r} does not match the formats {formats}.": "{value!r} 不符合以下任一格式：{formats}。",
    "file": "文件",
    "directory": "目录",
    "path": "路径",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件，这里需要目录。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是目录，这里需要文件。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 没有读取权限。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 没有写入权限。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 不能执行。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "unknown error": "未知错误",
    # prompts and the terminal
    "Aborted!": "已取消。",
    "Do you want to continue?": "是否继续？",
    "Confirm the action without prompting.": "不再询问，直接确认。",
    "Repeat for confirmation": "再输入一次以确认",
    "Error: The two entered values do not match.": "错误：两次输入不一致。",
    "Error: invalid input": "错误：输入无效",
    "Press any key to continue...": "按任意键继续……",
    "Unknown color {colour!r}": "未知的颜色 {colour!r}",
    "Unknown standard stream '{name}'": "未知的标准流“{name}”",
    "{editor}: Editing failed": "{editor}：编辑失败",
    "{editor}: Editing failed: {e}": "{editor}：编辑失败：{e}",
    "d": "d",
    "Windows error: {error}": "Windows 错误：{error}",
    "Couldn't detect Bash version, shell completion is not supported.": "无法确定 Bash 版本，不支持命令补全。",
    "Shell completion is not supported for Bash versions older than 4.4.": "Bash 4.4 以前的版本不支持命令补全。",
    # mistakes in a program's own option declarations, never a clerk's: translated all the same
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "提示：命令 {name!r} 已停用。{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "提示：{param_type} {name!r} 已停用。{extra_message}"
    ),
    "Could not determine name for option with declarations {decls!r}": "无法确定选项名称：{decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? Did you mean"
    " to pass '--{name}'?": "没有定义选项却给了名称（{name}）。",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": (
        "参数只能有一个声明，这里有 {length} 个：{decls}。"
    ),
    "Name '{name}' defined twice": "名称“{name}”定义了两次",
    "Boolean option {decl!r} cannot use the same flag for true/false.": (
        "是/否选项 {decl!r} 不能用同一个开关表示是和否。"
    ),
}

# Metavars click derives from a parameter's type name (--port INTEGER RANGE).
METAVARS = {
    "TEXT": "文本",
    "INTEGER": "整数",
    "INTEGER RANGE": "整数",
    "FLOAT": "数字",
    "FLOAT RANGE": "数字",
    "BOOLEAN": "是/否",
    "FILENAME": "文件",
    "DATETIME": "日期时间",
}
OPTIONS_METAVAR = "[选项]"
SUBCOMMAND_METAVAR = "命令 [参数]..."
_MODULES = (
    "core",
    "decorators",
    "exceptions",
    "formatting",
    "parser",
    "shell_completion",
    "termui",
    "types",
    "utils",
    "_termui_impl",
)


def translate(message: str) -> str:
    return MESSAGES.get(message, message)


def ntranslate(singular: str, plural: str, n: int) -> str:
    return translate(singular if n == 1 else plural)


def _install() -> None:
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = translate  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ntranslate  # type: ignore[attr-defined]
    english = core.Parameter.make_metavar

    def make_metavar(self: core.Parameter, ctx: click.Context) -> str:
        metavar = english(self, ctx)
        base, dots = (metavar[:-3], "...") if metavar.endswith("...") else (metavar, "")
        return METAVARS.get(base, base) + dots

    core.Parameter.make_metavar = make_metavar  # type: ignore[method-assign]

    def write_heading(self: formatting.HelpFormatter, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")  # 选项： with a full-width colon

    formatting.HelpFormatter.write_heading = write_heading  # type: ignore[method-assign]
    # Columns of the help page line up by what a terminal shows: a Chinese character takes two columns.
    formatting.term_len = _columns  # type: ignore[attr-defined]


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in strip_ansi(text))


def localise(command: click.Command) -> None:
    """Chinese usage lines for a command and every sub-command under it: 用法：huizong parse [选项] FILE."""
    command.options_metavar = OPTIONS_METAVAR
    if isinstance(command, click.Group):
        command.subcommand_metavar = SUBCOMMAND_METAVAR
        for sub in command.commands.values():
            localise(sub)


_install()
