"""The document spec: what it accepts, what it normalises and how it says what is wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from doc_inputs import FULL_SPEC

from generators.documents import DocSpec, DocumentSpecError, load_spec
from generators.documents.model import Table


def spec(**keys: object) -> DocSpec:
    return DocSpec.model_validate({"title": "关于开展专项整治行动的通知", "body": "正文。", **keys})


def test_full_spec_loads_with_every_element() -> None:
    s = load_spec(FULL_SPEC)
    assert s.copy_no == "000018"  # 份号 has six digits
    assert s.issuers == ("鄂尔多斯市市场监督管理局",) and s.mark_suffix == "文件"
    assert s.number == "鄂市监发〔2022〕74号"
    assert s.date == dt.date(2022, 5, 5) and s.printed_on == dt.date(2022, 5, 6)
    assert [a.title for a in s.attachments] == ["检验检测机构基本情况汇总表", "工作情况统计表"]
    assert s.cc == ("内蒙古自治区市场监督管理局", "鄂尔多斯市人民政府办公室")


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("沪市监认检〔2021〕529号", "沪市监认检〔2021〕529号"),
        ("沪市监认检[2021]529号", "沪市监认检〔2021〕529号"),
        ("沪市监认检（2021）529号", "沪市监认检〔2021〕529号"),
        ("沪市监认检 〔2021〕 529号", "沪市监认检〔2021〕529号"),
    ],
)
def test_number_brackets_are_normalised(raw: str, normalised: str) -> None:
    assert spec(number=raw).number == normalised


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("沪市监认检〔2021〕第529号", "不应编“第”字"),
        ("沪市监认检〔2021〕0529号", "不编虚位"),
        ("沪市监认检〔21〕529号", "四位数字"),
        ("沪市监认检2021529号", "六角括号"),
        ("沪市监认检〔2021〕529", "以“号”结尾"),
        ("〔2021〕529号", "格式不正确"),
    ],
)
def test_malformed_number_is_refused_in_chinese(raw: str, says: str) -> None:
    with pytest.raises(DocumentSpecError) as exc:
        load_spec(f"title: 通知\nbody: 正文\nnumber: {raw}\n")
    assert says in str(exc.value) and "第3行" in str(exc.value)


def test_date_that_does_not_exist_is_refused() -> None:
    with pytest.raises(DocumentSpecError) as exc:
        load_spec("title: 通知\nbody: 正文\ndate: 2021-02-30\n")
    assert "日期“2021-02-30”不存在" in str(exc.value) and "第3行" in str(exc.value)


@pytest.mark.parametrize("written", ["2021-10-12", "2021年10月12日", "2021.10.12", "2021/10/12"])
def test_dates_as_officials_write_them(written: str) -> None:
    assert load_spec(f"title: 通知\nbody: 正文\ndate: {written}\n").date == dt.date(2021, 10, 12)


def test_unknown_format_lists_the_formats() -> None:
    with pytest.raises(DocumentSpecError) as exc:
        load_spec("format: memo\ntitle: 通知\nbody: 正文\n")
    assert "未知的公文格式“memo”" in str(exc.value) and "letter（信函格式）" in str(exc.value)


def test_missing_title_and_unknown_key() -> None:
    with pytest.raises(DocumentSpecError, match="缺少必填项“title”"):
        load_spec("body: 正文\n")
    with pytest.raises(DocumentSpecError, match="未知的键“sender”"):
        load_spec("title: 通知\nbody: 正文\nsender: 某局\n")
    with pytest.raises(DocumentSpecError, match="正文不能为空"):
        load_spec("title: 通知\nbody: '  '\n")


def test_yaml_syntax_error_names_the_line() -> None:
    with pytest.raises(DocumentSpecError, match="第4行") as exc:
        load_spec("title: 通知\nbody: 正文\ndate: [2022-05-05\ncc: 市司法局\n")
    assert "YAML 语法错误（第3行开始的内容）" in str(exc.value)


def test_numbers_stay_as_written() -> None:
    s = load_spec("title: 通知\ncopy_no: 000017\nbody:\n  - {columns: [罚没金额], rows: [[0.50]]}\n")
    assert s.copy_no == "000017"  # not the octal 15
    assert s.body[0].rows[0][0].text == "0.50"


def test_secrecy_urgency_and_copy_number_are_checked() -> None:
    assert spec(secrecy="秘密★1年", urgency="加急").urgency == "加急"
    for bad in ({"secrecy": "内部"}, {"urgency": "很急"}, {"copy_no": "1234567"}, {"copy_no": "A1"}):
        with pytest.raises(ValueError):
            spec(**bad)


def test_signers_need_a_number() -> None:
    with pytest.raises(ValueError, match="必须有发文字号"):
        spec(signers=["张三"])


def test_minutes_may_number_by_issue() -> None:
    assert spec(format="minutes", number="第3期").number == "第3期"
    with pytest.raises(ValueError):
        spec(format="file", number="第3期")


def test_joint_issuers_and_free_forms() -> None:
    s = spec(
        issuer_mark=["甲市市场监督管理局", "甲市公安局", "文件"],
        cc="市司法局，市财政局、市公安局。",
        note="（此件公开发布）",
        to="各区市场监管局：",
    )
    assert s.issuers == ("甲市市场监督管理局", "甲市公安局") and s.mark_suffix == "文件"
    assert s.cc == ("市司法局", "市财政局", "市公安局")
    assert s.note == "此件公开发布" and s.to == "各区市场监管局"


def test_body_may_hold_tables() -> None:
    s = load_spec("title: 通报\nbody:\n  - 正文。\n  - {heading: 表1, columns: [领域, 数量], rows: [[食品, 3]]}\n")
    assert isinstance(s.body[1], Table) and s.body[1].rows[0][1].text == "3"
    with pytest.raises(DocumentSpecError, match="3 个列宽"):
        load_spec("title: 通报\nbody:\n  - {columns: [甲, 乙], widths: [1, 2, 3]}\n")


def test_attachment_naming_a_form_is_laid_out_as_the_blank_form() -> None:
    s = load_spec("title: 通知\nbody: 正文\nattachments:\n  - {title: 统计表, form: work-statistics}\n")
    att = s.attachments[0]
    assert att.landscape and att.meta.startswith("填报单位：")
    table = att.tables[0]
    assert table.columns[:2] == ("领域", "检查机构数（家次）")
    assert [r[0].text for r in table.rows] == ["产品质量", "食品", "药品", "化妆品", "医疗器械", "特种设备", "合计"]
    with pytest.raises(DocumentSpecError, match="未知的表单“no-such-form”"):
        load_spec("title: 通知\nbody: 正文\nattachments:\n  - {title: 表, form: no-such-form}\n")


def test_load_spec_reads_a_file(tmp_path) -> None:
    path = tmp_path / "通知.yaml"
    path.write_text(FULL_SPEC, encoding="utf-8")
    assert load_spec(path) == load_spec(str(path)) == load_spec(FULL_SPEC)
    with pytest.raises(DocumentSpecError, match="文件不存在"):
        load_spec(str(tmp_path / "missing.yaml"))
