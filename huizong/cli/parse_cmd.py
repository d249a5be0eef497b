"""`huizong parse FILE` — one return: a Chinese summary, `--explain`, the contract's JSON.

Exit status: 0 recognised and read, 1 unrecognised or unreadable, 2 wrong usage.
"""

from __future__ import annotations

from pathlib import Path

import click

from huizong.cli.common import form_option, forms_option, read_units, registry, units_option, write_json


@click.command("parse")
@click.argument("file", type=click.Path(path_type=Path))
@form_option
@units_option
@click.option("--json", "json_out", help="JSON 输出文件，“-”表示标准输出。")
@click.option("--explain", is_flag=True, help="逐个表格说明比对过哪些报表、各得几分、对上了什么。")
@forms_option
def parse_command(
    file: Path,
    form_id: str | None,
    units_file: Path | None,
    json_out: str | None,
    explain: bool,
    forms_dirs: tuple[Path, ...],
) -> None:
    """识别并解析一份报送文件，打印摘要（--json 输出完整结果）。"""
    from forms.errors import UnreadableFile
    from huizong.cli.report import explanation, parse_summary
    from parsers.merge import merge
    from parsers.pipeline import Parsed, failed, parse_explained
    from parsers.readers import read
    from parsers.recognise import guesses

    if not file.is_file():
        raise click.UsageError(f"找不到文件：{file}" if not file.exists() else f"{file} 是文件夹，请给出一个报表文件")
    reg = registry(forms_dirs)
    if form_id and form_id not in {f.id for f in reg}:
        raise click.UsageError(f"没有报表“{form_id}”（用 huizong forms 查看全部报表）")
    units = read_units(units_file)
    try:
        doc = read(file, file.name)
    except UnreadableFile as exc:
        doc, parsed = None, Parsed(failed(file.name, str(exc), reg, units))
    else:
        parsed = parse_explained(doc, reg, form_id=form_id, expected_units=units)
        if explain and not parsed.ranked:
            parsed.ranked = guesses(doc, reg)  # a given form was not weighed: weigh every form for the clerk
    ret = parsed.ret.model_copy(update={"path": str(file)})
    if json_out is not None:
        result = merge([ret], reg, units=units, form_id=form_id)
        write_json(result.model_dump(mode="json"), json_out)
    text = parse_summary(parsed, ret)
    if explain:
        text += "\n" + explanation(doc, parsed)
    click.echo(text, err=json_out == "-")
    if ret.status in ("failed", "unrecognized"):
        raise click.exceptions.Exit(1)


COMMANDS = [parse_command]
