"""The merged returns a campaign document is made from (`huizong merge --json`), read with every mistake said
in Chinese with its file, line and key."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from generators.documents.errors import DataError
from parsers.results import Result

HINT = "需要 huizong merge --json 生成的汇总结果"


def load_result(path: Path) -> Result:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise DataError(f"汇总结果文件 {path} 不存在（{HINT}）") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"无法读取汇总结果 {path}（{HINT}，UTF-8 编码的 JSON）") from exc
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"{path} 第{exc.lineno}行第{exc.colno}列：不是有效的 JSON（{_json_problem(exc.msg)}）") from exc
    if not isinstance(raw, dict):
        raise DataError(f'{path} 第1行：{HINT}，应是一个 JSON 对象（{{"forms": …, "files": …, "issues": …}}）')
    try:
        return Result.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        key = ".".join(str(p) for p in loc)
        line = _line(text, loc)
        where = f" 第{line}行" if line else ""
        raise DataError(f"{path}{where}：键“{key}”{_problem(err)}（{HINT}）") from exc


def _problem(err: dict) -> str:
    kind = err["type"]
    if kind == "missing":
        return "缺失"
    if kind == "extra_forbidden":
        return "不是汇总结果中的键"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        name = next((v for k, v in _TYPES.items() if kind.startswith(k)), "其他类型")
        return f"的值“{err.get('input')}”类型不对，应为{name}"
    if kind == "literal_error":
        return f"的值“{err.get('input')}”不是可选的值（{err['ctx']['expected']}）"
    return f"的值“{err.get('input')}”不正确"


_TYPES = {"dict": "对象", "list": "列表", "string": "文字", "int": "整数", "float": "数字", "bool": "true 或 false"}
_JSON_PROBLEMS = {
    "Expecting value": "缺少值",
    "Expecting property name enclosed in double quotes": "键须用双引号括起",
    "Expecting ',' delimiter": "缺少逗号",
    "Expecting ':' delimiter": "缺少冒号",
    "Unterminated string starting at": "字符串没有结束的引号",
    "Extra data": "JSON 结束后还有多余内容",
    "Invalid control character at": "字符串中有控制字符",
}


def _json_problem(msg: str) -> str:
    return next((v for k, v in _JSON_PROBLEMS.items() if msg.startswith(k)), msg)


def _line(text: str, loc: tuple) -> int | None:
    """The line of the key path `loc` in the JSON text (JSON is YAML to the composer, which keeps lines)."""
    import yaml

    from generators.documents.yamltext import line_of

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    return line_of(node, loc)
