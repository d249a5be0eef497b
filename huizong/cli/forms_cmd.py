"""`huizong forms` (the list, `infer`, `check`) and `huizong template`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from huizong.cli.common import forms_option, registry, write_json

_LAYOUTS = {"list": "清单", "matrix": "统计表", "record": "信息表"}
_SEVERITY = {"error": "错误", "warning": "提示"}


@click.group("forms", invoke_without_command=True)
@forms_option
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@click.pass_context
def forms_command(ctx: click.Context, forms_dirs: tuple[Path, ...], as_json: bool) -> None:
    """列出已知的报表；infer 由空白表或报表推断表单定义，check 检查表单定义文件。"""
    if ctx.invoked_subcommand is not None:
        return
    from forms.types import display_width

    forms = list(registry(forms_dirs))
    if as_json:
        write_json([{"id": f.id, "title": f.title, "layout": f.layout, "version": f.version} for f in forms], "-")
        return
    width = max(display_width(f.id) for f in forms)
    for f in forms:
        kind = _LAYOUTS[f.layout]
        pad = " " * (width - display_width(f.id))
        click.echo(f"{f.id}{pad}  {kind}{' ' * (8 - display_width(kind))}{f.title}")


@forms_command.command("check")
@click.argument("paths", nargs=-1, metavar="[文件|目录]...", type=click.Path(exists=True, path_type=Path))
def check_command(paths: tuple[Path, ...]) -> None:
    """检查表单定义文件（.yaml、.yml），指出每处错误所在的文件、行和键。

    不给文件时检查内置报表。有错误时退出码为 1。
    """
    from forms.check import check_file, replacements
    from forms.loader import BUILTIN_DIR, load_dir

    files = _form_paths(paths or (BUILTIN_DIR,))
    checked = [check_file(p) for p in files]
    builtin = {f.id: f.title for f in load_dir(BUILTIN_DIR)}
    user = [c for c in checked if Path(c.source).resolve().parent != BUILTIN_DIR.resolve()]
    findings = [f for c in checked for f in c.findings] + replacements(user, builtin)
    for f in findings:
        click.echo(f"{_SEVERITY[f.severity]}  {f}")
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    if findings:
        click.echo(f"已检查 {len(files)} 个文件：错误 {errors} 处，提示 {warnings} 处。")
    else:
        click.echo(f"已检查 {len(files)} 个文件，没有发现问题。")
    if errors:
        sys.exit(1)


def _form_paths(paths: tuple[Path, ...]) -> list[Path]:
    from forms.check import form_files

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = form_files(path)
            if not found:
                click.echo(f"提示  {path} 中没有表单定义文件（.yaml 或 .yml）", err=True)
            files.extend(found)
        else:
            files.append(path)
    return files


@forms_command.command("infer")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="写入的表单定义文件（.yaml）；不给则输出到屏幕。",
)
@click.option("--id", "form_id", help="表单的 id（不给则由标题得出）。")
@click.option("--sheet", help="文件有多张工作表或多个表格时，指定表单所在的一张（如“Sheet2”“表2”）。")
@forms_option
def infer_command(
    file: Path, output: Path | None, form_id: str | None, sheet: str | None, forms_dirs: tuple[Path, ...]
) -> None:
    """由空白表（下发的附件）或一份填好的报表推断表单定义（xlsx、xls、docx、PDF）。

    推断的内容在 YAML 中以“推测”注释标出，请核对后修改，再用 huizong forms check 检查。
    """
    from parsers.infer import infer_file, read_back

    reg = registry(forms_dirs)
    inferred = infer_file(file, form_id=form_id, known=list(reg), sheet=sheet)
    if output is None:
        click.echo(inferred.yaml, nl=False)
    else:
        output.write_text(inferred.yaml, encoding="utf-8")
        click.echo(f"已写入表单定义：{output}", err=True)
    records = read_back(file, file.name, inferred.form, list(reg))
    layout = _LAYOUTS[inferred.form.layout]
    click.echo(
        f"{inferred.form.title}（{layout}）：{len(inferred.form.fields)} 个字段，{len(inferred.notes)} 处推测待核对；"
        f"用它读回 {file.name}：{records} 条记录",
        err=True,
    )


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
