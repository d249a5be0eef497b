"""Read a document spec from YAML and say, in Chinese and with a line number, what is wrong with it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from pydantic import ValidationError

from generators.documents.errors import DocumentSpecError
from generators.documents.model import FORMAT_NAMES, DocSpec
from generators.documents.yamltext import line_of, load_mapping

if TYPE_CHECKING:
    from forms.model import FormDef

KEY_NAMES = {
    "format": "公文格式",
    "copy_no": "份号",
    "secrecy": "密级和保密期限",
    "urgency": "紧急程度",
    "issuer_mark": "发文机关标志",
    "number": "发文字号",
    "signers": "签发人",
    "title": "标题",
    "to": "主送机关",
    "body": "正文",
    "attachments": "附件",
    "signature": "发文机关署名",
    "date": "成文日期",
    "seal": "印章",
    "note": "附注",
    "present": "出席",
    "absent": "请假",
    "observers": "列席",
    "cc": "抄送机关",
    "printed_by": "印发机关",
    "printed_on": "印发日期",
}


def load_spec(path_or_text: str | Path, forms: Iterable[FormDef] | None = None) -> DocSpec:
    """A DocSpec from a YAML file (a Path, or a str naming a .yaml/.yml file) or from YAML text.

    Attachments that name a form (`form: institution-roster`) are laid out as blank forms from `forms`
    (default: the built-in forms).
    """
    text, source = _read(path_or_text)
    spec = parse_spec(text, source)
    if any(a.form and not a.tables for a in spec.attachments):
        # Laying out a form needs the form model and layout: imported only for a spec whose attachment names one.
        from generators.documents.attachments import expand_forms

        spec = expand_forms(spec, _form_index(forms))
    return spec


def parse_spec(text: str, source: str | None = None) -> DocSpec:
    data, node = load_mapping(text, source, "公文描述")
    try:
        return DocSpec.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise DocumentSpecError(describe(err), source, line_of(node, tuple(err["loc"]))) from exc


def describe(err: dict) -> str:
    """One pydantic error as a Chinese sentence naming the spec key."""
    loc = tuple(err["loc"])
    key = str(loc[0]) if loc else ""
    name = KEY_NAMES.get(key, key)
    kind = err["type"]
    if kind == "missing":
        return f"缺少必填项“{key}”（{name}）"
    if kind == "extra_forbidden":
        known = "、".join(KEY_NAMES)
        return f"未知的键“{loc[-1]}”（可用的键：{known}）"
    if key == "format" and kind == "literal_error":
        choices = "、".join(f"{k}（{v}）" for k, v in FORMAT_NAMES.items())
        return f"未知的公文格式“{err.get('input')}”，可选：{choices}"
    if kind == "value_error":
        return str(err["ctx"]["error"]) if "ctx" in err else err["msg"]
    if kind in ("string_too_short", "too_short"):
        return f"“{key}”（{name}）不能为空"
    return f"“{'.'.join(str(p) for p in loc)}”（{name}）的值“{err.get('input')}”不正确：{err['msg']}"


def _read(path_or_text: str | Path) -> tuple[str, str | None]:
    if isinstance(path_or_text, str) and not (
        "\n" not in path_or_text and path_or_text.strip().lower().endswith((".yaml", ".yml"))
    ):
        return path_or_text, None
    path = Path(path_or_text)
    try:
        return path.read_text(encoding="utf-8-sig"), str(path)
    except FileNotFoundError as exc:
        raise DocumentSpecError("文件不存在", str(path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentSpecError(f"无法读取（需要 UTF-8 编码的 YAML 文本）：{exc}", str(path)) from exc


def _form_index(forms: Iterable[FormDef] | None) -> dict[str, FormDef]:
    if forms is None:
        from forms import FormRegistry

        forms = FormRegistry.load()
    return {f.id: f for f in forms}


class _Block(str):
    """A string dumped as a YAML literal block (|), as an official would write a 正文."""


yaml.SafeDumper.add_representer(
    _Block, lambda dumper, s: dumper.represent_scalar("tag:yaml.org,2002:str", str(s), style="|")
)


def _lines(text: str) -> str:
    """The paragraphs of a body text, one a line (blank lines mean nothing in a body)."""
    return "\n".join(line for line in text.splitlines() if line.strip())


def spec_yaml(spec: DocSpec) -> str:
    """The spec as the YAML of `huizong doc render`, for an official to edit and render again."""
    data = spec.model_dump(mode="json", exclude_defaults=True)
    parts = list(spec.body)
    if all(isinstance(p, str) for p in parts):
        data["body"] = _Block("\n".join(_lines(str(p)) for p in parts) + "\n")
    else:
        data["body"] = [
            _Block(_lines(p) + "\n") if isinstance(p, str) else d for p, d in zip(parts, data["body"], strict=True)
        ]
    if spec.attachments:
        data["attachments"] = [
            {"title": a.title, "form": a.form} if a.form else a.model_dump(mode="json", exclude_defaults=True)
            for a in spec.attachments
        ]
    for key in ("issuer_mark", "signature"):
        if len(data.get(key, ())) == 1:
            data[key] = data[key][0]
    ordered = {k: data[k] for k in KEY_NAMES if k in data}
    return yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=1000)
