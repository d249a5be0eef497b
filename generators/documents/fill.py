"""Fill an office's own Word template (docxtpl tags) for layouts huizong does not know.

Data is a YAML mapping, or a merge JSON (the `merge --json` shape), offered to the template as:
    forms['institution-roster'].rows   every record flattened: {unit, section, seq, name, domain, …}
    forms.institution_roster            the same form under an identifier Jinja can write with a dot
    files, issues, today                as in the JSON; today as 2022年5月12日
so that `{%tr for r in forms.institution_roster.rows %}` makes one table row per record.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml
from pydantic import ValidationError

from generators.documents.errors import TemplateFillError
from generators.documents.layout.textfit import cn_date
from parsers.results import Result


@dataclass(frozen=True, slots=True)
class Filled:
    docx: bytes
    unknown: tuple[str, ...]  # names the template uses that the data does not have (left blank)


def fill_template(template: bytes, data: dict) -> Filled:
    from docxtpl import DocxTemplate

    try:
        tpl = DocxTemplate(io.BytesIO(template))
        unknown = tuple(sorted(tpl.get_undeclared_template_variables(context=data)))
        # autoescape: without it "A&B" silently becomes "A" in the XML (field-notes).
        tpl.render(data, jinja_env=jinja2.Environment(autoescape=True), autoescape=True)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateFillError(f"Word 模板中的标签有误：{exc.message}") from exc
    except jinja2.TemplateError as exc:
        raise TemplateFillError(f"填写 Word 模板失败：{exc}") from exc
    except (KeyError, ValueError, OSError, zipfile.BadZipFile) as exc:
        raise TemplateFillError(f"无法打开 Word 模板（需要 .docx 文件）：{exc}") from exc
    out = io.BytesIO()
    tpl.save(out)
    return Filled(out.getvalue(), unknown)


def load_data(path: Path) -> dict:
    """A YAML mapping, or a merge JSON turned into the context described above."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateFillError(f"无法读取数据文件 {path}：{exc}") from exc
    if path.suffix.lower() == ".json":
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise TemplateFillError(f"数据文件 {path} 不是有效的 JSON（第{exc.lineno}行）") from exc
        return merge_context(raw) if isinstance(raw, dict) and "forms" in raw else _mapping(raw, path)
    try:
        return _mapping(yaml.safe_load(text), path)
    except yaml.YAMLError as exc:
        raise TemplateFillError(f"数据文件 {path} 不是有效的 YAML：{exc}") from exc


def _mapping(raw: object, path: Path) -> dict:
    if not isinstance(raw, dict):
        raise TemplateFillError(f"数据文件 {path} 必须是“键: 值”形式的映射")
    return raw


def merge_context(raw: dict) -> dict:
    try:
        result = Result.model_validate(raw)
    except ValidationError as exc:
        raise TemplateFillError(f"汇总 JSON 的格式不正确：{exc.errors()[0]['msg']}") from exc
    forms = {}
    for form_id, fr in result.forms.items():
        entry = fr.model_dump(mode="json")
        entry["rows"] = [{"unit": r.unit, "section": r.section, **r.values} for r in fr.records]
        forms[form_id] = entry
        forms[form_id.replace("-", "_")] = entry
    return {
        "forms": forms,
        "files": [f.model_dump(mode="json") for f in result.files],
        "issues": [i.model_dump(mode="json") for i in result.issues],
        "today": cn_date(dt.date.today()),
    }
