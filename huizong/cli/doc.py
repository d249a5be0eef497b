"""`huizong doc …` — official documents (GB/T 9704): render a spec, make the campaign's documents, fill a
Word template. Wiring only: every decision lives in generators.documents."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click
import yaml
from pydantic import ValidationError

from huizong.cli.common import forms_option, read_units, registry, units_option

OUTPUT_HELP = "输出文件（.docx、.pdf，或 .yaml 输出公文描述供修改后再用 doc render 生成）；可多次使用。"
SUFFIXES = (".docx", ".pdf", ".yaml", ".yml")

outputs_option = click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=OUTPUT_HELP,
)
text_option = click.option(
    "--text",
    "text",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="使用自己的公文文本模板（复制内置的 texts/*.yaml.j2 修改）。",
)


def _campaign_options(func: Callable) -> Callable:
    options = [
        click.option(
            "--campaign",
            "campaign_file",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="专项行动信息（YAML：title、issuer、prefix、number、deadline、units、contact …）。",
        ),
        click.option("--title", help="专项行动名称，如 检验检测市场专项整治行动。"),
        click.option("--issuer", help="发文机关，如 鄂尔多斯市市场监督管理局。"),
        click.option("--issuer-mark", help="发文机关标志（默认：发文机关 + 文件）。"),
        click.option("--prefix", help="机关代字，如 鄂市监发。"),
        click.option("--number", type=int, help="发文顺序号。"),
        click.option("--deadline", help="报送截止日期，如 2022-08-10。"),
        click.option("--remind-by", help="催报通知中新的报送期限。"),
        units_option,
        click.option("--to", help="主送机关。"),
        click.option("--contact", help="联系人。"),
        click.option("--phone", help="联系电话。"),
        click.option("--date", help="成文日期（默认今天）。"),
        click.option("--no-seal", is_flag=True, help="不加盖印章（改变署名位置）。"),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _campaign(opts: dict) -> tuple[object, list[str]]:
    """CampaignInfo from --campaign and the options (options win), and the form ids the file lists."""
    from generators.documents.campaign import CampaignInfo
    from generators.documents.errors import DataError

    data: dict = {}
    if opts.get("campaign_file"):
        loaded = yaml.safe_load(opts["campaign_file"].read_text(encoding="utf-8-sig"))
        if not isinstance(loaded, dict):
            raise DataError(f"专项行动信息文件 {opts['campaign_file']} 必须是“键: 值”形式的 YAML")
        data = dict(loaded)
        if isinstance(data.get("units"), str):  # a unit list file, relative to the campaign file
            data["units"] = read_units(opts["campaign_file"].parent / data["units"])
    form_ids = list(data.pop("forms", None) or [])
    for key in (
        "title",
        "issuer",
        "issuer_mark",
        "prefix",
        "number",
        "deadline",
        "remind_by",
        "to",
        "contact",
        "phone",
        "date",
    ):
        if opts.get(key) is not None:
            data[key] = opts[key]
    if opts.get("units_file"):
        data["units"] = read_units(opts["units_file"])
    if opts.get("no_seal"):
        data["seal"] = False
    try:
        return CampaignInfo.model_validate(data), form_ids
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        message = str(err["ctx"]["error"]) if err["type"] == "value_error" else err["msg"]
        raise DataError(f"专项行动信息“{field}”有误：{message}") from exc


def _result(path: Path) -> object:
    from generators.documents.errors import DataError
    from parsers.results import Result

    try:
        return Result.model_validate(json.loads(path.read_text(encoding="utf-8-sig")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"无法读取汇总结果 {path}（需要 huizong merge --json 生成的 JSON）：{exc}") from exc
    except ValidationError as exc:
        raise DataError(f"{path} 不是 huizong merge --json 生成的汇总结果") from exc


def _write(spec: object, outputs: tuple[Path, ...]) -> None:
    from generators.documents import render_docx, render_pdf
    from generators.documents.spec import spec_yaml

    bad = [str(p) for p in outputs if p.suffix.lower() not in SUFFIXES]
    if bad:
        raise click.UsageError(f"输出文件须以 .docx、.pdf 或 .yaml 结尾：{'、'.join(bad)}")
    for path in outputs:
        suffix = path.suffix.lower()
        data = (
            render_docx(spec)
            if suffix == ".docx"
            else render_pdf(spec)
            if suffix == ".pdf"
            else spec_yaml(spec).encode("utf-8")
        )
        path.write_bytes(data)
        click.echo(f"已生成：{path}")


@click.group("doc")
def doc() -> None:
    """生成符合 GB/T 9704-2012 的公文（DOCX / PDF）。"""


@doc.command("render")
@click.argument("spec_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@outputs_option
@forms_option
def render(spec_file: Path, outputs: tuple[Path, ...], forms_dirs: tuple[Path, ...]) -> None:
    """按公文描述 SPEC.yaml 生成公文（输出类型由文件后缀决定，可同时输出 DOCX 和 PDF）。"""
    from generators.documents import load_spec

    _write(load_spec(spec_file, list(registry(forms_dirs))), outputs)


@doc.command("notice")
@_campaign_options
@click.option("--form", "form_ids", multiple=True, help="随通知下发的表单 id（可多次使用，按附件顺序）。")
@text_option
@outputs_option
@forms_option
def notice(
    form_ids: tuple[str, ...],
    text: Path | None,
    outputs: tuple[Path, ...],
    forms_dirs: tuple[Path, ...],
    **opts: object,
) -> None:
    """专项行动通知：所选表单作为附件（空白表格，过宽时横排）。"""
    from generators.documents.campaign import notice_spec

    info, listed = _campaign(opts)
    reg = registry(forms_dirs)
    chosen = [reg.get(i) for i in (form_ids or listed)]
    _write(notice_spec(info, chosen, text or "notice"), outputs)


def _from_merge(kind: str) -> Callable:
    @click.argument("merge_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @_campaign_options
    @text_option
    @outputs_option
    @forms_option
    def command(
        merge_file: Path, text: Path | None, outputs: tuple[Path, ...], forms_dirs: tuple[Path, ...], **opts: object
    ) -> None:
        from generators.documents import campaign

        info, _ = _campaign(opts)
        build = getattr(campaign, f"{kind}_spec")
        spec = build(_result(merge_file), info, text or kind, forms=list(registry(forms_dirs)))
        _write(spec, outputs)

    return command


HELP = {
    "reminder": "催报通知：点名尚未报送的单位和报送材料有误的单位，并写明期限。",
    "bulletin": "情况通报：按时、逾期、未报送的单位，汇总数据表，存在的主要问题。",
    "summary": "工作总结（草稿）：六个部分，数据和典型案例自动填入，其余以【】标出待写。",
}
for _kind, _help in HELP.items():
    doc.command(_kind, help=_help + " MERGE_FILE 为 huizong merge --json 的输出。")(_from_merge(_kind))


@doc.command("fill")
@click.argument("template", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("data_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="输出的 .docx 文件。"
)
def fill(template: Path, data_file: Path, output: Path) -> None:
    """用数据（YAML 或汇总 JSON）填写本单位自己的 Word 模板（docxtpl 标签，表格行可循环）。"""
    from generators.documents.fill import fill_template, load_data

    filled = fill_template(template.read_bytes(), load_data(data_file))
    output.write_bytes(filled.docx)
    if filled.unknown:
        click.echo(f"提示：模板中的以下内容在数据中不存在，已留空：{'、'.join(filled.unknown)}", err=True)
    click.echo(f"已生成：{output}")


COMMANDS = [doc]
