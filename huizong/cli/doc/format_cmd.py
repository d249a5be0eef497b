"""`huizong doc format DRAFT -o OUT.docx -o OUT.pdf`: 一键排版 of a draft, listing every normalisation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from huizong.cli.doc.group import doc
from huizong.cli.doc.options import numbering_for, outputs_option, parse_day, stamp_options, write
from huizong.cli.doc.render_cmd import existing


@doc.command("format")
@click.argument("draft", type=click.Path(dir_okay=False, path_type=Path))
@outputs_option
@click.option("--issuer-mark", help="发文机关标志（如 鄂尔多斯市市场监督管理局文件），补上或替换草稿中的。")
@click.option(
    "--format",
    "doc_format",
    type=click.Choice(["file", "letter", "minutes"]),
    help="公文格式：file 文件格式（默认）、letter 信函格式、minutes 纪要格式。",
)
@click.option("--seal", is_flag=True, help="将加盖印章（署名和成文日期按加盖印章的位置排布）。")
@stamp_options
def format_command(
    draft: Path,
    outputs: tuple[Path, ...],
    issuer_mark: str | None,
    doc_format: str | None,
    seal: bool,
    date_text: str | None,
    number_text: str | None,
    prefix: str | None,
    register_file: Path | None,
) -> None:
    """一键排版：把草稿（.txt、.md、任意样式的 .docx，或经 LibreOffice 转换的 .doc/.wps）排成符合
    GB/T 9704-2012 的公文。识别版头、标题、主送机关、各级标题、附件说明、署名、成文日期、附注、附件、
    抄送和印发机关；把标点、层次序号、发文字号和日期改为标准写法，并逐条列出所作的改动。"""
    from generators.documents.format import Options, format_draft

    day = parse_day(date_text)
    numbering = numbering_for(number_text, prefix, register_file, Path.cwd())
    options = Options(issuer_mark=issuer_mark, date=day, format=doc_format, seal=seal)
    formatted = format_draft(existing(draft, "草稿"), options)
    spec = formatted.spec
    if number_text or prefix:
        spec = spec.model_copy(update={"number": numbering.number(spec.date or dt.date.today(), spec.title)})
    write(spec, outputs)
    numbering.commit()
    if formatted.changes:
        click.echo(f"已作以下 {len(formatted.changes)} 处规范化：")
        for change in formatted.changes:
            click.echo(f"  {change.line()}")
    else:
        click.echo("草稿已合乎规范，未改动文字。")
