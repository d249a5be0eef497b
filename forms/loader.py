"""Load form definitions from YAML and say exactly where a broken one is wrong."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml
from pydantic import ValidationError

from forms.errors import FormDefinitionError
from forms.model import FormDef

BUILTIN_DIR = Path(__file__).parent


def _line_index(node: yaml.Node, path: tuple = ()) -> dict[tuple, int]:
    """Map every key path in a YAML document to its 1-based line number."""
    lines = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines.update(_line_index(value, (*path, key.value)))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines.update(_line_index(item, (*path, i)))
    return lines


def _nearest_line(lines: dict[tuple, int], loc: tuple) -> int:
    for n in range(len(loc), -1, -1):
        if tuple(loc[:n]) in lines:
            return lines[tuple(loc[:n])]
    return 1


def parse_definition(text: str, source: str) -> FormDef:
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise FormDefinitionError(source, line, None, f"YAML 语法错误：{getattr(exc, 'problem', exc)}") from exc
    if not isinstance(data, dict) or node is None:
        raise FormDefinitionError(source, 1, None, "表单定义必须是一个 YAML 映射（键: 值）")
    try:
        return FormDef.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        where = ".".join(str(p) for p in loc) or None
        # Point at the field by its id when the error is inside a list of fields.
        raise FormDefinitionError(
            source, _nearest_line(_line_index(node), loc), where, _describe(err, data, loc)
        ) from exc


def _describe(err: dict, data: dict, loc: tuple) -> str:
    msg = err.get("msg", "")
    msg = msg.removeprefix("Value error, ")
    if len(loc) >= 2 and loc[0] in ("fields", "meta") and isinstance(loc[1], int):
        items = data.get(loc[0]) or []
        if loc[1] < len(items) and isinstance(items[loc[1]], dict) and items[loc[1]].get("id"):
            msg = f"字段 {items[loc[1]]['id']}：{msg}"
    return msg


def load_file(path: Path) -> FormDef:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormDefinitionError(str(path), 1, None, f"无法读取表单定义文件：{exc}") from exc
    return parse_definition(text, str(path))


def load_dir(folder: Path) -> list[FormDef]:
    if not folder.is_dir():
        raise FormDefinitionError(str(folder), 1, None, "表单定义目录不存在")
    return [load_file(p) for p in sorted(folder.glob("*.y*ml"))]


class FormRegistry:
    """The forms known to one run: the built-in ones plus any user folders (a later one overrides by id)."""

    def __init__(self, forms: Iterable[FormDef]) -> None:
        self._forms: dict[str, FormDef] = {}
        for form in forms:
            self._forms[form.id] = form

    @classmethod
    def load(cls, extra_dirs: Iterable[Path] = ()) -> FormRegistry:
        forms = load_dir(BUILTIN_DIR)
        for folder in extra_dirs:
            forms.extend(load_dir(Path(folder)))
        return cls(forms)

    def get(self, form_id: str) -> FormDef:
        try:
            return self._forms[form_id]
        except KeyError:
            known = "、".join(self._forms)
            raise FormDefinitionError(form_id, 0, None, f"未知的表单“{form_id}”，已知：{known}") from None

    def __iter__(self):
        return iter(self._forms.values())

    def __len__(self) -> int:
        return len(self._forms)

    def __contains__(self, form_id: object) -> bool:
        return form_id in self._forms
