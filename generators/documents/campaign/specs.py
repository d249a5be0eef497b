"""Documents from campaign data: the 通知 that sends the forms out, the 催报通知, the 情况通报 and the
工作总结 draft, each a DocSpec made by a built-in text (texts/*.yaml.j2) from facts of the merged returns.

Each document carries its own `Stamp` (成文日期 and 发文字号); its facts are those of that date.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from forms.model import FormDef
from generators.documents.campaign.charts import bulletin_charts
from generators.documents.campaign.facts import Facts, gather
from generators.documents.campaign.info import CampaignInfo, Stamp
from generators.documents.campaign.wording import render_text
from generators.documents.errors import DocumentError
from generators.documents.model import DocSpec
from parsers.results import Result


class NothingToRemind(DocumentError):
    """Every expected unit has reported, without errors: a 催报通知 would name nobody."""


def notice_stamp(info: CampaignInfo, stamp: Stamp | None = None) -> Stamp:
    """The 通知's date and number: given, else the campaign file's, else today and none."""
    if stamp is not None:
        return stamp
    base = Stamp(info.date) if info.date else Stamp.today()
    return Stamp(base.date, info.notice_number(base.date.year))


def notice_spec(
    info: CampaignInfo, forms: list[FormDef], text: str | Path = "notice", stamp: Stamp | None = None
) -> DocSpec:
    """The campaign 通知 with the chosen forms as numbered attachments laid out as the blank tables."""
    listed = [{"id": f.id, "title": f.title} for f in forms]
    context = {"info": info, "stamp": notice_stamp(info, stamp), "forms": listed}
    return render_text(text, context, forms)


def reminder_spec(
    result: Result,
    info: CampaignInfo,
    text: str | Path = "reminder",
    forms: Iterable[FormDef] | None = None,
    stamp: Stamp | None = None,
) -> DocSpec:
    """催报通知 naming exactly the units still missing a form, whose file could not be read, or whose
    returns have errors — as of the notice's date."""
    stamp = stamp or Stamp.today()
    facts = campaign_facts(result, info, forms, stamp)
    missing = [u for u in facts.units if u.missing_forms]
    unreadable = facts.status("unreadable")
    with_errors = facts.status("with_errors")
    named = [u.unit for u in facts.units if u in missing or u in unreadable or u in with_errors]
    if not named:
        raise NothingToRemind("没有需要催报的单位：所有应报单位均已报送，且报送的材料中没有错误。")
    context = {
        "info": info,
        "stamp": stamp,
        "facts": facts,
        "missing": missing,
        "unreadable": unreadable,
        "with_errors": with_errors,
        "named": named,
    }
    return render_text(text, context)


def bulletin_spec(
    result: Result,
    info: CampaignInfo,
    text: str | Path = "bulletin",
    forms: Iterable[FormDef] | None = None,
    stamp: Stamp | None = None,
) -> DocSpec:
    """情况通报: who reported on time, late or not at all, the consolidated figures, the main problems."""
    stamp = stamp or Stamp.today()
    facts = campaign_facts(result, info, forms, stamp)
    context = {"info": info, "stamp": stamp, "facts": facts, "charts": bulletin_charts(facts)}
    return render_text(text, context)


def summary_spec(
    result: Result,
    info: CampaignInfo,
    text: str | Path = "summary",
    forms: Iterable[FormDef] | None = None,
    stamp: Stamp | None = None,
) -> DocSpec:
    """工作总结 draft: the six chapters of seed 000, figures and cases filled in, the rest marked 【】."""
    stamp = stamp or Stamp.today()
    facts = campaign_facts(result, info, forms, stamp)
    return render_text(text, {"info": info, "stamp": stamp, "facts": facts})


def campaign_facts(result: Result, info: CampaignInfo, forms: Iterable[FormDef] | None, stamp: Stamp) -> Facts:
    if forms is None:
        from forms import FormRegistry

        forms = FormRegistry.load()
    return gather(result, {f.id: f for f in forms}, info.units, info.deadline, stamp.date, info.forms)
