"""`huizong merge` — the clerk's main job; `huizong annotate` and `huizong convert` beside it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from huizong.cli.common import (
    cannot_write,
    ended_by_signals,
    form_option,
    forms_option,
    progress,
    read_units,
    registry,
    units_option,
    write_text,
)


@click.command("merge")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@form_option
@units_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="汇总表（.xlsx）。")
@click.option("--json", "json_out", help="JSON 输出文件，“-”表示标准输出。")
@click.option("--deadline", type=click.DateTime(["%Y-%m-%d"]), help="报送截止日期，据此标出逾期单位。")
@click.option("--jobs", type=click.IntRange(1, 64), help="并行读取的进程数（默认：文件多时每个 CPU 一个）。")
@forms_option
def merge_command(
    paths: tuple[Path, ...],
    form_id: str | None,
    units_file: Path | None,
    output: Path | None,
    json_out: str | None,
    deadline,
    jobs: int | None,
    forms_dirs: tuple[Path, ...],
) -> None:
    """把各单位报送的文件汇总成一张汇总表。"""
    from generators.result_json import result_json
    from generators.workbook import write_consolidated
    from huizong.cli.report import merge_summary, nothing_merged
    from parsers.batch import collect, default_jobs, parse_paths
    from parsers.merge import merge
    from parsers.spill import Spill

    if output is None and json_out is None:
        raise click.UsageError("请用 -o 指定汇总表，或用 --json 指定 JSON 输出。")
    reg = registry(forms_dirs)
    units = read_units(units_file)
    files, skipped = collect(paths)
    # Records wait on disk for the outputs (parsers.spill); the folder goes when the merge ends, however it ends.
    with ended_by_signals(), Spill() as spill:
        with progress(len(files), "读取报表") as step:
            returns = list(
                parse_paths(
                    files,
                    reg,
                    roots=paths,
                    form_id=form_id,
                    units=units,
                    progress=step,
                    jobs=jobs or default_jobs(len(files)),
                    spill=spill,
                )
            )
        result = merge(returns, reg, units=units, form_id=form_id)
        due: date | None = deadline.date() if deadline else None
        if json_out is not None:
            write_text(result_json(result), json_out)
        if not any(f.status == "merged" for f in result.files):
            # An empty 汇总表 would look like a finished job: say file by file why nothing was merged instead.
            click.echo(nothing_merged(result, skipped), err=json_out == "-")
            raise click.exceptions.Exit(1)
        if output is not None:
            from xlsxwriter.exceptions import FileCreateError

            try:
                write_consolidated(result, reg, output, deadline=due)
            except (OSError, FileCreateError) as exc:
                raise cannot_write(output, exc) from exc
    click.echo(merge_summary(result, skipped, output), err=json_out == "-")


COMMANDS = [merge_command]


@click.command("annotate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="输出的标注文件（.xlsx）。")
@form_option
@units_option
@forms_option
def annotate_command(
    file: Path, output: Path | None, form_id: str | None, units_file: Path | None, forms_dirs: tuple[Path, ...]
) -> None:
    """把报送文件中的问题单元格标出并加批注，供退回修改。"""
    from forms.errors import UnreadableFile
    from generators.annotate import annotate
    from parsers.pipeline import parse_document
    from parsers.readers import read

    data = file.read_bytes()
    try:
        doc = read(data, file.name)
    except UnreadableFile as exc:
        raise click.ClickException(f"{file.name}：{exc}") from exc
    forms = registry(forms_dirs)
    ret = parse_document(doc, forms, form_id=form_id, expected_units=read_units(units_file))
    if ret.status == "unrecognized":
        raise click.ClickException(f"{file.name}：{ret.message}")
    content, name = annotate(data, file.name, ret, doc, forms)
    target = output or file.with_name(name)
    target.write_bytes(content)
    errors = sum(i.severity == "error" for i in ret.issues)
    click.echo(f"已标注 {errors} 个错误、{len(ret.issues) - errors} 条提示：{target}")


COMMANDS.append(annotate_command)
