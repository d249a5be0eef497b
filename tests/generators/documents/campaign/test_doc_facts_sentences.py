"""Every sentence of the 催报通知, 情况通报 and 工作总结 that states a count or a date, checked against the data.

The truth is written here by hand from the sample returns (doc_inputs.sample_result), not computed by the code
under test: which unit sent which form on which day. A sentence with a number or a date that no check below
recognises fails the test, so a new statement cannot slip in unchecked.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from doc_inputs import UNITS

from generators.documents.campaign import CampaignInfo, Stamp, bulletin_spec, reminder_spec, summary_spec
from generators.documents.model import Chart
from parsers.results import Result

ROSTER, STATS = "检验检测机构基本情况汇总表", "工作情况统计表"
UNREADABLE = "unreadable"
# unit → {form: 上报时间 (None: not written) | UNREADABLE}; a form not listed was not sent.
SENT: dict[str, dict[str, str | None]] = {
    "东胜区": {STATS: "2022-05-12", ROSTER: "2022-05-12"},
    "康巴什区": {STATS: "2022-05-18", ROSTER: "2022-05-18"},
    "达拉特旗": {STATS: "2022-05-20", ROSTER: "2022-05-20"},
    "准格尔旗": {STATS: None, ROSTER: "2022-05-15"},
    "伊金霍洛旗": {},
    "乌审旗": {STATS: UNREADABLE},
    "杭锦旗": {STATS: "2022-05-19", ROSTER: "2022-05-19"},
    "鄂托克旗": {STATS: "2022-05-23", ROSTER: "2022-05-23"},
    "鄂托克前旗": {ROSTER: "2022-05-15"},
}
ERRORS = {"达拉特旗": 1, "杭锦旗": 1}  # error issues in their returns (the file-level one of 乌审旗 is not one)
PROBLEMS = {"电话号码不正确": (1, "杭锦旗"), "合计与分项之和不符": (1, "达拉特旗")}
DEADLINE, NOTICE_DATE = dt.date(2022, 5, 20), dt.date(2022, 5, 5)
STATS_PER_UNIT = {"检查机构数": 75, "发现问题机构数": 6, "立案数": 3, "结案数": 3}  # sums of a unit's six rows
FIXED = ("3个工作日内",)  # numbers of the wording, not of the data


def day(text: str) -> dt.date:
    y, m, d = map(int, re.findall(r"\d+", text))
    return dt.date(y, m, d)


class Truth:
    """What is so on the day `as_of`, from SENT."""

    def __init__(self, as_of: dt.date) -> None:
        self.as_of = as_of
        self.received = {
            u: {f for f, d in forms.items() if d != UNREADABLE and (d is None or day_iso(d) <= as_of)}
            for u, forms in SENT.items()
        }
        self.unreadable = {u: {f for f, d in forms.items() if d == UNREADABLE} for u, forms in SENT.items()}
        self.complete = [u for u in UNITS if self.received[u] == {ROSTER, STATS}]
        dates = {u: [day_iso(d) for f, d in SENT[u].items() if f in self.received[u] and d] for u in UNITS}
        self.late = [u for u in self.complete if any(d > DEADLINE for d in dates[u])]
        self.unknown = [u for u in self.complete if u not in self.late and None in SENT[u].values()]
        self.on_time = [u for u in self.complete if u not in self.late and u not in self.unknown]
        self.partial = [u for u in UNITS if u not in self.complete and self.received[u]]
        self.unread_only = [u for u in UNITS if not self.received[u] and self.unreadable[u]]
        self.missing = [u for u in UNITS if not self.received[u] and not self.unreadable[u]]
        self.latest = {u: max(dates[u]) for u in UNITS if dates[u]}

    def lacking(self, unit: str) -> set[str]:
        return {ROSTER, STATS} - self.received[unit] - self.unreadable[unit]

    def stats_units(self) -> int:
        return sum(STATS in self.received[u] for u in UNITS)

    def roster_units(self) -> int:
        return sum(ROSTER in self.received[u] for u in UNITS)


def day_iso(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def names(listing: str) -> list[str]:
    """东胜区、鄂托克旗（2022年5月23日报送） → [东胜区, 鄂托克旗]."""
    return [re.sub(r"（.*?）", "", n) for n in re.split(r"、(?![^（]*）)", listing)]


def check(sentence: str, t: Truth, stamp: Stamp, figures: set[str] = frozenset()) -> bool:
    """True when a check recognised the sentence (and every assertion in it held)."""
    s = sentence
    hit = False
    for m in re.finditer(r"见(图\d+)", s):
        assert m[1] in figures, s  # a figure the document has
        hit = True
    for m in re.finditer(r"截至(\d{4}年\d+月\d+日)", s):
        assert day(m[1]) == stamp.date, s
        hit = True
    for m in re.finditer(r"于(\d{4}年\d+月\d+日)前", s):
        assert day(m[1]) == DEADLINE, s
        hit = True
    counts = {
        r"应报单位(\d+)个": len(UNITS),
        r"报送了全部报表的(\d+)个": len(t.complete),
        r"其中按时报送(\d+)个": len(t.on_time),
        r"，逾期报送(\d+)个": len(t.late),
        r"未填写上报时间(\d+)个": len(t.unknown),
        r"只报送了部分报表的(\d+)个": len(t.partial),
        r"报送文件均无法读取的(\d+)个": len(t.unread_only),
        r"[^尚]未报送的(\d+)个": len(t.missing),
        r"尚未报送的(\d+)个": len(t.missing),
        r"已报送(\d+)个": len(UNITS) - len(t.missing) - len(t.unread_only),
        r"尚未报送(\d+)个": len(t.missing) + len(t.unread_only),
        r"另有(\d+)个文件无法读取或无法识别": 1,
        r"报送文件无法读取（(\d+)个）": sum(len(v) for v in t.unreadable.values()),
    }
    for pattern, expected in counts.items():
        for m in re.finditer(pattern, s):
            assert int(m[1]) == expected, f"{pattern}: {s}"
            hit = True
    lists = {
        "按时报送的单位": t.on_time,
        "逾期报送的单位": t.late,
        "无法判断是否按时报送的单位": t.unknown,
        "只报送了部分报表的单位": t.partial,
        "报送文件均无法读取的单位": t.unread_only,
        "未报送的单位": t.missing,
    }
    m = re.match(r"(.*?单位)（(\d+)个）：(.*)。$", s)
    if m:
        label = max((k for k in lists if m[1].endswith(k)), key=len)
        listed = names(m[3])
        assert int(m[2]) == len(listed) and listed == lists[label], s
        for unit, when in re.findall(r"([^、：]+?)（(\d{4}年\d+月\d+日)报送）", m[3]):
            assert day(when) == t.latest[unit] and day(when) > DEADLINE, s
        for unit, detail in re.findall(r"([^、：（]+)（([^（）]*(?:《[^》]*》[^（）]*)*)）", m[3]):
            if "尚缺" in detail:
                assert set(re.findall(r"《(.*?)》", detail.split("；")[0])) == t.lacking(unit), s
        hit = True
    m = re.match(r"(.+?)：(未报送任何报表|未报送《(.*)》|《(.*)》报送文件无法读取，请重新报送|报表中有(\d+)处错误)", s)
    if m and m[1] in SENT:
        unit = m[1]
        if m[2] == "未报送任何报表":
            assert not t.received[unit] and not t.unreadable[unit], s
        elif m[3]:
            assert set(m[3].split("》《")) == t.lacking(unit), s
        elif m[4]:
            assert set(m[4].split("》《")) == t.unreadable[unit], s
        else:
            assert int(m[5]) == ERRORS[unit], s
        hit = True
    for label, word in (("检查机构数", "家次"), ("发现问题机构数", "家"), ("立案数", "件"), ("结案数", "件")):
        for m in re.finditer(rf"{label}(\d+){word}", s):
            assert int(m[1]) == STATS_PER_UNIT[label] * t.stats_units(), s
            hit = True
    for m in re.finditer(r"第三方检验检测机构(\d+)家", s):
        assert int(m[1]) == 2 * t.roster_units(), s
        hit = True
    for m in re.finditer(r"）(\S+?)（(\d+)处），涉及(\S+?)。", s):
        if m[1] in PROBLEMS:
            assert (int(m[2]), m[3]) == PROBLEMS[m[1]], s
            hit = True
    if re.search(
        r"罚没金额[\d.]+万元|移送司法机关\d+件|列入严重违法失信名单\d+家|(?:事业单位属性|外省|多领域).*?\d+家", s
    ):
        hit = True  # the same totals as 检查机构数, whose check above holds for the whole sentence
    return hit


def sentences(spec) -> list[str]:
    text = "\n".join(p for p in spec.body if isinstance(p, str))
    out = []
    for line in text.splitlines():
        out += [s.strip() for s in re.split(r"(?<=。)", line) if s.strip()]
    return out


def stated(sentence: str) -> bool:
    plain = sentence
    for fixed in FIXED:
        plain = plain.replace(fixed, "")
    plain = re.sub(r"〔\d{4}〕\d+号", "", plain)  # the notice's number is checked apart
    return bool(re.search(r"\d", plain))


@pytest.fixture
def info() -> CampaignInfo:
    return CampaignInfo(
        title="检验检测市场专项整治行动",
        issuer="鄂尔多斯市市场监督管理局",
        prefix="鄂市监发",
        number=74,
        date=NOTICE_DATE,
        deadline=DEADLINE,
        units=UNITS,
        forms=["institution-roster", "work-statistics"],
        unit_suffix="市场监督管理局",
    )


@pytest.mark.parametrize("as_of", [dt.date(2022, 5, 16), dt.date(2022, 5, 19), dt.date(2022, 5, 26)])
@pytest.mark.parametrize("make", [reminder_spec, bulletin_spec, summary_spec])
def test_every_count_and_date_is_true_on_the_documents_day(
    make, as_of: dt.date, result: Result, info: CampaignInfo
) -> None:
    stamp = Stamp(as_of, "鄂市监发〔2022〕90号")
    spec = make(result, info, stamp=stamp)
    assert spec.date == as_of and (spec.number == stamp.number)
    t = Truth(as_of)
    figures = {p.caption.split("　")[0] for p in spec.body if isinstance(p, Chart)}
    unchecked = [s for s in sentences(spec) if stated(s) and not check(s, t, stamp, figures)]
    assert not unchecked, unchecked
    body = "\n".join(sentences(spec))
    assert "（鄂市监发〔2022〕74号）" in body or make is summary_spec  # the notice cited by its own number
    for when in re.findall(r"\d{4}年\d+月\d+日", body):
        assert day(when) <= max(as_of, DEADLINE), f"{when} is after the document's day"
    if as_of <= DEADLINE:
        assert "逾期" not in body and "期限已过" not in body


def test_the_status_chart_says_what_the_text_says(result: Result, info: CampaignInfo) -> None:
    stamp = Stamp(dt.date(2022, 5, 26))
    (chart, *_) = [p for p in bulletin_spec(result, info, stamp=stamp).body if isinstance(p, Chart)]
    t = Truth(stamp.date)
    status = {r.unit: r.status for r in chart.units}
    assert [u for u, s in status.items() if s == "on_time"] == t.on_time
    assert [u for u, s in status.items() if s == "late"] == t.late
    assert [u for u, s in status.items() if s == "partial"] == t.partial
    assert [u for u, s in status.items() if s == "unreadable"] == t.unread_only
    assert [u for u, s in status.items() if s == "missing"] == t.missing
    assert chart.deadline == DEADLINE and chart.as_of == stamp.date and "截至2022年5月26日" in chart.caption
    dates = {r.unit: r.date for r in chart.units if r.date}
    assert dates == {u: d for u, d in t.latest.items()}
