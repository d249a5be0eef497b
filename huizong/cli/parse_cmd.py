"""`huizong parse FILE` — one return to the contract's JSON."""

from __future__ import annotations

from pathlib import Path

import click

from huizong.cli.common import form_option, forms_option, read_units, registry, units_option, write_json


@click.command("parse")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@form_option
@units_option
@click.option("--json", "json_out", required=True, help="JSON 输出文件，“-”表示标准输出。")
@forms_option
def parse_command(
    file: Path, form_id: str | None, units_file: Path | None, json_out: str, forms_dirs: tuple[Path, ...]
) -> None:
    """识别并解析一份报送文件。"""
    from parsers import parse_file
    from parsers.merge import merge

    reg = registry(forms_dirs)
    units = read_units(units_file)
    ret = parse_file(file, file.name, reg, form_id=form_id, units=units)
    ret = ret.model_copy(update={"path": str(file)})
    result = merge([ret], reg, units=units, form_id=form_id)
    write_json(result.model_dump(mode="json"), json_out)


COMMANDS = [parse_command]
