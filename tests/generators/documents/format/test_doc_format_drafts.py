"""一键排版 of the sample drafts (samples/documents/drafts): every part recognised, every normalisation
listed, and the result passes `doc check` in DOCX and PDF alike."""

from __future__ import annotations

import datetime as dt

import pytest
from doc_inputs import SAMPLES

from generators.documents import render_docx, render_pdf
from generators.documents.check import check_document
from generators.documents.format import DraftError, Options, format_draft
from generators.documents.format.compose import compose
from generators.documents.format.drafts import plain_draft

DRAFTS = SAMPLES / "drafts"
TODAY = dt.date(2024, 5, 7)


def changes(formatted) -> str:
    return "\n".join(c.line() for c in formatted.changes)


@pytest.fixture(scope="module")
def guidance():
    return format_draft(DRAFTS / "指导意见草稿.txt", today=TODAY)


def test_the_guidance_draft_is_recognised_part_by_part(guidance) -> None:
    s = guidance.spec
    assert s.issuer_mark == ("鄂尔多斯市市场监督管理局文件",) and s.number == "鄂市监发〔2024〕7号"
    assert s.title == "鄂尔多斯市市场监督管理局关于加强检验检测机构事中事后监管工作的指导意见"  # two lines joined
    assert s.to == "各旗区市场监督管理局，市局各科室、直属单位"
    assert s.signature == ("鄂尔多斯市市场监督管理局",) and s.date == dt.date(2024, 3, 8) and s.note == "此件公开发布"
    assert [a.title for a in s.attachments] == ["检验检测机构监督检查工作要点", "检验检测机构信用风险分类指标"]
    assert all(a.body for a in s.attachments)  # the 附件 pages came along
    assert s.cc == ("内蒙古自治区市场监督管理局", "鄂尔多斯市人民政府办公室")
    assert s.printed_by == "鄂尔多斯市市场监督管理局办公室" and s.printed_on == dt.date(2024, 3, 8)
    body = s.body[0]
    for heading in (
        "一、总体要求",
        "二、重点任务",
        "（一）全面摸清机构底数",
        "1．食品和农产品检验。",
        "3．建设工程",
        "（1）强化信用分类监管。",
    ):
        assert heading in body


def test_the_guidance_draft_lists_its_normalisations(guidance) -> None:
    said = changes(guidance)
    assert (
        "第2行：发文字号改为标准写法（六角括号、不编“第”、不编虚位）：“鄂市监发[2024]第07号”→“鄂市监发〔2024〕7号”"
        in said
    )
    assert "第10行：层次序号改为标准写法：“1、 总体要求”→“一、总体要求”" in said  # 1、 where 一、 belongs
    assert "第14行：层次序号改为标准写法：“(一)全面摸清机构底数”→“（一）全面摸清机构底数”" in said
    assert "第36行：成文日期改为阿拉伯数字标全年月日、不编虚位：“2024.3.8”→“2024年3月8日”" in said
    assert "第4—5行：硬回车断开的一段连成一段" in said and "删除行首用于缩进的空格" in said
    assert "第37行：附注用全角圆括号括入" in said and "抄送机关之间用逗号、末尾用句号" in said


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("指导意见草稿.txt", Options()),
        ("工作通知草稿.txt", Options(issuer_mark="鄂尔多斯市市场监督管理局文件", number="鄂市监发〔2024〕5号")),
        ("实施方案草稿.md", Options(issuer_mark="鄂托克旗市场监督管理局文件", number="鄂托市监发〔2024〕21号")),
        (
            "抽查通知草稿.docx",
            Options(issuer_mark="鄂尔多斯市市场监督管理局文件", number="鄂市监发〔2024〕30号", seal=True),
        ),
    ],
)
def test_every_formatted_draft_passes_the_check(name: str, options: Options) -> None:
    spec = format_draft(DRAFTS / name, options, today=TODAY).spec
    for kind, data in (("docx", render_docx(spec)), ("pdf", render_pdf(spec))):
        report = check_document(data, f"{name}.{kind}")
        assert report.ok and not report.warnings, report.lines()


def test_the_word_draft_keeps_its_table_and_its_list_numbers() -> None:
    f = format_draft(DRAFTS / "抽查通知草稿.docx", today=TODAY)
    s = f.spec
    assert s.title == "关于开展2024年度检验检测机构监督抽查工作的通知" and s.date == dt.date(2024, 3, 18)
    (table,) = [p for p in s.body if not isinstance(p, str)]
    assert table.columns == ("检查项目", "检查内容", "检查方法") and len(table.rows) == 2
    text = "\n".join(p for p in s.body if isinstance(p, str))
    assert "一、抽查范围和数量" in text and "（二）抽查方式" in text  # Word's automatic list labels
    assert "“二〇二四年三月十八日”→“2024年3月18日”" in changes(f)


def test_a_skipped_number_is_renumbered_and_said() -> None:
    said = changes(format_draft(DRAFTS / "工作通知草稿.txt", today=TODAY))
    assert "第13行：层次序号改为标准写法：“（六）科研创新情况。" in said and "→“（五）科研创新情况。" in said


def test_a_draft_without_date_gets_today_and_says_so() -> None:
    draft = plain_draft("关于开会的通知\n各单位：\n定于下周一开会，请准时参加。\n某某局\n")
    f = compose(draft, Options(), TODAY)
    assert f.spec.date == TODAY and "成文日期：草稿没有成文日期，填为今天" in changes(f)


def test_a_draft_without_title_is_refused_in_chinese() -> None:
    with pytest.raises(DraftError, match="没有在草稿中找到标题"):
        compose(plain_draft("为做好工作，现通知如下。\n请各单位认真落实。\n"), Options(), TODAY)
