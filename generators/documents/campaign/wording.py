"""Built-in texts: Jinja templates of a document spec (texts/*.yaml.j2), kept as data an office can copy.

A text renders to the YAML of `huizong doc render`, so whatever an official can write by hand, a text can
produce, and an office's own copy (`--text my-notice.yaml.j2`) replaces the built-in wording.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

import jinja2

from forms.model import FormDef
from generators.documents.errors import DocumentSpecError
from generators.documents.layout.textfit import cn_date
from generators.documents.model import DocSpec
from generators.documents.reading.patterns import cn_numeral
from generators.documents.spec import load_spec

TEXTS = Path(__file__).parent / "texts"
BUILTIN = ("notice", "reminder", "bulletin", "summary")


def yaml_value(value: object) -> str:
    """Any value as YAML (JSON is YAML): safe inside a template whatever characters it holds."""
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="json", exclude_defaults=True)
    return json.dumps(value, ensure_ascii=False, default=str)


def cn(value: dt.date | None, unknown: str = "日期不详") -> str:
    return cn_date(value) if value else unknown


def quoted(titles: Iterable[str]) -> str:
    """《甲》《乙》 — form titles as cited in a 公文."""
    return "".join(f"《{t}》" for t in titles)


def listing(items: Iterable[str], sep: str = "、") -> str:
    return sep.join(items)


def _environment(folder: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(folder), str(TEXTS)]),
        undefined=jinja2.StrictUndefined,
        # Tags on lines of their own leave blank lines, which YAML and the body both ignore; a tag at the end
        # of a line keeps that line's break (trim_blocks would join the next paragraph onto it).
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the output is YAML, not HTML; values go through the `yaml` filter
    )
    env.filters.update(yaml=yaml_value, cn=cn, quoted=quoted, listing=listing, cn_num=cn_numeral)
    return env


def text_path(name_or_path: str | Path) -> Path:
    if isinstance(name_or_path, str) and name_or_path in BUILTIN:
        return TEXTS / f"{name_or_path}.yaml.j2"
    path = Path(name_or_path)
    if not path.is_file():
        raise DocumentSpecError("找不到公文文本模板", str(path))
    return path


def render_text(name_or_path: str | Path, context: dict, forms: Iterable[FormDef] | None = None) -> DocSpec:
    """The spec a text makes from `context`; errors name the template and its line."""
    path = text_path(name_or_path)
    try:
        template = _environment(path.parent).get_template(path.name)
        text = template.render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise DocumentSpecError(f"文本模板语法错误：{exc.message}", str(path), exc.lineno) from exc
    except jinja2.UndefinedError as exc:
        raise DocumentSpecError(f"文本模板引用了不存在的内容（{exc.message}）", str(path)) from exc
    try:
        return load_spec(text, forms)
    except DocumentSpecError as exc:
        # Point at the template; the line is the rendered spec's, which the official can see with -o X.yaml.
        raise DocumentSpecError(f"由文本模板生成的公文描述有误：{exc.message}", str(path)) from exc
