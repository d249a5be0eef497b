"""`huizong parse` on every hostile sample: one clear Chinese issue, never a traceback."""

from __future__ import annotations

import json

import pytest
from cli_run import ROOT

HOSTILE = sorted((ROOT / "samples" / "hostile").iterdir())


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_hostile_file_gives_one_clear_issue(huizong, path) -> None:
    out = huizong("parse", path, "--json", "-")
    assert out.returncode == 1 and "Traceback" not in out.stderr  # unreadable: exit 1, like merge
    result = json.loads(out.stdout)
    assert [f["status"] for f in result["files"]] == ["failed"]
    assert [i["code"] for i in result["issues"]] == ["file-unreadable"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result["issues"][0]["message"])


def test_parse_with_forced_form_and_units(huizong, tmp_path) -> None:
    sample = ROOT / "samples" / "statistics" / "clean.xlsx"
    units = tmp_path / "units.txt"
    units.write_text("东胜区\n", encoding="utf-8")
    out = huizong("parse", sample, "--form", "work-statistics", "--units", units, "--json", "-")
    result = json.loads(out.stdout)
    assert len(result["forms"]["work-statistics"]["records"]) == 6
    assert result["forms"]["work-statistics"]["units_expected"] == ["东胜区"]


TABLES = ROOT / "samples" / "tables"
SAMPLE_FORMS = ROOT / "samples" / "forms"


def test_summary_names_form_unit_table_records_and_issues(huizong) -> None:
    out = huizong("parse", TABLES / "康巴什区2024年部门预算.xlsx", "--forms", SAMPLE_FORMS)
    assert out.returncode == 0 and out.stderr == ""
    text = out.stdout
    assert "报表：部门支出预算总表（dept-budget）" in text
    assert "填报单位：康巴什区（取自文件名）" in text
    assert "表格：工作表“部门支出总表”第5行起，6 条记录" in text
    assert "记录：6 条" in text and "问题：错误 0 条，提示 4 条" in text
    assert "工作表“部门收入总表”A2:G9 不是本表的表格" in text


def test_json_to_stdout_keeps_the_summary_on_stderr(huizong) -> None:
    out = huizong("parse", TABLES / "达拉特旗联络员（表头改写）.docx", "--json", "-")
    result = json.loads(out.stdout)
    (record, _second) = result["forms"]["liaison-roster"]["records"]
    assert record["extra"] == {"微信号": "guorui_dlt"}
    assert {i["code"] for i in result["issues"]} == {"fuzzy-header", "unmapped-column"}
    assert "报表：联络员统计表" in out.stderr


def test_explain_shows_every_table_the_forms_weighed_and_the_decision(huizong) -> None:
    out = huizong("parse", TABLES / "鄂托克旗特种设备统计月报.xls", "--forms", SAMPLE_FORMS, "--explain")
    text = out.stdout
    assert out.returncode == 0
    assert "表格 1：工作表“统计月报表”" in text and "（已选用）" in text
    assert "特种设备安全监察统计月报表（monthly-indicators）得分" in text
    assert "标题“特种设备安全监察统计月报表”" in text and "表头 指标代码、指标名称" in text
    assert "表格 2：工作表“区域情况统计表（三）”" in text
    assert "结论：按“特种设备安全监察统计月报表”读取" in text and "未采用 表格 2、表格 3" in text


def test_unrecognised_exits_1_and_explains_the_closest_forms(huizong, tmp_path) -> None:
    out = huizong("parse", ROOT / "samples" / "campaign" / "returns" / "关于召开检验检测工作推进会的通知.docx")
    assert out.returncode == 1 and "无法识别：" in out.stdout
    sheet = tmp_path / "名单.xlsx"
    _write(sheet, [["姓名", "职务", "备注"], ["张三", "科长", None]])
    out = huizong("parse", sheet, "--explain")
    assert out.returncode == 1
    assert "最接近“联络员统计表”" in out.stdout and "缺少：" in out.stdout
    assert "结论：未能识别。" in out.stdout and "联络员统计表（liaison-roster）全文得分 2" in out.stdout


def test_wrong_usage_exits_2_in_chinese(huizong, tmp_path) -> None:
    missing = huizong("parse", tmp_path / "没有这个文件.xlsx")
    assert missing.returncode == 2 and "错误：找不到文件" in missing.stderr and "Error" not in missing.stderr
    sample = TABLES / "设备台账.xlsx"
    unknown = huizong("parse", sample, "--form", "no-such-form")
    assert unknown.returncode == 2 and "没有报表“no-such-form”" in unknown.stderr
    bad = huizong("parse", sample, "--bogus")
    assert bad.returncode == 2 and "错误：没有选项 '--bogus'" in bad.stderr and "Usage" not in bad.stderr


def _write(path, rows) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    for r, row in enumerate(rows):
        sheet.write_row(r, 0, row)
    book.close()
