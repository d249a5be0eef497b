"""`huizong convert` — a folder of returns into clean standard files, one per return."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

import click

from huizong.cli.common import form_option, forms_option, progress, read_units, registry, units_option

if TYPE_CHECKING:
    from parsers.results import Return


def _target(out_dir: Path, source: Path, suffix: str, used: set[Path]) -> Path:
    target = out_dir / f"{source.stem}.{suffix}"
    n = 2
    while target in used:
        target = out_dir / f"{source.stem}-{n}.{suffix}"
        n += 1
    used.add(target)
    return target


def _content(ret: Return, fmt: str, reg, units: list[str] | None) -> bytes:
    from parsers.merge import merge

    result = merge([ret], reg, units=units)
    if fmt == "json":
        return json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2).encode("utf-8")
    if fmt == "csv":
        from generators.records_csv import records_csv

        return records_csv(reg.get(ret.form), ret.records)
    from generators.workbook import write_consolidated

    buffer = BytesIO()
    write_consolidated(result, reg, buffer)
    return buffer.getvalue()


@click.command("convert")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help="输出目录。"
)
@click.option(
    "--to", "fmt", type=click.Choice(["xlsx", "csv", "json"]), default="xlsx", show_default=True, help="输出格式。"
)
@form_option
@units_option
@forms_option
def convert_command(
    paths: tuple[Path, ...],
    out_dir: Path,
    fmt: str,
    form_id: str | None,
    units_file: Path | None,
    forms_dirs: tuple[Path, ...],
) -> None:
    """把一批报送文件逐个转换为规范的 xlsx / csv / json 文件。"""
    from parsers.batch import collect, parse_paths

    reg = registry(forms_dirs)
    units = read_units(units_file)
    files, _skipped = collect(paths)
    out_dir.mkdir(parents=True, exist_ok=True)
    used: set[Path] = set()
    rows: list[tuple[str, str, str, str, str]] = []
    with progress(len(files), "转换报表") as step:
        parsed = parse_paths(files, reg, roots=paths, form_id=form_id, units=units, progress=step)
        for source, ret in zip(files, parsed, strict=True):
            if ret.status != "merged" or ret.form is None:
                rows.append((ret.path, "—", "—", "—", ret.message or ""))
                continue
            target = _target(out_dir, source, fmt, used)
            target.write_bytes(_content(ret, fmt, reg, units))
            errors = sum(i.severity == "error" for i in ret.issues)
            rows.append(
                (ret.path, reg.get(ret.form).title, ret.unit or "?", f"{len(ret.records)}/{errors}", target.name)
            )
    click.echo(_table(rows))
    if not any(r[1] != "—" for r in rows):
        raise click.exceptions.Exit(1)


def _table(rows: list[tuple[str, ...]]) -> str:
    from forms.types import display_width

    header = ("文件", "报表", "单位", "记录/错误", "输出")
    widths = [max(display_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)) for row in [header, *rows]]
    return "\n".join(lines)


def _pad(text: str, width: int) -> str:
    from forms.types import display_width

    return text + " " * (width - display_width(text))


COMMANDS = [convert_command]
