"""Documents from campaign data: the 通知, 催报通知, 情况通报 and 工作总结, each a DocSpec made by a built-in
text (texts/*.yaml.j2) from the facts of the merged returns."""

from generators.documents.campaign.info import CampaignInfo, Stamp, load_campaign
from generators.documents.campaign.specs import (
    NothingToRemind,
    bulletin_spec,
    notice_spec,
    reminder_spec,
    summary_spec,
)

__all__ = [
    "CampaignInfo",
    "NothingToRemind",
    "Stamp",
    "bulletin_spec",
    "load_campaign",
    "notice_spec",
    "reminder_spec",
    "summary_spec",
]
