"""Documents from campaign data: the 通知, 催报通知, 情况通报 and 工作总结 made from a merge Result."""

from __future__ import annotations

import datetime as dt

import pytest
from doc_inputs import UNITS

from forms import FormRegistry
from generators.documents import DocumentSpecError, render_docx, render_pdf
from generators.documents.campaign import (
    CampaignInfo,
    NothingToRemind,
    Stamp,
    bulletin_spec,
    notice_spec,
    reminder_spec,
    summary_spec,
)
from generators.documents.model import Table
from parsers.results import Result

REGISTRY = FormRegistry.load()


@pytest.fixture
def info() -> CampaignInfo:
    return CampaignInfo(
        title="检验检测市场专项整治行动",
        issuer="鄂尔多斯市市场监督管理局",
        prefix="鄂市监发",
        number=74,
        deadline="2022-05-20",
        units=UNITS,
        unit_suffix="市场监督管理局",
        to="各旗区市场监督管理局",
        contact="李静",
        phone="0477-8586123",
        date="2022-05-05",
        forms=["institution-roster", "work-statistics"],
    )


AFTER = Stamp(dt.date(2022, 5, 26), "鄂市监发〔2022〕80号")


def text(spec) -> str:
    return "\n".join(p for p in spec.body if isinstance(p, str))


def test_campaign_info_defaults_and_notice_number() -> None:
    bare = CampaignInfo(issuer="某市市场监督管理局")
    assert bare.date is None and bare.notice_number(2022) is None and bare.recipients == "各有关单位"
    info = CampaignInfo(issuer="某市市场监督管理局", prefix="某市监发", number=5, date="2022年5月5日")
    assert info.notice_number(2022) == "某市监发〔2022〕5号" and info.mark == "某市市场监督管理局文件"
    assert info.notice_citation == "《某市市场监督管理局关于开展检验检测市场专项整治行动的通知》（某市监发〔2022〕5号）"
    assert info.office == "某市市场监督管理局办公室"
    assert CampaignInfo(issuer="甲", number="甲发[2022]7号").notice_number(2023) == "甲发〔2022〕7号"


def test_notice_attaches_the_forms_as_blank_tables(info: CampaignInfo) -> None:
    forms = [REGISTRY.get("institution-roster"), REGISTRY.get("work-statistics")]
    spec = notice_spec(info, forms)
    assert spec.date == dt.date(2022, 5, 5) and spec.printed_on == dt.date(2022, 5, 5)
    assert spec.title == "鄂尔多斯市市场监督管理局关于开展检验检测市场专项整治行动的通知"
    assert spec.number == "鄂市监发〔2022〕74号" and spec.issuer_mark == ("鄂尔多斯市市场监督管理局文件",)
    assert [a.title for a in spec.attachments] == ["检验检测机构基本情况汇总表", "工作情况统计表"]
    roster, stats = spec.attachments
    assert len(roster.tables) == 4 and not roster.landscape and stats.landscape
    assert "请各单位于2022年5月20日前将《检验检测机构基本情况汇总表》《工作情况统计表》（见附件）报送" in text(spec)
    assert spec.seal and spec.printed_by == "鄂尔多斯市市场监督管理局办公室"


def test_reminder_names_exactly_the_missing_the_unreadable_and_the_erroneous(
    result: Result, info: CampaignInfo
) -> None:
    spec = reminder_spec(result, info, stamp=AFTER)
    body = text(spec)
    assert spec.date == dt.date(2022, 5, 26) and spec.number == "鄂市监发〔2022〕80号"
    assert spec.urgency == "加急" and spec.title == "关于催报检验检测市场专项整治行动有关报表的通知"
    assert "（鄂市监发〔2022〕74号）要求" in body and "截至2022年5月26日，报送期限已过" in body
    assert "伊金霍洛旗：未报送任何报表。" in body
    assert "乌审旗：未报送《检验检测机构基本情况汇总表》。" in body
    assert "乌审旗：《工作情况统计表》报送文件无法读取，请重新报送。" in body
    assert "鄂托克前旗：未报送《工作情况统计表》。" in body
    assert "达拉特旗：报表中有1处错误" in body and "杭锦旗：报表中有1处错误" in body
    assert "乌审旗：报表中有" not in body  # an unreadable file is not an error in a return
    for fine in ("东胜区", "康巴什区", "准格尔旗", "鄂托克旗"):
        assert fine not in body and fine not in (spec.to or "")
    assert (
        spec.to
        == "达拉特旗市场监督管理局、伊金霍洛旗市场监督管理局、乌审旗市场监督管理局、杭锦旗市场监督管理局、鄂托克前旗市场监督管理局"
    )
    assert "在收到本通知后3个工作日内" in body and "逾期仍未报送的，将予以通报" in body
    dated = reminder_spec(result, info.model_copy(update={"remind_by": dt.date(2022, 5, 28)}), stamp=AFTER)
    assert "于2022年5月28日前完成报送" in text(dated)


def test_reminder_before_the_deadline_speaks_of_no_delay(result: Result, info: CampaignInfo) -> None:
    spec = reminder_spec(result, info, stamp=Stamp(dt.date(2022, 5, 16)))
    body = text(spec)
    assert spec.title == "关于抓紧报送检验检测市场专项整治行动有关报表的通知" and spec.urgency is None
    assert "截至2022年5月16日，以下单位尚未报送" in body and "请在报送期限内办理" in body
    assert "于2022年5月20日前完成报送" in body
    assert "逾期" not in body and "期限已过" not in body
    # 康巴什区's returns are dated 5月18日: on 5月16日 they had not arrived.
    assert "康巴什区：未报送任何报表。" in body


def test_nothing_to_remind(info: CampaignInfo) -> None:
    with pytest.raises(NothingToRemind, match="没有需要催报的单位"):
        reminder_spec(Result(), info.model_copy(update={"units": [], "forms": []}), stamp=AFTER)


def test_bulletin_table_holds_the_consolidated_figures(result: Result, info: CampaignInfo) -> None:
    (table,) = [p for p in bulletin_spec(result, info, stamp=AFTER).body if isinstance(p, Table)]
    assert table.columns[:3] == ("领域", "检查机构数（家次）", "发现问题机构数（家）")
    rows = {r[0].text: [c.text for c in r[1:]] for r in table.rows}
    assert rows["产品质量"][0] == "60" and rows["食品"][0] == "66"  # 6 units × (10 + i)
    assert rows["合计"][0] == "450" and rows["合计"][4] == "45.00"  # the sum of the rows, fines to 2 places


def test_bulletin_has_no_table_for_a_form_nobody_sent(info: CampaignInfo) -> None:
    from parsers.results import FormResult

    nobody = Result(
        forms={"work-statistics": FormResult(title="工作情况统计表", units_expected=UNITS, missing_units=UNITS)}
    )
    spec = bulletin_spec(nobody, info.model_copy(update={"forms": ["work-statistics"]}), stamp=AFTER)
    assert not [p for p in spec.body if isinstance(p, Table)]
    body = text(spec)
    assert "《工作情况统计表》尚无单位报送，暂无汇总数据。" in body and "检查机构数" not in body
    assert "应报单位9个，报送了全部报表的0个，未报送的9个。" in body


def test_summary_has_the_six_chapters_with_figures_and_marks(result: Result, info: CampaignInfo) -> None:
    spec = summary_spec(result, info, stamp=AFTER)
    body = text(spec)
    assert "截至2022年5月26日，本次专项行动应报单位9个，已报送7个（其中只报送了部分报表的1个），尚未报送2个" in body
    chapters = [
        "一、基本情况",
        "二、主要成效",
        "三、经验做法",
        "四、存在问题及原因分析",
        "五、典型案例",
        "六、工作意见和建议",
    ]
    positions = [body.index(c) for c in chapters]
    assert positions == sorted(positions)
    assert "检查机构数450家次" in body and "第三方检验检测机构14家" in body and spec.number == AFTER.number
    assert body.count("【请补充") >= 6 and spec.issuer_mark == ()


def test_summary_fills_typical_cases(info: CampaignInfo) -> None:
    from parsers.results import FormResult, Record, Source

    case = Record(
        unit="东胜区",
        values={
            "title": "某检测公司出具虚假检测报告案",
            "summary": "经查，当事人出具虚假报告12份。",
            "penalty": "罚款5万元",
            "significance": "严厉打击了造假行为。",
        },
        source=Source(file="案例.docx", sheet="表1", cell="行1列2"),
    )
    result = Result(forms={"case-report": FormResult(title="典型案例报送信息表", records=[case])})
    body = text(summary_spec(result, info, stamp=AFTER))
    assert "（一）某检测公司出具虚假检测报告案。东胜区查办。经查，当事人出具虚假报告12份。处理结果：罚款5万元。" in body


def test_campaign_documents_render(result: Result, info: CampaignInfo) -> None:
    for spec in (bulletin_spec(result, info, stamp=AFTER), summary_spec(result, info, stamp=AFTER)):
        assert render_docx(spec)[:2] == b"PK" and render_pdf(spec)[:5] == b"%PDF-"


def test_an_office_text_replaces_the_builtin(tmp_path, result: Result, info: CampaignInfo) -> None:
    own = tmp_path / "催报.yaml.j2"
    own.write_text(
        "title: 关于尽快报送报表的通知\nbody: |\n  {% for u in missing %}\n  {{ u.unit }}\n  {% endfor %}\n",
        encoding="utf-8",
    )
    spec = reminder_spec(result, info, own, stamp=AFTER)
    assert spec.title == "关于尽快报送报表的通知" and text(spec).split() == ["伊金霍洛旗", "乌审旗", "鄂托克前旗"]
    broken = tmp_path / "坏.yaml.j2"
    broken.write_text("title: {{ info.titel }}\nbody: 正文\n", encoding="utf-8")
    with pytest.raises(DocumentSpecError, match="引用了不存在的内容"):
        reminder_spec(result, info, broken, stamp=AFTER)
    broken.write_text("title: {% if %}\n", encoding="utf-8")
    with pytest.raises(DocumentSpecError, match="文本模板语法错误"):
        reminder_spec(result, info, broken, stamp=AFTER)
