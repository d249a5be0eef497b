"""`huizong doc check FILE.docx|FILE.pdf [--json]`: GB/T 9704-2012 findings, each located; exit 0 without error."""

from __future__ import annotations

import json
from pathlib import Path

import click

from huizong.cli.doc.group import doc
from huizong.cli.doc.options import parse_day
from huizong.cli.doc.render_cmd import existing


@doc.command("check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出检查结果（键为英文，消息为中文）。")
@click.option("--date", "date_text", help="应有的成文日期：与文中不符时报错。")
@click.option("--number", "number_text", help="应有的发文字号：与文中不符时报错。")
def check(file: Path, as_json: bool, date_text: str | None, number_text: str | None) -> None:
    """按 GB/T 9704-2012 检查公文（DOCX 按 Word 的样式解析，PDF 按版面测量）：纸张和页边距、每页行数和
    每行字数、各要素的字体字号、层次序号、半角标点、发文字号、红色标志和分隔线、页码、版记。
    每处问题注明位置；没有错误时退出码为 0，有错误时为 1。"""
    from generators.documents.check import check_document

    report = check_document(existing(file, "文件").read_bytes(), file.name)
    _expected(report, date_text, number_text)
    if as_json:
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        for line in report.lines():
            click.echo(line)
    if not report.ok:
        raise click.exceptions.Exit(1)


def _expected(report, date_text: str | None, number_text: str | None) -> None:
    from generators.documents.model import check_number
    from generators.documents.reading.patterns import cn_day
    from generators.documents.reading.patterns import parse_day as read_day

    day = parse_day(date_text)
    if day is not None:
        stated = report.stated.get("date")
        if stated is None or read_day(stated) != day:
            report.add("error", "date-mismatch", f"成文日期应为{cn_day(day)}，文中为“{stated or '（无）'}”", "date")
    if number_text:
        try:
            want = check_number(number_text)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--number") from exc
        stated = report.stated.get("number")
        if stated != want:
            report.add("error", "number-mismatch", f"发文字号应为{want}，文中为“{stated or '（无）'}”", "number")
