"""`huizong forms` and `huizong template`."""

from __future__ import annotations

from pathlib import Path

import click

from forms.types import display_width
from huizong.cli.common import forms_option, registry, write_json

_LAYOUTS = {"list": "清单", "matrix": "统计表", "record": "信息表"}


@click.command("forms")
@forms_option
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def forms_command(forms_dirs: tuple[Path, ...], as_json: bool) -> None:
    """列出已知的报表。"""
    forms = list(registry(forms_dirs))
    if as_json:
        write_json([{"id": f.id, "title": f.title, "layout": f.layout, "version": f.version} for f in forms], "-")
        return
    width = max(len(f.id) for f in forms)
    for f in forms:
        kind = _LAYOUTS[f.layout]
        click.echo(f"{f.id:<{width}}  {kind}{' ' * (8 - display_width(kind))}{f.title}")


@click.command("template")
@click.argument("form_id")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="输出文件（.xlsx 或 .docx）。",
)
@forms_option
def template_command(form_id: str, output: Path, forms_dirs: tuple[Path, ...]) -> None:
    """生成下发给各单位填写的空白报表。"""
    from generators.templates import write_template

    write_template(registry(forms_dirs).get(form_id), output)
    click.echo(f"已生成空白报表：{output}")


COMMANDS = [forms_command, template_command]
