"""`huizong doc render` (a spec YAML → DOCX/PDF) and `huizong doc fill` (an office's own Word template)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from huizong.cli.common import forms_option, registry
from huizong.cli.doc.group import doc
from huizong.cli.doc.options import numbering_for, outputs_option, parse_day, stamp_options, write

if TYPE_CHECKING:
    from forms.model import FormDef


def existing(path: Path, what: str) -> Path:
    """`path` when it is a file; a Chinese usage error otherwise (click's own message would be English)."""
    if not path.exists():
        raise click.UsageError(f"{what} {path} 不存在")
    if not path.is_file():
        raise click.UsageError(f"{what} {path} 不是文件")
    return path


@doc.command("render")
@click.argument("spec_file", type=click.Path(dir_okay=False, path_type=Path))
@outputs_option
@stamp_options
@forms_option
def render(
    spec_file: Path,
    outputs: tuple[Path, ...],
    forms_dirs: tuple[Path, ...],
    date_text: str | None,
    number_text: str | None,
    prefix: str | None,
    register_file: Path | None,
) -> None:
    """按公文描述 SPEC.yaml 生成公文（输出类型由文件后缀决定，可同时输出 DOCX 和 PDF）。
    --date、--number 覆盖描述中的成文日期和发文字号；只给 --prefix 时按发文登记取下一个序号。"""
    from generators.documents import load_spec

    spec = load_spec(existing(spec_file, "公文描述文件"), _forms(forms_dirs))
    day = parse_day(date_text)
    if day is not None:
        spec = spec.model_copy(update={"date": day})
    numbering = numbering_for(number_text, prefix, register_file, Path.cwd())
    if number_text or prefix:
        number = numbering.number(spec.date or dt.date.today(), spec.title)
        spec = spec.model_copy(update={"number": number})
    write(spec, outputs)
    numbering.commit()


def _forms(forms_dirs: tuple[Path, ...]) -> Iterator[FormDef]:
    """The forms, loaded only when the spec's attachments name one (most 公文 have none): parsing every form
    YAML is a good part of a clerk's `doc render`."""
    yield from registry(forms_dirs)


@doc.command("fill")
@click.argument("template", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("data_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="输出的 .docx 文件。"
)
@stamp_options
def fill(
    template: Path,
    data_file: Path,
    output: Path,
    date_text: str | None,
    number_text: str | None,
    prefix: str | None,
    register_file: Path | None,
) -> None:
    """用数据（YAML 或汇总 JSON）填写本单位自己的 Word 模板（docxtpl 标签，表格行可循环）。
    模板中可用 {{ date }}（成文日期，默认今天）和 {{ number }}（发文字号）。"""
    from generators.documents.fill import fill_template, load_data
    from generators.documents.layout.textfit import cn_date

    data = load_data(existing(data_file, "数据文件"))
    day = parse_day(date_text) or dt.date.today()
    numbering = numbering_for(number_text, prefix, register_file, Path.cwd())
    number = numbering.number(day, output.stem) if (number_text or prefix) else None
    data = {"date": cn_date(day), "number": number or "", **data}
    filled = fill_template(existing(template, "Word 模板").read_bytes(), data)
    output.write_bytes(filled.docx)
    if filled.unknown:
        click.echo(f"提示：模板中的以下内容在数据中不存在，已留空：{'、'.join(filled.unknown)}", err=True)
    click.echo(f"已生成：{output}")
    numbering.commit()
