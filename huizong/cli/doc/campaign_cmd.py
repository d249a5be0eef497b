"""`huizong doc notice|reminder|bulletin|summary`: the campaign's documents, each with its own date and
number, from the campaign file (--campaign) and, but for the notice, the merged returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from huizong.cli.common import forms_option, read_units, registry, units_option
from huizong.cli.doc.group import doc
from huizong.cli.doc.options import Numbering, numbering_for, outputs_option, parse_day, stamp_options, write

if TYPE_CHECKING:
    from generators.documents.campaign.info import CampaignInfo

text_option = click.option(
    "--text",
    "text",
    type=click.Path(dir_okay=False, path_type=Path),
    help="使用自己的公文文本模板（复制内置的 texts/*.yaml.j2 修改）。",
)
OVERRIDES = ("title", "issuer", "issuer_mark", "deadline", "remind_by", "to", "contact", "phone")


def campaign_options(func: Callable) -> Callable:
    options = [
        click.option(
            "--campaign",
            "campaign_file",
            type=click.Path(dir_okay=False, path_type=Path),
            help="专项行动信息（YAML：title、issuer、prefix、number、deadline、units、forms、contact …）。",
        ),
        click.option("--title", help="专项行动名称，如 检验检测市场专项整治行动。"),
        click.option("--issuer", help="发文机关，如 鄂尔多斯市市场监督管理局（必须有，可写在专项行动信息中）。"),
        click.option("--issuer-mark", help="发文机关标志（默认：发文机关 + 文件）。"),
        click.option("--deadline", help="报送截止日期，如 2022-05-20。"),
        click.option("--remind-by", help="催报通知中新的报送期限。"),
        units_option,
        click.option("--to", help="主送机关。"),
        click.option("--contact", help="联系人。"),
        click.option("--phone", help="联系电话。"),
        click.option("--no-seal", is_flag=True, help="不加盖印章（改变署名位置）。"),
        stamp_options,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _campaign(opts: dict) -> CampaignInfo:
    from generators.documents.campaign.info import load_campaign

    overrides = {k: opts.get(k) for k in OVERRIDES}
    if opts.get("prefix"):
        overrides["prefix"] = opts["prefix"]
    if opts.get("units_file"):
        overrides["units"] = read_units(opts["units_file"])
    if opts.get("no_seal"):
        overrides["seal"] = False
    return load_campaign(opts.get("campaign_file"), overrides)


def _numbering(opts: dict, info: CampaignInfo, number_text: str | None = None) -> Numbering:
    """Numbering under the campaign's 代字; the 通知's own number (campaign file) is noted as used."""
    home = opts["campaign_file"].parent if opts.get("campaign_file") else Path.cwd()
    notice = info.notice_number(info.date.year) if info.date else None
    known = ((notice, info.date, f"{info.issuer}关于开展{info.title}的通知"),) if notice else ()
    given = number_text or opts.get("number_text")
    return numbering_for(given, info.prefix, opts.get("register_file"), home, known)


def _text(text: Path | None, kind: str) -> str | Path:
    if text is not None and not text.is_file():
        raise click.BadParameter(f"找不到文本模板 {text}", param_hint="--text")
    return text or kind


@doc.command("notice")
@campaign_options
@click.option(
    "--form",
    "form_ids",
    multiple=True,
    help="随通知下发的表单 id（可多次使用，按附件顺序；默认为专项行动信息中的 forms）。",
)
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
    """专项行动通知：所选表单作为附件（空白表格，过宽时横排）。成文日期、发文字号取 --date、--number，
    其次取专项行动信息中的 date、number，再次为今天和发文登记中的下一个序号。"""
    from generators.documents.campaign.info import Stamp
    from generators.documents.campaign.specs import notice_spec

    info = _campaign(opts)
    reg = registry(forms_dirs)
    chosen = [reg.get(i) for i in (form_ids or info.forms)]
    day = parse_day(opts.get("date_text")) or info.date or dt.date.today()
    numbering = _numbering(opts, info, opts.get("number_text") or info.notice_number(day.year))
    draft = notice_spec(info, chosen, _text(text, "notice"), Stamp(day))
    number = numbering.number(day, draft.title)
    spec = notice_spec(info, chosen, _text(text, "notice"), Stamp(day, number)) if number else draft
    write(spec, outputs)
    numbering.commit()


def _from_merge(kind: str) -> Callable:
    @click.argument("merge_file", type=click.Path(dir_okay=False, path_type=Path))
    @campaign_options
    @text_option
    @outputs_option
    @forms_option
    def command(
        merge_file: Path, text: Path | None, outputs: tuple[Path, ...], forms_dirs: tuple[Path, ...], **opts: object
    ) -> None:
        from generators.documents.campaign import specs
        from generators.documents.campaign.data import load_result
        from generators.documents.campaign.info import Stamp

        info = _campaign(opts)
        result = load_result(merge_file)
        forms = list(registry(forms_dirs))
        build = getattr(specs, f"{kind}_spec")
        day = parse_day(opts.get("date_text")) or dt.date.today()
        numbering = _numbering(opts, info)
        draft = build(result, info, _text(text, kind), forms=forms, stamp=Stamp(day))
        # The 工作总结 is a draft without a 版头: it takes a number only when given one.
        number = numbering.number(day, draft.title) if kind != "summary" or opts.get("number_text") else None
        spec = build(result, info, _text(text, kind), forms=forms, stamp=Stamp(day, number)) if number else draft
        _say_later(specs.campaign_facts(result, info, forms, Stamp(day)))
        write(spec, outputs)
        numbering.commit()

    return command


def _say_later(facts: object) -> None:
    from generators.documents.layout.textfit import cn_date

    if facts.later:
        names = "、".join(p.replace("\\", "/").rsplit("/", 1)[-1] for p in facts.later)
        click.echo(
            f"提示：{len(facts.later)}份报表的上报时间晚于成文日期{cn_date(facts.as_of)}，未计入：{names}", err=True
        )


HELP = {
    "reminder": "催报通知：点名尚未报送、报送文件无法读取和报送材料有误的单位，并写明期限。",
    "bulletin": "情况通报：按时、逾期、未报送的单位（附报送情况图），汇总数据（附数据图和汇总表），存在的主要问题。",
    "summary": "工作总结（草稿）：六个部分，数据和典型案例自动填入，其余以【】标出待写。",
}
for _kind, _help in HELP.items():
    doc.command(
        _kind,
        help=_help + " MERGE_FILE 为 huizong merge --json 的输出；所述情况以成文日期（--date，默认今天）当天为准。",
    )(_from_merge(_kind))
