"""YAML an official wrote (a spec, a campaign file): loaded as written, and every mistake said with its line.

Dates and numbers stay strings (2021-02-30 reaches our validators instead of crashing PyYAML, 份号 000017 is
not the octal 15); pydantic converts what must be a number.
"""

from __future__ import annotations

import yaml

from generators.documents.errors import DocumentSpecError


class AsWrittenLoader(yaml.SafeLoader):
    """SafeLoader without the implicit timestamp, int and float types."""


_AS_WRITTEN = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
AsWrittenLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag not in _AS_WRITTEN]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_mapping(text: str, source: str | None, what: str) -> tuple[dict, yaml.Node]:
    """The mapping `text` holds and its node tree (for line numbers); `what` names it in messages."""
    node = compose(text, source)
    data = yaml.load(text, Loader=AsWrittenLoader)
    if not isinstance(data, dict) or node is None:
        raise DocumentSpecError(f"{what}必须是“键: 值”形式的 YAML 映射", source, 1)
    return data, node


def compose(text: str, source: str | None) -> yaml.Node | None:
    """The node tree of `text`; a syntax error names its line (and the line where the broken part began)."""
    try:
        return yaml.compose(text, Loader=AsWrittenLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        context = getattr(exc, "context_mark", None)
        problem = yaml_problem(getattr(exc, "problem", None) or "")
        began = f"（第{context.line + 1}行开始的内容）" if context and (not mark or context.line != mark.line) else ""
        raise DocumentSpecError(f"YAML 语法错误{began}：{problem}", source, mark.line + 1 if mark else None) from exc


_PROBLEMS = (
    ("mapping values are not allowed", "此处不能出现“键: 值”（冒号后的内容要加引号，或缩进不对）"),
    ("could not find expected ':'", "缺少冒号“:”（每行应为“键: 值”）"),
    ("did not find expected key", "缩进不一致，或缺少键"),
    ("expected <block end>", "缩进不一致"),
    ("expected ',' or ']'", "列表缺少逗号或右方括号“]”"),
    ("expected ',' or '}'", "映射缺少逗号或右花括号“}”"),
    ("found character '\\t'", "不能用 Tab 缩进，请用空格"),
    ("found unexpected end of stream", "引号或括号没有闭合"),
    ("found undefined alias", "使用了未定义的别名“*”"),
    ("found unknown escape character", "双引号内有无法识别的转义字符“\\”"),
    ("did not find expected '-' indicator", "列表项的缩进不一致"),
    ("found duplicate anchor", "锚点“&”重复"),
)


def yaml_problem(problem: str) -> str:
    """PyYAML's problem in Chinese (English library text never reaches a clerk)."""
    return next((says for key, says in _PROBLEMS if key in problem), "格式不正确（请检查缩进、冒号和引号）")


def line_of(node: yaml.Node | None, loc: tuple) -> int | None:
    """The 1-based line of the deepest YAML node on the path `loc` (keys and list indexes)."""
    line = None
    for part in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        node = _child(node, part)
    if node is not None:
        line = node.start_mark.line + 1
    return line


def _child(node: yaml.Node, part: object) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((v for k, v in node.value if k.value == part), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None


def key_line(node: yaml.Node, key: str) -> int | None:
    """The line of `key` in a mapping node (the key itself, where an official would look)."""
    if isinstance(node, yaml.MappingNode):
        return next((k.start_mark.line + 1 for k, _ in node.value if k.value == key), None)
    return None
